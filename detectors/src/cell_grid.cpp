#include "cell_grid.hpp"

#include <algorithm>
#include <cassert>

namespace aiswatch::detectors {

CellGrid::CellGrid(double cell_m) : row_deg_(cell_m / kMinMetresPerDegLat) {
  assert(cell_m > 0 && row_deg_ < 90);
  const auto rows = static_cast<std::size_t>(std::ceil(180.0 / row_deg_));
  rows_.resize(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const double lo = -90.0 + static_cast<double>(i) * row_deg_;
    const double poleward = std::min(std::max(std::abs(lo), std::abs(lo + row_deg_)), kMaxLat);
    const double needed_deg = cell_m / (kMinMetresPerDegLat * std::cos(poleward * kDegToRad));
    const auto cols = static_cast<std::uint32_t>(std::max(1.0, std::floor(360.0 / needed_deg)));
    rows_[i] = Row{360.0 / cols, cols};
  }
}

int CellGrid::row_of(double lat_deg) const noexcept {
  const auto row = static_cast<long>(std::floor((lat_deg + 90.0) / row_deg_));
  return static_cast<int>(std::clamp(row, 0L, static_cast<long>(rows_.size()) - 1));
}

std::uint64_t CellGrid::cell_of(double lat_deg, double lon_deg) const noexcept {
  const int row = row_of(lat_deg);
  const Row& r = rows_[static_cast<std::size_t>(row)];
  const auto col = static_cast<long>(std::floor((lon_deg + 180.0) / r.col_deg));
  return key(row, static_cast<std::uint32_t>(std::clamp(col, 0L, static_cast<long>(r.cols) - 1)));
}

CellGrid::Centre CellGrid::centre_of(std::uint64_t cell) const noexcept {
  const auto row = static_cast<std::size_t>(cell >> 32);
  const auto col = static_cast<std::uint32_t>(cell & 0xffffffffU);
  assert(row < rows_.size());
  const Row& r = rows_[row];
  const double lat = -90.0 + (static_cast<double>(row) + 0.5) * row_deg_;
  const double lon = -180.0 + (col + 0.5) * r.col_deg;
  // Upper bounds of metres per degree (prime-vertical radius at the pole, 6,399,594 m).
  constexpr double kMaxMetresPerDeg = 111'695.0;
  const double half_h = 0.5 * row_deg_ * kMaxMetresPerDeg;
  const double half_w = 0.5 * r.col_deg * kMaxMetresPerDeg * std::cos(std::max(std::abs(lat) - row_deg_, 0.0) * kDegToRad);
  return {lat, lon, std::sqrt(half_h * half_h + half_w * half_w)};
}

}  // namespace aiswatch::detectors
