// ais_gap.hpp — AIS silences: GFW's naive gap (>= 6 h) and likely intentional disabling (>= 12 h,
// starting > 50 nm from shore), plus the sanctions rules GFW lacks: a shorter silence (>= 2 h) that
// begins near DPRK waters or a DPRK port, and reachability — could the vessel have reached a DPRK port
// and come back within the gap at its observed speed ("possible dark port call at Nampo")?
//
//   auto d = make_ais_gap_detector(ctx);     // reads ctx.config.ais_gap
//   tracker.add_observer(*d);
//   …                                        // one ais_gap event when the vessel is heard again
//   d->finish(end_of_data);                  // vessels still silent near DPRK (or watchlisted): open gaps
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct AisGapConfig {
  double min_gap_h = 6;                  // a silence this long is a (basic) gap
  double disabling_min_gap_h = 12;       // likely disabling: at least this long …
  double disabling_min_shore_nm = 50;    // … and starting farther than this from shore
  double sensitive_min_gap_h = 2;        // near DPRK, silences from this long are gaps …
  double sensitive_distance_nm = 50;     // … when they begin within this of DPRK waters or a DPRK port
  double reach_speed_floor_kn = 8;       // reachability: at least this speed …
  double reach_speed_cap_kn = 25;        // … at most this (observed SOG spikes are not believed)
  double reach_port_stay_h = 1;          // time a dark port call needs alongside
  double draught_change_m = 1.0;         // draught change across a gap worth a reason
  double draught_wait_min = 30;          // wait this long after the vessel reappears for its draught
  double history_h = 12;                 // positions counted before the gap
  bool report_all_open_gaps = false;     // false: open gaps only near DPRK or of watchlisted vessels

  template <class V>
  void visit(V&& v) {
    v("min_gap_h", min_gap_h, "h", "GFW gaps: naive gap > 6 h (pipe-gaps min_gap_length 6)");
    v("disabling_min_gap_h", disabling_min_gap_h, "h",
      "GFW likely disabling: >= 12 h (AIS-disabling-high-seas config min_gap_hours)");
    v("disabling_min_shore_nm", disabling_min_shore_nm, "nm",
      "GFW likely disabling: starts > 50 nm from shore (off_distance_from_shore_m > 1852*50)");
    v("sensitive_min_gap_h", sensitive_min_gap_h, "h",
      "aiswatch (issue 4): any gap >= 2 h beginning near DPRK is flagged");
    v("sensitive_distance_nm", sensitive_distance_nm, "nm",
      "aiswatch (issue 4): within 50 nm of DPRK waters or a DPRK port (GFW's terrestrial-coverage range)");
    v("reach_speed_floor_kn", reach_speed_floor_kn, "kn",
      "aiswatch: slow coasters and tankers cruise at 8-12 kn; observed SOG is used when higher");
    v("reach_speed_cap_kn", reach_speed_cap_kn, "kn", "GFW segmenter: 25 kn max plausible implied speed");
    v("reach_port_stay_h", reach_port_stay_h, "h", "aiswatch: minimum time alongside for a dark call");
    v("draught_change_m", draught_change_m, "m",
      "detection-methods.md 2.2: draught change >= 1 m across a gap (Pole Star PurpleTRAC)");
    v("draught_wait_min", draught_wait_min, "min",
      "ITU-R M.1371: class A static data every 6 min; wait five of them for the draught after a gap");
    v("history_h", history_h, "h", "GFW pipe-gaps: positions in the 12 h before the gap (n_hours_before)");
    v("report_all_open_gaps", report_all_open_gaps, "bool",
      "GFW emits every open gap; a vessel silent at the end of a file has mostly left coverage or the file "
      "ended (NOAA 2022-01-03 sample: 10,600 of 10,631 vessels), so by default only those worth a look");
  }
};

std::unique_ptr<Detector> make_ais_gap_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
