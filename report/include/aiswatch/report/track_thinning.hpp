// track_thinning.hpp — bounds the track points a vessel carries into the report (maps, GIS lines) while
// its positions stream in, so a long replay holds at most ~max_points per vessel, not every fix.
//
//   TrackThinner thin(2000);
//   for (const auto& fix : fixes) thin.add({.time = fix.time, .lat_deg = …, .lon_deg = …, .segment = seg});
//   dossier.positions_total = thin.added();
//   dossier.track = std::move(thin).finish();
//
// How: points are kept at a stride that doubles whenever the budget fills (1, 2, 4, … — evenly spread
// over the whole voyage, in arrival order). Never dropped: the first and last point, both ends of every
// segment (so gaps are drawn between the right places), and points added with keep = true (positions of
// events) up to half the budget.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "aiswatch/report/model.hpp"

namespace aiswatch::report {

class TrackThinner {
 public:
  explicit TrackThinner(std::size_t max_points = 2000);

  void add(const TrackPoint& p, bool keep = false);
  std::uint64_t added() const noexcept { return added_; }
  // The kept points, in the order they were added.
  std::vector<TrackPoint> finish() &&;

 private:
  struct Stored {
    TrackPoint point;
    std::uint64_t ordinal;  // position among the thinnable points, for the stride test
    bool keep;
  };
  void commit(Stored s);

  std::size_t max_points_;
  std::vector<Stored> stored_;
  std::optional<Stored> pending_;  // the latest point: its fate depends on the next one's segment
  std::uint64_t stride_ = 1;
  std::uint64_t ordinal_ = 0;
  std::uint64_t added_ = 0;
  std::size_t kept_ = 0;
};

// One-shot form for a track already in memory.
std::vector<TrackPoint> thin_track(const std::vector<TrackPoint>& track, std::size_t max_points);

}  // namespace aiswatch::report
