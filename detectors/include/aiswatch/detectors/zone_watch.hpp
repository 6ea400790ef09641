// zone_watch.hpp — geofence alerts: zone_entry and zone_exit events for the watched zones a desk gives
// with --zones (kind user, watched). Reference layers (ports, hotspots, DPRK waters) are covered by the
// other detectors and are not alerted on unless configured.
//
//   auto d = make_zone_watch_detector(ctx);   // reads ctx.config.zone_watch
//   tracker.add_observer(*d);                 // entry at the first fix inside; exit after the hysteresis
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "aiswatch/detectors/detector.hpp"

namespace aiswatch::detectors {

struct ZoneWatchConfig {
  std::string kinds = "user";          // comma-separated zone kinds alerted on (watched zones only)
  std::string severity = "medium";     // default severity; a zone's "severity" property overrides it
  std::int64_t exit_min_fixes = 2;     // consecutive fixes outside before an exit …
  double exit_min_minutes = 3;         // … spanning at least this long

  template <class V>
  void visit(V&& v) {
    v("kinds", kinds, "list", "aiswatch: the desk's own --zones files (kind user); add sts_hotspot, dprk_waters to alert on those");
    v("severity", severity, "severity", "aiswatch: geofence alerts are what the desk asked for (issue 4)");
    v("exit_min_fixes", exit_min_fixes, "fixes", "aiswatch: hysteresis so a vessel on the boundary does not flap");
    v("exit_min_minutes", exit_min_minutes, "min", "aiswatch: class A underway reports every 2-10 s; 3 min outside is an exit");
  }
};

std::unique_ptr<Detector> make_zone_watch_detector(const DetectorContext& ctx);

}  // namespace aiswatch::detectors
