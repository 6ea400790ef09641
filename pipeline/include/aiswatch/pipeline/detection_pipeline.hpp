// detection_pipeline.hpp — track → detect for one run, the part replay and live share: the filters, the
// tracker, per-vessel watchlist matches, every detector (registry order), the bounded track store for the
// report, and the events the detectors emitted.
//
//   Resources res = Resources::load(options);
//   DetectionPipeline p(res, {.filters = filters}, &alerts);     // alerts: an EventListener, may be null
//   while (const Observation* o = input.next()) p.feed(*o);
//   p.finish();                                                  // closes open episodes at the last time
//   std::vector<detectors::Event> events = p.sorted_events();
//
// Observers run in this order on every update: VesselMatches (so detectors read current matches), the
// track store, then the detectors. Events reach the listener the moment a detector emits them (live
// alerts) and are kept for the report (all of them in replay; live keeps the newest `max_events_kept`).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/detectors/detector.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/pipeline/filters.hpp"
#include "aiswatch/pipeline/observation.hpp"
#include "aiswatch/pipeline/resources.hpp"
#include "aiswatch/pipeline/state_file.hpp"
#include "aiswatch/pipeline/track_store.hpp"

namespace aiswatch::pipeline {

// Called for every event as it is emitted, on the pipeline's thread, before the pipeline keeps it (a
// listener may annotate it: live mode notes times stamped on receipt).
class EventListener {
 public:
  virtual ~EventListener() = default;
  virtual void on_event(detectors::Event& event) = 0;
};

inline constexpr std::size_t kEventTypeCount = 10;

struct PipelineOptions {
  ais::TrackerConfig tracker = default_tracker_config();
  TrackLimits tracks;
  std::vector<std::string> detectors;   // names (registry.hpp); empty: every detector
  FilterOptions filters;
  std::size_t max_events_kept = 0;      // 0: keep every event (replay)
  bool keep_events = true;              // false: events only reach the listener (live keeps its own)

  // The tracker as a run uses it: vessels silent for 3 days are summarised and evicted (memory stays
  // bounded over months of data; a vessel that comes back resumes from its summary, so its gap is seen).
  // No detector reads the Kalman filter, so a replay does not run it (it cost a fifth of the tracker's
  // time); live mode turns it on for the predicted positions of GET /vessels/{mmsi}.
  static ais::TrackerConfig default_tracker_config(bool kalman = false) {
    ais::TrackerConfig c;
    c.evict_after_ms = 3LL * 24 * 3'600'000;
    c.kalman = kalman;
    return c;
  }
};

struct EventCounts {
  std::array<std::uint64_t, kEventTypeCount> by_type{};
  std::array<std::uint64_t, kEventTypeCount> flagged_by_type{};
  std::uint64_t total = 0, flagged = 0;
};

class DetectionPipeline {
 public:
  // `resources` and `listener` must outlive the pipeline. Throws detectors::ConfigError for an unknown
  // detector name or a bad parameter.
  DetectionPipeline(const Resources& resources, PipelineOptions options = {}, EventListener* listener = nullptr);
  ~DetectionPipeline();
  DetectionPipeline(const DetectionPipeline&) = delete;
  DetectionPipeline& operator=(const DetectionPipeline&) = delete;

  // One timed record (filters first). Returns false when a filter dropped it.
  bool feed(const Observation& o);
  // Moves the data clock without a record (live feeds between messages): time-outs fire.
  void advance_to(UnixMillis now);
  // End of input (or shutdown): every detector closes or reports its open episodes as of `end`
  // (default: the latest data time). Idempotent; feed() after finish() is a programming error.
  void finish(std::optional<UnixMillis> end = std::nullopt);

  // Live restarts: vessels of a saved state come back as dormant tracker vessels (call before any input);
  // capture_state() saves every vessel known (held and dormant) and the data clock (no alerted ids: the
  // caller keeps those).
  void restore(const SavedState& state);
  [[nodiscard]] SavedState capture_state(UnixMillis saved_at) const;

  // The kept events in the deterministic output order (detectors::event_order_less).
  [[nodiscard]] std::vector<detectors::Event> sorted_events() const;
  [[nodiscard]] const std::deque<detectors::Event>& events() const noexcept { return events_; }
  [[nodiscard]] const EventCounts& event_counts() const noexcept { return counts_; }

  [[nodiscard]] const ais::Tracker& tracker() const noexcept { return tracker_; }
  [[nodiscard]] const detectors::VesselMatches& matches() const noexcept { return matches_; }
  [[nodiscard]] const TrackStore& tracks() const noexcept { return tracks_; }
  [[nodiscard]] const ObservationFilter& filter() const noexcept { return filter_; }
  [[nodiscard]] const Resources& resources() const noexcept { return resources_; }
  [[nodiscard]] std::optional<UnixMillis> first_time() const noexcept { return first_time_; }
  [[nodiscard]] std::optional<UnixMillis> last_time() const noexcept { return last_time_; }
  [[nodiscard]] std::uint64_t observations() const noexcept { return observations_; }
  [[nodiscard]] bool finished() const noexcept { return finished_; }

 private:
  class Sink;
  void on_emit(detectors::Event e);

  const Resources& resources_;
  PipelineOptions options_;
  EventListener* listener_;
  ObservationFilter filter_;
  ais::Tracker tracker_;
  detectors::VesselMatches matches_;
  TrackStore tracks_;
  std::unique_ptr<Sink> sink_;
  std::unique_ptr<detectors::DetectorContext> context_;
  std::vector<std::unique_ptr<detectors::Detector>> detectors_;
  std::deque<detectors::Event> events_;
  EventCounts counts_;
  std::optional<UnixMillis> first_time_, last_time_;
  std::uint64_t observations_ = 0;
  bool finished_ = false;
};

}  // namespace aiswatch::pipeline
