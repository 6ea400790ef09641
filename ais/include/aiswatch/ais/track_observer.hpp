// track_observer.hpp — how detectors follow the tracker: one callback per accepted update.
//
// The tracker calls every registered observer, in registration order, after it has applied an update,
// so `vessel` already holds the new fix and the identity in force at that time. References are valid
// only during the call; observers must not call the tracker's mutating functions from a callback.
//
//   struct GapWatch : TrackObserver {
//     void on_position(const Vessel& v, const PositionUpdate& u) override {
//       if (u.gap_ms && *u.gap_ms > 6 * 3'600'000 && !u.flags.late) report_gap(v, *u.previous, u.current);
//     }
//   };
//   tracker.add_observer(gap_watch);
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/vessel.hpp"

namespace aiswatch::ais {

struct UpdateFlags {
  bool first_fix = false;     // the vessel's first position
  bool new_segment = false;   // gap since the previous fix exceeded TrackerConfig::segment_gap_ms
  bool suspect = false;       // implied speed over TrackerConfig::max_speed_kn (kept, not dropped)
  bool late = false;          // older than the latest fix (within the reorder window): `vessel.last`
                              // was not changed; `previous` is the newer latest fix
};

struct PositionUpdate {
  const PositionReport& report;      // everything as received (station, message type, raw records)
  const TrackPoint& current;
  const TrackPoint* previous;        // latest in-order fix before this one; nullptr on the first
  std::optional<std::int64_t> gap_ms;         // current.time - previous->time (negative when late)
  std::optional<double> distance_m;           // from previous
  std::optional<double> implied_speed_kn;     // distance over max(|gap|, 1 s)
  UpdateFlags flags;

  [[nodiscard]] std::span<const RawRef> raw() const noexcept { return report.raw; }
};

class TrackObserver {
 public:
  virtual ~TrackObserver() = default;
  virtual void on_position(const Vessel& vessel, const PositionUpdate& update) = 0;
  // A static report was applied (identity may or may not have changed).
  virtual void on_static(const Vessel& /*vessel*/, const StaticReport& /*report*/) {}
  // One identity field changed; called once per field right after on_static, with the whole report
  // already applied to `vessel`. `change` is the entry in vessel.history.
  virtual void on_identity_change(const Vessel& /*vessel*/, const IdentityChange& /*change*/) {}
  // The vessel was silent longer than TrackerConfig::evict_after_ms and is dropped; this is all that
  // remains of it (the tracker also keeps it in evicted()).
  virtual void on_evicted(const VesselSummary& /*summary*/) {}
  // The data clock moved forward (at most once per TrackerConfig::clock_tick_ms): time-outs.
  virtual void on_time(UnixMillis /*now*/) {}

 protected:
  TrackObserver() = default;
  TrackObserver(const TrackObserver&) = default;
  TrackObserver& operator=(const TrackObserver&) = default;
};

}  // namespace aiswatch::ais
