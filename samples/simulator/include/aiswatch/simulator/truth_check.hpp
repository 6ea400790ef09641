// truth_check.hpp — scores detector output against a simulator ground truth, by the rules written in
// the truth file (docs/simulator.md, "Ground truth"), so every end-to-end test applies them the same way.
//
// The simulator does not depend on the detectors: callers convert their events to DetectedEvent (the
// events contract's fields that matter here).
//
//   GroundTruth truth = truth_from_json(read("samples/demo/demo.truth.json"));   // throws ScenarioError
//   std::vector<DetectedEvent> found = …;   // from aiswatch's events, one per event
//   TruthCheckResult r = check_against_truth(truth, found, {.have_watchlist = true, .have_zones = true});
//   if (!r.ok()) FAIL(r.summary());
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/simulator/truth.hpp"

namespace aiswatch::simulator {

struct DetectedEvent {
  std::string type;  // events contract type name
  std::uint32_t mmsi = 0;
  std::optional<std::uint32_t> other_mmsi;
  UnixMillis start_ms = 0;
  std::string zone;
  bool flagged = false;
  std::string severity;  // info, low, medium, high, critical
};

struct TruthCheckOptions {
  bool have_watchlist = false;  // the run was given the watchlist the truth's "inputs" name
  bool have_zones = false;      // … and the watch-zone file
};

struct TruthMismatch {
  const TruthEvent* expected = nullptr;
  const DetectedEvent* found = nullptr;  // the best candidate (right type, vessel and time)
  std::string why;                       // "flagged false, expected true", "severity low < high", …
};

struct TruthCheckResult {
  std::vector<const TruthEvent*> missing;            // required, no candidate at all
  std::vector<TruthMismatch> mismatched;             // a candidate exists but flagged/severity/zone differ
  std::vector<const DetectedEvent*> flagged_innocent;  // flagged event on a decoy or background vessel
  std::size_t matched = 0;                           // expected events found as expected

  bool ok() const noexcept { return missing.empty() && mismatched.empty() && flagged_innocent.empty(); }
  std::string summary() const;  // one line per problem, for test failure messages
};

TruthCheckResult check_against_truth(const GroundTruth& truth, std::span<const DetectedEvent> found,
                                     TruthCheckOptions options);

// Reads a truth file written by to_json (the parts the check needs: events, decoys, background).
GroundTruth truth_from_json(std::string_view text);

}  // namespace aiswatch::simulator
