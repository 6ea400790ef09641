// track_thinning.cpp — see track_thinning.hpp.
#include "aiswatch/report/track_thinning.hpp"

#include <algorithm>
#include <cassert>

namespace aiswatch::report {

TrackThinner::TrackThinner(std::size_t max_points) : max_points_(std::max<std::size_t>(max_points, 4)) {}

void TrackThinner::add(const TrackPoint& p, bool keep) {
  ++added_;
  const bool new_segment = !pending_ || pending_->point.segment != p.segment;
  if (pending_) {
    pending_->keep = pending_->keep || new_segment;  // the last point before a gap
    commit(*pending_);
  }
  pending_ = Stored{.point = p, .ordinal = ordinal_++, .keep = keep || new_segment};
}

void TrackThinner::commit(Stored s) {
  if (s.keep && kept_ < max_points_ / 2) {
    ++kept_;
  } else {
    s.keep = false;
    if (s.ordinal % stride_ != 0) return;
  }
  stored_.push_back(s);
  while (stored_.size() > max_points_) {
    stride_ *= 2;
    std::erase_if(stored_, [this](const Stored& x) { return !x.keep && x.ordinal % stride_ != 0; });
  }
}

std::vector<TrackPoint> TrackThinner::finish() && {
  if (pending_) {
    pending_->keep = true;  // the last position
    ++kept_;                // may exceed half the budget by one: the budget check below still holds
    stored_.push_back(*pending_);
    pending_.reset();
    while (stored_.size() > max_points_) {
      stride_ *= 2;
      std::erase_if(stored_, [this](const Stored& x) { return !x.keep && x.ordinal % stride_ != 0; });
    }
  }
  std::vector<TrackPoint> out;
  out.reserve(stored_.size());
  for (const auto& s : stored_) out.push_back(s.point);
  assert(out.size() <= max_points_);
  return out;
}

std::vector<TrackPoint> thin_track(const std::vector<TrackPoint>& track, std::size_t max_points) {
  TrackThinner thinner(max_points);
  for (const auto& p : track) thinner.add(p);
  return std::move(thinner).finish();
}

}  // namespace aiswatch::report
