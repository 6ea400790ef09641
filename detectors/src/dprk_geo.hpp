// dprk_geo.hpp — private: the geographic questions the sanctions rules ask about North Korea, answered
// from the zones in force (DPRK ports = port zones with country KP; DPRK waters = zones of kind
// dprk_waters): nearest DPRK port, reachability of a DPRK port within a silence, and the distance from
// a point to DPRK waters (cached per 0.05° cell, so repeated questions cost a hash lookup).
//
//   DprkGeo dprk(ctx.zones);
//   if (auto p = dprk.nearest_port(here, 25'000)) …p->port.zone->name…;
//   for (const ReachablePort& r : dprk.reachable(off, on, gap_h, 10.0, 1.0)) …;
//   std::optional<double> d = dprk.distance_to_waters_m(here, 50 * 1852.0);   // nullopt: farther
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/geo/zone.hpp"
#include "aiswatch/geo/zone_set.hpp"

namespace aiswatch::detectors {

struct PortRef {
  const geo::Zone* zone = nullptr;
  geo::LatLon at;  // the port's reference point
};

struct NearPort {
  PortRef port;
  double distance_m = 0;
};

// A DPRK port the vessel could have called at during a silence: out from the OFF position, alongside
// for the minimum stay, back to the ON position (or still there, for a gap still open).
struct ReachablePort {
  PortRef port;
  double route_m = 0;    // OFF -> port (-> ON)
  double slack_h = 0;    // gap hours left after sailing the route and the minimum stay
};

class DprkGeo {
 public:
  explicit DprkGeo(const geo::ZoneSet& zones);

  [[nodiscard]] bool any_ports() const noexcept { return !ports_.empty(); }
  [[nodiscard]] const std::vector<PortRef>& ports() const noexcept { return ports_; }

  // Nearest DPRK port reference point within max_m (geodesic), if any.
  [[nodiscard]] std::optional<NearPort> nearest_port(geo::LatLon p, double max_m) const;

  // Every DPRK port that could be visited within `gap_h` at `speed_kn`, staying `stay_h`, most slack
  // first (ties by name); `end` absent for a gap still open (out only).
  [[nodiscard]] std::vector<ReachablePort> reachable(geo::LatLon start, std::optional<geo::LatLon> end, double gap_h,
                                                     double speed_kn, double stay_h) const;

  // Approximate distance (within one probe step, 2 km) from p to the nearest DPRK waters zone, when it is
  // at most max_m; 0 inside. Probes rings of points around p against the zone grid.
  [[nodiscard]] std::optional<double> distance_to_waters_m(geo::LatLon p, double max_m);

 private:
  const geo::ZoneSet& zones_;
  std::vector<PortRef> ports_;
  bool any_waters_ = false;
  std::unordered_map<std::uint64_t, float> waters_cache_;  // cell -> distance (m), negative: beyond max
  double cached_max_m_ = 0;
};

}  // namespace aiswatch::detectors
