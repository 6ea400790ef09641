// state_file.hpp — live mode's `--state FILE`: what a restart must not forget. Every vessel the tracker
// knows (as its summary: identity, last fix, counts), the data clock, and the ids of the events already
// alerted (with their evidence fingerprints), so a restarted run neither forgets vessels nor re-alerts
// old events — yet alerts again when the same event's evidence has grown.
//
// Format: JSON lines, versioned; line 1 is a header, then one line per vessel ({"v": …}) and per alerted
// event ({"e": …}). Written to a temporary file, fsync'ed and renamed, so a crash mid-write leaves the
// previous state intact.
//
//   save_state("live.state", capture_state(pipeline, alerted));
//   SavedState s = load_state("live.state");     // throws StateError naming the file and line
//   pipeline.restore(s);                         // before the first input
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/ais/vessel.hpp"

namespace aiswatch::pipeline {

inline constexpr int kStateFormatVersion = 1;

class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SavedState {
  UnixMillis saved_at = 0;                      // wall clock
  std::optional<UnixMillis> data_clock;         // the tracker's data time when saved
  std::vector<ais::VesselSummary> vessels;
  std::unordered_map<std::string, std::string> alerted;  // event id -> evidence fingerprint
};

void save_state(const std::filesystem::path& file, const SavedState& state);
// Throws StateError naming the file (and line) when it is unreadable, of another format or version, or
// corrupt; a missing file is not an error for the caller to hide: check exists() first.
SavedState load_state(const std::filesystem::path& file);

}  // namespace aiswatch::pipeline
