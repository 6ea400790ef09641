// ais_gap: GFW gaps (6 h) and likely disabling (12 h, > 50 nm offshore), gaps near DPRK (2 h, 50 nm),
// reachability of a DPRK port, draught across the gap, open gaps, and the offshore coverage-gap decoy.
#include <catch2/catch.hpp>

#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {

constexpr std::uint32_t kLiberia = 636019875;      // MID 636: Liberia
constexpr std::uint32_t kSierraLeone = 667118200;  // MID 667
constexpr std::uint32_t kRussianTanker = 273415630;

// Sails `before` at `speed_kn` from `start`, is silent for `gap`, then sails `after` on the same course from
// where it would have been. Returns the time the silence begins (the last fix before it).
UnixMillis sail_with_gap(SingleHarness& h, std::uint32_t mmsi, LatLon start, double speed_kn, double course,
                         std::int64_t before, std::int64_t gap, std::int64_t after, std::int64_t every = 30 * kSecond) {
  h.sail(mmsi, kT0, kT0 + before, every, start, speed_kn, course);
  const UnixMillis last = kT0 + ((before - 1) / every) * every;
  const UnixMillis on = last + gap;
  h.sail(mmsi, on, on + after, every, SingleHarness::at(start, course, SingleHarness::metres(speed_kn, on - kT0)),
         speed_kn, course);
  return last;
}

bool has_reason(const det::Event& e, std::string_view text) {
  return std::any_of(e.reasons.begin(), e.reasons.end(),
                     [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("open Pacific: a gap is 6 h, not 5 h 59", "[ais_gap][edge]") {
  const auto [gap, expected] = GENERATE(table<std::int64_t, std::size_t>({{6 * kHour - kMinute, 0}, {6 * kHour + kMinute, 1}}));
  SingleHarness h;
  const UnixMillis off = sail_with_gap(h, kLiberia, places::kOpenPacific, 12, 90, 3 * kHour, gap, 2 * kHour);
  h.run();
  INFO(describe(h.events()));
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == expected);
  if (expected) {
    const det::Event& e = gaps.front();
    CHECK(e.start == off);
    CHECK(e.end == off + gap);
    CHECK_FALSE(e.flagged);
    CHECK(e.severity == Severity::info);
    CHECK(evidence_number(e, "gap_hours") == Approx(6.02).margin(0.01));
    CHECK(evidence_number(e, "implied_speed_kn") == Approx(12).margin(0.1));
    CHECK(evidence_number(e, "off_distance_from_shore_nm") > 300);
    CHECK(evidence_number(e, "positions_before") == Approx(3 * 120).margin(2));  // every 30 s for 3 h
    CHECK_FALSE(std::get<bool>(*e.find_evidence("likely_disabling")));
    CHECK(e.raw.size() >= 2);  // the fix before and the fix after
  }
  CHECK(h.flagged().empty());
}

TEST_CASE("likely disabling: 12 h or more starting over 50 nm from shore (low, not flagged)", "[ais_gap][edge]") {
  const auto [gap, disabling] = GENERATE(table<std::int64_t, bool>({{12 * kHour - 5 * kMinute, false}, {12 * kHour + 5 * kMinute, true}}));
  SingleHarness h;
  sail_with_gap(h, kLiberia, places::kOpenPacific, 12, 90, 2 * kHour, gap, kHour);
  h.run();
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == 1);
  CHECK(std::get<bool>(*gaps.front().find_evidence("likely_disabling")) == disabling);
  CHECK(gaps.front().severity == (disabling ? Severity::low : Severity::info));
  CHECK_FALSE(gaps.front().flagged);
}

TEST_CASE("short coverage gaps far offshore are not reported at all", "[ais_gap][decoy]") {
  SingleHarness h;
  // 1.5 h, 2.5 h and 5 h holes in satellite coverage mid-Pacific, as in the decoy scenario.
  UnixMillis t = kT0;
  LatLon p = places::kOpenPacific;
  for (const std::int64_t hole : {90 * kMinute, 150 * kMinute, 5 * kHour}) {
    p = h.sail(kLiberia, t, t + 4 * kHour, kMinute, p, 13, 80);
    t += 4 * kHour + hole;
    p = SingleHarness::at(p, 80, SingleHarness::metres(13, hole));
  }
  h.sail(kLiberia, t, t + 4 * kHour, kMinute, p, 13, 80);
  h.run();
  INFO(describe(h.events()));
  CHECK(h.events().empty());
}

TEST_CASE("near DPRK a gap is 2 h: flagged from 2 h 01, nothing at 1 h 59", "[ais_gap][dprk][edge]") {
  const auto [gap, expected] = GENERATE(table<std::int64_t, std::size_t>({{2 * kHour - kMinute, 0}, {2 * kHour + kMinute, 1}}));
  SingleHarness h;
  sail_with_gap(h, kSierraLeone, places::kKoreaBay, 6, 180, 2 * kHour, gap, kHour);
  h.run();
  INFO(describe(h.events()));
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == expected);
  if (expected) {
    const det::Event& e = gaps.front();
    CHECK(e.flagged);
    CHECK(e.severity == Severity::medium);
    CHECK(evidence_number(e, "dprk_waters_distance_nm") < 50);
    CHECK(e.zone == "Korea Bay / West Sea approaches to Nampo");
  }
}

TEST_CASE("a 2.5 h gap far from DPRK is nothing", "[ais_gap][decoy]") {
  SingleHarness h;
  sail_with_gap(h, kSierraLeone, places::kCentralYellowSea, 10, 180, 2 * kHour, 150 * kMinute, kHour);
  h.run();
  CHECK(h.events().empty());
}

TEST_CASE("Korea Bay: a Russian tanker dark 16 h, Nampo reachable, draught down 2.6 m", "[ais_gap][dprk]") {
  SingleHarness h;
  h.identity(kRussianTanker, kT0, {.name = "ZOLOTAYA ZARYA", .imo = 9351608, .ship_type = 80, .draught_m = 9.8F});
  // Slows into Korea Bay at 10 kn, goes dark 16 h, reappears within 1 km, 2.6 m lighter (type 5 at once).
  const LatLon start = SingleHarness::at(places::kKoreaBay, 200, 40'000);
  const UnixMillis off = h.sail_to(kRussianTanker, kT0, 10 * kSecond, start, places::kKoreaBay, 10);
  const UnixMillis on = off + 16 * kHour;
  h.identity(kRussianTanker, on, {.name = "ZOLOTAYA ZARYA", .imo = 9351608, .ship_type = 80, .draught_m = 7.2F});
  h.sail(kRussianTanker, on + kSecond, on + 3 * kHour, 10 * kSecond, SingleHarness::at(places::kKoreaBay, 90, 800), 10, 200);
  h.run();
  INFO(describe(h.events()));
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == 1);
  const det::Event& e = gaps.front();
  CHECK(e.flagged);
  CHECK(e.severity == Severity::critical);  // high (>= 12 h near DPRK) + Russian flag
  CHECK(evidence_number(e, "gap_hours") == Approx(16).margin(0.01));
  CHECK(evidence_number(e, "draught_before_m") == Approx(9.8));
  CHECK(evidence_number(e, "draught_after_m") == Approx(7.2));
  CHECK(evidence_number(e, "draught_change_m") == Approx(-2.6));
  CHECK(evidence_text(e, "reachable_dprk_ports").find("Nampo") != std::string::npos);
  CHECK(evidence_number(e, "reach_speed_kn") == Approx(10));
  CHECK(evidence_number(e, "reach_slack_h") > 0);
  CHECK(has_reason(e, "possible dark port call at"));
}

TEST_CASE("reachability alone flags a long gap: 2 h more or less than the trip to a DPRK port", "[ais_gap][dprk][edge]") {
  // Central Yellow Sea: beyond 50 nm of DPRK waters, the nearest DPRK port ~150-200 nm away.
  double nearest_m = 1e12;
  for (const auto& z : bundled_zones().zones())
    if (z.is_dprk_port() && z.port_lat_deg)
      nearest_m = std::min(nearest_m, aiswatch::geo::distance_m(places::kCentralYellowSea, {*z.port_lat_deg, *z.port_lon_deg}));
  const double needed_h = 2 * nearest_m / det::kMetresPerNm / 10.0 + 1.0;  // out and back at 10 kn, 1 h alongside
  const auto [margin_h, reachable] = GENERATE(table<double, bool>({{-2.0, false}, {2.0, true}}));
  SingleHarness h;
  const auto gap = static_cast<std::int64_t>((needed_h + margin_h) * kHour);
  h.stay(kSierraLeone, kT0, kT0 + 2 * kHour, kMinute, SingleHarness::at(places::kCentralYellowSea, 0, 500), 10.0F);
  h.stay(kSierraLeone, kT0 + 2 * kHour + gap, kT0 + 3 * kHour + gap, kMinute, places::kCentralYellowSea, 10.0F);
  h.run();
  INFO("needed " << needed_h << " h, gap " << gap / 3.6e6 << " h" << describe(h.events()));
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == 1);
  CHECK(gaps.front().flagged == reachable);
  CHECK((gaps.front().find_evidence("possible_dark_port_call") != nullptr) == reachable);
}

TEST_CASE("draught after a gap waits for the next static report, up to 30 min", "[ais_gap]") {
  const auto [static_after, known] = GENERATE(table<std::int64_t, bool>({{20 * kMinute, true}, {2 * kHour, false}}));
  SingleHarness h;
  h.identity(kLiberia, kT0, {.name = "PACIFIC VOYAGER", .imo = 9477309, .draught_m = 11.0F});
  const UnixMillis off = sail_with_gap(h, kLiberia, places::kOpenPacific, 12, 90, 2 * kHour, 8 * kHour, 3 * kHour);
  h.identity(kLiberia, off + 8 * kHour + static_after, {.name = "PACIFIC VOYAGER", .imo = 9477309, .draught_m = 10.9F});
  h.run();
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == 1);
  CHECK(evidence_number(gaps.front(), "draught_before_m") == Approx(11.0));
  CHECK((gaps.front().find_evidence("draught_after_m") != nullptr) == known);
  CHECK_FALSE(gaps.front().flagged);  // 0.1 m is no change
}

TEST_CASE("a vessel still silent at the end of the data: an open gap near DPRK, or with report_all_open_gaps",
          "[ais_gap]") {
  const auto [where, all, expected, flagged] = GENERATE(table<LatLon, bool, std::size_t, bool>({
      {places::kOpenPacific, false, 0, false},  // most likely left coverage, or the file ended
      {places::kOpenPacific, true, 1, false},
      {places::kKoreaBay, false, 1, true},
  }));
  det::DetectorConfig config;
  config.ais_gap.report_all_open_gaps = all;
  SingleHarness h(with_config(config));
  h.sail(kSierraLeone, kT0, kT0 + 2 * kHour, kMinute, where, 8, 90);
  h.run(kT0 + 12 * kHour);
  INFO(describe(h.events()));
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == expected);
  if (expected) {
    CHECK(std::get<bool>(*gaps.front().find_evidence("open")));
    CHECK(gaps.front().end == kT0 + 12 * kHour);
    CHECK(gaps.front().flagged == flagged);
  }
}

TEST_CASE("a gap starting inside a DPRK port is flagged and says so", "[ais_gap][dprk]") {
  SingleHarness h;
  h.stay(kRussianTanker, kT0, kT0 + 4 * kHour, 3 * kMinute, places::kNajinPort);
  const LatLon later = SingleHarness::at(places::kVostochnyyPort, 225, 40'000);
  h.sail(kRussianTanker, kT0 + 14 * kHour, kT0 + 16 * kHour, kMinute, later, 10, 45);
  h.run();
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == 1);
  CHECK(gaps.front().flagged);
  CHECK(evidence_text(gaps.front(), "starts_in_port") == "Najin");
  CHECK(gaps.front().zone == "Najin");
}

TEST_CASE("an MMSI whose IMO reappears under a new MMSI: its gap ends there, not at the end of the data",
          "[ais_gap][identity]") {
  SingleHarness h;
  h.identity(352681000, kT0, {.name = "SEA GRACE", .imo = 8722458});
  h.sail(352681000, kT0, kT0 + 2 * kHour, kMinute, places::kCentralYellowSea, 10, 0);
  const UnixMillis t = kT0 + 2 * kHour + 9 * kHour + 30 * kMinute;
  h.identity(667001234, t, {.name = "OCEAN STAR 8", .imo = 8722458});
  h.sail(667001234, t + kMinute, t + 3 * kHour, kMinute, SingleHarness::at(places::kCentralYellowSea, 0, 60'000), 10, 0);
  h.run(t + 20 * kHour);
  INFO(describe(h.events()));
  const auto gaps = h.events_of(EventType::ais_gap);
  REQUIRE(gaps.size() == 1);
  const det::Event& e = gaps.front();
  CHECK(e.mmsi == 352681000);
  CHECK(e.end == t + kMinute);
  CHECK_FALSE(std::get<bool>(*e.find_evidence("open")));
  CHECK(evidence_number(e, "resumed_as_mmsi") == 667001234);
  CHECK(evidence_number(e, "gap_hours") == Approx(9.5 + 1.0 / 60 + 1.0 / 60).margin(0.01));
  CHECK(e.name == "SEA GRACE");
}
