// land.hpp — "is this position on land?" and "how far is the nearest shore?" from Natural Earth land.
//
// Loaded once from a land polygon layer (default: the bundled Natural Earth 1:10m land,
// geo/data/ne_10m_land_world.gpkg, 411 k vertices — chosen over 1:50m for coastline detail at port and
// loitering scales; it loads in about half a second). Queries:
//   * on_land(p)             a 0.25° grid marks cells all-water / all-land; only coastal cells reach a
//                            GEOS prepared point-in-polygon test.
//   * distance_to_shore_m(p) 0 on land; else the nearest coastline point is found among the coastline
//                            segments of nearby grid cells (search radius doubling from 10 km) in a local
//                            flat frame (geodesy.hpp error bound), then measured with GeographicLib.
//                            Degrees are never used as a distance, so it stays right at high latitude.
//
//   const aiswatch::geo::Land land = aiswatch::geo::Land::load();
//   if (!land.on_land(p) && land.distance_to_shore_m(p) > 10'000) …   // offshore encounter
//
// Natural Earth's artificial edges (the antimeridian cut, Antarctica's −90° base) are not shore.
// Not thread-safe (GEOS prepared geometries index lazily): one Land per thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "aiswatch/geo/geodesy.hpp"

namespace aiswatch::geo {

struct LandStats {
  std::size_t polygons = 0;
  std::size_t shore_segments = 0;
  std::size_t coastal_cells = 0;  // grid cells that need a geometry test
};

class Land {
 public:
  // Reads every polygon of every layer of an OGR dataset. Throws GeoError naming the file.
  static Land load(const std::filesystem::path& file);
  static Land load();  // the bundled Natural Earth 1:10m land in data_dir()

  ~Land();
  Land(Land&&) noexcept;
  Land& operator=(Land&&) noexcept;

  bool on_land(LatLon p) const;
  double distance_to_shore_m(LatLon p) const;
  const LandStats& stats() const noexcept;

 private:
  struct Impl;
  explicit Land(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace aiswatch::geo
