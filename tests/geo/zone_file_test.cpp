// Zone files: the same user zones written by GDAL as GeoJSON, GeoPackage, Shapefile (in UTM, so they are
// reprojected on load), KML and CSV load with the documented attribute convention and answer queries;
// broken files fail with a message naming the file.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "aiswatch/geo/error.hpp"
#include "aiswatch/geo/zone_file.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "test_files.hpp"

namespace geo = aiswatch::geo;
using geo::LatLon;
using geo::ZoneKind;

namespace {

// A watched bay (polygon, with a hole) and a small port (point with radius_km) in Peter the Great Gulf.
const char* kUserZones = R"json({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
 "features": [
  {"type": "Feature", "properties": {"id": "bay-1", "name": "Test bay", "kind": "user", "watched": "yes",
     "country": "ru", "operator": "harbour master"},
   "geometry": {"type": "Polygon", "coordinates": [
     [[131.0, 42.0], [131.2, 42.0], [131.2, 42.1], [131.0, 42.1], [131.0, 42.0]],
     [[131.14, 42.04], [131.16, 42.04], [131.16, 42.06], [131.14, 42.06], [131.14, 42.04]]]}},
  {"type": "Feature", "properties": {"id": "port-1", "name": "Test port", "kind": "port", "watched": "0",
     "country": "RU", "radius_km": 2.0},
   "geometry": {"type": "Point", "coordinates": [131.5, 42.5]}}
 ]})json";

std::vector<std::string> ids_at(const geo::ZoneSet& zones, LatLon p) {
  std::vector<const geo::Zone*> hits;
  zones.zones_at(p, hits);
  std::vector<std::string> ids;
  for (const auto* z : hits) ids.push_back(z->id);
  return ids;
}

std::string error_of(const std::filesystem::path& file) {
  try {
    geo::ZoneSet zones(geo::read_zone_file(file));
  } catch (const geo::GeoError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("user zone files in every OGR format load with the attribute convention", "[geo][zones]") {
  geo_test::TempDir dir;
  const auto geojson = geo_test::write_text(dir / "user.geojson", kUserZones);
  const std::string format = GENERATE("GeoJSON", "GPKG", "Shapefile (UTM 52N)", "KML");
  std::filesystem::path file = geojson;
  if (format == "GPKG") file = geo_test::translate(geojson, dir / "user.gpkg", "GPKG");
  if (format == "Shapefile (UTM 52N)") {
    // A shapefile holds one geometry type: a directory with one per zone is a two-layer dataset.
    file = dir / "shapefiles";
    std::filesystem::create_directories(file);
    geo_test::translate(geojson, file / "bay.shp", "ESRI Shapefile", {"-t_srs", "EPSG:32652", "-where", "id='bay-1'"});
    geo_test::translate(geojson, file / "port.shp", "ESRI Shapefile", {"-t_srs", "EPSG:32652", "-where", "id='port-1'"});
  }
  if (format == "KML") file = geo_test::translate(geojson, dir / "user.kml", "KML");
  INFO(format << ": " << file);

  const geo::ZoneSet zones(geo::read_zone_file(file));
  REQUIRE(zones.size() == 2);
  const geo::Zone* bay = zones.find("bay-1");
  const geo::Zone* port = zones.find("port-1");
  REQUIRE(bay);
  REQUIRE(port);
  CHECK(bay->name == "Test bay");
  CHECK(bay->kind == ZoneKind::user);
  CHECK(bay->watched);
  CHECK(bay->country_iso2 == "RU");
  CHECK(bay->source == file.string());
  CHECK(bay->property("operator") == std::optional<std::string_view>("harbour master"));
  CHECK(port->kind == ZoneKind::port);
  CHECK_FALSE(port->watched);
  REQUIRE(port->radius_m);
  CHECK_THAT(*port->radius_m, Catch::Matchers::WithinAbs(2000.0, 1e-6));
  CHECK_THAT(*port->port_lat_deg, Catch::Matchers::WithinAbs(42.5, 1e-7));
  CHECK_THAT(*port->port_lon_deg, Catch::Matchers::WithinAbs(131.5, 1e-7));

  CHECK(ids_at(zones, {42.05, 131.05}) == std::vector<std::string>{"bay-1"});
  CHECK(ids_at(zones, {42.05, 131.15}).empty());  // in the hole
  CHECK(ids_at(zones, {42.15, 131.1}).empty());   // north of the bay
  CHECK(ids_at(zones, {42.5, 131.51}) == std::vector<std::string>{"port-1"});  // ~0.8 km from the point
  CHECK(ids_at(zones, {42.5, 131.53}).empty());                                // ~2.5 km: outside 2 km
  CHECK(zones.in_any({42.05, 131.05}, ZoneKind::user));
  CHECK_FALSE(zones.in_any({42.05, 131.05}, ZoneKind::port));
}

TEST_CASE("CSV zone files carry points in lat/lon columns; gzip is read transparently", "[geo][zones]") {
  geo_test::TempDir dir;
  const std::string csv =
      "id,name,kind,country,watched,radius_km,lat,lon\n"
      "a,Alpha,port,JP,false,1.5,35.0,139.0\n"
      "b,\"Bravo, with comma\",user,,true,,35.5,139.5\n";
  const auto file = geo_test::write_text(dir / "ports.csv", csv);
  const geo::ZoneSet zones(geo::read_zone_file(file, {.default_point_radius_m = 4000}));
  REQUIRE(zones.size() == 2);
  CHECK(zones.find("b")->name == "Bravo, with comma");
  CHECK(*zones.find("a")->radius_m == 1500.0);
  CHECK(*zones.find("b")->radius_m == 4000.0);  // no radius_km: the option's default
  CHECK(zones.find("b")->country_iso2.empty());
  CHECK(ids_at(zones, {35.0, 139.01}) == std::vector<std::string>{"a"});

  REQUIRE(std::system(("gzip -k " + file.string()).c_str()) == 0);
  const geo::ZoneSet gz(geo::read_zone_file(dir / "ports.csv.gz"));
  CHECK(gz.size() == 2);
}

TEST_CASE("a later zone with the same id replaces the earlier one", "[geo][zones]") {
  geo_test::TempDir dir;
  auto specs = geo::read_zone_file(geo_test::write_text(dir / "a.geojson", kUserZones));
  const auto fix = geo_test::write_text(dir / "fix.geojson", R"json({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "port-1", "name": "Test port (surveyed)", "kind": "port"},
     "geometry": {"type": "Polygon", "coordinates": [[[131.5, 42.5], [131.6, 42.5], [131.6, 42.6], [131.5, 42.6], [131.5, 42.5]]]}}]})json");
  for (auto& s : geo::read_zone_file(fix)) specs.push_back(std::move(s));
  const geo::ZoneSet zones(std::move(specs));
  CHECK(zones.size() == 2);
  CHECK(zones.stats().replaced == 1);
  const geo::Zone* port = zones.find("port-1");
  CHECK(port->name == "Test port (surveyed)");
  CHECK_FALSE(port->radius_m);
  REQUIRE(port->port_lat_deg);  // a polygon port gets a reference point inside it
  CHECK(ids_at(zones, {42.55, 131.55}) == std::vector<std::string>{"port-1"});
  CHECK(ids_at(zones, {42.5, 131.49}).empty());  // the old circle is gone
}

TEST_CASE("bad zone files fail with a message naming the file", "[geo][zones]") {
  geo_test::TempDir dir;
  SECTION("missing file") {
    const std::string msg = error_of(dir / "nowhere.geojson");
    CHECK_THAT(msg, Catch::Matchers::Contains("not found") && Catch::Matchers::Contains("nowhere.geojson"));
  }
  SECTION("not a format GDAL reads") {
    const auto f = geo_test::write_text(dir / "notes.txt", "these are my zones, trust me\n");
    CHECK_THAT(error_of(f), Catch::Matchers::Contains("cannot read zone file") && Catch::Matchers::Contains("notes.txt"));
  }
  SECTION("truncated GeoJSON") {
    const auto f = geo_test::write_text(dir / "cut.geojson", std::string(kUserZones).substr(0, 200));
    CHECK_THAT(error_of(f), Catch::Matchers::Contains("cut.geojson"));
  }
  SECTION("a line is not a zone") {
    const auto f = geo_test::write_text(dir / "line.geojson", R"json({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "route"}, "geometry": {"type": "LineString", "coordinates": [[130, 42], [131, 42]]}}]})json");
    CHECK_THAT(error_of(f), Catch::Matchers::Contains("line.geojson") && Catch::Matchers::Contains("Line String") &&
                                Catch::Matchers::Contains("feature 0"));
  }
  SECTION("a feature without geometry") {
    const auto f = geo_test::write_text(dir / "nogeom.geojson", R"json({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "x"}, "geometry": null}]})json");
    CHECK_THAT(error_of(f), Catch::Matchers::Contains("nogeom.geojson") && Catch::Matchers::Contains("no geometry"));
  }
  SECTION("bad attribute values") {
    const auto f1 = geo_test::write_text(dir / "watched.csv", "name,watched,lat,lon\nx,maybe,1,2\n");
    CHECK_THAT(error_of(f1), Catch::Matchers::Contains("watched.csv") && Catch::Matchers::Contains("maybe"));
    const auto f2 = geo_test::write_text(dir / "kind.csv", "name,kind,lat,lon\nx,harbour,1,2\n");
    CHECK_THAT(error_of(f2), Catch::Matchers::Contains("unknown zone kind \"harbour\""));
    const auto f3 = geo_test::write_text(dir / "radius.csv", "name,radius_km,lat,lon\nx,-3,1,2\n");
    CHECK_THAT(error_of(f3), Catch::Matchers::Contains("radius.csv") && Catch::Matchers::Contains("positive"));
  }
  SECTION("projected coordinates without a CRS") {
    const auto geojson = geo_test::write_text(dir / "u.geojson", kUserZones);
    const auto shp = geo_test::translate(geojson, dir / "utm.shp", "ESRI Shapefile",
                                         {"-t_srs", "EPSG:32652", "-where", "id='bay-1'"});
    std::filesystem::remove(dir / "utm.prj");
    CHECK_THAT(error_of(shp), Catch::Matchers::Contains("utm.shp") &&
                                  Catch::Matchers::Contains("not longitude/latitude degrees"));
  }
}

TEST_CASE("invalid polygons are repaired with MakeValid and counted", "[geo][zones]") {
  geo_test::TempDir dir;
  // A bow-tie: the ring crosses itself at (131.1, 42.05).
  const auto f = geo_test::write_text(dir / "bowtie.geojson", R"json({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "bowtie"}, "geometry": {"type": "Polygon", "coordinates":
      [[[131.0, 42.0], [131.2, 42.1], [131.2, 42.0], [131.0, 42.1], [131.0, 42.0]]]}}]})json");
  const geo::ZoneSet zones(geo::read_zone_file(f));
  CHECK(zones.stats().repaired_ids == std::vector<std::string>{"bowtie"});
  CHECK(ids_at(zones, {42.05, 131.02}) == std::vector<std::string>{"bowtie"});  // left lobe
  CHECK(ids_at(zones, {42.05, 131.18}) == std::vector<std::string>{"bowtie"});  // right lobe
  CHECK(ids_at(zones, {42.09, 131.1}).empty());                                // between the lobes
}
