// detector.hpp — what every detector is: a tracker observer that emits Events into a sink, with shared
// read-only context (zones, land, watchlists, configuration).
//
// One detector per file (detectors/src/<name>.cpp). The pipeline registers each detector with the
// tracker, feeds it every accepted update, then calls finish() at end of input so open episodes (a gap
// still open, an encounter in progress) are closed or reported as open:
//   DetectorContext ctx{zones, land, &index, flags, config, sink, tracker, matches};
//   auto d = make_port_call_detector(ctx);
//   tracker.add_observer(*d);
//   … input …
//   d->finish(last_time);
#pragma once

#include <memory>

#include "aiswatch/ais/track_observer.hpp"
#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/detectors/event.hpp"

namespace aiswatch::geo {
class ZoneSet;
class Land;
}  // namespace aiswatch::geo
namespace aiswatch::watchlists {
class WatchlistIndex;
class FlagsOfConcern;
}  // namespace aiswatch::watchlists

namespace aiswatch::detectors {

struct DetectorConfig;   // config.hpp
class VesselMatches;     // vessel_matches.hpp

// Where events go. The pipeline's sink enriches nothing: detectors hand over finished events (enrich.hpp
// fills identity, watchlist matches, severity and the id in one place).
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void emit(Event event) = 0;
};

// Read-only facts every detector may use. All references outlive the detectors.
struct DetectorContext {
  const geo::ZoneSet& zones;
  const geo::Land& land;
  const watchlists::WatchlistIndex* watchlist;   // null when no --watchlist was given
  const watchlists::FlagsOfConcern& flags_of_concern;
  const DetectorConfig& config;
  EventSink& sink;
  const ais::Tracker& tracker;                   // look up other vessels (partners of pair events)
  const VesselMatches& matches;                  // per-vessel watchlist matches, kept current
};

class Detector : public ais::TrackObserver {
 public:
  explicit Detector(const DetectorContext& context) : ctx_(context) {}
  [[nodiscard]] virtual const char* name() const noexcept = 0;
  // End of input (replay) or shutdown (live): close or report open episodes as of `end_of_data`.
  virtual void finish(UnixMillis /*end_of_data*/) {}

 protected:
  const DetectorContext& ctx_;
};

}  // namespace aiswatch::detectors
