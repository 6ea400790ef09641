// identity_change: which changes count, how they are judged (hull identity, after a gap, flag of concern),
// grouping per static report, suppression of flip-flops, invalid IMOs.
#include <catch2/catch.hpp>

#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {
constexpr std::uint32_t kPanama = 352681000;     // MID 352: Panama
constexpr std::uint32_t kSierraLeone = 667001234;
constexpr std::uint32_t kRussian = 273218470;
constexpr std::uint32_t kImo = 8722458;          // valid check digit
const LatLon kLane{35.0, 123.5};

Identity sea_grace() { return {.name = "SEA GRACE", .callsign = "3EGR8", .imo = kImo, .ship_type = 80}; }
}  // namespace

TEST_CASE("a renamed ship: low, unflagged, before and after in the evidence", "[identity]") {
  SingleHarness h;
  h.identity(kPanama, kT0, sea_grace());
  h.sail(kPanama, kT0, kT0 + 4 * kHour, kMinute, kLane, 10, 0);
  Identity renamed = sea_grace();
  renamed.name = "OCEAN STAR 8";
  h.identity(kPanama, kT0 + 2 * kHour, renamed);
  h.run();
  INFO(describe(h.events()));
  const auto c = h.events_of(EventType::identity_change);
  REQUIRE(c.size() == 1);
  CHECK_FALSE(c.front().flagged);
  CHECK(c.front().severity == Severity::low);
  CHECK(evidence_text(c.front(), "name_before") == "SEA GRACE");
  CHECK(evidence_text(c.front(), "name_after") == "OCEAN STAR 8");
  CHECK(c.front().name == "OCEAN STAR 8");
  CHECK(c.front().start == kT0 + 2 * kHour);
  CHECK_FALSE(c.front().raw.empty());
}

TEST_CASE("not identity changes: first values, cosmetic spelling, destination, draught, same ship category",
          "[identity][decoy]") {
  SingleHarness h;
  h.sail(kPanama, kT0, kT0 + 4 * kHour, kMinute, kLane, 10, 0);
  h.identity(kPanama, kT0 + 10 * kMinute, {.name = "SEA GRACE"});                         // first name
  h.identity(kPanama, kT0 + 20 * kMinute, {.name = "SEA GRACE", .callsign = "3EGR8", .imo = kImo, .ship_type = 70});
  h.identity(kPanama, kT0 + 30 * kMinute, {.name = "SEA-GRACE.", .callsign = "3E GR8"});  // punctuation, spacing
  h.identity(kPanama, kT0 + 40 * kMinute, {.destination = "BUSAN", .draught_m = 8.0F});
  h.identity(kPanama, kT0 + 50 * kMinute, {.destination = "ULSAN", .ship_type = 79, .draught_m = 6.5F});
  h.run();
  INFO(describe(h.events()));
  CHECK(h.events_of(EventType::identity_change).empty());
}

TEST_CASE("a name change right after a 6 h silence is flagged; after 5 h 59 it is not", "[identity][edge]") {
  const auto [silence, flagged] = GENERATE(table<std::int64_t, bool>({{6 * kHour - kMinute, false}, {6 * kHour + kMinute, true}}));
  SingleHarness h;
  h.identity(kPanama, kT0, sea_grace());
  h.sail(kPanama, kT0, kT0 + kHour, kMinute, kLane, 10, 0);
  const UnixMillis on = kT0 + kHour - kMinute + silence;
  h.sail(kPanama, on, on + 2 * kHour, kMinute, SingleHarness::at(kLane, 0, 50'000), 10, 0);
  Identity renamed = sea_grace();
  renamed.name = "OCEAN STAR 8";
  h.identity(kPanama, on + 5 * kMinute, renamed);
  h.run();
  INFO(describe(h.events()));
  const auto c = h.events_of(EventType::identity_change);
  REQUIRE(c.size() == 1);
  CHECK(c.front().flagged == flagged);
  CHECK(c.front().severity == (flagged ? Severity::medium : Severity::low));
}

TEST_CASE("identity laundering: the IMO reappears under another MMSI and flag after a silence", "[identity]") {
  const auto [old_silent, severity] = GENERATE(table<bool, Severity>({{true, Severity::high}, {false, Severity::medium}}));
  SingleHarness h;
  h.identity(kPanama, kT0, sea_grace());
  h.sail(kPanama, kT0, old_silent ? kT0 + 2 * kHour : kT0 + 14 * kHour, kMinute, kLane, 10, 0);
  const UnixMillis t = kT0 + 11 * kHour + 30 * kMinute;
  h.identity(kSierraLeone, t, {.name = "OCEAN STAR 8", .callsign = "9LY2345", .imo = kImo, .ship_type = 80});
  h.sail(kSierraLeone, t + kSecond, t + 3 * kHour, kMinute, SingleHarness::at(kLane, 0, 120'000), 10, 0);
  h.run();
  INFO(describe(h.events()));
  const auto c = h.events_of(EventType::identity_change);
  REQUIRE(c.size() == 1);
  const det::Event& e = c.front();
  CHECK(e.mmsi == kSierraLeone);
  CHECK(e.other_mmsi == kPanama);
  CHECK(e.flagged);
  CHECK(e.severity == severity);
  CHECK(evidence_number(e, "imo") == kImo);
  CHECK(evidence_text(e, "previous_name") == "SEA GRACE");
  CHECK(evidence_text(e, "previous_flag") == "PA");
  CHECK(evidence_text(e, "new_flag") == "SL");
  CHECK(evidence_text(e, "fields") == "flag");
  CHECK((e.find_evidence("after_gap") != nullptr) == old_silent);
}

TEST_CASE("one static report changing name, call sign and IMO is one event", "[identity]") {
  SingleHarness h;
  h.identity(kPanama, kT0, sea_grace());
  h.sail(kPanama, kT0, kT0 + 2 * kHour, kMinute, kLane, 10, 0);
  h.identity(kPanama, kT0 + kHour, {.name = "OCEAN STAR 8", .callsign = "9LY2345", .imo = 9179842, .ship_type = 80});
  h.run();
  const auto c = h.events_of(EventType::identity_change);
  REQUIRE(c.size() == 1);
  CHECK(evidence_text(c.front(), "fields") == "name,callsign,imo");
  CHECK(c.front().flagged);  // the hull's number changed
  CHECK(c.front().severity == Severity::medium);
}

TEST_CASE("two transponders flipping names on one MMSI are reported once a day", "[identity][decoy]") {
  SingleHarness h;
  h.sail(kPanama, kT0, kT0 + 6 * kHour, kMinute, kLane, 10, 0);
  for (int i = 0; i < 30; ++i)
    h.identity(kPanama, kT0 + i * 6 * kMinute, {.name = i % 2 ? "SEA GRACE" : "SEA GRACE 2"});
  h.run();
  CHECK(h.events_of(EventType::identity_change).size() == 1);
}

TEST_CASE("a ship-type change across categories is info; a Russian ship's rename is flagged", "[identity]") {
  SECTION("cargo to tanker") {
    SingleHarness h;
    h.sail(kPanama, kT0, kT0 + 2 * kHour, kMinute, kLane, 10, 0);
    h.identity(kPanama, kT0, {.name = "SEA GRACE", .ship_type = 70});
    h.identity(kPanama, kT0 + kHour, {.name = "SEA GRACE", .ship_type = 80});
    h.run();
    const auto c = h.events_of(EventType::identity_change);
    REQUIRE(c.size() == 1);
    CHECK(c.front().severity == Severity::info);
    CHECK_FALSE(c.front().flagged);
  }
  SECTION("flag of concern") {
    SingleHarness h;
    h.sail(kRussian, kT0, kT0 + 2 * kHour, kMinute, kLane, 10, 0);
    h.identity(kRussian, kT0, {.name = "LADY R"});
    h.identity(kRussian, kT0 + kHour, {.name = "LADY RANIA"});
    h.run();
    const auto c = h.events_of(EventType::identity_change);
    REQUIRE(c.size() == 1);
    CHECK(c.front().flagged);
    CHECK(c.front().severity == Severity::medium);  // low, one step for the flag of concern
  }
}

TEST_CASE("an IMO with a wrong check digit is reported once, as info", "[identity]") {
  SingleHarness h;
  h.sail(kPanama, kT0, kT0 + 2 * kHour, kMinute, kLane, 10, 0);
  for (int i = 0; i < 5; ++i) h.identity(kPanama, kT0 + i * 6 * kMinute, {.name = "SEA GRACE", .imo = 1234568});
  h.run();
  const auto c = h.events_of(EventType::identity_change);
  REQUIRE(c.size() == 1);
  CHECK(evidence_text(c.front(), "fields") == "imo_check_digit");
  CHECK_FALSE(c.front().flagged);
  CHECK(c.front().severity == Severity::info);
}
