// geodesy.cpp — GeographicLib wrappers and the flat-earth approximation (see geodesy.hpp).
#include "aiswatch/geo/geodesy.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <cmath>
#include <numbers>

namespace aiswatch::geo {
namespace {

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

constexpr double kDegToRad = std::numbers::pi / 180.0;
// WGS84 semi-major axis and first eccentricity squared.
constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257223563;
constexpr double kE2 = kF * (2.0 - kF);

double normalise_lon(double lon_deg) {
  double x = std::fmod(lon_deg + 180.0, 360.0);
  if (x < 0) x += 360.0;
  return x - 180.0;
}

}  // namespace

double distance_m(LatLon a, LatLon b) {
  double s12 = 0;
  wgs84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12);
  return s12;
}

double initial_bearing_deg(LatLon from, LatLon to) {
  double azi1 = 0, azi2 = 0;
  wgs84().Inverse(from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, azi1, azi2);
  return azi1 < 0 ? azi1 + 360.0 : azi1;
}

LatLon destination(LatLon from, double bearing_deg, double distance) {
  double lat2 = 0, lon2 = 0;
  wgs84().Direct(from.lat_deg, from.lon_deg, bearing_deg, distance, lat2, lon2);
  return {lat2, normalise_lon(lon2)};
}

double delta_lon_deg(double lon_a_deg, double lon_b_deg) { return normalise_lon(lon_b_deg - lon_a_deg); }

MetresPerDegree metres_per_degree(double lat_deg) {
  const double s = std::sin(lat_deg * kDegToRad);
  const double w2 = 1.0 - kE2 * s * s;
  const double w = std::sqrt(w2);
  const double meridional = kA * (1.0 - kE2) / (w2 * w);  // M
  const double prime_vertical = kA / w;                    // N
  return {meridional * kDegToRad, prime_vertical * std::cos(lat_deg * kDegToRad) * kDegToRad};
}

double approx_distance_m(LatLon a, LatLon b) {
  const MetresPerDegree k = metres_per_degree(0.5 * (a.lat_deg + b.lat_deg));
  const double dy = (b.lat_deg - a.lat_deg) * k.lat_m;
  const double dx = delta_lon_deg(a.lon_deg, b.lon_deg) * k.lon_m;
  return std::sqrt(dx * dx + dy * dy);
}

}  // namespace aiswatch::geo
