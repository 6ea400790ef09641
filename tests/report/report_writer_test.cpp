// write_report: the files of a report directory, read back independently (nlohmann for JSON lines, GDAL
// for GIS layers), GIS drivers by name, hostile text in KML and spreadsheet outputs, refresh in place.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>

#include <fstream>
#include <map>
#include <sstream>

#include "aiswatch/report/error.hpp"
#include "aiswatch/report/gis_layers.hpp"
#include "aiswatch/report/report_writer.hpp"
#include "aiswatch/report/text_escape.hpp"
#include "scenario.hpp"
#include "temp_dir.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct LayerSummary {
  std::string geometry;  // OGR geometry type name of the layer
  std::size_t features = 0;
  std::map<std::string, std::size_t> geometry_types;  // per feature
  std::vector<std::map<std::string, std::string>> rows;
};

// Opens a dataset with GDAL (independently of the writer) and reads every feature of one layer.
LayerSummary read_layer(const std::filesystem::path& file, const char* layer_name) {
  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  REQUIRE(ds != nullptr);
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, layer_name);
  if (!layer && GDALDatasetGetLayerCount(ds) == 1) layer = GDALDatasetGetLayer(ds, 0);
  REQUIRE(layer != nullptr);
  LayerSummary s;
  s.geometry = OGRGeometryTypeToName(OGR_L_GetGeomType(layer));
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    ++s.features;
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) ++s.geometry_types[OGR_G_GetGeometryName(g)];
    std::map<std::string, std::string> row;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
      row[OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))] = OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
    s.rows.push_back(std::move(row));
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return s;
}

const ReportModel& model() {
  static const ReportModel m = test::scenario_model();
  return m;
}

ReportOptions options_with(std::string format) {
  ReportOptions o;
  o.gis_format = std::move(format);
  o.land_file = AISWATCH_SOURCE_DIR "/geo/data/ne_10m_land_world.gpkg";
  return o;
}

}  // namespace

TEST_CASE("write_report: every file, read back", "[report][writer]") {
  test::TempDir dir;
  const ReportFiles files = write_report(model(), options_with("GPKG"), dir.path / "out");

  SECTION("events.jsonl: one parseable line per event, in time order") {
    std::istringstream lines(slurp(files.events_jsonl));
    std::string line;
    std::vector<nlohmann::json> events;
    while (std::getline(lines, line)) events.push_back(nlohmann::json::parse(line));
    REQUIRE(events.size() == model().events.size());
    for (std::size_t i = 1; i < events.size(); ++i)
      CHECK(events[i - 1]["start"].get<std::string>() <= events[i]["start"].get<std::string>());
    std::size_t flagged = 0;
    for (const auto& e : events) flagged += e["flagged"].get<bool>() ? 1 : 0;
    CHECK(flagged == 6);
  }
  SECTION("events.csv: header plus one row per event") {
    const std::string csv = slurp(files.events_csv);
    CHECK(csv.starts_with("\xEF\xBB\xBFid,type,severity,flagged,mmsi"));
    // Rows end with CRLF; count them outside quoted cells.
    std::size_t rows = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
      if (csv[i] == '"') quoted = !quoted;
      if (!quoted && csv[i] == '\r' && csv[i + 1] == '\n') ++rows;
    }
    CHECK(rows == model().events.size() + 1);
  }
  SECTION("index.html exists and has the dossiers and land") {
    const std::string html = slurp(files.index_html);
    CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
    CHECK_THAT(html, Catch::Contains("<path class=\"land\""));
  }
  SECTION("GeoPackage: tracks as LineStrings split at gaps and at the antimeridian, events as Points") {
    REQUIRE(files.gis.size() == 2);
    CHECK(files.gis[0] == dir.path / "out" / "gis" / "tracks.gpkg");
    const LayerSummary tracks = read_layer(files.gis[0], "tracks");
    CHECK(tracks.geometry == "Line String");
    // Angara 3 segments, Chon Ma San 1, freighter 1, hostile 1, Bering 1 cut in two at 180°.
    CHECK(tracks.features == 8);
    CHECK(tracks.geometry_types == std::map<std::string, std::size_t>{{"LINESTRING", 8}});
    std::size_t angara = 0;
    for (const auto& row : tracks.rows) {
      if (row.at("mmsi") == std::to_string(test::kAngara)) {
        ++angara;
        CHECK(row.at("name") == "SASCO ANGARA");
      }
    }
    CHECK(angara == 3);
    CHECK(tracks.rows[0].at("start") == "2018/11/01 00:00:00+00");

    const LayerSummary events = read_layer(files.gis[1], "events");
    CHECK(events.geometry == "Point");
    CHECK(events.features == model().events.size());
    CHECK(events.geometry_types == std::map<std::string, std::size_t>{{"POINT", model().events.size()}});
    std::size_t flagged = 0;
    for (const auto& row : events.rows) flagged += row.at("flagged") == "1" ? 1 : 0;
    CHECK(flagged == 6);
  }
}

TEST_CASE("GIS layers by OGR driver name", "[report][writer][gis]") {
  test::TempDir dir;
  SECTION("GeoJSON") {
    const auto files = write_gis_layers(model(), "GeoJSON", dir.path);
    REQUIRE(files.size() == 2);
    CHECK(files[0].extension() == ".geojson");
    CHECK(read_layer(files[0], "tracks").features == 8);
    CHECK(read_layer(files[1], "events").geometry_types.at("POINT") == model().events.size());
    // Independent of GDAL: the file is JSON, hostile names survive as text.
    const auto j = nlohmann::json::parse(slurp(files[1]));
    bool found = false;
    for (const auto& f : j["features"])
      if (f["properties"]["name"] == "<SVG ONLOAD=ALERT(1)") found = true;
    CHECK(found);
  }
  SECTION("KML for Google Earth: hostile text escaped for XML and for the HTML balloon") {
    const auto files = write_gis_layers(model(), "KML", dir.path);
    CHECK(files[1].extension() == ".kml");
    const LayerSummary events = read_layer(files[1], "events");
    CHECK(events.features == model().events.size());
    CHECK(read_layer(files[0], "tracks").geometry_types.at("LINESTRING") == 8);
    const std::string kml = slurp(files[1]);
    std::string low = kml;
    std::transform(low.begin(), low.end(), low.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(low.find("<script") == std::string::npos);
    CHECK(low.find("<img") == std::string::npos);
    CHECK(low.find("<svg") == std::string::npos);
    CHECK(low.find("<b>") == std::string::npos);
    CHECK(low.find("&lt;script") == std::string::npos);  // one level of escaping would become markup in a balloon
    CHECK(kml.find("&amp;lt;SVG ONLOAD=ALERT(1)") != std::string::npos);
    CHECK(kml.find('\x01') == std::string::npos);        // XML 1.0 cannot hold control characters
    CHECK(kml.find("<name>loitering \xE2\x80\x94 &amp;lt;SVG ONLOAD=ALERT(1) (273000666)</name>") != std::string::npos);
    bool escaped_name = false;
    for (const auto& row : events.rows)
      if (row.at("Name").find("&lt;SVG ONLOAD=ALERT(1)") != std::string::npos) escaped_name = true;
    CHECK(escaped_name);
  }
  SECTION("CSV through OGR: formula injection neutralised, coordinates stay numbers") {
    ReportModel m = model();
    detectors::Event& e = m.events.back();
    e.name = test::kHostile[2];  // =HYPERLINK("http://x")
    e.zone = test::kHostile[6];  // +cmd|' /C calc'!A0
    e.lon = -70.5;
    const auto files = write_gis_layers(m, "CSV", dir.path);
    const LayerSummary events = read_layer(files[1], "events");
    CHECK(events.features == m.events.size());
    for (const auto& row : events.rows)
      for (const auto& [field, value] : row) {
        CAPTURE(field, value);
        if (field != "X" && field != "Y") CHECK_FALSE(starts_like_formula(value));
      }
    CHECK(events.rows.back().at("name") == "'=HYPERLINK(\"http://x\")");
    CHECK(events.rows.back().at("zone") == "'+cmd|' /C calc'!A0");
    CHECK(events.rows.back().at("X") == "-70.5");  // a coordinate column, still a number
    const std::string csv = slurp(files[1]);
    CHECK(csv.find("\n-70.5,62.2,") != std::string::npos);  // bare, unquoted
    CHECK(read_layer(files[0], "tracks").features == 8);
  }
  SECTION("ESRI Shapefile") {
    const auto files = write_gis_layers(model(), "ESRI Shapefile", dir.path);
    CHECK(files[0].extension() == ".shp");
    CHECK(read_layer(files[0], "tracks").features == 8);
    CHECK(read_layer(files[1], "events").features == model().events.size());
  }
  SECTION("bad input: an unknown driver names the usable ones") {
    CHECK_THROWS_WITH(write_gis_layers(model(), "NoSuchFormat", dir.path),
                      Catch::Contains("unknown GIS format 'NoSuchFormat'") && Catch::Contains("GPKG") &&
                          Catch::Contains("GeoJSON"));
    CHECK_THROWS_WITH(write_gis_layers(model(), "GTiff", dir.path), Catch::Contains("unknown GIS format 'GTiff'"));
  }
}

TEST_CASE("write_report refreshes a directory in place", "[report][writer]") {
  test::TempDir dir;
  ReportModel m = model();
  write_report(m, options_with("GeoJSON"), dir.path);
  m.events.resize(2);
  const ReportFiles files = write_report(m, options_with("GeoJSON"), dir.path);
  CHECK(read_layer(files.gis[1], "events").features == 2);
  std::size_t entries = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path)) {
    CAPTURE(e.path().string());
    CHECK(e.path().string().find(".tmp") == std::string::npos);
    CHECK(e.path().string().find(".old") == std::string::npos);
    ++entries;
  }
  CHECK(entries == 6);  // index.html, events.jsonl, events.csv, gis/, gis/tracks.geojson, gis/events.geojson

  SECTION("bad input: an unwritable directory is an error naming it") {
    CHECK_THROWS_WITH(write_report(m, options_with(""), "/proc/aiswatch-report"), Catch::Contains("/proc/aiswatch-report"));
  }
  SECTION("bad input: a missing land file is an error naming it") {
    ReportOptions o = options_with("");
    o.land_file = dir.path / "no-land.gpkg";
    CHECK_THROWS_WITH(write_report(m, o, dir.path), Catch::Contains("no-land.gpkg"));
  }
}
