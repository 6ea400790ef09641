// case_file.hpp — the review case file (`--cases FILE`): a SQLite database holding the events a run saw
// (id, evidence fingerprint, summary) and every reviewer decision, append-only (the latest per subject
// wins; history is kept).
//
//   CaseFile cases = CaseFile::open("cases.sqlite");              // created when missing
//   cases.record_events(events, now);                             // replay: BEFORE apply_review()
//   apply_review(events, latest_decisions(cases.history()));
//   …
//   cases.decide({.event_id = "3f0c…", .status = ReviewStatus::dismissed, .note = "known shuttle",
//                 .reviewer = reviewer_from_environment()}, now);  // `aiswatch review`
//
// Safe for concurrent use by several processes: WAL journal, a busy timeout, and each write in one
// BEGIN IMMEDIATE transaction (so two `aiswatch review` calls both persist); synchronous=FULL so a
// decision that was reported as saved survives a crash or power loss.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/detectors/event.hpp"
#include "aiswatch/report/review.hpp"

namespace aiswatch::report {

inline constexpr int kCaseFileSchemaVersion = 1;

// What the case file remembers of an event seen by a run.
struct KnownEvent {
  std::string id;
  std::string type;  // as written by that run (a newer aiswatch may have types this one does not know)
  std::uint32_t mmsi = 0;
  std::optional<std::uint32_t> other_mmsi;
  std::string name;
  UnixMillis start = 0, end = 0;
  bool flagged = false;  // as the detectors flagged it (before review)
  std::string severity;
  std::string evidence_fingerprint;
  UnixMillis first_seen = 0, last_seen = 0;
};

struct DecisionRequest {
  std::string event_id;                      // an event decision…
  std::optional<std::uint32_t> vessel_mmsi;  // …or a vessel decision (exactly one)
  ReviewStatus status = ReviewStatus::needs_info;
  std::string note;
  std::string reviewer;
};

enum class OpenMode : std::uint8_t { create_if_missing, existing_only };

class CaseFile {
 public:
  // Throws ReportError naming the file: unreadable, not a SQLite file, not an aiswatch case file, or a
  // newer schema; with existing_only, also when the file does not exist.
  static CaseFile open(const std::filesystem::path& file, OpenMode mode = OpenMode::create_if_missing);

  ~CaseFile();
  CaseFile(CaseFile&&) noexcept;
  CaseFile& operator=(CaseFile&&) noexcept;

  // Remembers (upserts) the events of a run with their evidence fingerprints, in one transaction. Call it
  // with the events as the detectors flagged them, before apply_review().
  void record_events(std::span<const detectors::Event> events, UnixMillis seen_at);

  std::optional<KnownEvent> find_event(std::string_view id) const;
  std::vector<KnownEvent> events_of_vessel(std::uint32_t mmsi) const;

  // Appends a decision and returns it as stored (seq, decided_at, evidence fingerprint). An event decision
  // records the fingerprint last seen for that event. Throws ReportError for an event id or MMSI the case
  // file has never seen (a typo must not silently create a decision that matches nothing).
  ReviewDecision decide(const DecisionRequest& request, UnixMillis now);

  // Every decision, oldest first.
  std::vector<ReviewDecision> history() const;

  const std::filesystem::path& path() const noexcept;

 private:
  struct Impl;
  explicit CaseFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// $AISWATCH_REVIEWER, else $USER, else $LOGNAME, else "unknown".
std::string reviewer_from_environment();

}  // namespace aiswatch::report
