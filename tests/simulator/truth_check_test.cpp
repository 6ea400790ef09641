// Scoring detector output against the ground truth: the rules of the truth file, applied to events
// built from the truth itself and then spoiled one way at a time.
#include <catch2/catch.hpp>

#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/truth_check.hpp"
#include "sim_fixture.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;

namespace {

// What a perfect detector would report for the truth (window midpoint, flags and severities as asked).
std::vector<DetectedEvent> perfect(const GroundTruth& t) {
  std::vector<DetectedEvent> out;
  for (const auto& e : t.events)
    out.push_back({e.type, e.mmsi, e.other_mmsi, (e.start_min_ms + e.start_max_ms) / 2, e.zone, e.flagged.value_or(false),
                   e.min_severity.empty() ? "info" : e.min_severity});
  return out;
}

std::size_t index_where(const GroundTruth& t, const std::function<bool(const TruthEvent&)>& pred) {
  for (std::size_t i = 0; i < t.events.size(); ++i)
    if (pred(t.events[i])) return i;
  FAIL("no such expected event");
  return 0;
}

}  // namespace

TEST_CASE("truth files read back", "[simulator][truth]") {
  const auto& run = test::all_scenarios_run();
  SECTION("valid") {
    const GroundTruth back = truth_from_json(run.truth_json);
    REQUIRE(back.events.size() == run.truth.events.size());
    for (std::size_t i = 0; i < back.events.size(); ++i) {
      CHECK(back.events[i].type == run.truth.events[i].type);
      CHECK(back.events[i].mmsi == run.truth.events[i].mmsi);
      CHECK(back.events[i].other_mmsi == run.truth.events[i].other_mmsi);
      CHECK(back.events[i].start_min_ms == run.truth.events[i].start_min_ms);
      CHECK(back.events[i].start_max_ms == run.truth.events[i].start_max_ms);
      CHECK(back.events[i].flagged == run.truth.events[i].flagged);
      CHECK(back.events[i].zone_aliases == run.truth.events[i].zone_aliases);
    }
    CHECK(back.decoy_mmsis == run.truth.decoy_mmsis);
    CHECK(back.background_mmsis == run.truth.background_mmsis);
  }
  SECTION("bad input") {
    CHECK_THROWS_AS(truth_from_json("{"), ScenarioError);
    CHECK_THROWS_WITH(truth_from_json(R"({"format": "something else"})"), Catch::Contains("not an aiswatch-simulator-truth"));
    CHECK_THROWS_AS(truth_from_json(R"({"format": "aiswatch-simulator-truth", "start": "yesterday"})"), ScenarioError);
  }
}

TEST_CASE("scoring detector output against the truth", "[simulator][truth]") {
  const GroundTruth& truth = test::all_scenarios_run().truth;
  const TruthCheckOptions all_inputs{.have_watchlist = true, .have_zones = true};
  std::vector<DetectedEvent> found = perfect(truth);

  SECTION("a perfect detector passes") {
    const auto r = check_against_truth(truth, found, all_inputs);
    INFO(r.summary());
    CHECK(r.ok());
    CHECK(r.matched == truth.events.size());
  }
  SECTION("without the watchlist and zones, their expectations do not apply") {
    std::erase_if(found, [](const DetectedEvent& d) { return d.type == "watchlist_match" || d.type.starts_with("zone_"); });
    const auto r = check_against_truth(truth, found, {});
    CHECK(r.ok());
    CHECK(r.matched == truth.events.size() - 3);
  }
  SECTION("a missing required event fails; a missing optional one does not") {
    const auto dark = index_where(truth, [](const TruthEvent& e) { return e.type == "dark_transfer" && e.required; });
    const auto optional = index_where(truth, [](const TruthEvent& e) { return !e.required; });
    auto without = found;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(dark));
    const auto r = check_against_truth(truth, without, all_inputs);
    REQUIRE(r.missing.size() == 1);
    CHECK(r.missing[0]->type == "dark_transfer");
    CHECK_THAT(r.summary(), Catch::Contains("missing: korea_bay_dark_transfer dark_transfer"));
    auto without_optional = found;
    without_optional.erase(without_optional.begin() + static_cast<std::ptrdiff_t>(optional));
    CHECK(check_against_truth(truth, without_optional, all_inputs).ok());
  }
  SECTION("start outside the window is not the expected event") {
    const auto gap = index_where(truth, [](const TruthEvent& e) { return e.type == "ais_gap" && e.required; });
    found[gap].start_ms = truth.events[gap].start_max_ms + 1;
    CHECK(check_against_truth(truth, found, all_inputs).missing.size() == 1);
    found[gap].start_ms = truth.events[gap].start_max_ms;  // edges are inside
    CHECK(check_against_truth(truth, found, all_inputs).ok());
  }
  SECTION("unflagged, under-severe or wrong-zone events are mismatches") {
    const auto call = index_where(truth, [](const TruthEvent& e) { return e.type == "port_call" && e.zone_country == "KP" && e.required; });
    found[call].flagged = false;
    auto r = check_against_truth(truth, found, all_inputs);
    REQUIRE(r.mismatched.size() == 1);
    CHECK_THAT(r.mismatched[0].why, Catch::Contains("flagged false"));
    found[call].flagged = true;
    found[call].severity = "low";
    r = check_against_truth(truth, found, all_inputs);
    REQUIRE(r.mismatched.size() == 1);
    CHECK_THAT(r.mismatched[0].why, Catch::Contains("severity"));
    found[call].severity = "critical";
    found[call].zone = "RAJIN";  // an alias, any case
    CHECK(check_against_truth(truth, found, all_inputs).ok());
    found[call].zone = "Chongjin";
    CHECK(check_against_truth(truth, found, all_inputs).mismatched.size() == 1);
  }
  SECTION("pair events match in either order; a renamed hull matches by its other MMSI") {
    const auto enc = index_where(truth, [](const TruthEvent& e) { return e.type == "encounter"; });
    std::swap(found[enc].mmsi, *found[enc].other_mmsi);
    CHECK(check_against_truth(truth, found, all_inputs).ok());
    const auto id = index_where(truth, [](const TruthEvent& e) { return e.type == "identity_change"; });
    found[id].mmsi = truth.events[id].also_mmsi.at(0);
    CHECK(check_against_truth(truth, found, all_inputs).ok());
  }
  SECTION("any flagged event on a decoy or background vessel fails") {
    found.push_back({"loitering", truth.background_mmsis.front(), std::nullopt, truth.start_ms, "", true, "low"});
    found.push_back({"encounter", 273459120, truth.decoy_mmsis.front(), truth.start_ms, "", true, "medium"});
    found.push_back({"port_call", truth.decoy_mmsis.back(), std::nullopt, truth.start_ms, "Busan", false, "info"});  // unflagged: fine
    const auto r = check_against_truth(truth, found, all_inputs);
    CHECK(r.flagged_innocent.size() == 2);
    CHECK_FALSE(r.ok());
  }
}
