// watchlist_match against the real OFAC SDN vessel rows, and the match carried by the vessel's other
// events (enrich's policy), including the declared-flag check.
#include <catch2/catch.hpp>

#include "single_harness.hpp"

using namespace single_test;
using det::EventType;
using det::Severity;

namespace {
constexpr std::uint32_t kLadyR = 273218470;
const LatLon kLane{35.0, 123.5};
}  // namespace

TEST_CASE("LADY R by IMO: one critical watchlist_match, and her ordinary port call is flagged too", "[watchlist]") {
  SingleHarness h(with_watchlist());
  for (int i = 0; i < 4; ++i) h.identity(kLadyR, kT0 + i * 6 * kMinute, {.name = "LADY R", .imo = 9161003});
  h.stay(kLadyR, kT0, kT0 + 6 * kHour, 3 * kMinute, places::kBusanPort);
  h.run();
  INFO(describe(h.events()));
  const auto m = h.events_of(EventType::watchlist_match);
  REQUIRE(m.size() == 1);
  const det::Event& e = m.front();
  CHECK(e.flagged);
  CHECK(e.severity == Severity::critical);
  CHECK(e.start == kT0);
  CHECK(evidence_text(e, "list") == "OFAC SDN");
  CHECK(evidence_text(e, "entry") == "37095");
  CHECK(evidence_text(e, "program") == "RUSSIA-EO14024");
  CHECK(evidence_text(e, "matched_on") == "imo");
  REQUIRE_FALSE(e.watchlist.empty());
  CHECK(e.watchlist.front().entry == "37095");

  const auto calls = h.events_of(EventType::port_call);
  REQUIRE(calls.size() == 1);
  CHECK(calls.front().zone == "Busan");
  CHECK(calls.front().flagged);                        // a watchlisted vessel's events are all reviewed
  CHECK(calls.front().severity == Severity::high);  // info raised two steps, one more for the Russian flag
  REQUIRE_FALSE(calls.front().watchlist.empty());
  CHECK(calls.front().watchlist.front().name == "LADY R");
}

TEST_CASE("a name alone is a possible match, unflagged; a different IMO is no match", "[watchlist][decoy]") {
  const auto [imo, events] = GENERATE(table<std::optional<std::uint32_t>, std::size_t>({{std::nullopt, 1}, {9345714, 0}}));
  SingleHarness h(with_watchlist());
  h.identity(440715220, kT0, {.name = "ANGARA", .imo = imo});
  h.sail(440715220, kT0, kT0 + kHour, kMinute, kLane, 10, 0);
  h.run();
  INFO(describe(h.events()));
  const auto m = h.events_of(EventType::watchlist_match);
  REQUIRE(m.size() == events);
  if (events) {
    CHECK_FALSE(m.front().flagged);
    CHECK(m.front().severity == Severity::info);
    CHECK(evidence_text(m.front(), "matched_on") == "name");
  }
  CHECK(h.flagged().empty());
}

TEST_CASE("a listed IMO broadcast under another flag than the list gives", "[watchlist][identity]") {
  SingleHarness h(with_watchlist());
  h.identity(667230040, kT0, {.name = "LADY R", .imo = 9161003});  // MID 667: Sierra Leone; OFAC: Russia
  h.sail(667230040, kT0, kT0 + kHour, kMinute, kLane, 10, 0);
  h.run();
  const auto c = h.events_of(EventType::identity_change);
  REQUIRE(c.size() == 1);
  CHECK(evidence_text(c.front(), "fields") == "declared_flag");
  CHECK(evidence_text(c.front(), "mid_flag") == "SL");
  CHECK(evidence_text(c.front(), "listed_flag") == "RU");
  CHECK(c.front().flagged);  // watchlisted
}

TEST_CASE("a match that appears with a later static report is reported then, once", "[watchlist]") {
  SingleHarness h(with_watchlist());
  h.sail(kLadyR, kT0, kT0 + 3 * kHour, kMinute, kLane, 10, 0);
  h.identity(kLadyR, kT0 + 10 * kMinute, {.name = "SEA GRACE"});
  h.identity(kLadyR, kT0 + kHour, {.name = "SEA GRACE", .imo = 9161003});  // the IMO gives it away
  h.identity(kLadyR, kT0 + 2 * kHour, {.name = "SEA GRACE", .imo = 9161003});
  h.run();
  const auto m = h.events_of(EventType::watchlist_match);
  REQUIRE(m.size() == 1);
  CHECK(m.front().start == kT0 + kHour);
  CHECK(evidence_text(m.front(), "matched_on") == "imo");
  CHECK(m.front().flagged);
}
