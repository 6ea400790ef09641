// zone_watch with the desk's watch-zone file from the zone_watch scenario (samples/scenarios/zones), a
// non-watched zone and a zone with its own severity: entry, exit after the hysteresis, no flapping.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "aiswatch/geo/reference_layers.hpp"
#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {

constexpr std::uint32_t kMalta = 248331000;

const aiswatch::geo::ZoneSet& watch_zones() {
  static const aiswatch::geo::ZoneSet zones = [] {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "aiswatch_zone_watch_test";
    std::filesystem::create_directories(dir);
    const std::filesystem::path extra = dir / "extra.geojson";
    std::ofstream(extra) << R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"quiet","name":"Not watched","watched":false},
       "geometry":{"type":"Polygon","coordinates":[[[150,34],[151,34],[151,35],[150,35],[150,34]]]}},
      {"type":"Feature","properties":{"id":"hot","name":"Hot box","severity":"high"},
       "geometry":{"type":"Polygon","coordinates":[[[152,34],[153,34],[153,35],[152,35],[152,34]]]}}]})";
    return aiswatch::geo::load_zones(
        {.default_zones = false,
         .files = {std::filesystem::path(AISWATCH_SOURCE_DIR) / "samples/scenarios/zones/yeosu_watch_area.geojson", extra}});
  }();
  return zones;
}

}  // namespace

TEST_CASE("crossing the Yeosu watch area: entry flagged medium, exit when clear", "[zone_watch]") {
  SingleHarness h(with_zones(watch_zones()));
  // West to east through the box (127.95..128.20 E at 34.30 N), 12 kn.
  h.sail_to(kMalta, kT0, 10 * kSecond, {34.30, 127.80}, {34.30, 128.40}, 12);
  h.run();
  INFO(describe(h.events()));
  const auto in = h.events_of(EventType::zone_entry);
  const auto out = h.events_of(EventType::zone_exit);
  REQUIRE(in.size() == 1);
  REQUIRE(out.size() == 1);
  CHECK(in.front().zone == "Yeosu offshore watch area");
  CHECK(in.front().zone_country == "KR");
  CHECK(in.front().flagged);
  CHECK(in.front().severity == Severity::medium);
  CHECK(in.front().lon.value() >= 127.95);
  CHECK(in.front().lon.value() < 127.96);
  CHECK(out.front().lon.value() > 128.20);
  CHECK(out.front().lon.value() < 128.21);
  CHECK(evidence_number(out.front(), "inside_h") == Approx(22.9 / (12 * 1.852)).epsilon(0.05));
}

TEST_CASE("a ship on the boundary does not flap: one fix outside is not an exit", "[zone_watch][edge]") {
  SingleHarness h(with_zones(watch_zones()));
  const LatLon inside{34.30, 128.19}, outside{34.30, 128.215};
  for (int i = 0; i < 60; ++i)
    h.position(kMalta, kT0 + i * kMinute, (i % 10 == 5) ? outside : inside, 1.0F);
  h.run();
  INFO(describe(h.events()));
  CHECK(h.events_of(EventType::zone_entry).size() == 1);
  CHECK(h.events_of(EventType::zone_exit).empty());
}

TEST_CASE("unwatched zones are silent; a zone's own severity wins", "[zone_watch]") {
  SingleHarness h(with_zones(watch_zones()));
  h.sail(kMalta, kT0, kT0 + kHour, kMinute, {34.5, 150.5}, 1, 0);
  h.sail(kMalta + 1, kT0, kT0 + kHour, kMinute, {34.5, 152.5}, 1, 0);
  h.run();
  const auto in = h.events_of(EventType::zone_entry);
  REQUIRE(in.size() == 1);
  CHECK(in.front().mmsi == kMalta + 1);
  CHECK(in.front().severity == Severity::high);
  CHECK(std::get<bool>(*in.front().find_evidence("first_seen_inside")));
}

TEST_CASE("the bundled hotspots and DPRK waters raise no geofence alerts by default", "[zone_watch][decoy]") {
  SingleHarness h;
  h.sail(kMalta, kT0, kT0 + 2 * kHour, kMinute, places::kEastChinaSea, 12, 0);
  h.sail(kMalta + 1, kT0, kT0 + 2 * kHour, kMinute, places::kOffDprkEastCoast, 12, 45);
  h.run();
  CHECK(h.events_of(EventType::zone_entry).empty());
}

TEST_CASE("zone_watch configuration errors end the run with a clear message", "[zone_watch][config]") {
  det::DetectorConfig config;
  config.zone_watch.kinds = "user, harbour";
  CHECK_THROWS_WITH(SingleHarness(with_config(config)), Catch::Matchers::Contains("unknown zone kind 'harbour'"));
  config.zone_watch.kinds = "user";
  config.zone_watch.severity = "urgent";
  CHECK_THROWS_WITH(SingleHarness(with_config(config)), Catch::Matchers::Contains("unknown severity 'urgent'"));
}
