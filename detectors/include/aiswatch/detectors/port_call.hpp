// port_call.hpp — port visits (GFW's entry/stop/gap/exit state machine) on the harbour zones, with the
// sanctions rules on top: any call at a DPRK port is flagged; calls at the Russian Rajin-shuttle ports
// are recorded and flagged when the vessel also called at a DPRK port within a window; a vessel whose
// last fix is near a DPRK port before a long silence gets an inferred ("dark") call.
//
//   auto d = make_port_call_detector(ctx);   // reads ctx.config.port_call
//   tracker.add_observer(*d);
//   …                                        // one port_call event per visit, at its exit
//   d->finish(end_of_data);                  // visits still open are reported with evidence open=true
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct PortCallConfig {
  double exit_margin_m = 1'000;       // hysteresis beyond the harbour area before a visit ends
  double stop_speed_kn = 0.2;         // a stop begins below this
  double move_speed_kn = 0.5;         // … and ends above this
  double port_gap_h = 4;              // silence inside a port that counts as a port gap
  std::int64_t min_confidence = 2;    // lowest GFW confidence reported at ordinary ports (DPRK/shuttle: all)
  double shuttle_window_days = 30;    // DPRK call this close to a shuttle-port call makes a shuttle leg
  double dark_call_max_distance_km = 25;  // "approach then gap": last fix this close to a DPRK port …
  double dark_call_min_gap_h = 6;         // … followed by a silence at least this long
  std::int64_t voyage_calls_kept = 4;     // port calls remembered per vessel for voyage evidence

  template <class V>
  void visit(V&& v) {
    v("exit_margin_m", exit_margin_m, "m",
      "GFW anchorages: exit 1 km beyond the 3 km entry radius (3/4 km hysteresis)");
    v("stop_speed_kn", stop_speed_kn, "kn", "GFW anchorages: PORT_STOP_BEGIN below 0.2 kn");
    v("move_speed_kn", move_speed_kn, "kn", "GFW anchorages: PORT_STOP_END above 0.5 kn");
    v("port_gap_h", port_gap_h, "h", "GFW anchorages: minimum_port_gap_duration_minutes 240");
    v("min_confidence", min_confidence, "1-4",
      "GFW products report visits of confidence >= 2; DPRK and shuttle ports report every visit");
    v("shuttle_window_days", shuttle_window_days, "d",
      "aiswatch: RUSI 'Orient Express' round trips Rajin-Dunai/Vostochny took days to weeks");
    v("dark_call_max_distance_km", dark_call_max_distance_km, "km",
      "detection-methods.md 2.2 'approach then gap' (N km of a DPRK port); 25 km ~ 2 h at 7 kn");
    v("dark_call_min_gap_h", dark_call_min_gap_h, "h",
      "detection-methods.md 2.2 'approach then gap' (gap >= T); GFW naive gap 6 h");
    v("voyage_calls_kept", voyage_calls_kept, "calls", "aiswatch: previous ports shown as voyage evidence");
  }
};

std::unique_ptr<Detector> make_port_call_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
