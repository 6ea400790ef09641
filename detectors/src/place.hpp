// place.hpp — what the pair detectors ask about a position: is it in or near a port (then it is not an
// encounter or a dark transfer), which watched area is it in, and how far are port and shore (evidence).
//
//   Places places(ctx.zones, ctx.land);
//   if (places.near_port({31.28, 124.28}, 10.0)) return;           // harbour zone or port within 10 km
//   const WatchedArea area = places.watched_area({38.94, 124.22}); // DPRK waters, STS hotspot, user zone
//   if (area.zone) e.zone = area.zone->name;
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/zone_set.hpp"

namespace aiswatch::detectors {

struct WatchedArea {
  const geo::Zone* zone = nullptr;  // the area named on the event: DPRK waters, else an STS hotspot, else
                                    // another watched zone (a user's); null in the open sea
  bool dprk_waters = false;
  bool sts_hotspot = false;
  bool user_watched = false;        // a watched zone that is neither (e.g. a --zones watch area)
};

struct PortAndShore {
  std::optional<geo::PortDistance> nearest_port;  // within the search radius
  double shore_m = 0;                             // 0 on land
};

class Places {
 public:
  Places(const geo::ZoneSet& zones, const geo::Land& land) : zones_(zones), land_(land) {}

  // Inside a harbour zone, or a port reference point within `km`.
  [[nodiscard]] bool near_port(geo::LatLon p, double km) const;
  [[nodiscard]] WatchedArea watched_area(geo::LatLon p) const;
  // For evidence: nearest port within `search_km` and distance to shore (microseconds: episode ends only).
  [[nodiscard]] PortAndShore port_and_shore(geo::LatLon p, double search_km) const;
  [[nodiscard]] bool on_land(geo::LatLon p) const { return land_.on_land(p); }
  [[nodiscard]] const geo::ZoneSet& zones() const noexcept { return zones_; }

 private:
  const geo::ZoneSet& zones_;
  const geo::Land& land_;
  mutable std::vector<const geo::Zone*> hits_;  // reused: no allocation once warm
};

}  // namespace aiswatch::detectors
