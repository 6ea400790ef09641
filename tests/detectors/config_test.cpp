// DetectorConfig: JSON loading (sections and dotted keys, errors naming the file and key, all or nothing),
// dump_config (every parameter with its unit and source), and docs/detectors.md naming every parameter.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "aiswatch/detectors/config.hpp"

using namespace aiswatch::detectors;
using Catch::Matchers::Contains;

TEST_CASE("config: sections and dotted keys set parameters, the rest keep their defaults", "[config]") {
  DetectorConfig c;
  load_config_json_text(R"({"ais_gap": {"min_gap_h": 8, "reach_speed_floor_kn": 9.5},
                            "encounter.max_distance_m": 300, "spoofing": {"report_invalid_mmsi": false},
                            "zone_watch.kinds": "user,sts_hotspot", "port_call": {"min_confidence": 3}})",
                        "test.json", c);
  CHECK(c.ais_gap.min_gap_h == 8);
  CHECK(c.ais_gap.reach_speed_floor_kn == 9.5);
  CHECK(c.encounter.max_distance_m == 300);
  CHECK_FALSE(c.spoofing.report_invalid_mmsi);
  CHECK(c.zone_watch.kinds == "user,sts_hotspot");
  CHECK(c.port_call.min_confidence == 3);
  CHECK(c.loitering.min_duration_h == LoiteringConfig{}.min_duration_h);
}

TEST_CASE("config: bad files name the file and the key and change nothing", "[config]") {
  DetectorConfig c;
  const auto [text, message] = GENERATE(table<std::string, std::string>({
      {R"({"ais_gap": {"min_gap_hours": 8}})", "cfg.json: unknown key 'ais_gap.min_gap_hours'"},
      {R"({"gap": {"min_gap_h": 8}})", "unknown key 'gap.min_gap_h'"},
      {R"({"ais_gap": {"min_gap_h": "8"}})", "key 'ais_gap.min_gap_h' (h) must be a number, not string"},
      {R"({"port_call": {"min_confidence": 2.5}})", "must be an integer, not number"},
      {R"({"spoofing.report_invalid_mmsi": 1})", "must be true or false, not integer"},
      {R"({"zone_watch": {"kinds": ["user"]}})", "must be a string, not array"},
      {R"({"ais_gap": {"min_gap_h": 8}, "ais_gap.min_gap_h": 9})", "key 'ais_gap.min_gap_h' is given twice"},
      {R"({"ais_gap": {"min_gap_h": 8},})", "cfg.json: not valid JSON"},
      {R"([1, 2])", "cfg.json: the configuration must be a JSON object"},
  }));
  INFO(text);
  CHECK_THROWS_WITH(load_config_json_text(text, "cfg.json", c), Contains(message));
  CHECK(c.ais_gap.min_gap_h == AisGapConfig{}.min_gap_h);  // untouched, also by the valid key before the bad one
}

TEST_CASE("config: files are read, a missing one is named", "[config]") {
  const auto dir = std::filesystem::temp_directory_path() / "aiswatch_config_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "aiswatch.json";
  std::ofstream(path) << R"({"loitering": {"min_shore_nm": 15}})";
  DetectorConfig c;
  load_config_json(path, c);
  CHECK(c.loitering.min_shore_nm == 15);
  CHECK_THROWS_WITH(load_config_json(dir / "missing.json", c), Contains("missing.json: cannot open"));
}

TEST_CASE("dump_config lists every parameter once, with unit, source and whether it is the default", "[config]") {
  DetectorConfig c;
  c.encounter.max_distance_m = 250;
  const auto rows = dump_config(c);
  std::set<std::string> keys;
  for (const auto& row : rows) {
    INFO(row.key);
    CHECK(keys.insert(row.key).second);
    CHECK_FALSE(row.unit.empty());
    CHECK(row.source.size() > 10);
    CHECK(row.key.find('.') != std::string::npos);
    CHECK(row.is_default == (row.key != "encounter.max_distance_m"));
  }
  CHECK(keys.size() > 60);
  const auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.key == "encounter.max_distance_m"; });
  REQUIRE(it != rows.end());
  CHECK(it->value == "250");
  CHECK(it->unit == "m");
}

TEST_CASE("docs/detectors.md documents every parameter of the single-vessel detectors", "[config][docs]") {
  std::ifstream in(std::filesystem::path(AISWATCH_SOURCE_DIR) / "docs" / "detectors.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (const auto& row : dump_config(DetectorConfig{})) {
    const std::string section = row.key.substr(0, row.key.find('.'));
    if (section == "encounter" || section == "dark_transfer") continue;  // documented by their owner
    INFO(row.key);
    CHECK(doc.find("`" + row.key + "`") != std::string::npos);
  }
}
