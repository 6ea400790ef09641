// encounter_samples.hpp — what an encounter accumulates while two vessels are together: speed and
// distance samples (for the medians GFW's definition uses), positions, fix counts and a few raw records,
// in fixed-size storage so a long encounter costs no more than a short one.
//
//   Stretch s{.start = t, .end = t, .first = mid};
//   s.add_sample(t, mid, 170.0);  s.side[0].speed.add(0.4, 2.0);
//   earlier.merge(std::move(later));           // the same pair < 4 h apart
//   s.side[0].speed.median_below();            // more than half of the samples below the limit
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "aiswatch/detectors/event.hpp"
#include "aiswatch/geo/geodesy.hpp"

namespace aiswatch::detectors {

// One vessel's speeds: the exact "median below the limit" test (more than half the samples below it) and
// a 0.1-kn histogram for the median reported as evidence.
class SpeedSamples {
 public:
  void add(double kn, double limit_kn) noexcept;
  void merge(const SpeedSamples& other) noexcept;
  [[nodiscard]] bool median_below() const noexcept { return total_ > 0 && 2 * below_ > total_; }
  [[nodiscard]] std::optional<double> median_kn() const noexcept;  // to 0.1 kn
  [[nodiscard]] std::uint32_t total() const noexcept { return total_; }

 private:
  static constexpr std::size_t kBins = 100;  // 0.1 kn each; the last one holds 9.9 kn and above
  std::array<std::uint32_t, kBins> bins_{};
  std::uint32_t below_ = 0, total_ = 0;
};

// Separations in 10-m bins (the last holds 2 km and above) and the exact minimum.
class DistanceSamples {
 public:
  void add(double m) noexcept;
  void merge(const DistanceSamples& other) noexcept;
  [[nodiscard]] std::optional<double> median_m() const noexcept;  // to 10 m (bin centre)
  [[nodiscard]] std::optional<double> min_m() const noexcept;
  [[nodiscard]] std::uint32_t total() const noexcept { return total_; }

 private:
  static constexpr std::size_t kBins = 201;
  static constexpr double kBinM = 10;
  std::array<std::uint32_t, kBins> bins_{};
  std::uint32_t total_ = 0;
  double min_m_ = 0;
};

// One vessel's part of a stretch.
struct StretchSide {
  SpeedSamples speed;
  std::uint32_t fixes = 0;               // its fixes compared while near the partner
  std::optional<float> draught_start_m;  // identity draught when the stretch began
  std::vector<RawSentence> first_raw;    // the first records near the partner
  std::vector<RawSentence> last_raw;     // the latest ones (a ring, oldest at last_next)
  std::size_t last_next = 0;

  // Keeps up to `keep_first` first and `keep_last` latest records; reuses string capacity once full.
  void keep_raw(std::string_view text, std::optional<UnixMillis> rx_time, std::size_t keep_first, std::size_t keep_last);
  // The latest records, oldest first.
  [[nodiscard]] std::vector<RawSentence> latest_raw() const;
};

// A pair's time together: one window, or several merged.
struct Stretch {
  UnixMillis start = 0, end = 0;   // first and last observation near each other
  geo::LatLon first{}, last{};     // the pair's midpoint at those observations
  geo::LatLon origin{};            // the first sample's midpoint: the others are summed relative to it
  double sum_dlat = 0, sum_dlon = 0;  // (a mean that survives the antimeridian)
  std::uint32_t samples = 0;
  DistanceSamples distance;
  std::array<StretchSide, 2> side;  // [0] the lower MMSI
  std::uint32_t windows = 1;

  void add_sample(UnixMillis t, geo::LatLon midpoint, double distance_m);
  [[nodiscard]] geo::LatLon mean() const noexcept;
  // Appends a later stretch of the same pair (earlier raw records first, later ones last).
  void merge(Stretch&& later);
};

// The midpoint of two nearby positions (flat; they are within a few kilometres).
geo::LatLon midpoint(geo::LatLon a, geo::LatLon b) noexcept;

}  // namespace aiswatch::detectors
