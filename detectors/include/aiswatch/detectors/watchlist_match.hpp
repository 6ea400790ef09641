// watchlist_match.hpp — the first time a vessel matches a sanctions-list entry: one event per
// (vessel, entry, program). Later events of the vessel carry the match anyway (enrich.hpp); this one
// says when and how the vessel was first identified.
//
//   auto d = make_watchlist_match_detector(ctx);   // reads ctx.config.watchlist; needs ctx.matches
//   tracker.add_observer(*d);                      // after the VesselMatches observer
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct WatchlistMatchConfig {
  double min_confidence = 0.35;       // weaker matches are not reported at all
  double flag_min_confidence = 0.7;   // matches from this confidence are flagged
  double critical_min_confidence = 0.9;  // … and critical from this one (IMO, MMSI+name)

  template <class V>
  void visit(V&& v) {
    v("min_confidence", min_confidence, "0-1", "docs/watchlists.md: name-only matches score 0.35");
    v("flag_min_confidence", flag_min_confidence, "0-1",
      "docs/watchlists.md: name+call sign 0.75, IMO 0.95; below 0.7 many ships share the name");
    v("critical_min_confidence", critical_min_confidence, "0-1",
      "docs/watchlists.md: IMO 0.95/0.99 and MMSI+name 0.9 identify the hull");
  }
};

std::unique_ptr<Detector> make_watchlist_match_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
