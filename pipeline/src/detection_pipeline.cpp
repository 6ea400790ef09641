// detection_pipeline.cpp — wiring the tracker, matches, track store and detectors of one run.
#include "aiswatch/pipeline/detection_pipeline.hpp"

#include <algorithm>

#include "aiswatch/detectors/registry.hpp"

namespace aiswatch::pipeline {

class DetectionPipeline::Sink final : public detectors::EventSink {
 public:
  explicit Sink(DetectionPipeline& owner) : owner_(owner) {}
  void emit(detectors::Event event) override { owner_.on_emit(std::move(event)); }

 private:
  DetectionPipeline& owner_;
};

DetectionPipeline::DetectionPipeline(const Resources& resources, PipelineOptions options, EventListener* listener)
    : resources_(resources),
      options_(std::move(options)),
      listener_(listener),
      filter_(options_.filters),
      tracker_(options_.tracker),
      matches_(resources.watchlist(), resources.flags_of_concern()),
      tracks_(options_.tracks),
      sink_(std::make_unique<Sink>(*this)) {
  context_ = std::make_unique<detectors::DetectorContext>(detectors::DetectorContext{
      resources.zones(), resources.land(), resources.watchlist(), resources.flags_of_concern(), resources.config(),
      *sink_, tracker_, matches_});
  detectors_ = detectors::make_detectors(*context_, options_.detectors);
  tracker_.add_observer(matches_);
  tracker_.add_observer(tracks_);
  for (auto& d : detectors_) tracker_.add_observer(*d);
}

DetectionPipeline::~DetectionPipeline() = default;

bool DetectionPipeline::feed(const Observation& o) {
  bool kept = false;
  if (o.position && filter_.keep_position(*o.position)) {
    tracker_.on_position(*o.position);
    kept = true;
  }
  if (o.identity && filter_.keep_identity(*o.identity)) {
    tracker_.on_static(*o.identity);
    kept = true;
  }
  if (!kept) return false;
  ++observations_;
  if (!first_time_ || o.time < *first_time_) first_time_ = o.time;
  if (!last_time_ || o.time > *last_time_) last_time_ = o.time;
  return true;
}

void DetectionPipeline::advance_to(UnixMillis now) { tracker_.advance_to(now); }

void DetectionPipeline::finish(std::optional<UnixMillis> end) {
  if (finished_) return;
  finished_ = true;
  // The tracker's clock is the latest accepted time (a corrupt future timestamp is not).
  const UnixMillis at = end.value_or(tracker_.now().value_or(last_time_.value_or(0)));
  tracker_.advance_to(at);
  for (auto& d : detectors_) d->finish(at);
}

void DetectionPipeline::on_emit(detectors::Event e) {
  const auto type = static_cast<std::size_t>(e.type);
  if (type < kEventTypeCount) {
    ++counts_.by_type[type];
    if (e.flagged) ++counts_.flagged_by_type[type];
  }
  ++counts_.total;
  if (e.flagged) ++counts_.flagged;
  if (listener_ != nullptr) listener_->on_event(e);
  if (!options_.keep_events) return;
  events_.push_back(std::move(e));
  if (options_.max_events_kept != 0 && events_.size() > options_.max_events_kept) events_.pop_front();
}

void DetectionPipeline::restore(const SavedState& state) { tracker_.restore(state.vessels, state.data_clock); }

SavedState DetectionPipeline::capture_state(UnixMillis saved_at) const {
  SavedState s;
  s.saved_at = saved_at;
  s.data_clock = tracker_.now();
  s.vessels.reserve(tracker_.size());
  for (const ais::Vessel& v : tracker_.vessels()) s.vessels.push_back(ais::summarise(v));
  for (const ais::VesselSummary* d : tracker_.dormant()) s.vessels.push_back(*d);
  return s;
}

std::vector<detectors::Event> DetectionPipeline::sorted_events() const {
  std::vector<detectors::Event> out(events_.begin(), events_.end());
  std::sort(out.begin(), out.end(), detectors::event_order_less);
  return out;
}

}  // namespace aiswatch::pipeline
