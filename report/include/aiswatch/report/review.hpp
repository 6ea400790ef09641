// review.hpp — reviewers' decisions on events and vessels, and the rule that keeps a dismissed event
// from being flagged again for the same evidence.
//
// The rule: a decision on an event stores the event's evidence fingerprint as it was reviewed. In a later
// run, an event with the same id whose LATEST decision is `dismissed` is unflagged when its fingerprint is
// unchanged; if the evidence changed (a longer gap, a new watchlist match, a higher draught change…)
// the event stays flagged and says why. `confirmed` and `needs-info` never unflag. Vessel decisions are
// annotations shown on the vessel's dossier and in the ranking; they do not unflag events (the evidence
// behind a vessel keeps growing, so "dismiss the vessel" would hide new evidence).
//
//   std::vector<ReviewDecision> history = case_file.history();
//   ReviewApplied r = apply_review(events, latest_decisions(history));  // r.suppressed, r.reflagged
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/detectors/event.hpp"

namespace aiswatch::report {

enum class ReviewStatus : std::uint8_t { confirmed, dismissed, needs_info };

const char* to_string(ReviewStatus s) noexcept;  // "confirmed", "dismissed", "needs-info"
std::optional<ReviewStatus> review_status_from_string(std::string_view s) noexcept;

struct ReviewDecision {
  std::int64_t seq = 0;                      // position in the case file's append-only history
  std::string event_id;                      // an event decision…
  std::optional<std::uint32_t> vessel_mmsi;  // …or a vessel decision (exactly one of the two is set)
  ReviewStatus status = ReviewStatus::needs_info;
  std::string note;
  std::string reviewer;
  UnixMillis decided_at = 0;
  std::string evidence_fingerprint;  // event decisions: the evidence as reviewed ("" when unknown)

  bool is_event_decision() const noexcept { return !event_id.empty(); }
};

// 16 hex digits over what a detector measured: end time, second vessel, every evidence item (key and
// value) and the watchlist matches (list, program, entry, matched_on). Left out on purpose: severity and
// reasons (wording), raw sentences (which copies arrive depends on receiving stations), the representative
// position and identity fields (identity changes are events of their own).
std::string evidence_fingerprint(const detectors::Event& e);

// The latest decision per subject (event id or vessel), ordered by seq.
std::vector<ReviewDecision> latest_decisions(std::span<const ReviewDecision> history);

struct ReviewApplied {
  std::size_t suppressed = 0;  // dismissed, same evidence: unflagged
  std::size_t reflagged = 0;   // dismissed, but the evidence changed: still flagged
};

// Applies the rule above to freshly detected events (their `flagged` as the detectors set it). A note is
// added to `reasons` of every event it touches, so JSON/CSV consumers see why `flagged` changed.
ReviewApplied apply_review(std::vector<detectors::Event>& events, std::span<const ReviewDecision> latest);

}  // namespace aiswatch::report
