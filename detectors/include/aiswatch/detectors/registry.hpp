// registry.hpp — every detector by name, in the one order the pipeline registers them, so replay, live,
// benchmarks and tests build the same set (and a --detectors option can pick some by name).
//
//   tracker.add_observer(matches);                                   // VesselMatches first
//   std::vector<std::unique_ptr<Detector>> detectors = make_detectors(ctx);        // all of them
//   auto some = make_detectors(ctx, {{"port_call", "ais_gap"}});     // ConfigError for an unknown name
//   for (auto& d : detectors) tracker.add_observer(*d);
//   … input …   for (auto& d : detectors) d->finish(end);
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct DetectorInfo {
  std::string_view name;  // also its config section, except identity_change ("identity"), watchlist_match
                          // ("watchlist") and zone_watch (events zone_entry / zone_exit)
  std::unique_ptr<Detector> (*make)(const DetectorContext&);
};

// port_call, ais_gap, loitering, encounter, dark_transfer, spoofing, identity_change, watchlist_match,
// zone_watch — the order their events reach the sink within one update.
std::span<const DetectorInfo> detector_registry() noexcept;

// The named detectors (all when `names` is empty), in registry order. Throws ConfigError naming an
// unknown detector; detector constructors may throw ConfigError for bad parameters.
std::vector<std::unique_ptr<Detector>> make_detectors(const DetectorContext& ctx,
                                                      std::span<const std::string> names = {});

}  // namespace aiswatch::detectors
