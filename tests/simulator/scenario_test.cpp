// Scenario files: the format's parser (valid and bad input) and the bundled scenarios themselves.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/simulator/flags.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "sim_fixture.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;

TEST_CASE("durations", "[simulator][scenario]") {
  SECTION("valid") {
    auto [text, ms] = GENERATE(table<const char*, std::int64_t>({
        {"90s", 90'000}, {"30m", 1'800'000}, {"6h", 21'600'000}, {"2d", 172'800'000},
        {"1h30m", 5'400'000}, {"1.5h", 5'400'000}, {"0.25h", 900'000}, {"1d2h", 93'600'000}}));
    INFO(text);
    CHECK(parse_duration(text) == ms);
  }
  SECTION("until the end") {
    CHECK_FALSE(parse_duration("end"));
    CHECK_FALSE(parse_duration(""));
  }
  SECTION("bad input") {
    const char* bad = GENERATE("6", "h", "6x", "-1h", "1h 30m", "1..5h", "12345678901234h", "six hours");
    INFO(bad);
    CHECK_THROWS_AS(parse_duration(bad), ScenarioError);
  }
}

namespace {

const char* kMinimal = R"({
  "name": "t", "duration": "10h",
  "vessels": [{"id": "a", "mmsi": 273000001, "name": "A", "steps": [
    {"do": "moor", "port": "Busan", "for": "2h", "label": "berth"},
    {"do": "sail", "to_port": "Ulsan", "speed_kn": 10, "label": "go"},
    {"do": "moor", "for": "end"}]}],
  "expect": [{"type": "port_call", "vessel": "a", "phase": "berth", "window": ["-1h", "+1h"]}]
})";

// kMinimal with one substring replaced.
std::string variant(const std::string& from, const std::string& to) {
  std::string s = kMinimal;
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("scenario parsing", "[simulator][scenario]") {
  SECTION("valid") {
    const Scenario s = parse_scenario(nlohmann::json::parse(kMinimal), "t.json");
    CHECK(s.name == "t");
    CHECK(s.duration_ms == 36'000'000);
    REQUIRE(s.vessels.size() == 1);
    CHECK(s.vessels[0].identity.mmsi == 273000001);
    REQUIRE(s.vessels[0].steps.size() == 3);
    CHECK(s.vessels[0].steps[1].kind == StepKind::sail);
    CHECK_FALSE(s.vessels[0].steps[2].duration);
    REQUIRE(s.expect.size() == 1);
    CHECK(s.expect[0].window_before_ms == 3'600'000);
    CHECK(s.expect[0].window_after_ms == 3'600'000);
    CHECK(s.expect[0].required);
  }
  SECTION("bad input names the file and the place") {
    auto [from, to, message] = GENERATE(table<std::string, std::string, std::string>({
        {R"("name": "A")", R"("name": "lower case")", "six-bit"},
        {R"("name": "A")", R"("name": "ABCDEFGHIJKLMNOPQRSTUVWXYZ")", "longer than the 20"},
        {R"("mmsi": 273000001)", R"("mmsi": 1273000001)", "outside"},
        {R"("for": "2h")", R"("for": "2 hours")", "bad duration"},
        {R"("do": "moor", "port")", R"("do": "hover", "port")", "\"do\" must be"},
        {R"("speed_kn": 10)", R"("speed_kn": 10, "wings": true)", "unknown key \"wings\""},
        {R"("speed_kn": 10, )", "", "needs \"speed_kn\""},
        {R"("phase": "berth")", R"("phase": "nowhere")", "no step labelled 'nowhere'"},
        {R"("type": "port_call")", R"("type": "port_cal")", "unknown event type"},
        {R"({"do": "moor", "for": "end"})", R"({"do": "moor", "for": "end"}, {"do": "moor", "for": "1h"})", "must be the last step"},
        {R"({"do": "moor", "port": "Busan", "for": "2h", "label": "berth"})",
         R"({"do": "moor", "for": "2h", "label": "berth"})", "the first step needs"},
        {R"("duration": "10h")", R"("duration": "end")", "positive duration"},
    }));
    INFO(message);
    const auto doc = nlohmann::json::parse(variant(from, to));
    CHECK_THROWS_WITH(parse_scenario(doc, "broken.json"), Catch::Contains("broken.json") && Catch::Contains(message));
  }
  SECTION("loiter faster than 2 kn is not a loiter") {
    const auto doc = nlohmann::json::parse(variant(R"({"do": "moor", "for": "end"})",
                                                   R"({"do": "loiter", "for": "end", "speed_kn": 3})"));
    CHECK_THROWS_WITH(parse_scenario(doc, "x.json"), Catch::Contains("below 2 kn"));
  }
  SECTION("a file that is not there, or not JSON") {
    CHECK_THROWS_WITH(load_scenario_file("/nonexistent/s.json"), Catch::Contains("/nonexistent/s.json"));
    const auto p = std::filesystem::temp_directory_path() / "aiswatch_sim_not_json.json";
    std::ofstream(p) << "{\"name\": ";
    CHECK_THROWS_WITH(load_scenario_file(p), Catch::Contains("aiswatch_sim_not_json.json") && Catch::Contains("JSON"));
    std::filesystem::remove(p);
  }
}

TEST_CASE("bundled scenarios", "[simulator][scenario]") {
  const auto scenarios = test::load_all_scenarios();
  std::set<std::string> names;
  for (const auto& s : scenarios) names.insert(s.name);
  for (const char* required : {"rajin_shuttle", "korea_bay_dark_transfer", "east_china_sea_sts", "decoys",
                               "identity_laundering", "spoofing", "watchlisted_shuttle", "nampo_dark_call",
                               "zone_watch", "hostile_text"})
    CHECK(names.count(required) == 1);

  // Real OFAC SDN vessels (the bundled copy): only the scenario meant to match may use one.
  const auto& ofac = test::ofac_vessels();
  REQUIRE(ofac.imos.size() > 700);
  REQUIRE(ofac.names.count("LADY R") == 1);

  for (const auto& s : scenarios) {
    CHECK(s.source.stem() == s.name);
    CHECK_FALSE(s.description.empty());
    CHECK_FALSE(s.expect.empty());
    for (const auto& v : s.vessels) {
      INFO(s.name << "/" << v.id);
      CHECK_FALSE(v.role.empty());
      CHECK_FALSE(flag_of_mmsi(v.identity.mmsi).empty());
      if (v.identity.imo) {
        CHECK(ais::is_valid_imo(*v.identity.imo));
        const bool meant_to_match = std::any_of(s.expect.begin(), s.expect.end(), [&](const Expectation& e) {
          return e.vessel == v.id && e.type == "watchlist_match";
        });
        CHECK(ofac.imos.count(*v.identity.imo) == (meant_to_match ? 1U : 0U));
        CHECK(ofac.names.count(v.identity.name) == (meant_to_match ? 1U : 0U));
      }
      CHECK(ofac.mmsis.count(v.identity.mmsi) == 0);
    }
  }
}
