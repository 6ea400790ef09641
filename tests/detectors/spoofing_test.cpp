// spoofing: teleports onto land, circles over land, two transmitters on one MMSI, glitches and jitter that
// must not be flagged, and test MMSIs — one event per episode.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {
constexpr std::uint32_t kJumper = 413501230;
constexpr std::uint32_t kCircler = 412440680;
constexpr std::uint32_t kOriginal = 538006120;
const LatLon kYellowSeaLane{35.4, 122.0};
}  // namespace

TEST_CASE("a 430 km teleport inland near Seoul for 20 min is one flagged on-land episode", "[spoofing]") {
  SingleHarness h;
  const UnixMillis jump = kT0 + 2 * kHour, back = jump + 20 * kMinute;
  for (UnixMillis t = kT0; t < kT0 + 4 * kHour; t += 10 * kSecond) {
    const LatLon truth = SingleHarness::at(kYellowSeaLane, 90, SingleHarness::metres(11, t - kT0));
    const bool spoofed = t >= jump && t < back;
    h.position(kJumper, t, spoofed ? places::kSeoulInland : truth, 11.0F, 90.0F);
  }
  h.run();
  INFO(describe(h.events()));
  const auto s = h.events_of(EventType::spoofing);
  REQUIRE(s.size() == 1);
  const det::Event& e = s.front();
  CHECK(e.flagged);
  CHECK(e.severity == Severity::medium);
  CHECK(e.start == jump);
  CHECK(std::get<bool>(*e.find_evidence("on_land")));
  CHECK(std::get<bool>(*e.find_evidence("deep_inland")));
  CHECK(evidence_number(e, "max_jump_km") > 400);
  CHECK(evidence_number(e, "returns") == 1);
  CHECK(evidence_number(e, "away_h") == Approx(20.0 / 60).margin(0.01));
  CHECK_FALSE(std::get<bool>(*e.find_evidence("same_mmsi_two_places")));
  CHECK(e.raw.size() >= 2);  // the jump out (on land) and the jump back
  CHECK(h.flagged().size() == 1);
}

TEST_CASE("one outlier fix 100 km away is a glitch: recorded, not flagged", "[spoofing][decoy]") {
  SingleHarness h;
  for (UnixMillis t = kT0; t < kT0 + 2 * kHour; t += 10 * kSecond) {
    const LatLon truth = SingleHarness::at(kYellowSeaLane, 90, SingleHarness::metres(11, t - kT0));
    h.position(kJumper, t, t == kT0 + kHour ? SingleHarness::at(truth, 180, 100'000) : truth, 11.0F, 90.0F);
  }
  h.run();
  const auto s = h.events_of(EventType::spoofing);
  REQUIRE(s.size() == 1);
  CHECK_FALSE(s.front().flagged);
  CHECK(s.front().severity == Severity::info);
  CHECK(evidence_number(s.front(), "away_fixes") == 1);
}

TEST_CASE("jumps shorter than 5 km are GPS noise", "[spoofing][decoy]") {
  SingleHarness h;
  for (UnixMillis t = kT0; t < kT0 + kHour; t += 10 * kSecond) {
    const LatLon truth = SingleHarness::at(kYellowSeaLane, 90, SingleHarness::metres(11, t - kT0));
    h.position(kJumper, t, t == kT0 + 30 * kMinute ? SingleHarness::at(truth, 0, 2'000) : truth, 11.0F, 90.0F);
  }
  h.run();
  CHECK(h.tracker().stats().suspect >= 1);  // the tracker did mark it
  CHECK(h.events_of(EventType::spoofing).empty());
}

TEST_CASE("one MMSI reporting from two places 600 km apart is 'the same MMSI in two places'", "[spoofing]") {
  SingleHarness h;
  const LatLon clone_start{34.6, 123.3};
  for (UnixMillis t = kT0; t < kT0 + 3 * kHour; t += 30 * kSecond) {
    h.position(kOriginal, t, SingleHarness::at(places::kBusanPort, 200, 10'000 + SingleHarness::metres(12, t - kT0)),
               12.0F, 200.0F);
    if (t >= kT0 + kHour && t < kT0 + 2 * kHour)
      h.position(kOriginal, t + 15 * kSecond, SingleHarness::at(clone_start, 10, SingleHarness::metres(11, t - kT0)),
                 11.0F, 10.0F);
  }
  h.run();
  INFO(describe(h.events()));
  const auto s = h.events_of(EventType::spoofing);
  REQUIRE(s.size() == 1);
  const det::Event& e = s.front();
  CHECK(e.flagged);
  CHECK(e.severity == Severity::high);  // dozens of returns
  CHECK(std::get<bool>(*e.find_evidence("same_mmsi_two_places")));
  CHECK(evidence_number(e, "returns") >= 100);
  CHECK(e.start == kT0 + kHour + 15 * kSecond);
}

TEST_CASE("a moored tanker whose positions circle over Busan's hills for 3 h", "[spoofing]") {
  const LatLon centre{35.18, 129.10};
  REQUIRE(bundled_land().on_land(centre));
  SingleHarness h;
  h.stay(kCircler, kT0, kT0 + 3 * kHour, 3 * kMinute, places::kBusanPort);
  int i = 0;
  for (UnixMillis t = kT0 + 3 * kHour; t < kT0 + 6 * kHour; t += 3 * kMinute, ++i)
    h.position(kCircler, t, SingleHarness::at(centre, std::fmod(i * 30.0, 360.0), 1'000), 0.0F, 0.0F);
  h.stay(kCircler, kT0 + 6 * kHour, kT0 + 9 * kHour, 3 * kMinute, places::kBusanPort);
  h.run();
  INFO(describe(h.events()));
  const auto s = h.events_of(EventType::spoofing);
  REQUIRE(s.size() == 1);
  CHECK(s.front().flagged);
  CHECK(s.front().severity == Severity::high);  // away 3 h
  CHECK(std::get<bool>(*s.front().find_evidence("on_land")));
  CHECK(s.front().start == kT0 + 3 * kHour);
}

TEST_CASE("a test MMSI gets one info event, not one per fix", "[spoofing]") {
  SingleHarness h;
  h.sail(123456789, kT0, kT0 + kHour, 10 * kSecond, places::kOpenPacific, 8, 0);
  h.run();
  const auto s = h.events_of(EventType::spoofing);
  REQUIRE(s.size() == 1);
  CHECK_FALSE(s.front().flagged);
  CHECK(std::get<bool>(*s.front().find_evidence("invalid_mmsi")));
}

TEST_CASE("a teleport is flagged when it lasts 10 min and comes back; a shorter burst is a glitch",
          "[spoofing][edge]") {
  const auto [away, flagged] = GENERATE(table<std::int64_t, bool>({{8 * kMinute, false}, {12 * kMinute, true}}));
  SingleHarness h;
  const UnixMillis jump = kT0 + kHour;
  for (UnixMillis t = kT0; t < kT0 + 2 * kHour; t += 30 * kSecond) {
    const LatLon truth = SingleHarness::at(kYellowSeaLane, 90, SingleHarness::metres(11, t - kT0));
    const bool spoofed = t >= jump && t < jump + away;
    h.position(kJumper, t, spoofed ? SingleHarness::at(truth, 0, 150'000) : truth, 11.0F, 90.0F);
  }
  h.run();
  const auto s = h.events_of(EventType::spoofing);
  REQUIRE(s.size() == 1);
  CHECK(s.front().flagged == flagged);
  CHECK_FALSE(std::get<bool>(*s.front().find_evidence("on_land")));
}
