// cell_grid.hpp — a fixed lon/lat grid with a compact list of entries per cell (CSR layout), private to
// geo/. It puts a constant-time "which zones could be here?" in front of GEOS: most of the ocean maps to
// an empty cell and costs two array reads.
//
//   CellGridBuilder b(0.25);
//   b.add(b.cell(lat, lon), entry);
//   CellGrid grid = std::move(b).build();
//   for (std::uint32_t e : grid.entries(grid.cell(lat, lon))) …
#pragma once

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace aiswatch::geo::detail {

class GridGeometry {
 public:
  explicit GridGeometry(double cell_deg)
      : cell_deg_(cell_deg),
        rows_(static_cast<int>(std::lround(180.0 / cell_deg))),
        cols_(static_cast<int>(std::lround(360.0 / cell_deg))) {
    assert(rows_ * cell_deg == 180.0 && cols_ * cell_deg == 360.0);
  }
  double cell_deg() const noexcept { return cell_deg_; }
  int rows() const noexcept { return rows_; }
  int cols() const noexcept { return cols_; }
  std::size_t cell_count() const noexcept { return static_cast<std::size_t>(rows_) * static_cast<std::size_t>(cols_); }

  int row(double lat_deg) const noexcept {
    return std::clamp(static_cast<int>(std::floor((lat_deg + 90.0) / cell_deg_)), 0, rows_ - 1);
  }
  // Columns wrap around the antimeridian, so a column range may run past cols().
  int col(double lon_deg) const noexcept { return wrap_col(static_cast<int>(std::floor((lon_deg + 180.0) / cell_deg_))); }
  int wrap_col(int c) const noexcept {
    c %= cols_;
    return c < 0 ? c + cols_ : c;
  }
  std::uint32_t cell(int row, int col) const noexcept {
    return static_cast<std::uint32_t>(row) * static_cast<std::uint32_t>(cols_) + static_cast<std::uint32_t>(wrap_col(col));
  }
  std::uint32_t cell_of(double lat_deg, double lon_deg) const noexcept { return cell(row(lat_deg), col(lon_deg)); }
  double lat_of_row(int row) const noexcept { return -90.0 + row * cell_deg_; }
  double lon_of_col(int col) const noexcept { return -180.0 + col * cell_deg_; }

 private:
  double cell_deg_;
  int rows_, cols_;
};

class CellGrid {
 public:
  CellGrid(GridGeometry geometry, std::vector<std::uint32_t> offsets, std::vector<std::uint32_t> entries)
      : geometry_(geometry), offsets_(std::move(offsets)), entries_(std::move(entries)) {}
  explicit CellGrid(GridGeometry geometry) : geometry_(geometry), offsets_(geometry.cell_count() + 1, 0) {}

  const GridGeometry& geometry() const noexcept { return geometry_; }
  std::span<const std::uint32_t> entries(std::uint32_t cell) const noexcept {
    return {entries_.data() + offsets_[cell], entries_.data() + offsets_[cell + 1]};
  }
  std::size_t entry_count() const noexcept { return entries_.size(); }
  std::size_t memory_bytes() const noexcept { return (offsets_.size() + entries_.size()) * sizeof(std::uint32_t); }

 private:
  GridGeometry geometry_;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> entries_;
};

class CellGridBuilder {
 public:
  explicit CellGridBuilder(double cell_deg) : geometry_(cell_deg) {}
  const GridGeometry& geometry() const noexcept { return geometry_; }
  void add(std::uint32_t cell, std::uint32_t entry) { pairs_.emplace_back(cell, entry); }

  CellGrid build() && {
    // Stable: entries of a cell keep the order they were added in (zone order).
    std::stable_sort(pairs_.begin(), pairs_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::uint32_t> offsets(geometry_.cell_count() + 1, 0);
    std::vector<std::uint32_t> entries;
    entries.reserve(pairs_.size());
    for (const auto& [cell, entry] : pairs_) {
      ++offsets[cell + 1];
      entries.push_back(entry);
    }
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
    return CellGrid(geometry_, std::move(offsets), std::move(entries));
  }

 private:
  GridGeometry geometry_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
};

}  // namespace aiswatch::geo::detail
