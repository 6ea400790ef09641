// spoofing.hpp — false positions: teleports (implied speed over the tracker's limit) that persist and come
// back, positions on land reached by such a jump, the same MMSI in two places at once (the track
// alternating between two far-apart places), and default/test MMSIs. One event per episode, not per fix.
//
//   auto d = make_spoofing_detector(ctx);    // reads ctx.config.spoofing
//   tracker.add_observer(*d);
//   …                                        // an episode is reported when the track settles
//   d->finish(end_of_data);
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct SpoofingConfig {
  double quiet_h = 1;               // an episode ends this long after its last jump, once back home …
  double max_displaced_h = 6;       // … or this long after its last jump wherever the track is
  double home_radius_km = 5;        // "back home": within this of where the track was before the jump
  double min_jump_km = 5;           // jumps shorter than this are GPS noise, not spoofing
  std::int64_t two_places_min_returns = 3;  // returns home that make "the same MMSI in two places"
  std::int64_t persistent_min_fixes = 2;    // fixes away from home that make a jump more than a glitch …
  double persistent_min_minutes = 10;       // … spanning at least this long
  double shore_tolerance_m = 300;   // on-land fixes this close to water are coastline error
  double inland_m = 1'000;          // on-land fixes at least this far inland count at once
  std::int64_t on_land_min_fixes = 2;  // otherwise this many consecutive on-land fixes are needed
  bool report_invalid_mmsi = true;  // an info event for test/default MMSIs (123456789, 111111111)

  template <class V>
  void visit(V&& v) {
    v("quiet_h", quiet_h, "h", "aiswatch: one event per episode; GFW segmenter keeps segments 1 h apart");
    v("max_displaced_h", max_displaced_h, "h", "aiswatch: a track away from home this long is its new place");
    v("home_radius_km", home_radius_km, "km", "aiswatch: A->B->A returns (detection-methods.md 3)");
    v("min_jump_km", min_jump_km, "km",
      "detection-methods.md 3: OpenCPN caps 6 nm jumps; the tracker's 300 m floor is jitter");
    v("two_places_min_returns", two_places_min_returns, "returns",
      "detection-methods.md 3: a track jumping back and forth between two far locations (GFW overlapping segments)");
    v("persistent_min_fixes", persistent_min_fixes, "fixes",
      "aiswatch: one outlier fix is a glitch; two or more away from home is a pattern");
    v("persistent_min_minutes", persistent_min_minutes, "min",
      "aiswatch: NOAA 2022-01-03 has bursts of 1-3 bad fixes within minutes; the spoofing scenario holds 20 min");
    v("shore_tolerance_m", shore_tolerance_m, "m",
      "aiswatch: Natural Earth 1:10m coastline is coarse near ports (issue 4 detectors brief)");
    v("inland_m", inland_m, "m", "aiswatch: more than 1 km inland is never coastline error");
    v("on_land_min_fixes", on_land_min_fixes, "fixes", "aiswatch: two consecutive on-land fixes");
    v("report_invalid_mmsi", report_invalid_mmsi, "bool",
      "detection-methods.md 3: default/test MMSIs (123456789, 111111111) as info");
  }
};

std::unique_ptr<Detector> make_spoofing_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
