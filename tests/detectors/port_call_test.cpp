// port_call: GFW visits with confidence, DPRK calls flagged, the Rajin shuttle, exit hysteresis, and
// "approach then gap" — driven through a real tracker at real ports of the bundled layers.
#include <catch2/catch.hpp>

#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {

constexpr std::uint32_t kRussianCargo = 273459120;  // MID 273: Russia
constexpr std::uint32_t kSierraLeone = 667118200;   // MID 667: Sierra Leone (not a flag of concern)

// Sails in from `out_km` on `bearing` (seen from the port) at 10 kn, stops at the port point for `stay`,
// sails back out; returns the time it is back at `out_km`.
UnixMillis call(SingleHarness& h, std::uint32_t mmsi, UnixMillis t, LatLon port, double bearing, double out_km,
                std::int64_t stay) {
  const LatLon outside = SingleHarness::at(port, bearing, out_km * 1000);
  t = h.sail_to(mmsi, t, 10 * kSecond, outside, port, 10);
  h.stay(mmsi, t, t + stay, 3 * kMinute, port, 0.0F);
  t += stay;
  return h.sail_to(mmsi, t, 10 * kSecond, port, outside, 10);
}

}  // namespace

TEST_CASE("a Russian ship's call at Rajin is one flagged critical port call of confidence 4", "[port_call]") {
  SingleHarness h;
  h.identity(kRussianCargo, kT0, {.name = "KAPITAN GRIGORYEV", .imo = 9234185, .ship_type = 70, .draught_m = 5.6F});
  const UnixMillis back = call(h, kRussianCargo, kT0, places::kNajinPort, 135, 30, 24 * kHour);
  h.identity(kRussianCargo, kT0 + 20 * kHour, {.name = "KAPITAN GRIGORYEV", .imo = 9234185, .ship_type = 70, .draught_m = 7.4F});
  h.run(back + kHour);

  const auto calls = h.events_of(EventType::port_call);
  INFO(describe(h.events()));
  REQUIRE(calls.size() == 1);
  const det::Event& e = calls.front();
  CHECK(e.zone == "Najin");
  CHECK(e.zone_country == "KP");
  CHECK(e.flagged);
  CHECK(e.severity == Severity::critical);  // high for a DPRK call, one step for the Russian flag
  CHECK(evidence_number(e, "confidence") == 4);
  CHECK(evidence_text(e, "observed") == "entry, stop, exit");
  CHECK(evidence_number(e, "stopped_h") == Approx(24).margin(0.1));
  CHECK(evidence_number(e, "draught_arrival_m") == Approx(5.6));
  CHECK(evidence_number(e, "draught_departure_m") == Approx(7.4));
  CHECK(e.name == "KAPITAN GRIGORYEV");
  CHECK(e.flag == "RU");
  CHECK_FALSE(e.raw.empty());
  CHECK(e.id == det::make_event_id(e));
  // Entry at the 3.5 km circle, 30 km out at 10 kn: about 2.1 h after the start.
  CHECK(e.start - kT0 == Approx(static_cast<double>(26'500 / (10 * det::kMsPerKnot)) * 1000).epsilon(0.02));
  CHECK(h.flagged().size() == 1);
}

TEST_CASE("a ship passing 21 km off Rajin without stopping gets nothing", "[port_call][decoy]") {
  SingleHarness h;
  h.identity(273381450, kT0, {.name = "BEREG NADEZHDY", .imo = 9188726, .ship_type = 70, .draught_m = 8.0F});
  // Parallel to the coast, 21 km south-east of the port, 80 km of track.
  const LatLon start = SingleHarness::at(SingleHarness::at(places::kNajinPort, 135, 21'000), 225, 40'000);
  h.sail(273381450, kT0, kT0 + 4 * kHour, 10 * kSecond, start, 10.8, 45);
  h.run();
  INFO(describe(h.events()));
  CHECK(h.events_of(EventType::port_call).empty());
  CHECK(h.flagged().empty());
}

TEST_CASE("two ships anchored together inside Busan: ordinary calls, nothing flagged", "[port_call][decoy]") {
  SingleHarness h;
  const LatLon b = SingleHarness::at(places::kBusanPort, 90, 150);
  h.stay(440715220, kT0, kT0 + 12 * kHour, 3 * kMinute, places::kBusanPort, 0.1F);
  h.stay(352118800, kT0 + 20 * kSecond, kT0 + 12 * kHour, 3 * kMinute, b, 0.1F);
  h.run();
  INFO(describe(h.events()));
  const auto calls = h.events_of(EventType::port_call);
  REQUIRE(calls.size() == 2);
  for (const auto& e : calls) {
    CHECK(e.zone == "Busan");
    CHECK_FALSE(e.flagged);
    CHECK(e.severity == Severity::info);
    CHECK(evidence_number(e, "confidence") == 2);  // already there when the data starts: stop only
    CHECK(std::get<bool>(*e.find_evidence("open")));
  }
  CHECK(h.flagged().empty());
}

TEST_CASE("the Rajin shuttle: the return to Vostochnyy is flagged as a shuttle leg", "[port_call][shuttle]") {
  SingleHarness h;
  h.identity(kRussianCargo, kT0, {.name = "KAPITAN GRIGORYEV", .imo = 9234185});
  h.stay(kRussianCargo, kT0, kT0 + 6 * kHour, 3 * kMinute, places::kVostochnyyPort);
  UnixMillis t = h.sail_to(kRussianCargo, kT0 + 6 * kHour, 30 * kSecond, places::kVostochnyyPort, places::kNajinPort, 12);
  h.stay(kRussianCargo, t, t + 24 * kHour, 3 * kMinute, places::kNajinPort);
  t = h.sail_to(kRussianCargo, t + 24 * kHour, 30 * kSecond, places::kNajinPort, places::kVostochnyyPort, 12);
  h.stay(kRussianCargo, t, t + 6 * kHour, 3 * kMinute, places::kVostochnyyPort);
  h.run(t + 6 * kHour);

  const auto calls = h.events_of(EventType::port_call);
  INFO(describe(calls));
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].zone == "Vostochnyy");
  CHECK_FALSE(calls[0].flagged);
  CHECK(calls[1].zone == "Najin");
  CHECK(calls[1].flagged);
  CHECK(evidence_text(calls[1], "shuttle_leg") == "Vostochnyy -> Najin");
  CHECK(evidence_text(calls[1], "previous_port") == "Vostochnyy");
  CHECK(calls[2].zone == "Vostochnyy");
  CHECK(calls[2].flagged);
  CHECK(calls[2].severity == Severity::high);  // medium shuttle leg, one step for the Russian flag
  CHECK(evidence_text(calls[2], "shuttle_leg") == "Najin -> Vostochnyy");
  CHECK(evidence_text(calls[2], "voyage") == "Vostochnyy -> Najin -> Vostochnyy");
  CHECK(std::any_of(calls[2].reasons.begin(), calls[2].reasons.end(), [](const std::string& r) {
    return r.find("Russia–DPRK shuttle: Najin → Vostochnyy") != std::string::npos;
  }));
}

TEST_CASE("a shuttle port call long after the DPRK call is not a shuttle leg", "[port_call][shuttle]") {
  det::DetectorConfig config;
  config.port_call.shuttle_window_days = 1;
  SingleHarness h(with_config(config));
  h.stay(kRussianCargo, kT0, kT0 + 6 * kHour, 3 * kMinute, places::kNajinPort);
  const UnixMillis t = kT0 + 30 * kHour;  // silent 24 h in between (a gap, not a path)
  h.stay(kRussianCargo, t, t + 6 * kHour, 3 * kMinute, places::kVostochnyyPort);
  h.run(t + 6 * kHour);
  const auto calls = h.events_of(EventType::port_call);
  INFO(describe(calls));
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].zone == "Najin");
  CHECK(calls[0].flagged);
  CHECK(evidence_number(calls[0], "confidence") == 2);  // stop and gap, neither entry nor exit seen
  CHECK(calls[1].zone == "Vostochnyy");
  CHECK_FALSE(calls[1].flagged);
}

TEST_CASE("exit hysteresis: 1 km beyond the harbour circle", "[port_call][edge]") {
  const double radius_m = 3'500;
  const auto [beyond_m, expected_calls] = GENERATE(table<double, std::size_t>({{900, 1}, {1'100, 2}}));
  SingleHarness h;
  const LatLon near = SingleHarness::at(places::kNajinPort, 135, radius_m + beyond_m);
  UnixMillis t = h.sail_to(kRussianCargo, kT0, 10 * kSecond, SingleHarness::at(places::kNajinPort, 135, 12'000),
                           places::kNajinPort, 8);
  h.stay(kRussianCargo, t, t + 2 * kHour, 3 * kMinute, places::kNajinPort);
  t = h.sail_to(kRussianCargo, t + 2 * kHour, 10 * kSecond, places::kNajinPort, near, 3);
  h.stay(kRussianCargo, t, t + kHour, 3 * kMinute, near);
  t = h.sail_to(kRussianCargo, t + kHour, 10 * kSecond, near, places::kNajinPort, 3);
  h.stay(kRussianCargo, t, t + 2 * kHour, 3 * kMinute, places::kNajinPort);
  h.run(t + 2 * kHour);
  INFO("beyond the circle by " << beyond_m << " m" << describe(h.events()));
  CHECK(h.events_of(EventType::port_call).size() == expected_calls);
}

TEST_CASE("approach then gap: a long silence starting near a DPRK port is an inferred call", "[port_call][dark]") {
  const auto [off_km, silence, expected] = GENERATE(table<double, std::int64_t, std::size_t>({
      {15, 6 * kHour + kMinute, 1},  // near and long enough
      {15, 6 * kHour - kMinute, 0},  // 5 h 59: too short
      {30, 10 * kHour, 0},           // 30 km out: beyond 25 km
  }));
  SingleHarness h;
  h.identity(kSierraLeone, kT0, {.name = "NEW HOPE 3", .imo = 9264817});
  // West-south-west of Nampo is open water out of the Taedong estuary.
  const LatLon last = SingleHarness::at(places::kNampoPort, 255, off_km * 1000);
  const LatLon from = SingleHarness::at(places::kNampoPort, 255, off_km * 1000 + 30'000);
  const UnixMillis off = h.sail_to(kSierraLeone, kT0, 10 * kSecond, from, last, 10);
  const LatLon later = SingleHarness::at(places::kNampoPort, 255, 60'000);
  h.sail(kSierraLeone, off + silence, off + silence + kHour, 10 * kSecond, later, 10, 255);
  h.run();
  INFO("last fix " << off_km << " km from Nampo, silent " << silence / 60'000 << " min" << describe(h.events()));
  CHECK_FALSE(bundled_land().on_land(last));
  const auto calls = h.events_of(EventType::port_call);
  REQUIRE(calls.size() == expected);
  if (expected) {
    const det::Event& e = calls.front();
    CHECK(e.zone == "Nampo");
    CHECK(e.flagged);
    CHECK(e.severity == Severity::medium);
    CHECK(evidence_text(e, "inferred") == "approach then gap");
    CHECK(evidence_number(e, "last_fix_distance_km") == Approx(off_km).margin(0.2));
    CHECK(e.start < off);  // the last fix before the silence
    CHECK(e.start >= off - 10 * kSecond);
  }
}

TEST_CASE("passing through an ordinary harbour circle is not a call; passing a DPRK one is", "[port_call]") {
  const auto [port, dprk] = GENERATE(table<LatLon, bool>({{places::kBusanPort, false}, {places::kNajinPort, true}}));
  SingleHarness h;
  // In from the south, 2 km from the port point, out to the east: through the circle, never stopping.
  const LatLon inner = SingleHarness::at(port, 150, 2'000);
  const UnixMillis t = h.sail_to(kSierraLeone, kT0, 10 * kSecond, SingleHarness::at(port, 180, 15'000), inner, 9);
  h.sail_to(kSierraLeone, t, 10 * kSecond, inner, SingleHarness::at(port, 100, 15'000), 9);
  h.run();
  INFO(describe(h.events()));
  const auto calls = h.events_of(EventType::port_call);
  REQUIRE(calls.size() == (dprk ? 1U : 0U));
  if (dprk) {
    CHECK(evidence_number(calls.front(), "confidence") == 1);
    CHECK(calls.front().flagged);
    CHECK(calls.front().severity == Severity::medium);
  }
}

TEST_CASE("a shuttle-port call after a silence long enough to reach a DPRK port is a possible shuttle leg",
          "[port_call][shuttle]") {
  const auto [silence, flagged] = GENERATE(table<std::int64_t, bool>({{10 * kHour, false}, {30 * kHour, true}}));
  SingleHarness h;
  const LatLon offshore = SingleHarness::at(places::kVostochnyyPort, 225, 60'000);
  h.sail(kRussianCargo, kT0, kT0 + kHour, kMinute, SingleHarness::at(offshore, 225, 20'000), 8, 45);
  const UnixMillis back = kT0 + kHour + silence;
  const UnixMillis t = h.sail_to(kRussianCargo, back, 30 * kSecond, offshore, places::kVostochnyyPort, 8);
  h.stay(kRussianCargo, t, t + 6 * kHour, 3 * kMinute, places::kVostochnyyPort);
  h.run(t + 6 * kHour);
  INFO(describe(h.events()));
  const auto calls = h.events_of(EventType::port_call);
  REQUIRE(calls.size() == 1);
  CHECK(calls.front().zone == "Vostochnyy");
  CHECK(calls.front().flagged == flagged);
  if (flagged) CHECK(evidence_text(calls.front(), "shuttle_leg").rfind("possible: ", 0) == 0);
}
