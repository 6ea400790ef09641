// Kinematics of compiled tracks: speed profiles, harbour speed limits, arrival at rest, loiter and
// alongside geometry, and the errors a script can run into.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "aiswatch/simulator/track.hpp"
#include "sim_fixture.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;

namespace {

constexpr UnixMillis kStart = 1'710'028'800'000;

Scenario scenario_from(const std::string& json_text) { return parse_scenario(nlohmann::json::parse(json_text), "inline.json"); }

}  // namespace

TEST_CASE("a port-to-port voyage", "[simulator][track]") {
  const SeaLanes lanes = test::load_lanes();
  const Scenario s = scenario_from(R"({"name": "v", "duration": "30h", "vessels": [{"id": "a", "mmsi": 440000001, "steps": [
      {"do": "moor", "port": "Busan", "for": "1h"},
      {"do": "sail", "to_port": "Hakata", "speed_kn": 13},
      {"do": "moor", "for": "end"}]}]})");
  const Track t = build_track(s.vessels[0], {.lanes = &lanes, .start_ms = kStart, .end_ms = kStart + 30 * 3'600'000LL});
  REQUIRE(t.segments().size() == 3);
  const TrackSegment& sail = t.segments()[1];
  CHECK(sail.start_ms == kStart + 3'600'000);
  CHECK(sail.port == "Hakata");
  CHECK(geo::distance_m(t.position_at(sail.start_ms), lanes.find_port("Busan")->berth()) < 1.0);
  CHECK(geo::distance_m(t.position_at(sail.end_ms), lanes.find_port("Hakata")->berth()) < 1.0);
  CHECK(t.segments()[2].end_ms == kStart + 30 * 3'600'000LL);  // "end" is clipped at the simulation end

  double top_kn = 0, previous_kn = 0;
  for (UnixMillis time = sail.start_ms; time < sail.end_ms; time += 10'000) {
    const KinematicState st = t.state_at(time);
    top_kn = std::max(top_kn, st.sog_kn);
    CHECK(st.sog_kn <= 13.0 + 1e-6);
    // Constant acceleration bound (10 s steps).
    CHECK(std::fabs(st.sog_kn - previous_kn) <= kAccelerationMps2 * 10.0 / kMetresPerSecondPerKnot + 1e-3);
    previous_kn = st.sog_kn;
    // Within 2 km of either berth the harbour speed limit applies.
    const double near_m = std::min(geo::distance_m(st.position, lanes.find_port("Busan")->berth()),
                                   geo::distance_m(st.position, lanes.find_port("Hakata")->berth()));
    if (near_m < 2000) CHECK(st.sog_kn <= kHarbourSpeedKn + 1e-6);
    CHECK(st.nav_status == 0);
  }
  CHECK(top_kn == Approx(13.0).margin(1e-6));
  CHECK(t.state_at(sail.start_ms).sog_kn < 0.01);        // leaves the berth from rest
  CHECK(t.state_at(sail.end_ms - 1).sog_kn < 0.05);      // and arrives at rest
  CHECK(t.state_at(kStart + 1000).nav_status == 5);      // moored
  // Along-track distance matches the integral of the speed (positions and speeds agree).
  double integral_m = 0;
  for (UnixMillis time = sail.start_ms; time + 1000 <= sail.end_ms; time += 1000)
    integral_m += t.state_at(time + 500).sog_kn * kMetresPerSecondPerKnot;
  double path_m = 0;
  for (UnixMillis time = sail.start_ms; time + 60'000 <= sail.end_ms; time += 60'000)
    path_m += geo::distance_m(t.position_at(time), t.position_at(time + 60'000));
  CHECK(path_m == Approx(integral_m).epsilon(0.01));
}

TEST_CASE("loiter, drift, anchor and alongside geometry", "[simulator][track]") {
  const SeaLanes lanes = test::load_lanes();
  const Scenario s = scenario_from(R"({"name": "g", "duration": "12h", "vessels": [
      {"id": "a", "mmsi": 671000001, "steps": [{"do": "drift", "at": [124.3, 31.3], "for": "end", "speed_kn": 0.4, "course_deg": 40}]},
      {"id": "b", "mmsi": 413000001, "steps": [
        {"do": "loiter", "at": [124.31, 31.31], "for": "3h", "radius_m": 300, "speed_kn": 0.8},
        {"do": "alongside", "partner": "a", "offset_m": 170, "for": "6h", "speed_kn": 0.4},
        {"do": "anchor", "for": "end", "radius_m": 90}]}]})");
  const UnixMillis end = kStart + 12 * 3'600'000LL;
  const Track a = build_track(s.vessels[0], {.lanes = &lanes, .start_ms = kStart, .end_ms = end});
  std::map<std::string, const Track*> built{{"a", &a}};
  const Track b = build_track(s.vessels[1], {.lanes = &lanes, .start_ms = kStart, .end_ms = end, .rng = Rng(3), .tracks = &built});
  REQUIRE(b.segments().size() == 3);
  const geo::LatLon center{31.31, 124.31};
  for (UnixMillis t = kStart; t < end; t += 30'000) {
    const KinematicState sa = a.state_at(t), sb = b.state_at(t);
    CHECK(sa.sog_kn < 0.6);
    CHECK(sb.sog_kn < 2.0);
    const std::size_t seg = b.segment_at(t);
    if (seg == 0) CHECK(geo::distance_m(sb.position, center) <= 300.0 + 1.0);
    // Alongside after closing in (at 1 kn: ≤ 2 h): 170 m ± 10 % wobble.
    if (seg == 1 && t >= b.segments()[1].start_ms + 2 * 3'600'000)
      CHECK(geo::distance_m(sa.position, sb.position) == Approx(170.0).margin(20.0));
  }
  // At anchor: within the swing radius of where the anchor went down.
  const UnixMillis anchored = b.segments()[2].start_ms;
  const geo::LatLon drop = b.position_at(anchored + 45 * 60'000);
  for (UnixMillis t = anchored + 45 * 60'000; t < end; t += 60'000) CHECK(geo::distance_m(b.position_at(t), drop) <= 2 * 90.0 + 1.0);
}

TEST_CASE("scripts the lanes cannot sail", "[simulator][track]") {
  const SeaLanes lanes = test::load_lanes();
  SECTION("unknown port") {
    const Scenario s = scenario_from(R"({"name": "x", "duration": "5h", "vessels": [{"id": "lost", "mmsi": 440000002, "steps": [
        {"do": "moor", "port": "Atlantis", "for": "end"}]}]})");
    CHECK_THROWS_WITH(build_track(s.vessels[0], {.lanes = &lanes, .start_ms = kStart, .end_ms = kStart + 5 * 3'600'000LL}),
                      Catch::Contains("vessel 'lost' step 1") && Catch::Contains("no port 'Atlantis'"));
  }
  SECTION("alongside a partner that was not built") {
    const Scenario s = scenario_from(R"({"name": "x", "duration": "5h", "vessels": [
        {"id": "p", "mmsi": 440000003, "steps": [{"do": "drift", "at": [124.3, 31.3], "for": "end", "speed_kn": 0.3}]},
        {"id": "q", "mmsi": 440000004, "steps": [{"do": "alongside", "partner": "p", "offset_m": 100, "for": "end"}]}]})");
    CHECK_THROWS_WITH(build_track(s.vessels[1], {.lanes = &lanes, .start_ms = kStart, .end_ms = kStart + 5 * 3'600'000LL}),
                      Catch::Contains("partner 'p'"));
  }
  SECTION("a vessel appearing after the end") {
    const Scenario s = scenario_from(R"({"name": "x", "duration": "5h", "vessels": [{"id": "late", "mmsi": 440000005, "appear": "6h",
        "steps": [{"do": "moor", "port": "Busan", "for": "end"}]}]})");
    CHECK_THROWS_WITH(build_track(s.vessels[0], {.lanes = &lanes, .start_ms = kStart, .end_ms = kStart + 5 * 3'600'000LL}),
                      Catch::Contains("after the end"));
  }
}
