// Review decisions: evidence fingerprints, latest-wins, and "dismissed is not flagged again for the same
// evidence, but is when the evidence changes".
#include <catch2/catch.hpp>

#include "aiswatch/report/review.hpp"
#include "fixtures.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {
detectors::Event gap_event(double hours) {
  auto e = test::make_event(detectors::EventType::ais_gap, 273382620, "2018-11-01T03:00:00Z",
                            "2018-11-01T17:30:00Z");
  e.evidence = {{"gap_hours", hours}, {"draught_before_m", 12.1}};
  e.end = e.start + static_cast<UnixMillis>(hours * 3'600'000);
  return e;
}

ReviewDecision decide(const detectors::Event& e, ReviewStatus s, std::int64_t seq, std::string fp = "") {
  return ReviewDecision{.seq = seq,
                        .event_id = e.id,
                        .status = s,
                        .note = "checked",
                        .reviewer = "ana",
                        .decided_at = test::t("2024-05-01T10:00:00Z"),
                        .evidence_fingerprint = fp.empty() ? evidence_fingerprint(e) : fp};
}
}  // namespace

TEST_CASE("evidence fingerprint", "[report][review]") {
  const auto e = gap_event(14.5);
  const std::string fp = evidence_fingerprint(e);
  CHECK(fp.size() == 16);
  CHECK(fp.find_first_not_of("0123456789abcdef") == std::string::npos);

  SECTION("same evidence, in any order, with other wording or raw copies: same fingerprint") {
    auto same = e;
    std::reverse(same.evidence.begin(), same.evidence.end());
    same.reasons = {"reworded"};
    same.severity = detectors::Severity::critical;
    same.raw.clear();
    same.lat = 0;
    CHECK(evidence_fingerprint(same) == fp);
  }
  SECTION("changed evidence: a different fingerprint") {
    CHECK(evidence_fingerprint(gap_event(20.0)) != fp);  // longer gap (end and gap_hours)
    auto value_only = e;
    std::get<double>(value_only.evidence[1].value) = 12.2;
    CHECK(evidence_fingerprint(value_only) != fp);
    auto type_only = e;
    type_only.evidence[1].value = std::string("12.1");  // same digits, other type
    CHECK(evidence_fingerprint(type_only) != fp);
    auto new_match = e;
    new_match.watchlist.push_back({.list = "UK", .program = "Russia", .entry = "RUS1234"});
    CHECK(evidence_fingerprint(new_match) != fp);
    auto partner = e;
    partner.other_mmsi = 445000001;
    CHECK(evidence_fingerprint(partner) != fp);
  }
  SECTION("bad input: keys and values cannot be shifted into each other") {
    auto a = e, b = e;
    a.evidence = {{"ab", std::string("c")}};
    b.evidence = {{"a", std::string("bc")}};
    CHECK(evidence_fingerprint(a) != evidence_fingerprint(b));
  }
}

TEST_CASE("latest decision per subject wins", "[report][review]") {
  const auto e = gap_event(14.5);
  std::vector<ReviewDecision> history = {decide(e, ReviewStatus::dismissed, 1), decide(e, ReviewStatus::confirmed, 3),
                                         ReviewDecision{.seq = 2, .vessel_mmsi = 273382620, .status = ReviewStatus::needs_info}};
  const auto latest = latest_decisions(history);
  REQUIRE(latest.size() == 2);
  CHECK(latest[0].vessel_mmsi == 273382620u);
  CHECK(latest[1].status == ReviewStatus::confirmed);
  CHECK(latest[1].seq == 3);
}

TEST_CASE("apply_review: dismissed stays dismissed for the same evidence only", "[report][review]") {
  const auto reviewed = gap_event(14.5);
  const std::vector<ReviewDecision> latest = {decide(reviewed, ReviewStatus::dismissed, 1)};

  SECTION("same evidence: unflagged, with the decision in its reasons") {
    std::vector<detectors::Event> events = {gap_event(14.5)};
    const auto r = apply_review(events, latest);
    CHECK(r.suppressed == 1);
    CHECK(r.reflagged == 0);
    CHECK_FALSE(events[0].flagged);
    CHECK(events[0].reasons.back() == "dismissed in review by ana at 2024-05-01T10:00:00Z (same evidence)");
  }
  SECTION("the gap grew: still flagged, and it says why") {
    std::vector<detectors::Event> events = {gap_event(30.0)};
    REQUIRE(events[0].id == reviewed.id);  // same event (same start), more evidence
    const auto r = apply_review(events, latest);
    CHECK(r.suppressed == 0);
    CHECK(r.reflagged == 1);
    CHECK(events[0].flagged);
    CHECK_THAT(events[0].reasons.back(), Catch::StartsWith("flagged again: the evidence changed"));
  }
  SECTION("confirmed and needs-info never unflag") {
    for (const auto s : {ReviewStatus::confirmed, ReviewStatus::needs_info}) {
      std::vector<detectors::Event> events = {gap_event(14.5)};
      const auto r = apply_review(events, std::vector<ReviewDecision>{decide(reviewed, s, 2)});
      CHECK(events[0].flagged);
      CHECK(r.suppressed == 0);
    }
  }
  SECTION("other events are untouched") {
    auto other = gap_event(14.5);
    other.start += 1000;
    other.id = detectors::make_event_id(other);
    std::vector<detectors::Event> events = {other};
    apply_review(events, latest);
    CHECK(events[0].flagged);
    CHECK(events[0].reasons.size() == other.reasons.size());
  }
}

TEST_CASE("review status names", "[report][review]") {
  CHECK(std::string(to_string(ReviewStatus::needs_info)) == "needs-info");
  CHECK(review_status_from_string("dismissed") == ReviewStatus::dismissed);
  CHECK_FALSE(review_status_from_string("Dismissed").has_value());
  CHECK_FALSE(review_status_from_string("").has_value());
}
