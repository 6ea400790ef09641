// encounter: two vessels within 500 m, both below 2 kn (median), for >= 2 h, >= 10 km from port (GFW),
// driven through a real Tracker with the bundled zones and land.
#include <catch2/catch.hpp>

#include "pair_harness.hpp"

using namespace pair_test;
using det::EventType;
using det::Severity;

namespace {

// Two vessels lying `distance_m` apart (east-west) around `p` from t0 for `duration`, reporting every 3 min
// (class A at anchor / slow), the second one offset by 90 s.
void lie_together(PairHarness& h, std::uint32_t a, std::uint32_t b, LatLon p, UnixMillis from, std::int64_t duration,
                  double distance_m, float sog = 0.3F) {
  const LatLon pa = PairHarness::at(p, 270, distance_m / 2), pb = PairHarness::at(p, 90, distance_m / 2);
  h.stay(a, from, from + duration, 3 * kMinute, pa, sog);
  h.stay(b, from + 90 * kSecond, from + duration, 3 * kMinute, pb, sog);
}

// Arrives at speed, lies together, leaves: the realistic shape of an encounter.
void meet(PairHarness& h, std::uint32_t a, std::uint32_t b, LatLon p, UnixMillis from, std::int64_t duration,
          double distance_m) {
  const LatLon pa = PairHarness::at(p, 270, distance_m / 2), pb = PairHarness::at(p, 90, distance_m / 2);
  h.sail(a, from - kHour, from, 20 * kSecond, PairHarness::at(pa, 180, 12 * det::kMsPerKnot * 3600), 12, 0);
  h.sail(b, from - kHour, from, 20 * kSecond, PairHarness::at(pb, 0, 11 * det::kMsPerKnot * 3600), 11, 180);
  lie_together(h, a, b, p, from, duration, distance_m);
  h.sail(a, from + duration, from + duration + kHour, 20 * kSecond, pa, 12, 300);
  h.sail(b, from + duration + 30 * kSecond, from + duration + kHour, 20 * kSecond, pb, 11, 120);
}

constexpr std::uint32_t kTankerA = 413207550;   // China
constexpr std::uint32_t kTankerB = 671224000;   // Togo
constexpr std::uint32_t kBulkA = 538004311;     // Marshall Islands
constexpr std::uint32_t kBulkB = 636019875;     // Liberia
constexpr std::uint32_t kRussian = 273415630;   // Russia (flag of concern)

}  // namespace

TEST_CASE("encounter: two tankers alongside in the East China Sea hotspot", "[encounter]") {
  PairHarness h;
  h.identity(kTankerA, kT0, {.name = "HAI XING YOU 9", .imo = 9266554, .ship_type = 80, .draught_m = 4.2F});
  h.identity(kTankerB, kT0, {.name = "OCEAN LUCK 7", .imo = 9512446, .ship_type = 80, .draught_m = 11.8F});
  meet(h, kTankerA, kTankerB, places::kEastChinaSeaHotspot, kT0 + 2 * kHour, 6 * kHour, 170);
  h.run();

  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == 1);
  const det::Event& e = found.front();
  CHECK(e.mmsi == kTankerA);  // neither is of concern: the lower MMSI
  CHECK(e.other_mmsi == kTankerB);
  CHECK(e.name == "HAI XING YOU 9");
  CHECK(e.start == kT0 + 2 * kHour + 90 * kSecond);  // the first moment both were there
  CHECK(e.end >= kT0 + 8 * kHour - 4 * kMinute);
  CHECK(e.end <= kT0 + 8 * kHour + 5 * kMinute);  // until they are more than 500 m apart
  CHECK(e.zone == "East China Sea high seas east of Shanghai / Zhoushan");
  CHECK(e.flagged);
  CHECK(e.severity >= Severity::medium);
  CHECK(evidence_number(e, "duration_hours") == Approx(6).margin(0.1));
  CHECK(evidence_number(e, "median_distance_m") == Approx(170).margin(10));
  CHECK(evidence_number(e, "min_distance_m") == Approx(170).margin(1));
  CHECK(evidence_number(e, "median_speed_kn") == Approx(0.35).margin(0.06));
  CHECK(evidence_text(e, "partner_name") == "OCEAN LUCK 7");
  CHECK(evidence_number(e, "partner_imo") == 9512446);
  CHECK(evidence_number(e, "partner_ship_type") == 80);
  CHECK(evidence_number(e, "distance_to_shore_km") > 100);
  CHECK(evidence_number(e, "fixes") >= 110);
  CHECK(e.lat == Approx(places::kEastChinaSeaHotspot.lat_deg).margin(1e-4));
  CHECK(e.lon == Approx(places::kEastChinaSeaHotspot.lon_deg).margin(1e-4));
  // Reasons say where and what; the raw records of both vessels are there, in time order.
  CHECK(std::any_of(e.reasons.begin(), e.reasons.end(), [](const std::string& r) { return r.find("hotspot") != std::string::npos; }));
  CHECK(std::any_of(e.reasons.begin(), e.reasons.end(), [](const std::string& r) { return r.find("tanker") != std::string::npos; }));
  REQUIRE(e.raw.size() >= 4);
  CHECK(e.raw.size() <= det::kMaxRawPerEvent);
  CHECK(std::is_sorted(e.raw.begin(), e.raw.end(), [](const auto& a, const auto& b) { return a.rx_time < b.rx_time; }));
  CHECK(std::any_of(e.raw.begin(), e.raw.end(), [](const auto& r) { return r.text.find("413207550") != std::string::npos; }));
  CHECK(std::any_of(e.raw.begin(), e.raw.end(), [](const auto& r) { return r.text.find("671224000") != std::string::npos; }));
  CHECK(e.id.size() == 16);
}

TEST_CASE("encounter: separation at the 500 m edge", "[encounter][edge]") {
  const auto [distance, expected] = GENERATE(table<double, std::size_t>({{480, 1}, {520, 0}}));
  PairHarness h;
  lie_together(h, kBulkA, kBulkB, places::kOpenPacific, kT0, 4 * kHour, distance);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == expected);
  if (expected == 1) {
    CHECK_FALSE(found[0].flagged);  // ordinary ships in the open ocean: recorded, not flagged
    CHECK(found[0].severity == Severity::info);
    CHECK(evidence_number(found[0], "median_distance_m") == Approx(distance).margin(10));
  }
}

TEST_CASE("encounter: duration at the 2 h edge", "[encounter][edge]") {
  const auto [minutes, expected] = GENERATE(table<int, std::size_t>({{115, 0}, {125, 1}}));
  PairHarness h;
  // Reports every 30 s so the observed span is the scripted one to within a minute.
  const LatLon pa = PairHarness::at(places::kOpenPacific, 270, 100), pb = PairHarness::at(places::kOpenPacific, 90, 100);
  h.stay(kBulkA, kT0, kT0 + minutes * kMinute + kSecond, 30 * kSecond, pa);
  h.stay(kBulkB, kT0, kT0 + minutes * kMinute + kSecond, 30 * kSecond, pb);
  h.run();
  CHECK(h.events_of(EventType::encounter).size() == expected);
  CHECK(h.encounter().stats().dropped_short == 1 - expected);
}

TEST_CASE("encounter: distance from port at the 10 km edge (Midway, an isolated port)", "[encounter][edge]") {
  const auto [km, expected] = GENERATE(table<double, std::size_t>({{9.5, 0}, {10.5, 1}}));
  PairHarness h;
  lie_together(h, kBulkA, kBulkB, PairHarness::at(places::kMidwayPort, 315, km * 1000), kT0, 3 * kHour, 200);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == expected);
  if (expected == 1) {
    CHECK(evidence_text(found[0], "nearest_port") == "Midway Island");
    CHECK(evidence_number(found[0], "nearest_port_km") == Approx(km).margin(0.05));
  }
}

TEST_CASE("encounter: median speed at the 2 kn edge", "[encounter][edge]") {
  const auto [speed, expected] = GENERATE(table<double, std::size_t>({{1.8, 1}, {2.2, 0}}));
  PairHarness h;
  // Sailing slowly side by side, 200 m apart, for 3 h.
  const LatLon start = places::kOpenPacific;
  h.sail(kBulkA, kT0, kT0 + 3 * kHour, kMinute, start, speed, 45);
  h.sail(kBulkB, kT0 + 20 * kSecond, kT0 + 3 * kHour, kMinute, PairHarness::at(start, 135, 200), speed, 45);
  h.run();
  CHECK(h.events_of(EventType::encounter).size() == expected);
}

TEST_CASE("encounter: a ship sailing past a stopped one is not an encounter", "[encounter]") {
  PairHarness h;
  h.stay(kBulkA, kT0, kT0 + 6 * kHour, 3 * kMinute, places::kOpenPacific);
  h.sail(kBulkB, kT0 + 2 * kHour, kT0 + 4 * kHour, 10 * kSecond, PairHarness::at(places::kOpenPacific, 270, 12'000), 12, 90);
  h.run();
  CHECK(h.events_of(EventType::encounter).empty());
  CHECK(h.encounter().stats().windows_opened == 0);  // the moving ship never entered the grid
}

TEST_CASE("encounter: ships anchored together inside a harbour emit nothing", "[encounter][decoy]") {
  const LatLon where = GENERATE(places::kBusanAnchorage, places::kVladivostokAmurBay);
  PairHarness h;
  lie_together(h, 440715220, 352118800, where, kT0, 12 * kHour, 200);
  h.run();
  CHECK(h.events_of(EventType::encounter).empty());
  CHECK(h.encounter().stats().updates_in_grid == 0);  // harbour cells never reach the grid
  CHECK(h.encounter().stats().pair_checks == 0);
}

TEST_CASE("encounter: windows of one pair less than 4 h apart merge", "[encounter][merge]") {
  const auto [apart_h, expected] = GENERATE(table<int, std::size_t>({{3, 1}, {5, 2}}));
  PairHarness h;
  meet(h, kBulkA, kBulkB, places::kOpenPacific, kT0 + 2 * kHour, 2 * kHour + 30 * kMinute, 150);
  const UnixMillis second = kT0 + 4 * kHour + 30 * kMinute + apart_h * kHour;  // apart_h after the first ends
  meet(h, kBulkA, kBulkB, places::kOpenPacific, second, 2 * kHour + 30 * kMinute, 150);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == expected);
  if (expected == 1) {
    CHECK(evidence_number(found[0], "windows") == 2);
    CHECK(evidence_number(found[0], "duration_hours") == Approx(2.5 + apart_h + 2.5).margin(0.2));
    CHECK(h.encounter().stats().windows_merged == 1);
  } else {
    CHECK(found[0].start < found[1].start);
    CHECK(found[0].id != found[1].id);
  }
}

TEST_CASE("encounter: draught change of either vessel flags an offshore encounter", "[encounter][edge]") {
  const auto [change, flagged] = GENERATE(table<float, bool>({{0.9F, false}, {1.1F, true}}));
  PairHarness h;
  h.identity(kBulkA, kT0, {.name = "GREAT SPIRIT", .ship_type = 70, .draught_m = 12.0F});
  h.identity(kBulkB, kT0, {.name = "BLUE WIND", .ship_type = 70, .draught_m = 6.0F});
  meet(h, kBulkA, kBulkB, places::kOpenPacific, kT0 + 2 * kHour, 5 * kHour, 200);
  // The crew updates the draught an hour after leaving: still before the encounter is emitted.
  h.identity(kBulkA, kT0 + 9 * kHour, {.draught_m = 12.0F - change});
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == 1);
  CHECK(found[0].flagged == flagged);
  CHECK(evidence_number(found[0], "draught_before_m") == Approx(12.0));
  CHECK(evidence_number(found[0], "draught_after_m") == Approx(12.0 - change));
  CHECK(evidence_number(found[0], "partner_draught_before_m") == Approx(6.0));
}

TEST_CASE("encounter: a vessel flying a flag of concern is the event's vessel and flags it", "[encounter]") {
  PairHarness h;
  meet(h, kBulkA, kRussian, places::kOpenPacific, kT0 + 2 * kHour, 3 * kHour, 200);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == 1);
  CHECK(found[0].mmsi == kRussian);  // higher MMSI, but the vessel of concern
  CHECK(found[0].other_mmsi == kBulkA);
  CHECK(found[0].flagged);
  CHECK(found[0].severity >= Severity::medium);  // low, raised one step by the flag policy
}

TEST_CASE("encounter: a watchlisted partner makes the event high and names the list", "[encounter]") {
  aiswatch::watchlists::WatchlistEntry angara{.list = "OFAC SDN", .programs = {"RUSSIA-EO14024"}, .entry_id = "37059",
                                              .name = "ANGARA", .imo = 9179842};
  PairHarness h({}, {angara});
  h.identity(kBulkB, kT0, {.name = "ANGARA", .imo = 9179842, .ship_type = 70});
  meet(h, kBulkA, kBulkB, places::kOpenPacific, kT0 + 2 * kHour, 3 * kHour, 200);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == 1);
  CHECK(found[0].mmsi == kBulkB);  // the watchlisted one
  CHECK(found[0].flagged);
  CHECK(found[0].severity >= Severity::high);
  REQUIRE_FALSE(found[0].watchlist.empty());
  CHECK(found[0].watchlist[0].entry == "37059");
}

TEST_CASE("encounter: fishing vessels drifting together in a hotspot are recorded, not flagged", "[encounter][decoy]") {
  PairHarness h;
  h.identity(412000101, kT0, {.name = "LU RONG YU 101", .ship_type = 30});
  h.identity(412000102, kT0, {.name = "LU RONG YU 102", .ship_type = 30});
  lie_together(h, 412000101, 412000102, places::kEastChinaSeaHotspot, kT0, 8 * kHour, 300, 0.8F);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].flagged);
  CHECK(found[0].zone == "East China Sea high seas east of Shanghai / Zhoushan");
}

TEST_CASE("encounter: sparse (satellite) fixes are compared at common times", "[encounter]") {
  PairHarness h;
  // Each vessel heard every 30 min, the two 15 min out of step: never within the 10-min window of each other,
  // so comparisons come from interpolating between a vessel's own fixes.
  const LatLon pa = PairHarness::at(places::kOpenPacific, 270, 150), pb = PairHarness::at(places::kOpenPacific, 90, 150);
  h.stay(kBulkA, kT0, kT0 + 6 * kHour, 30 * kMinute, pa);
  h.stay(kBulkB, kT0 + 15 * kMinute, kT0 + 6 * kHour, 30 * kMinute, pb);
  h.run();
  const auto found = h.events_of(EventType::encounter);
  REQUIRE(found.size() == 1);
  CHECK(evidence_number(found[0], "duration_hours") > 5);
}

TEST_CASE("encounter: aids to navigation and other non-ship stations never pair", "[encounter]") {
  PairHarness h;
  lie_together(h, 992731234, kBulkA, places::kOpenPacific, kT0, 6 * kHour, 100);  // an AtoN (99 MID 273)
  h.run();
  CHECK(h.events_of(EventType::encounter).empty());
}

TEST_CASE("encounter: thousands of slow vessels cost neighbour checks, not all pairs", "[encounter][scale]") {
  PairHarness h;
  // 3,000 vessels anchored on a 2 km lattice (no two within 500 m) plus 50 pairs 200 m apart, 3 h.
  int n = 0;
  for (int i = 0; i < 50; ++i) {
    for (int j = 0; j < 60; ++j) {
      const LatLon p = PairHarness::at(PairHarness::at(places::kOpenPacific, 0, i * 2000.0), 90, j * 2000.0);
      const auto mmsi = static_cast<std::uint32_t>(538100000 + n++);
      h.stay(mmsi, kT0 + (n % 180) * kSecond, kT0 + 3 * kHour, 3 * kMinute, p);
      if (j % 60 == 0)
        h.stay(static_cast<std::uint32_t>(538900000 + i), kT0 + (n % 180) * kSecond, kT0 + 3 * kHour, 3 * kMinute,
               PairHarness::at(p, 45, 200));
    }
  }
  h.run();
  const auto& stats = h.encounter().stats();
  CHECK(h.events_of(EventType::encounter).size() == 50);
  // Every update looks at its own and neighbouring cells only: a handful of comparisons each, where all
  // pairs would be 3,050 per update.
  INFO("updates in grid " << stats.updates_in_grid << ", pair checks " << stats.pair_checks);
  CHECK(stats.updates_in_grid == 3050 * 60);
  CHECK(stats.pair_checks < 2 * stats.updates_in_grid);
}

TEST_CASE("encounter: the same input gives the same events in the same order", "[encounter][determinism]") {
  auto run_once = [] {
    PairHarness h;
    meet(h, kTankerA, kTankerB, places::kEastChinaSeaHotspot, kT0 + 2 * kHour, 6 * kHour, 170);
    meet(h, kBulkA, kBulkB, places::kOpenPacific, kT0 + 3 * kHour, 4 * kHour, 300);
    meet(h, kRussian, 273000001, places::kKoreaBay, kT0 + 1 * kHour, 5 * kHour, 250);
    h.run();
    std::vector<std::string> ids;
    for (const auto& e : h.events_of(EventType::encounter)) ids.push_back(e.id);
    return ids;
  };
  const auto first = run_once();
  CHECK(first.size() == 3);
  CHECK(first == run_once());
}

TEST_CASE("encounter: an encounter still open at the end of the data is reported by finish()", "[encounter]") {
  PairHarness h;
  lie_together(h, kBulkA, kBulkB, places::kOpenPacific, kT0, 3 * kHour, 200);
  h.run(kT0 + 3 * kHour);  // finish right after the last report
  CHECK(h.events_of(EventType::encounter).size() == 1);
}
