// loitering: slow (< 2 kn over hourly windows) for >= 4 h, >= 20 nm from shore, never in port; flagged in
// STS hotspots and DPRK waters.
#include <catch2/catch.hpp>

#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {

constexpr std::uint32_t kTogo = 671224000;  // MID 671: Togo
constexpr double kNm = det::kMetresPerNm;

// A point `target_nm` from shore east of Honshu (off Ibaraki), found by bisection along the parallel.
LatLon offshore_of_honshu(double target_nm) {
  const LatLon coast{36.5, 140.6};
  double lo = 0, hi = 80 * kNm;
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    (bundled_land().distance_to_shore_m(SingleHarness::at(coast, 90, mid)) < target_nm * kNm ? lo : hi) = mid;
  }
  return SingleHarness::at(coast, 90, hi);
}

}  // namespace

TEST_CASE("drifting 5 h in the East China Sea STS hotspot is flagged loitering", "[loitering]") {
  SingleHarness h;
  h.sail(kTogo, kT0, kT0 + 5 * kHour, 3 * kMinute, places::kEastChinaSea, 0.5, 45);
  h.run();
  INFO(describe(h.events()));
  const auto l = h.events_of(EventType::loitering);
  REQUIRE(l.size() == 1);
  CHECK(l.front().flagged);
  CHECK(l.front().severity == Severity::low);
  CHECK(l.front().zone == "East China Sea high seas east of Shanghai / Zhoushan");
  CHECK(evidence_number(l.front(), "duration_h") == Approx(5).margin(0.06));
  CHECK(evidence_number(l.front(), "mean_implied_speed_kn") == Approx(0.5).margin(0.02));
  CHECK(evidence_number(l.front(), "distance_from_shore_nm") > 20);
  CHECK(h.flagged().size() == 1);
}

TEST_CASE("loitering lasts 4 h: 3 h 50 is not enough, 4 h 10 is", "[loitering][edge]") {
  const auto [duration, expected] = GENERATE(table<std::int64_t, std::size_t>({{230 * kMinute, 0}, {250 * kMinute, 1}}));
  SingleHarness h;
  h.stay(kTogo, kT0, kT0 + duration + kSecond, 2 * kMinute, places::kEastChinaSea, 0.2F);
  h.run();
  CHECK(h.events_of(EventType::loitering).size() == expected);
}

TEST_CASE("loitering is below 2 kn: 1.9 kn is, 2.1 kn is not", "[loitering][edge]") {
  const auto [speed, expected] = GENERATE(table<double, std::size_t>({{1.9, 1}, {2.1, 0}}));
  SingleHarness h;
  h.sail(kTogo, kT0, kT0 + 6 * kHour, kMinute, places::kOpenPacific, speed, 120);
  h.run();
  INFO("speed " << speed << describe(h.events()));
  const auto l = h.events_of(EventType::loitering);
  REQUIRE(l.size() == expected);
  if (expected) {
    CHECK_FALSE(l.front().flagged);  // open ocean, no watch area: recorded, not flagged
    CHECK(l.front().severity == Severity::info);
    CHECK(evidence_number(l.front(), "max_window_speed_kn") == Approx(speed).margin(0.02));
  }
}

TEST_CASE("loitering is 20 nm from shore: 19 nm is not, 21 nm is", "[loitering][edge]") {
  const auto [target_nm, expected] = GENERATE(table<double, std::size_t>({{19.0, 0}, {21.0, 1}}));
  const LatLon p = offshore_of_honshu(target_nm);
  REQUIRE(bundled_land().distance_to_shore_m(p) == Approx(target_nm * kNm).margin(5));
  SingleHarness h;
  h.stay(kTogo, kT0, kT0 + 6 * kHour, 3 * kMinute, p, 0.3F);
  h.run();
  INFO(target_nm << " nm from shore" << describe(h.events()));
  const auto l = h.events_of(EventType::loitering);
  REQUIRE(l.size() == expected);
  if (expected) CHECK(evidence_number(l.front(), "distance_from_shore_nm") == Approx(target_nm).margin(0.05));
}

TEST_CASE("anchored 10 h in Busan is not loitering", "[loitering][decoy]") {
  SingleHarness h;
  h.stay(440715220, kT0, kT0 + 10 * kHour, 3 * kMinute, places::kBusanPort, 0.1F);
  h.run();
  CHECK(h.events_of(EventType::loitering).empty());
  CHECK(h.flagged().empty());
}

TEST_CASE("loitering inside DPRK waters is flagged medium though close to shore", "[loitering][dprk]") {
  SingleHarness h;
  h.stay(kTogo, kT0, kT0 + 6 * kHour, 3 * kMinute, places::kOffDprkEastCoast, 0.4F);
  h.run();
  INFO(describe(h.events()));
  const auto l = h.events_of(EventType::loitering);
  REQUIRE(l.size() == 1);
  CHECK(l.front().flagged);
  CHECK(l.front().severity == Severity::medium);
  CHECK(evidence_number(l.front(), "distance_from_shore_nm") < 12);
}

TEST_CASE("a fast hour splits loitering; a short silence does not, a 7 h one does", "[loitering]") {
  SECTION("slow 3 h, fast 1 h, slow 3 h: two short episodes, nothing reported") {
    SingleHarness h;
    LatLon p = h.sail(kTogo, kT0, kT0 + 3 * kHour, kMinute, places::kOpenPacific, 0.5, 0);
    p = h.sail(kTogo, kT0 + 3 * kHour, kT0 + 4 * kHour, kMinute, p, 12, 0);
    h.sail(kTogo, kT0 + 4 * kHour, kT0 + 7 * kHour, kMinute, p, 0.5, 0);
    h.run();
    INFO(describe(h.events()));
    CHECK(h.events_of(EventType::loitering).empty());
  }
  SECTION("slow 3 h, silent 2 h, slow 3 h in place: one 8 h episode") {
    SingleHarness h;
    h.stay(kTogo, kT0, kT0 + 3 * kHour, 3 * kMinute, places::kOpenPacific, 0.2F);
    h.stay(kTogo, kT0 + 5 * kHour, kT0 + 8 * kHour, 3 * kMinute, places::kOpenPacific, 0.2F);
    h.run();
    const auto l = h.events_of(EventType::loitering);
    REQUIRE(l.size() == 1);
    CHECK(evidence_number(l.front(), "duration_h") == Approx(8).margin(0.06));
  }
  SECTION("slow 3 h, silent 7 h, slow 3 h: the silence is a gap, no loitering") {
    SingleHarness h;
    h.stay(kTogo, kT0, kT0 + 3 * kHour, 3 * kMinute, places::kOpenPacific, 0.2F);
    h.stay(kTogo, kT0 + 10 * kHour, kT0 + 13 * kHour, 3 * kMinute, places::kOpenPacific, 0.2F);
    h.run();
    CHECK(h.events_of(EventType::loitering).empty());
    CHECK(h.events_of(EventType::ais_gap).size() == 1);
  }
}
