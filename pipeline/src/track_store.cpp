// track_store.cpp — per-vessel stride thinning under a per-vessel and a global point budget.
#include "aiswatch/pipeline/track_store.hpp"

#include <algorithm>
#include <cmath>

namespace aiswatch::pipeline {

TrackStore::TrackStore(TrackLimits limits)
    : limits_(limits), cap_(std::max<std::size_t>(limits.points_per_vessel, 4)) {
  limits_.min_points_per_vessel = std::clamp<std::size_t>(limits_.min_points_per_vessel, 4, cap_);
}

void TrackStore::on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) {
  if (update.flags.late) return;  // it did not move the vessel; the track stays in time order
  const ais::TrackPoint& p = update.current;
  VesselTrack* t = nullptr;
  if (const auto at = index_.find(vessel.mmsi)) {
    t = &tracks_[*at];
  } else {
    index_.insert_or_assign(vessel.mmsi, static_cast<std::uint32_t>(tracks_.size()));
    t = &tracks_.emplace_back();
    t->mmsi = vessel.mmsi;
  }
  Fix f{.time = p.time,
        .lat = static_cast<float>(p.lat_deg),
        .lon = static_cast<float>(p.lon_deg),
        .segment = p.segment};
  if (p.sog_kn && *p.sog_kn >= 0 && *p.sog_kn < 6000)
    f.sog_dkn = static_cast<std::uint16_t>(std::lround(*p.sog_kn * 10.0f));
  ++t->added;
  const bool starts_segment = !t->has_pending || t->pending.segment != f.segment;
  if (t->has_pending) {
    Fix previous = t->pending;
    previous.pinned = previous.pinned || starts_segment;  // the last fix of its segment
    commit(*t, previous);
  }
  f.pinned = starts_segment;
  t->pending = f;
  t->has_pending = true;
  if (points_ > limits_.total_points && cap_ > limits_.min_points_per_vessel) shrink_all();
}

void TrackStore::commit(VesselTrack& t, Fix f) {
  if (f.pinned && t.pinned >= cap_ / 2) f.pinned = false;  // too many gaps: ends become ordinary fixes
  if (!f.pinned && t.ordinal++ % t.stride != 0) return;
  if (t.fixes.size() == t.fixes.capacity()) {
    // Grow by doubling but never past the budget: a full vector holds cap + 1 fixes before it halves.
    t.fixes.reserve(std::min(std::max<std::size_t>(8, t.fixes.capacity() * 2), cap_ + 1));
  }
  t.fixes.push_back(f);
  t.pinned += f.pinned ? 1 : 0;
  ++points_;
  if (t.fixes.size() > cap_) halve(t);
}

void TrackStore::halve(VesselTrack& t) {
  // The kept thinnable fixes are exactly the multiples of the stride so far: keeping every other one
  // keeps the multiples of twice the stride. Pinned fixes stay unless they alone overflow half the budget.
  const bool thin_pins = t.pinned > cap_ / 2;
  std::size_t out = 0, thinnable = 0, pins = 0;
  for (std::size_t i = 0; i < t.fixes.size(); ++i) {
    const Fix& f = t.fixes[i];
    bool keep;
    if (f.pinned && !thin_pins) {
      keep = true;
    } else if (f.pinned) {
      keep = pins++ % 2 == 0 || i + 1 == t.fixes.size();
    } else {
      keep = thinnable++ % 2 == 0;
    }
    if (keep) t.fixes[out++] = f;
  }
  points_ -= t.fixes.size() - out;
  t.fixes.resize(out);
  t.pinned = static_cast<std::uint32_t>(std::count_if(t.fixes.begin(), t.fixes.end(), [](const Fix& f) { return f.pinned; }));
  t.stride *= 2;
}

void TrackStore::shrink_all() {
  while (points_ > limits_.total_points / 2 && cap_ > limits_.min_points_per_vessel) {
    cap_ = std::max(cap_ / 2, limits_.min_points_per_vessel);
    for (VesselTrack& t : tracks_) {
      std::size_t rounds = 0;
      while (t.fixes.size() > cap_ && rounds++ < 32) halve(t);
      t.fixes.shrink_to_fit();
    }
  }
}

const TrackStore::VesselTrack* TrackStore::find(std::uint32_t mmsi) const noexcept {
  if (mmsi == 0) return nullptr;
  const auto at = index_.find(mmsi);
  return at ? &tracks_[*at] : nullptr;
}

std::vector<report::TrackPoint> TrackStore::track(std::uint32_t mmsi) const {
  std::vector<report::TrackPoint> out;
  const VesselTrack* t = find(mmsi);
  if (t == nullptr) return out;
  out.reserve(t->fixes.size() + 1);
  const auto convert = [](const Fix& f) {
    report::TrackPoint p{.time = f.time, .lat_deg = f.lat, .lon_deg = f.lon, .segment = f.segment};
    if (f.sog_dkn != Fix::kNoSpeed) p.sog_kn = static_cast<float>(f.sog_dkn) / 10.0f;
    return p;
  };
  for (const Fix& f : t->fixes) out.push_back(convert(f));
  if (t->has_pending) out.push_back(convert(t->pending));  // the latest fix is always drawn
  return out;
}

std::uint64_t TrackStore::positions(std::uint32_t mmsi) const {
  const VesselTrack* t = find(mmsi);
  return t != nullptr ? t->added : 0;
}

std::vector<std::uint32_t> TrackStore::mmsis() const {
  std::vector<std::uint32_t> out;
  out.reserve(tracks_.size());
  for (const VesselTrack& t : tracks_) out.push_back(t.mmsi);
  return out;
}

std::size_t TrackStore::memory_bytes() const noexcept {
  std::size_t bytes = tracks_.capacity() * sizeof(VesselTrack);
  for (const VesselTrack& t : tracks_) bytes += t.fixes.capacity() * sizeof(Fix);
  return bytes;
}

}  // namespace aiswatch::pipeline
