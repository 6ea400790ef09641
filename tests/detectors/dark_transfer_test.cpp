// dark_transfer: a vessel goes dark and (a) a partner stays slow next to its last/first position, (b) its
// draught changes across a stationary gap with no port within reach, or (c) another vessel goes dark with
// it — driven through a real Tracker with the bundled zones and land.
#include <catch2/catch.hpp>

#include "pair_harness.hpp"

using namespace pair_test;
using det::EventType;
using det::Severity;

namespace {

constexpr std::uint32_t kTanker = 273415630;   // Russia
constexpr std::uint32_t kPartner = 445123000;  // DPRK
constexpr std::uint32_t kShipA = 538004311;    // Marshall Islands
constexpr std::uint32_t kShipB = 636019875;    // Liberia
constexpr std::uint32_t kShipC = 477123400;    // Hong Kong

// A vessel lying slow at `off` for an hour, silent for `gap`, then slow at `on` for an hour (1-min reports).
void dark_spell(PairHarness& h, std::uint32_t mmsi, LatLon off, UnixMillis t_off, std::int64_t gap, LatLon on,
                float sog = 0.4F) {
  h.stay(mmsi, t_off - kHour, t_off + kSecond, kMinute, off, sog);
  h.stay(mmsi, t_off + gap, t_off + gap + kHour, kMinute, on, sog);
}

bool any_reason(const det::Event& e, std::string_view needle) {
  return std::any_of(e.reasons.begin(), e.reasons.end(), [&](const std::string& r) { return r.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("dark_transfer: Russian tanker dark in Korea Bay while a DPRK tanker loiters beside it", "[dark_transfer]") {
  PairHarness h;
  h.identity(kTanker, kT0, {.name = "ZOLOTAYA ZARYA", .imo = 9351608, .ship_type = 80, .draught_m = 9.8F});
  h.identity(kPartner, kT0, {.name = "KUM BIT 3", .imo = 8645777, .ship_type = 80, .draught_m = 4.1F});
  const LatLon off = places::kKoreaBay;
  const UnixMillis t_off = kT0 + 3 * kHour;
  // Sails in, drifts, goes dark for 16 h, reappears 300 m away, 2.6 m lighter (type 5 20 min later).
  h.sail(kTanker, kT0, kT0 + 2 * kHour, 20 * kSecond, PairHarness::at(off, 270, 2 * 11 * det::kMsPerKnot * 3600), 11, 90);
  dark_spell(h, kTanker, off, t_off, 16 * kHour, PairHarness::at(off, 200, 300));
  h.identity(kTanker, t_off + 16 * kHour + 20 * kMinute, {.draught_m = 7.2F});
  // The partner arrives during the gap, loiters 1.2 km away for 9 h, leaves.
  const LatLon spot = PairHarness::at(off, 60, 1200);
  h.sail(kPartner, t_off + kHour, t_off + 2 * kHour, 20 * kSecond, PairHarness::at(spot, 90, 9 * det::kMsPerKnot * 3600), 9, 270);
  h.stay(kPartner, t_off + 2 * kHour, t_off + 11 * kHour, kMinute, spot, 0.8F);
  h.sail(kPartner, t_off + 11 * kHour, t_off + 12 * kHour, 20 * kSecond, spot, 9, 90);
  h.run();

  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == 1);
  const det::Event& e = found.front();
  CHECK(e.mmsi == kTanker);
  CHECK(e.other_mmsi == kPartner);
  CHECK(e.start == t_off);
  CHECK(e.end == t_off + 16 * kHour);
  CHECK(e.flagged);
  CHECK(e.severity == Severity::critical);  // high, raised for the flags of concern (RU, and the KP partner)
  CHECK(e.zone == "Korea Bay / West Sea approaches to Nampo");
  CHECK(e.name == "ZOLOTAYA ZARYA");
  CHECK(evidence_text(e, "rules") == "partner");
  CHECK(evidence_number(e, "gap_hours") == Approx(16));
  CHECK(evidence_text(e, "partner_name") == "KUM BIT 3");
  CHECK(evidence_number(e, "partner_imo") == 8645777);
  CHECK(evidence_text(e, "partner_flag") == "KP");
  CHECK(evidence_text(e, "partner_near") == "last position");
  CHECK(evidence_number(e, "partner_min_distance_km") == Approx(1.2).margin(0.01));
  CHECK(evidence_number(e, "partner_presence_hours") == Approx(9).margin(0.1));
  CHECK(evidence_number(e, "partner_median_speed_kn") == Approx(0.8).margin(0.01));
  CHECK(evidence_number(e, "draught_before_m") == Approx(9.8).margin(0.01));
  CHECK(evidence_number(e, "draught_after_m") == Approx(7.2).margin(0.01));
  CHECK(evidence_number(e, "draught_change_m") == Approx(-2.6).margin(0.01));
  CHECK(evidence_number(e, "gap_distance_km") == Approx(0.3).margin(0.01));
  CHECK(any_reason(e, "KUM BIT 3 (445123000) stayed 1.2"));
  CHECK(any_reason(e, "draught 9.8 → 7.2 m"));
  CHECK(any_reason(e, "flag of concern"));
  // Raw: the last record before the gap, the first after it, and the type 5 with the new draught.
  REQUIRE(e.raw.size() == 3);
  CHECK(e.raw[0].rx_time == t_off);
  CHECK(e.raw[1].rx_time == t_off + 16 * kHour);
  CHECK(e.raw[2].text.rfind("!SIM5", 0) == 0);
  CHECK(h.dark().stats().by_partner == 1);
}

TEST_CASE("dark_transfer: partner distance at the 2 km edge", "[dark_transfer][edge]") {
  const auto [km, expected] = GENERATE(table<double, std::size_t>({{1.9, 1}, {2.1, 0}}));
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  dark_spell(h, kShipA, places::kOpenPacific, t_off, 10 * kHour, places::kOpenPacific);
  h.stay(kShipB, t_off + kHour, t_off + 6 * kHour, 3 * kMinute, PairHarness::at(places::kOpenPacific, 10, km * 1000), 0.5F);
  h.run();
  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == expected);
  if (expected == 1) {
    CHECK(found[0].other_mmsi == kShipB);
    CHECK(evidence_number(found[0], "partner_max_distance_km") == Approx(km).margin(0.005));
  }
}

TEST_CASE("dark_transfer: partner presence at the 1 h edge", "[dark_transfer][edge]") {
  const auto [minutes, expected] = GENERATE(table<int, std::size_t>({{50, 0}, {70, 1}}));
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  dark_spell(h, kShipA, places::kOpenPacific, t_off, 8 * kHour, places::kOpenPacific);
  h.stay(kShipB, t_off + 2 * kHour, t_off + 2 * kHour + minutes * kMinute, kMinute,
         PairHarness::at(places::kOpenPacific, 200, 800), 0.5F);
  h.run();
  CHECK(h.events_of(EventType::dark_transfer).size() == expected);
}

TEST_CASE("dark_transfer: partner found next to the first position after the gap", "[dark_transfer]") {
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  const LatLon on = PairHarness::at(places::kOpenPacific, 0, 30'000);  // moved 30 km while dark
  dark_spell(h, kShipA, places::kOpenPacific, t_off, 12 * kHour, on);
  h.stay(kShipB, t_off + 6 * kHour, t_off + 13 * kHour, 3 * kMinute, PairHarness::at(on, 90, 600), 0.3F);
  h.run();
  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == 1);
  CHECK(evidence_text(found[0], "partner_near") == "first position");
}

TEST_CASE("dark_transfer: a ship sailing past a loitering one into a coverage gap is not a transfer", "[dark_transfer][decoy]") {
  PairHarness h;
  const LatLon start = PairHarness::at(places::kOpenPacific, 270, 20'000);
  h.sail(kShipA, kT0, kT0 + 2 * kHour, 30 * kSecond, start, 12, 90);  // last fix 500 m from the loiterer
  const LatLon later = PairHarness::at(start, 90, 12 * det::kMsPerKnot * 10 * 3600);
  h.sail(kShipA, kT0 + 10 * kHour, kT0 + 11 * kHour, 30 * kSecond, later, 12, 90);
  h.stay(kShipB, kT0, kT0 + 12 * kHour, 3 * kMinute,
         PairHarness::at(PairHarness::at(start, 90, 12 * det::kMsPerKnot * 2 * 3600), 0, 500), 0.4F);
  h.run();
  CHECK(h.events_of(EventType::dark_transfer).empty());
  CHECK(h.dark().stats().gaps_closed == 1);
}

TEST_CASE("dark_transfer: ships anchored together in a harbour with coverage gaps are not transfers", "[dark_transfer][decoy]") {
  const LatLon where = GENERATE(places::kBusanAnchorage, places::kVladivostokAmurBay);
  PairHarness h;
  h.identity(440715220, kT0, {.draught_m = 9.1F});
  dark_spell(h, 440715220, where, kT0 + 2 * kHour, 8 * kHour, where);
  h.identity(440715220, kT0 + 10 * kHour + kMinute, {.draught_m = 6.0F});  // discharged in port
  h.stay(352118800, kT0, kT0 + 14 * kHour, 3 * kMinute, PairHarness::at(where, 90, 200), 0.1F);
  h.run();
  CHECK(h.events_of(EventType::dark_transfer).empty());
  CHECK(h.dark().stats().gaps_near_port == 1);
  CHECK(h.dark().stats().slow_fixes_kept == 0);  // harbour cells keep nothing for partner searches
}

TEST_CASE("dark_transfer: gap length edges (6 h at sea, 2 h in an STS hotspot)", "[dark_transfer][edge]") {
  const auto [where, minutes, expected] = GENERATE(table<LatLon, int, std::size_t>({
      {places::kOpenPacific, 355, 0},
      {places::kOpenPacific, 365, 1},
      {places::kKoreaBay, 115, 0},
      {places::kKoreaBay, 125, 1},
  }));
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  dark_spell(h, kShipA, where, t_off, minutes * kMinute, where);
  h.stay(kShipB, t_off - kHour, t_off + minutes * kMinute + kHour, 2 * kMinute, PairHarness::at(where, 0, 700), 0.6F);
  h.run();
  CHECK(h.events_of(EventType::dark_transfer).size() == expected);
}

TEST_CASE("dark_transfer: draught change across a stationary gap with no port within reach", "[dark_transfer][edge]") {
  const auto [change, displacement_km, expected] =
      GENERATE(table<float, double, std::size_t>({{1.1F, 0.3, 1}, {0.9F, 0.3, 0}, {1.1F, 9.5, 1}, {1.1F, 10.5, 0}, {-1.1F, 0.3, 1}}));
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  h.identity(kShipA, kT0, {.name = "GRAND HORIZON", .ship_type = 80, .draught_m = 8.0F});
  dark_spell(h, kShipA, places::kOpenPacific, t_off, 8 * kHour, PairHarness::at(places::kOpenPacific, 45, displacement_km * 1000));
  h.identity(kShipA, t_off + 8 * kHour + 5 * kMinute, {.draught_m = 8.0F + change});
  h.run();
  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == expected);
  if (expected == 1) {
    const det::Event& e = found[0];
    CHECK(evidence_text(e, "rules") == "draught");
    CHECK_FALSE(e.other_mmsi);
    CHECK(e.flagged);
    CHECK(e.severity == Severity::high);
    CHECK(evidence_number(e, "draught_change_m") == Approx(change).margin(0.01));
    CHECK(evidence_number(e, "reach_radius_km") == Approx(12 * 1.852 * 6 / 2).margin(0.1));
    CHECK(any_reason(e, "no port within reach"));
  }
}

TEST_CASE("dark_transfer: a draught change with a DPRK port within reach is a possible port call, not rule (b)",
          "[dark_transfer][decoy]") {
  // The nampo_dark_call pattern: 30 nm west of Nampo, 20 h dark, 3.1 m lighter.
  PairHarness h;
  const LatLon spot{38.62, 124.3};
  h.identity(667118200, kT0, {.name = "NEW HOPE 3", .ship_type = 80, .draught_m = 9.5F});
  dark_spell(h, 667118200, spot, kT0 + 2 * kHour, 20 * kHour, PairHarness::at(spot, 90, 1500));
  h.identity(667118200, kT0 + 22 * kHour + 10 * kMinute, {.draught_m = 6.4F});
  h.run();
  CHECK(h.events_of(EventType::dark_transfer).empty());
  CHECK(h.dark().stats().gaps_closed == 1);
}

TEST_CASE("dark_transfer: two vessels dark together, vanishing and reappearing side by side", "[dark_transfer]") {
  const auto [km, expected] = GENERATE(table<double, std::size_t>({{0.4, 1}, {4.9, 1}, {5.1, 0}}));
  PairHarness h;
  const LatLon a_off = places::kOpenPacific, b_off = PairHarness::at(a_off, 90, 300);
  const LatLon a_on = PairHarness::at(a_off, 180, 2000), b_on = PairHarness::at(a_on, 90, km * 1000);
  dark_spell(h, kShipA, a_off, kT0 + 2 * kHour, 10 * kHour, a_on);
  dark_spell(h, kShipC, b_off, kT0 + 2 * kHour + 30 * kMinute, 9 * kHour, b_on);
  h.run();
  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == expected);
  if (expected == 1) {
    // Reported when the second gap closes: C reappears at 11:30, A at 12:00.
    CHECK(found[0].mmsi == kShipA);
    CHECK(found[0].other_mmsi == kShipC);
    CHECK(evidence_text(found[0], "rules") == "both_dark");
    CHECK(evidence_number(found[0], "partner_gap_overlap_hours") == Approx(9));
    CHECK(evidence_number(found[0], "reappear_distance_km") == Approx(km).margin(0.01));
    CHECK(h.dark().stats().by_both_dark == 1);
  }
}

TEST_CASE("dark_transfer: ships sailing together through a coverage hole are not dark together", "[dark_transfer][decoy]") {
  PairHarness h;
  const LatLon a = places::kOpenPacific, b = PairHarness::at(a, 0, 1000);
  const double run_m = 12 * det::kMsPerKnot * 9 * 3600;
  h.sail(kShipA, kT0, kT0 + 2 * kHour, 30 * kSecond, a, 12, 90);
  h.sail(kShipC, kT0, kT0 + 2 * kHour, 30 * kSecond, b, 12, 90);
  h.sail(kShipA, kT0 + 9 * kHour, kT0 + 10 * kHour, 30 * kSecond, PairHarness::at(a, 90, run_m), 12, 90);
  h.sail(kShipC, kT0 + 9 * kHour, kT0 + 10 * kHour, 30 * kSecond, PairHarness::at(b, 90, run_m), 12, 90);
  h.run();
  CHECK(h.events_of(EventType::dark_transfer).empty());
  CHECK(h.dark().stats().gaps_closed == 2);
}

TEST_CASE("dark_transfer: the draught report is awaited for an hour after the gap", "[dark_transfer]") {
  const auto [delay_min, after] = GENERATE(table<int, double>({{20, 7.0}, {90, 9.0}}));
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  h.identity(kShipA, kT0, {.draught_m = 9.0F});
  dark_spell(h, kShipA, places::kOpenPacific, t_off, 10 * kHour, places::kOpenPacific);
  h.identity(kShipA, t_off + 10 * kHour + delay_min * kMinute, {.draught_m = 7.0F});
  h.stay(kShipB, t_off + kHour, t_off + 6 * kHour, 3 * kMinute, PairHarness::at(places::kOpenPacific, 10, 900), 0.5F);
  h.run();
  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == 1);
  CHECK(evidence_number(found[0], "draught_after_m") == Approx(after));
}

TEST_CASE("dark_transfer: short satellite gaps of a ship crossing the Pacific are nothing", "[dark_transfer][decoy]") {
  PairHarness h;
  LatLon p = places::kOpenPacific;
  UnixMillis t = kT0;
  for (const double gap_h : {1.5, 2.5, 5.0}) {
    p = h.sail(kShipB, t, t + 4 * kHour, 3 * kMinute, p, 12.5, 70);
    const UnixMillis back = t + 4 * kHour + static_cast<std::int64_t>(gap_h * kHour);
    p = PairHarness::at(p, 70, 12.5 * det::kMsPerKnot * gap_h * 3600);
    t = back;
  }
  h.run();
  CHECK(h.events().empty());
}

TEST_CASE("dark_transfer: the same input gives the same events in the same order", "[dark_transfer][determinism]") {
  auto run_once = [] {
    PairHarness h;
    for (int i = 0; i < 4; ++i) {
      const LatLon where = PairHarness::at(places::kOpenPacific, 90, i * 50'000.0);
      dark_spell(h, 538004311 + static_cast<std::uint32_t>(i), where, kT0 + 2 * kHour, 8 * kHour, where);
      h.stay(477123400 + static_cast<std::uint32_t>(i), kT0 + 3 * kHour, kT0 + 8 * kHour, 3 * kMinute,
             PairHarness::at(where, 0, 1000), 0.3F);
    }
    h.run();
    std::vector<std::string> ids;
    for (const auto& e : h.events()) ids.push_back(e.id);
    return ids;
  };
  const auto first = run_once();
  CHECK(first.size() == 4);
  CHECK(first == run_once());
}

TEST_CASE("dark_transfer: a vessel still dark at the end of the data with a partner beside it", "[dark_transfer]") {
  PairHarness h;
  const UnixMillis t_off = kT0 + 2 * kHour;
  h.stay(kShipA, kT0, t_off + kSecond, kMinute, places::kKoreaBay, 0.3F);
  h.stay(kShipB, t_off + kHour, t_off + 8 * kHour, 3 * kMinute, PairHarness::at(places::kKoreaBay, 0, 1100), 0.5F);
  // Ships that are simply heard until the end are not "dark" (C, 3 km off: outside the partner radius).
  h.stay(kShipC, kT0, t_off + 10 * kHour, 3 * kMinute, PairHarness::at(places::kKoreaBay, 180, 3000), 0.2F);
  h.run(t_off + 10 * kHour);
  const auto found = h.events_of(EventType::dark_transfer);
  REQUIRE(found.size() == 1);
  CHECK(found[0].mmsi == kShipA);
  CHECK(found[0].other_mmsi == kShipB);
  CHECK(found[0].end == t_off + 10 * kHour);
  CHECK(std::get<bool>(*found[0].find_evidence("open")));
  CHECK_FALSE(found[0].find_evidence("first_position"));
  CHECK(any_reason(found[0], "still dark at the end of the data"));
}
