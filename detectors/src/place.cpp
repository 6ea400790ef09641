#include "place.hpp"

namespace aiswatch::detectors {

bool Places::near_port(geo::LatLon p, double km) const {
  return zones_.in_any(p, geo::ZoneKind::port) || zones_.nearest_port(p, km).has_value();
}

WatchedArea Places::watched_area(geo::LatLon p) const {
  WatchedArea area;
  const geo::Zone* hotspot = nullptr;
  const geo::Zone* user = nullptr;
  const geo::Zone* dprk = nullptr;
  zones_.zones_at(p, hits_);
  for (const geo::Zone* z : hits_) {
    if (z->kind == geo::ZoneKind::dprk_waters) {
      area.dprk_waters = true;
      if (!dprk) dprk = z;
    } else if (z->kind == geo::ZoneKind::sts_hotspot) {
      area.sts_hotspot = true;
      if (!hotspot) hotspot = z;
    } else if (z->watched && z->kind != geo::ZoneKind::port) {
      area.user_watched = true;
      if (!user) user = z;
    }
  }
  area.zone = dprk ? dprk : hotspot ? hotspot : user;
  return area;
}

PortAndShore Places::port_and_shore(geo::LatLon p, double search_km) const {
  return {zones_.nearest_port(p, search_km), land_.distance_to_shore_m(p)};
}

}  // namespace aiswatch::detectors
