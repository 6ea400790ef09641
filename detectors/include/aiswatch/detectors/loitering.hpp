// loitering.hpp — one vessel slow far offshore for hours (GFW loitering): a possible transfer with a
// partner that is dark. Flagged inside STS hotspots and DPRK waters (and for a vessel flying a flag of
// concern inside a watched user zone); elsewhere recorded as info. Never inside a port zone.
//
//   auto d = make_loitering_detector(ctx);   // reads ctx.config.loitering
//   tracker.add_observer(*d);
//   …                                        // one loitering event when the episode ends
//   d->finish(end_of_data);                  // episodes still running are reported (open=true)
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct LoiteringConfig {
  double max_speed_kn = 2;        // hourly implied speed (and mean reported SOG) below this
  double min_duration_h = 4;      // shortest loitering episode reported
  double min_shore_nm = 20;       // mean of the distances from shore at start and end
  double dprk_waters_min_shore_nm = 0;  // inside DPRK waters (12 nm of the coast) no offshore minimum
  double window_h = 1;            // implied speed is measured over windows this long
  double max_fix_gap_h = 6;       // a silence longer than this ends the episode (it is a gap)

  template <class V>
  void visit(V&& v) {
    v("max_speed_kn", max_speed_kn, "kn", "GFW loitering: hourly mean implied speed < 2 kn");
    v("min_duration_h", min_duration_h, "h", "GFW loitering (RFMO/Pew reports): >= 4 h");
    v("min_shore_nm", min_shore_nm, "nm",
      "GFW loitering product: avg_distance_from_shore_nm >= 20 (here: mean of start and end)");
    v("dprk_waters_min_shore_nm", dprk_waters_min_shore_nm, "nm",
      "aiswatch: DPRK waters lie within 12 nm of the coast, so GFW's 20 nm would exclude them; ports still are");
    v("window_h", window_h, "h", "GFW pipe-loitering: hourly buckets");
    v("max_fix_gap_h", max_fix_gap_h, "h", "GFW gaps: silences > 6 h are gaps, not loitering");
  }
};

std::unique_ptr<Detector> make_loitering_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
