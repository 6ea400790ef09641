// Land: on_land and distance to shore from the bundled Natural Earth 1:10m land, checked against an
// independent computation: the same land layer projected by GDAL/PROJ into an azimuthal equidistant
// projection centred on the query point (where the distance from the centre is the geodesic distance)
// and measured with GEOS. No code is shared with aiswatch's own search.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "aiswatch/geo/error.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "test_files.hpp"

namespace geo = aiswatch::geo;
using geo::LatLon;

namespace {

const geo::Land& land() {
  static const geo::Land loaded = geo::Land::load();
  return loaded;
}

// Distance from p to the land polygons within ±window_deg, in an aeqd projection centred on p.
double independent_distance_m(LatLon p, double window_deg) {
  GDALAllRegister();
  const std::string file = (geo::data_dir() / "ne_10m_land_world.gpkg").string();
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  OGRSpatialReference wgs84, aeqd;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  aeqd.importFromProj4(("+proj=aeqd +lat_0=" + std::to_string(p.lat_deg) + " +lon_0=" + std::to_string(p.lon_deg) +
                        " +datum=WGS84 +units=m").c_str());
  std::unique_ptr<OGRCoordinateTransformation> to_aeqd(OGRCreateCoordinateTransformation(&wgs84, &aeqd));
  // ±window_deg of latitude, and the same ground distance in longitude.
  const double wlon = std::min(179.0, window_deg / std::cos(p.lat_deg * 3.141592653589793 / 180.0));
  OGRPolygon window;
  {
    OGRLinearRing ring;
    ring.addPoint(p.lon_deg - wlon, p.lat_deg - window_deg);
    ring.addPoint(p.lon_deg + wlon, p.lat_deg - window_deg);
    ring.addPoint(p.lon_deg + wlon, p.lat_deg + window_deg);
    ring.addPoint(p.lon_deg - wlon, p.lat_deg + window_deg);
    ring.closeRings();
    window.addRing(&ring);
  }
  const OGRPoint centre(0, 0);
  double best = std::numeric_limits<double>::infinity();
  layer->SetSpatialFilter(&window);
  for (auto& feature : *layer) {
    std::unique_ptr<OGRGeometry> clipped(feature->GetGeometryRef()->Intersection(&window));
    if (!clipped || clipped->IsEmpty()) continue;
    clipped->segmentize(0.01);  // ~1 km: so straight projected edges follow the real ones
    REQUIRE(clipped->transform(to_aeqd.get()) == OGRERR_NONE);
    best = std::min(best, clipped->Distance(&centre));
  }
  return best;
}

}  // namespace

TEST_CASE("on_land knows land from sea", "[geo][land]") {
  const auto& l = land();
  CHECK(l.stats().polygons > 4000);
  CHECK(l.on_land({39.0, 125.75}));     // Pyongyang
  CHECK(l.on_land({55.75, 37.62}));     // Moscow: far inside a continent (a full cell)
  CHECK(l.on_land({42.26, 130.28}));    // Rajin town, next to the harbour (a coastal cell)
  CHECK_FALSE(l.on_land({40.0, 133.5}));  // Sea of Japan
  CHECK_FALSE(l.on_land({0.0, -140.0}));  // mid Pacific
  CHECK_FALSE(l.on_land({42.15, 130.45}));  // Rajin bay approaches
  CHECK(l.distance_to_shore_m({39.0, 125.75}) == 0.0);
}

TEST_CASE("distance to shore matches an independent aeqd + GEOS computation within 1 %", "[geo][land]") {
  struct Case {
    const char* where;
    LatLon p;
    double window_deg;
  };
  const auto c = GENERATE(Case{"Sea of Japan, mid basin", {40.0, 133.5}, 6.0},
                          Case{"Sea of Japan, 30 km off Rajin", {42.0, 130.6}, 2.0},
                          Case{"Korea Bay", {39.0, 124.65}, 2.0},
                          Case{"East China Sea STS box", {31.0, 123.9}, 4.0},
                          Case{"Barents Sea, 75° N", {75.0, 40.0}, 6.0},
                          Case{"Strait of Hormuz", {26.3, 56.6}, 1.0});
  INFO(c.where);
  const double ours = land().distance_to_shore_m(c.p);
  const double independent = independent_distance_m(c.p, c.window_deg);
  INFO("aiswatch " << ours << " m, independent " << independent << " m");
  REQUIRE(std::isfinite(independent));
  CHECK_THAT(ours, Catch::Matchers::WithinRel(independent, 0.01));
}

TEST_CASE("distance to shore: a published value from SpatiaLite", "[geo][land]") {
  // Independent tool, precomputed (SpatiaLite 5.0.1 through GDAL 3.6, geodesic on the WGS84 ellipsoid):
  //   ogrinfo -dialect SQLite -sql "select min(ST_Distance(MakePoint(133.5, 40.0, 4326), geom, 1)) from land"
  //     geo/data/ne_10m_land_world.gpkg      (one line)  →  299948.02075357
  CHECK_THAT(land().distance_to_shore_m({40.0, 133.5}), Catch::Matchers::WithinRel(299948.02075357, 0.001));
}

TEST_CASE("far from land and at the antimeridian the search still ends", "[geo][land]") {
  const double pacific = land().distance_to_shore_m({-48.88, -123.39});  // Point Nemo: ~2,700 km from land
  CHECK(pacific > 2'500'000.0);
  CHECK(pacific < 2'800'000.0);
  // Fiji straddles 180°: east and west of the line see the same islands.
  const double west = land().distance_to_shore_m({-17.0, 179.99});
  const double east = land().distance_to_shore_m({-17.0, -179.99});
  CHECK(std::fabs(west - east) < 3'000.0);
}

TEST_CASE("a land file that is not land fails with its name", "[geo][land]") {
  geo_test::TempDir dir;
  const auto points = geo_test::write_text(dir / "points.csv", "name,lat,lon\nx,1,2\n");
  CHECK_THROWS_WITH(geo::Land::load(points), Catch::Matchers::Contains("points.csv"));
  CHECK_THROWS_WITH(geo::Land::load(dir / "missing.gpkg"), Catch::Matchers::Contains("missing.gpkg"));
}
