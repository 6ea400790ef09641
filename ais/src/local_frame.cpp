// local_frame.cpp — WGS84 radii of curvature (Torge, "Geodesy", 4th ed., 2.2) for a tangent plane.
#include "aiswatch/ais/local_frame.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <cmath>
#include <numbers>

namespace aiswatch::ais {
namespace {

constexpr double kA = 6378137.0;                 // WGS84 semi-major axis
constexpr double kF = 1.0 / 298.257223563;       // WGS84 flattening
constexpr double kE2 = kF * (2 - kF);            // first eccentricity squared
constexpr double kDegToRad = std::numbers::pi / 180.0;

// Longitude difference folded into -180..180 so frames near the antimeridian work.
double wrap_deg(double d) noexcept {
  if (d > 180) return d - 360;
  if (d < -180) return d + 360;
  return d;
}

}  // namespace

LocalFrame::LocalFrame(double lat0_deg, double lon0_deg) noexcept : lat0_deg_(lat0_deg), lon0_deg_(lon0_deg) {
  const double phi = lat0_deg * kDegToRad;
  const double s = std::sin(phi);
  const double w2 = 1 - kE2 * s * s;
  const double w = std::sqrt(w2);
  const double n = kA / w;                       // prime vertical radius
  const double m = kA * (1 - kE2) / (w2 * w);    // meridional radius
  m_per_deg_east_ = n * std::cos(phi) * kDegToRad;
  m_per_deg_north_ = m * kDegToRad;
}

EastNorth LocalFrame::to_local(double lat_deg, double lon_deg) const noexcept {
  return {wrap_deg(lon_deg - lon0_deg_) * m_per_deg_east_, (lat_deg - lat0_deg_) * m_per_deg_north_};
}

LatLon LocalFrame::to_geo(double east_m, double north_m) const noexcept {
  // At the poles there is no east; keep the longitude rather than divide by zero.
  const double dlon = m_per_deg_east_ > 1e-6 ? east_m / m_per_deg_east_ : 0.0;
  return {lat0_deg_ + north_m / m_per_deg_north_, wrap_deg(lon0_deg_ + dlon)};
}

double distance_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) noexcept {
  const LocalFrame frame((lat1_deg + lat2_deg) / 2, lon1_deg);
  const EastNorth a = frame.to_local(lat1_deg, lon1_deg);
  const EastNorth b = frame.to_local(lat2_deg, lon2_deg);
  const double planar = std::hypot(b.east_m - a.east_m, b.north_m - a.north_m);
  if (planar < kExactBeyond_m) return planar;
  double s12 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1_deg, lon1_deg, lat2_deg, lon2_deg, s12);
  return s12;
}

}  // namespace aiswatch::ais
