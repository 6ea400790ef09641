// identity_change.hpp — identity changes of one MMSI (name, call sign, IMO, ship type) and of one hull
// (an IMO broadcast by another MMSI or under another flag), an invalid IMO check digit, and an AIS flag
// (MID) that differs from the flag a watchlist declares. Draught and destination are not identity.
// Changes right after a long silence (of this MMSI, or of the MMSI that broadcast the IMO before) are
// raised: that is what identity laundering looks like.
//
//   auto d = make_identity_change_detector(ctx);   // reads ctx.config.identity
//   tracker.add_observer(*d);                      // one event per static report that changed identity
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct IdentityChangeConfig {
  double after_gap_min_h = 6;         // a silence this long before a change makes it "after a gap"
  double after_gap_window_h = 6;      // … when the change comes within this of the vessel reappearing
  double repeat_suppress_h = 24;      // the same change again within this is counted, not re-reported
  bool report_ship_type = true;       // ship type changes as info
  bool report_invalid_imo = true;     // invalid IMO check digits as info

  template <class V>
  void visit(V&& v) {
    v("after_gap_min_h", after_gap_min_h, "h", "GFW naive gap 6 h; detection-methods.md 2.2 'change during or right after a gap'");
    v("after_gap_window_h", after_gap_window_h, "h", "aiswatch: static reports resume within minutes; allow a slow first report");
    v("repeat_suppress_h", repeat_suppress_h, "h",
      "aiswatch: two transponders on one MMSI flip names every few minutes; report the pair once a day");
    v("report_ship_type", report_ship_type, "bool", "issue 4: ship-type change");
    v("report_invalid_imo", report_invalid_imo, "bool", "issue 4: invalid IMO check digit (info)");
  }
};

std::unique_ptr<Detector> make_identity_change_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
