// Events as JSON lines: every key of the DESIGN.md contract, values parsed back with nlohmann, hostile text.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

#include "aiswatch/report/event_json.hpp"
#include "fixtures.hpp"

using namespace aiswatch;
using namespace aiswatch::report;
using nlohmann::json;

namespace {
json to_json_line(const detectors::Event& e) {
  std::string line;
  write_event_json(e, line);
  REQUIRE(!line.empty());
  REQUIRE(line.back() == '\n');
  REQUIRE(line.find('\n') == line.size() - 1);  // exactly one line, whatever the text held
  return json::parse(line);
}
}  // namespace

TEST_CASE("event JSON: every contract key, in order, with the event's values", "[report][json]") {
  SECTION("valid: a full event") {
    auto e = test::make_event(detectors::EventType::dark_transfer, 273382620, "2018-11-01T03:00:00Z",
                              "2018-11-01T17:30:00.250Z");
    e.other_mmsi = 445123000;
    const json j = to_json_line(e);
    const std::vector<std::string> keys = {"id",    "type", "mmsi",  "other_mmsi",   "imo",     "name",
                                           "callsign", "flag", "start", "end",       "lat",     "lon",
                                           "zone",  "zone_country", "flagged", "severity", "reasons",
                                           "watchlist", "evidence", "raw"};
    // nlohmann's default json sorts keys; check presence and count, and order on the raw text.
    CHECK(j.size() == keys.size());
    std::string line;
    write_event_json(e, line);
    std::size_t pos = 0;
    for (const auto& k : keys) {
      CAPTURE(k);
      CHECK(j.contains(k));
      const std::size_t at = line.find("\"" + k + "\":", pos);
      CHECK(at != std::string::npos);
      pos = at;
    }
    CHECK(j["id"] == e.id);
    CHECK(j["type"] == "dark_transfer");
    CHECK(j["mmsi"] == 273382620);
    CHECK(j["other_mmsi"] == 445123000);
    CHECK(j["imo"] == 9179842);
    CHECK(j["name"] == "SASCO ANGARA");
    CHECK(j["callsign"] == "UBCT8");
    CHECK(j["flag"] == "RU");
    CHECK(j["start"] == "2018-11-01T03:00:00Z");
    CHECK(j["end"] == "2018-11-01T17:30:00.250Z");
    CHECK(j["lat"].get<double>() == 42.2456);
    CHECK(j["lon"].get<double>() == 130.2789);
    CHECK(j["zone"] == "Rajin");
    CHECK(j["zone_country"] == "KP");
    CHECK(j["flagged"] == true);
    CHECK(j["severity"] == "high");
    CHECK(j["reasons"] == json::array({"port call at Rajin (KP)", "SASCO ANGARA"}));
    const json m = j["watchlist"].at(0);
    CHECK(m == json{{"list", "OFAC SDN"}, {"program", "DPRK3"}, {"entry", "27426"}, {"name", "SASCO ANGARA"},
                    {"imo", 9179842}, {"matched_on", "imo"}, {"confidence", 0.99}});
    CHECK(j["evidence"] == json{{"gap_hours", 14.5}, {"messages", 42}, {"draught_changed", true},
                                {"partner_name", "SASCO ANGARA"}});
    CHECK(j["evidence"]["messages"].is_number_integer());
    REQUIRE(j["raw"].size() == 2);
    CHECK(j["raw"][0]["text"] == "!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24");
    CHECK(j["raw"][0]["rxtime"] == "2018-11-01T03:00:00Z");
    CHECK(j["raw"][1]["rxtime"].is_null());
  }
  SECTION("valid: absent values are null, empty text is \"\"") {
    detectors::Event e;
    e.type = detectors::EventType::ais_gap;
    e.mmsi = 1;
    e.id = detectors::make_event_id(e);
    const json j = to_json_line(e);
    CHECK(j["other_mmsi"].is_null());
    CHECK(j["imo"].is_null());
    CHECK(j["lat"].is_null());
    CHECK(j["lon"].is_null());
    CHECK(j["name"] == "");
    CHECK(j["zone"] == "");
    CHECK(j["start"] == "1970-01-01T00:00:00Z");
    CHECK(j["reasons"].is_array());
    CHECK(j["evidence"].is_object());
    CHECK(j["evidence"].empty());
  }
  SECTION("bad input: non-finite numbers become null instead of invalid JSON") {
    auto e = test::make_event(detectors::EventType::ais_gap, 2, "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z");
    e.lat = std::numeric_limits<double>::quiet_NaN();
    e.add_evidence("speed_kn", std::numeric_limits<double>::infinity());
    const json j = to_json_line(e);
    CHECK(j["lat"].is_null());
    CHECK(j["evidence"]["speed_kn"].is_null());
  }
}

TEST_CASE("event JSON: hostile text everywhere parses back as the same text", "[report][json][hostile]") {
  for (const auto& hostile : test::kHostile) {
    CAPTURE(hostile);
    auto e = test::make_event(detectors::EventType::encounter, 445000001, "2019-03-01T00:00:00Z",
                              "2019-03-01T05:00:00Z", hostile);
    e.zone = hostile;
    e.zone_country = hostile;
    e.callsign = hostile;
    e.id = hostile;  // ids come from us, but a hostile one must not break the line either
    e.evidence.push_back({hostile, hostile});
    const json j = to_json_line(e);
    // Valid UTF-8 text comes back exactly; invalid bytes come back as U+FFFD.
    const bool valid = hostile.find('\xff') == std::string::npos;
    if (valid) {
      CHECK(j["name"] == hostile);
      CHECK(j["zone"] == hostile);
      CHECK(j["callsign"] == hostile);
      CHECK(j["id"] == hostile);
      CHECK(j["reasons"][1] == hostile);
      CHECK(j["watchlist"][0]["name"] == hostile);
      CHECK(j["evidence"][hostile] == hostile);
      CHECK(j["raw"][1]["text"] == hostile);
    } else {
      CHECK(j["name"] == "bad utf8 \uFFFD\uFFFD\uFFFD( end");
    }
  }
}

TEST_CASE("event JSON: 1000 events, one parseable line each", "[report][json]") {
  std::string out;
  for (int i = 0; i < 1000; ++i) {
    auto e = test::make_event(detectors::EventType::loitering, 100000000u + static_cast<unsigned>(i),
                              "2021-06-01T00:00:00Z", "2021-06-01T06:00:00Z", test::kHostile[static_cast<std::size_t>(i) % test::kHostile.size()]);
    e.lon = -70.5 - i * 0.001;
    write_event_json(e, out);
  }
  std::size_t lines = 0, pos = 0;
  while (pos < out.size()) {
    const std::size_t nl = out.find('\n', pos);
    REQUIRE(nl != std::string::npos);
    const json j = json::parse(out.substr(pos, nl - pos));
    CHECK(j["mmsi"] == 100000000 + static_cast<int>(lines));
    CHECK(j["lon"].get<double>() == Approx(-70.5 - static_cast<double>(lines) * 0.001));
    ++lines;
    pos = nl + 1;
  }
  CHECK(lines == 1000);
}
