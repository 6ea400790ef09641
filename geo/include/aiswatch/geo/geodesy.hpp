// geodesy.hpp — distances, bearings and destination points on the WGS84 ellipsoid.
//
// The exact functions wrap GeographicLib's geodesic solver (accurate to ~15 nm, about 1 µs a call). For
// hot paths there is a cheap local approximation, `approx_distance_m`, with a measured error bound
// (tests/geo/geodesy_test.cpp checks it against GeographicLib over a grid of cases):
//   |approx − exact| ≤ 0.05 % of the distance up to 100 km and ≤ 0.2 % up to 200 km at |lat| ≤ 80°,
//   and ≤ 0.5 m absolute up to 10 km (port circles, encounters). Measured worst cases: 0.035 % at
//   100 km, 0.14 % at 200 km, 0.81 % at 500 km, 0.04 m at 10 km (all at 80°; far smaller at low latitude).
// Beyond that (long distances, polar regions) use `distance_m`.
//
//   double d = aiswatch::geo::distance_m({42.24, 130.30}, {42.75, 133.08});   // Rajin → Vostochny
//   double b = aiswatch::geo::initial_bearing_deg({42.24, 130.30}, {42.75, 133.08});
//   aiswatch::geo::LatLon p = aiswatch::geo::destination({42.24, 130.30}, 90.0, 20'000.0);
#pragma once

namespace aiswatch::geo {

// A geographic position in degrees (WGS84). Latitude −90..90, longitude −180..180.
struct LatLon {
  double lat_deg = 0;
  double lon_deg = 0;
};

// Geodesic (shortest path on the ellipsoid) distance in metres.
double distance_m(LatLon a, LatLon b);

// Bearing of the geodesic from a towards b at a, degrees clockwise from true north in [0, 360).
double initial_bearing_deg(LatLon from, LatLon to);

// The point reached by travelling `distance_m` along the geodesic leaving `from` at `bearing_deg`.
// The longitude of the result is normalised to [−180, 180).
LatLon destination(LatLon from, double bearing_deg, double distance_m);

// Longitude difference b − a normalised to [−180, 180) (so it is correct across the antimeridian).
double delta_lon_deg(double lon_a_deg, double lon_b_deg);

// Cheap distance for hot paths: flat-earth ("equirectangular") at the mean latitude using the WGS84
// meridional and prime-vertical radii of curvature there. See the error bound at the top of this file.
double approx_distance_m(LatLon a, LatLon b);

// Metres per degree of latitude and of longitude at a latitude (WGS84 radii of curvature): the scale
// factors behind `approx_distance_m`, exposed for callers that build their own local frames.
struct MetresPerDegree {
  double lat_m = 0;
  double lon_m = 0;
};
MetresPerDegree metres_per_degree(double lat_deg);

}  // namespace aiswatch::geo
