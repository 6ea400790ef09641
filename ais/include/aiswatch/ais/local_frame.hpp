// local_frame.hpp — a cheap local east/north plane around a point, for the tracker's hot path.
//
// The tracker needs, for every fix, the displacement from the previous one (implied speed, Kalman
// measurement). A geodesic per message is too slow at millions of updates per second, so this uses
// the WGS84 radii of curvature at the origin (meridional M, prime vertical N):
//   east = N(lat0) * cos(lat0) * dlon,   north = M(lat0) * dlat.
// Error against GeographicLib (tests/tracker/local_frame_test.cpp): below 0.1 % of the distance for
// displacements up to 20 km at latitudes below 70 degrees, which is far inside AIS position noise for
// consecutive fixes. Beyond `kExactBeyond_m` callers use the geodesic (distance_m does it itself).
//
//   LocalFrame frame(42.24, 130.30);
//   auto [east_m, north_m] = frame.to_local(42.25, 130.31);
//   auto [lat, lon] = frame.to_geo(east_m, north_m);   // back to (42.25, 130.31)
#pragma once

namespace aiswatch::ais {

struct EastNorth {
  double east_m = 0;
  double north_m = 0;
};
struct LatLon {
  double lat_deg = 0;
  double lon_deg = 0;
};

class LocalFrame {
 public:
  LocalFrame(double lat0_deg, double lon0_deg) noexcept;

  [[nodiscard]] EastNorth to_local(double lat_deg, double lon_deg) const noexcept;
  [[nodiscard]] LatLon to_geo(double east_m, double north_m) const noexcept;
  [[nodiscard]] LatLon origin() const noexcept { return {lat0_deg_, lon0_deg_}; }

 private:
  double lat0_deg_, lon0_deg_;
  double m_per_deg_east_, m_per_deg_north_;
};

// Beyond this the plane approximation is not trusted and distance_m() switches to the geodesic.
inline constexpr double kExactBeyond_m = 20'000;

// Distance between two points: the local plane for short hops, the WGS84 geodesic for long ones.
double distance_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) noexcept;

}  // namespace aiswatch::ais
