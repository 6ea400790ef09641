// Geodesy: GeographicLib wrappers against GeographicLib's published examples, and the error bound of the
// flat-earth approximation stated in geodesy.hpp, measured over a grid of cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "aiswatch/geo/geodesy.hpp"

using aiswatch::geo::LatLon;
namespace geo = aiswatch::geo;

TEST_CASE("geodesic distance, bearing and destination match GeographicLib's examples", "[geo][geodesy]") {
  // GeographicLib examples/example-Geodesic.cpp: JFK → LHR inverse and the direct problem from JFK.
  const LatLon jfk{40.6, -73.8};
  const LatLon lhr{51.6, -0.5};
  CHECK_THAT(geo::distance_m(jfk, lhr), Catch::Matchers::WithinAbs(5551759.400319, 1e-3));
  const LatLon p = geo::destination(jfk, 51.0, 5.5e6);
  CHECK_THAT(p.lat_deg, Catch::Matchers::WithinAbs(51.884565, 1e-6));
  CHECK_THAT(p.lon_deg, Catch::Matchers::WithinAbs(-1.141173, 1e-6));
  // GeodSolve(1) man page: JFK (40:38:23N 073:46:44W) → Singapore Changi (01:21:33N 103:59:22E):
  // azi1 003:18:29.9, s12 15347628 m.
  const LatLon jfk_dms{40 + 38 / 60.0 + 23 / 3600.0, -(73 + 46 / 60.0 + 44 / 3600.0)};
  const LatLon sin_dms{1 + 21 / 60.0 + 33 / 3600.0, 103 + 59 / 60.0 + 22 / 3600.0};
  CHECK_THAT(geo::distance_m(jfk_dms, sin_dms), Catch::Matchers::WithinAbs(15347628, 0.5));
  CHECK_THAT(geo::initial_bearing_deg(jfk_dms, sin_dms),
             Catch::Matchers::WithinAbs(3 + 18 / 60.0 + 29.9 / 3600.0, 0.05 / 3600.0));
}

TEST_CASE("bearings are in [0, 360) and destination round-trips", "[geo][geodesy]") {
  const LatLon rajin{42.233333, 130.3};
  CHECK_THAT(geo::initial_bearing_deg(rajin, {42.0, 130.3}), Catch::Matchers::WithinAbs(180.0, 1e-9));
  const double west = geo::initial_bearing_deg(rajin, {42.233333, 130.0});
  CHECK(west > 270.0);
  CHECK(west < 271.0);
  for (double bearing : {0.0, 45.0, 135.0, 250.0, 359.0}) {
    const LatLon q = geo::destination(rajin, bearing, 20'000.0);
    CHECK_THAT(geo::distance_m(rajin, q), Catch::Matchers::WithinAbs(20'000.0, 1e-6));
    CHECK_THAT(geo::initial_bearing_deg(rajin, q), Catch::Matchers::WithinAbs(bearing, 1e-7));
  }
}

TEST_CASE("the antimeridian is handled by both the exact and the approximate distance", "[geo][geodesy]") {
  const LatLon east{10.0, 179.95};
  const LatLon west{10.0, -179.95};
  const double exact = geo::distance_m(east, west);
  CHECK_THAT(exact, Catch::Matchers::WithinRel(10'965.0, 0.01));
  CHECK_THAT(geo::approx_distance_m(east, west), Catch::Matchers::WithinRel(exact, 1e-6));
  CHECK(geo::delta_lon_deg(179.95, -179.95) == Approx(0.1));
  CHECK(geo::destination(east, 90.0, 20'000.0).lon_deg < -179.0);
}

TEST_CASE("approx_distance_m stays within the bound stated in geodesy.hpp", "[geo][geodesy]") {
  // Grid: latitudes −80..80 every 2.5°, bearings every 7.5°, exact endpoints from GeographicLib.
  struct Bound {
    double distance_m, max_rel, max_abs_m;
  };
  const auto bound = GENERATE(Bound{100, 5e-4, 0.5}, Bound{1'000, 5e-4, 0.5}, Bound{10'000, 5e-4, 0.5},
                              Bound{50'000, 5e-4, 1e9}, Bound{100'000, 5e-4, 1e9},
                              Bound{200'000, 2e-3, 1e9});
  double worst_rel = 0;
  double worst_abs = 0;
  for (double lat = -80.0; lat <= 80.0; lat += 2.5) {
    for (double bearing = 0; bearing < 360.0; bearing += 7.5) {
      const LatLon a{lat, 130.0};
      const LatLon b = geo::destination(a, bearing, bound.distance_m);
      if (std::fabs(b.lat_deg) > 80.0) continue;
      const double err = std::fabs(geo::approx_distance_m(a, b) - bound.distance_m);
      worst_rel = std::max(worst_rel, err / bound.distance_m);
      worst_abs = std::max(worst_abs, err);
    }
  }
  INFO("distance " << bound.distance_m << " m: worst relative error " << worst_rel << ", absolute "
                   << worst_abs << " m");
  CHECK(worst_rel <= bound.max_rel);
  CHECK(worst_abs <= bound.max_abs_m);
  CHECK(worst_rel > 0);  // the approximation is not accidentally the exact solver
}

TEST_CASE("metres_per_degree follows the WGS84 radii of curvature", "[geo][geodesy]") {
  // At the equator: a·π/180 for longitude, a(1−e²)·π/180 for latitude.
  const auto eq = geo::metres_per_degree(0.0);
  CHECK_THAT(eq.lon_m, Catch::Matchers::WithinAbs(111'319.49, 0.01));
  CHECK_THAT(eq.lat_m, Catch::Matchers::WithinAbs(110'574.28, 0.01));
  const auto k60 = geo::metres_per_degree(60.0);
  CHECK_THAT(k60.lon_m, Catch::Matchers::WithinRel(geo::distance_m({60.0, 0.0}, {60.0, 0.001}) * 1000, 1e-6));
}
