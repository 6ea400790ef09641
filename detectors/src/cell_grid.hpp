// cell_grid.hpp — cells of at least `cell_m` on each side covering the globe, for the pair detectors'
// neighbour searches (who else is within r metres of here?) without comparing every pair.
//
// Rows are `cell_m` of latitude; each row is cut into equal columns at least `cell_m` wide at the row's
// poleward edge, so cells keep their size at any latitude; searches wrap around the antimeridian. Sizes
// use lower bounds of the WGS84 metres per degree, so a cell is never smaller than asked. A cell is a
// 64-bit key for hash maps.
//   CellGrid grid(1000);
//   std::uint64_t here = grid.cell_of(31.28, 124.28);
//   grid.for_each_near(31.28, 124.28, 600, [&](std::uint64_t cell) { … look in cell … });
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace aiswatch::detectors {

class CellGrid {
 public:
  explicit CellGrid(double cell_m);

  [[nodiscard]] std::uint64_t cell_of(double lat_deg, double lon_deg) const noexcept;
  // The cell's centre and the half-diagonal (metres, an upper bound): every point of the cell is within
  // that distance of the centre.
  struct Centre {
    double lat_deg = 0, lon_deg = 0, half_diagonal_m = 0;
  };
  [[nodiscard]] Centre centre_of(std::uint64_t cell) const noexcept;

  // Calls f(cell) once for every cell holding any point within radius_m of (lat, lon).
  template <class F>
  void for_each_near(double lat_deg, double lon_deg, double radius_m, F&& f) const {
    const double dlat = radius_m / kMinMetresPerDegLat;
    const int row_lo = row_of(lat_deg - dlat), row_hi = row_of(lat_deg + dlat);
    for (int row = row_lo; row <= row_hi; ++row) {
      const Row& r = rows_[static_cast<std::size_t>(row)];
      // Longitude reach at the most poleward latitude of this row the circle touches.
      const double poleward = std::min(std::max(std::abs(lat_deg) + dlat, 0.0), kMaxLat);
      const double dlon = radius_m / (kMinMetresPerDegLat * std::cos(poleward * kDegToRad));
      if (2 * dlon + 2 * r.col_deg >= 360.0) {  // the range would wrap onto itself
        for (std::uint32_t c = 0; c < r.cols; ++c) f(key(row, c));
        continue;
      }
      const long c_lo = static_cast<long>(std::floor((lon_deg - dlon + 180.0) / r.col_deg));
      const long c_hi = static_cast<long>(std::floor((lon_deg + dlon + 180.0) / r.col_deg));
      const long cols = static_cast<long>(r.cols);
      for (long c = c_lo; c <= c_hi; ++c) f(key(row, static_cast<std::uint32_t>(((c % cols) + cols) % cols)));
    }
  }

 private:
  // Lower bound of metres per degree on WGS84 (the meridional degree at the equator), so cells and
  // search ranges are never smaller than asked.
  static constexpr double kMinMetresPerDegLat = 110'574.0;
  static constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
  static constexpr double kMaxLat = 89.9;  // columns near the poles are capped at this latitude's width

  struct Row {
    double col_deg = 360;  // column width in degrees of longitude
    std::uint32_t cols = 1;
  };

  [[nodiscard]] int row_of(double lat_deg) const noexcept;
  [[nodiscard]] static std::uint64_t key(int row, std::uint32_t col) noexcept {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(row)) << 32) | col;
  }

  double row_deg_;
  std::vector<Row> rows_;
};

}  // namespace aiswatch::detectors
