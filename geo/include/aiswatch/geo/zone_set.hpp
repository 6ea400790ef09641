// zone_set.hpp — the zones in force and the fast questions detectors and the tracker ask about them.
//
// Built once from ZoneSpecs (zone_file.hpp, reference_layers.hpp); then
//   * zones_at(p, out)        every zone containing p, in zone order, written into a caller-owned vector
//                             (no allocation once its capacity suffices). A 0.25° grid answers the open
//                             sea with two array reads; cells wholly inside a zone need no geometry test;
//                             circles (ports) are tested by distance; only cells on a polygon's boundary
//                             reach a GEOS prepared-geometry test.
//   * nearest_port(p, max_km) the nearest port reference point within max_km, by geodesic distance.
//
//   ZoneSet zones(read_zone_file("harbours.gpkg"));
//   std::vector<const Zone*> hits;
//   zones.zones_at({42.24, 130.30}, hits);
//   if (auto port = zones.nearest_port({42.2, 130.4}, 20.0)) fmt::print("{} {:.0f} m\n", port->zone->name, port->distance_m);
//
// Circles are exact geodesic circles (tested with approx_distance_m, error < 0.5 m at these radii), not
// polygons. Polygons must not cross the antimeridian (split them there, as Natural Earth does).
// Not thread-safe: GEOS prepared geometries build their indexes lazily. Give each thread its own ZoneSet.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/geo/zone.hpp"
#include "aiswatch/geo/zone_file.hpp"

namespace aiswatch::geo {

struct PortDistance {
  const Zone* zone = nullptr;
  double distance_m = 0;  // geodesic, to the port reference point
};

// How a ZoneSet was built, for logs and `aiswatch zones`.
struct ZoneSetStats {
  std::size_t replaced = 0;              // specs that replaced an earlier zone with the same id
  std::vector<std::string> repaired_ids; // invalid polygons repaired with GEOS MakeValid
  std::size_t grid_entries = 0;          // (cell, zone) pairs in the lookup grid
  std::size_t full_cells = 0;            // of which cells wholly inside their zone
};

class ZoneSet {
 public:
  // Throws GeoError (naming the zone id and its file) for a geometry GEOS cannot read or repair.
  explicit ZoneSet(std::vector<ZoneSpec> specs);
  ZoneSet();  // no zones
  ~ZoneSet();
  ZoneSet(ZoneSet&&) noexcept;
  ZoneSet& operator=(ZoneSet&&) noexcept;

  std::span<const Zone> zones() const noexcept;
  std::size_t size() const noexcept { return zones().size(); }
  const Zone* find(std::string_view id) const noexcept;
  const ZoneSetStats& stats() const noexcept;

  // Clears `out` and appends every zone containing p (boundary included).
  void zones_at(LatLon p, std::vector<const Zone*>& out) const;
  // Whether p is inside any zone of this kind (stops at the first).
  bool in_any(LatLon p, ZoneKind kind) const;
  // The nearest port (kind port) whose reference point is within max_km of p.
  std::optional<PortDistance> nearest_port(LatLon p, double max_km) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aiswatch::geo
