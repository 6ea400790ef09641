// tracker.hpp — per-MMSI vessel state fed by every input (NMEA, CSV), with the data hygiene detectors
// rely on, and observers (detectors) called after each accepted update.
//
// Hygiene, in the order it is applied to a position report:
//   0. Time: a report more than `max_time_jump_ms` ahead of the data clock (a corrupt timestamp) is
//      rejected (`implausible_time`) unless a report of another MMSI confirms the new time within
//      `time_jump_confirm_ms` — then it is a real gap in the data and the clock jumps. Without this, one
//      bad timestamp would evict the whole fleet and leave its vessel stuck in the future.
//   1. MMSI 0, or too large for the 30-bit AIS field: rejected (`invalid_mmsi`), counted. Numbers of no
//      valid class (ten digits, test patterns) are tracked: spoofers use them; they have no flag.
//   2. Duplicate: the same payload hash for this MMSI within `duplicate_window_ms` (the same sentence
//      heard by several stations; CSV readers hash the row, so repeated rows count once too).
//   3. Out of order: a fix older than the vessel's latest one is `late` when within
//      `reorder_window_ms` — handed to observers flagged late (detectors can use or skip it) but it does
//      not move the vessel's latest position nor the Kalman filter; older than that: `too_old`, dropped.
//   4. Jump: implied speed from the previous fix over `max_speed_kn` (and more than `min_jump_m` away)
//      marks the fix suspect. It is kept and becomes the latest position (the track follows what was
//      broadcast, so a jump back is suspect too), and the Kalman filter restarts from it.
//   5. Segments: a gap over `segment_gap_ms` starts a new segment (TrackPoint::segment).
// Eviction: every `sweep_interval_ms` of data time, vessels silent over `evict_after_ms` are summarised
// (observers' on_evicted, evicted()) and dropped; idle Kalman filters are dropped too. A vessel that
// comes back continues from its kept summary (last fix, identity, counts), so the dark period is one long
// gap to detectors and a name changed while dark is an identity change. evicted() keeps every eviction.
//
//   Tracker tracker(TrackerConfig{.max_speed_kn = 40});
//   tracker.add_observer(my_detector);
//   tracker.on_position(report);          // -> PositionOutcome::accepted
//   for (const Vessel& v : tracker.vessels()) ...
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "aiswatch/ais/flat_u32_map.hpp"
#include "aiswatch/ais/kalman.hpp"
#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/track_observer.hpp"
#include "aiswatch/ais/vessel.hpp"

namespace aiswatch::ais {

struct TrackerConfig {
  std::int64_t duplicate_window_ms = 10'000;
  std::int64_t reorder_window_ms = 10 * 60'000;
  double max_speed_kn = 50;
  double min_jump_m = 300;                  // GPS jitter over a second or two is never a "jump"
  std::int64_t segment_gap_ms = 3'600'000;
  std::size_t identity_history_max = 16;
  std::size_t raw_records_max = 4;          // records copied per identity change
  std::size_t raw_text_max = 512;           // bytes kept per record
  bool kalman = true;
  KalmanConfig kalman_noise;
  double moving_threshold_kn = 0.5;         // a filter is built at or above this speed
  std::int64_t kalman_idle_ms = 15 * 60'000;   // dropped after this long stopped or silent
  std::int64_t evict_after_ms = 0;          // 0: never evict
  std::int64_t sweep_interval_ms = 10 * 60'000;
  std::size_t evicted_kept_max = 1'000'000; // summaries kept in evicted(); more are only counted
  std::int64_t clock_tick_ms = 1'000;       // on_time granularity
  std::int64_t max_time_jump_ms = 48 * 3'600'000;  // unsorted daily files stay well inside this
  std::int64_t time_jump_confirm_ms = 10 * 60'000;
};

enum class PositionOutcome : std::uint8_t { accepted, late, duplicate, too_old, invalid_mmsi, implausible_time };
enum class StaticOutcome : std::uint8_t { applied, late, duplicate, invalid_mmsi, implausible_time };
const char* to_string(PositionOutcome outcome) noexcept;
const char* to_string(StaticOutcome outcome) noexcept;

struct TrackerStats {
  std::uint64_t positions = 0;        // reports received
  std::uint64_t accepted = 0;
  std::uint64_t late = 0;
  std::uint64_t too_old = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t suspect = 0;
  std::uint64_t new_segments = 0;
  std::uint64_t invalid_mmsi = 0;     // positions and statics
  std::uint64_t implausible_time = 0; // positions and statics
  std::uint64_t clock_jumps = 0;      // confirmed jumps of the data clock
  std::uint64_t statics = 0;          // reports received
  std::uint64_t statics_applied = 0;
  std::uint64_t statics_late = 0;
  std::uint64_t statics_duplicates = 0;
  std::uint64_t identity_changes = 0;
  std::uint64_t evicted = 0;
  std::uint64_t evicted_not_kept = 0; // summaries beyond evicted_kept_max
  std::uint64_t resumed = 0;          // evicted vessels that came back and continued from their summary
  std::uint64_t kalman_built = 0;
  std::uint64_t kalman_dropped = 0;
};

class Tracker {
 public:
  explicit Tracker(TrackerConfig config = {});
  Tracker(const Tracker&) = delete;
  Tracker& operator=(const Tracker&) = delete;

  // Not owned; must outlive the tracker (or be removed first).
  void add_observer(TrackObserver& observer);
  void remove_observer(TrackObserver& observer);

  PositionOutcome on_position(const PositionReport& report);
  StaticOutcome on_static(const StaticReport& report);
  // Vessels saved by an earlier run (live mode's --state): each is kept like an evicted vessel, so when it
  // is heard again it resumes from its summary (last fix, identity, counts) and its silence is one gap.
  // `clock`: the data time the state was saved at (the clock never goes back). Call before any input.
  void restore(std::span<const VesselSummary> vessels, std::optional<UnixMillis> clock);
  // Vessels the tracker knows but does not hold (evicted, not heard since), latest summary of each.
  [[nodiscard]] std::vector<const VesselSummary*> dormant() const;

  // Advances the data clock without a message (live feeds between messages, end of input): runs the
  // eviction sweep and observers' on_time. Earlier times are ignored.
  void advance_to(UnixMillis now);

  [[nodiscard]] const Vessel* find(std::uint32_t mmsi) const noexcept;
  [[nodiscard]] std::span<const Vessel> vessels() const noexcept { return vessels_; }
  [[nodiscard]] std::size_t size() const noexcept { return vessels_.size(); }
  [[nodiscard]] std::span<const VesselSummary> evicted() const noexcept { return evicted_; }
  [[nodiscard]] const TrackerStats& stats() const noexcept { return stats_; }
  [[nodiscard]] const TrackerConfig& config() const noexcept { return config_; }
  [[nodiscard]] std::optional<UnixMillis> now() const noexcept { return clock_; }

  // Smoothed position/velocity with a 95 % radius at time t: the Kalman filter when the vessel has one,
  // otherwise a filter started from the latest fix. nullopt when the vessel has no position.
  [[nodiscard]] std::optional<KinematicEstimate> estimate(const Vessel& vessel, UnixMillis t) const;

 private:
  struct Step {  // from the previous fix to a new one
    std::int64_t gap_ms = 0;
    double distance_m = 0;
    double implied_speed_kn = 0;
    bool suspect = false;
  };

  [[nodiscard]] Step measure_step(const TrackPoint& previous, const PositionReport& report) const;
  Vessel& find_or_add(std::uint32_t mmsi, UnixMillis time);
  void advance_clock(UnixMillis time);
  bool accept_time(UnixMillis time, std::uint32_t mmsi);
  void sweep();
  void evict_at(std::size_t position);
  void resume(Vessel& vessel, const VesselSummary& summary);
  void step_kalman(Vessel& vessel, const PositionReport& report, const TrackPoint& current, bool suspect,
                   std::optional<double> implied_speed_kn);
  void apply_identity(Vessel& vessel, const StaticReport& report);
  void record_change(IdentityChange change, std::span<const RawRef> raw);
  void commit_changes(Vessel& vessel);
  void check_imo_owner(Vessel& vessel, std::uint32_t imo, const StaticReport& report);

  TrackerConfig config_;
  std::vector<Vessel> vessels_;          // dense; eviction swaps the last one into the hole
  FlatU32Map index_;                     // MMSI -> position in vessels_
  FlatU32Map imo_owner_;                 // valid IMO -> MMSI that last broadcast it
  std::vector<TrackObserver*> observers_;
  std::vector<VesselSummary> evicted_;
  FlatU32Map evicted_at_;                // MMSI -> its latest summary in evicted_, until it comes back
  std::vector<IdentityChange> pending_;  // changes of the static report being applied
  TrackerStats stats_;
  std::optional<UnixMillis> clock_;
  UnixMillis last_sweep_ = 0, last_tick_ = 0;
  struct JumpCandidate {
    UnixMillis time;
    std::uint32_t mmsi;
  };
  std::optional<JumpCandidate> jump_candidate_;  // a report far ahead of the clock, awaiting a second vessel
};

}  // namespace aiswatch::ais
