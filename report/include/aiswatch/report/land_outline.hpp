// land_outline.hpp — land polygons cut to a map's box and simplified for drawing, for the voyage maps of
// the HTML report (svg_map.hpp). Loaded once per process from an OGR polygon layer — by default the
// bundled Natural Earth 1:10m land (geo/data/ne_10m_land_world.gpkg, public domain) — and queried per
// vessel: GEOS clips each polygon to the box (linear time) and Douglas–Peucker simplifies it to about a
// pixel, so a map carries a few thousand vertices, not the 411 k of the layer.
//
//   const LandOutlines land = LandOutlines::load(LandOutlines::default_file());
//   std::vector<Ring> rings = land.clip({.west_deg = 129, .south_deg = 41, .east_deg = 132, .north_deg = 43.5}, 0.003);
//
// Boxes across the antimeridian are given with unwrapped longitudes (east_deg > 180); the rings come
// back in that same frame. Not thread-safe (one GEOS context per object): one LandOutlines per thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

namespace aiswatch::report {

struct LonLat {
  double lon_deg = 0;
  double lat_deg = 0;
};
using Ring = std::vector<LonLat>;  // closed: the last point repeats the first

struct MapBox {
  double west_deg = 0, south_deg = 0, east_deg = 0, north_deg = 0;  // east_deg may exceed 180
  double width_deg() const noexcept { return east_deg - west_deg; }
  double height_deg() const noexcept { return north_deg - south_deg; }
};

class LandOutlines {
 public:
  // Every polygon of every layer of an OGR dataset. Throws ReportError naming the file.
  static LandOutlines load(const std::filesystem::path& file);
  // The bundled Natural Earth land ($AISWATCH_DATA_DIR or geo/data/).
  static std::filesystem::path default_file();

  ~LandOutlines();
  LandOutlines(LandOutlines&&) noexcept;
  LandOutlines& operator=(LandOutlines&&) noexcept;

  // Exterior and interior rings (draw with the even-odd rule) of the land inside `box`, simplified with
  // `tolerance_deg`; rings that collapse at that tolerance are left out.
  std::vector<Ring> clip(const MapBox& box, double tolerance_deg) const;

  std::size_t polygon_count() const noexcept;

 private:
  struct Impl;
  explicit LandOutlines(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace aiswatch::report
