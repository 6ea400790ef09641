// track_store.cpp — per-vessel stride thinning under a per-vessel and a global point budget.
#include "aiswatch/pipeline/track_store.hpp"

#include <algorithm>
#include <cmath>

namespace aiswatch::pipeline {

TrackStore::TrackStore(TrackLimits limits)
    : limits_(limits), cap_(std::max<std::size_t>(limits.points_per_vessel, 4)) {
  limits_.min_points_per_vessel = std::clamp<std::size_t>(limits_.min_points_per_vessel, 4, cap_);
}

TrackStore::Fix TrackStore::to_fix(const ais::TrackPoint& p, bool pinned) noexcept {
  Fix f{.time = p.time, .lat = static_cast<float>(p.lat_deg), .lon = static_cast<float>(p.lon_deg), .segment = p.segment};
  if (p.sog_kn && *p.sog_kn >= 0 && *p.sog_kn < 6000) f.sog_dkn = static_cast<std::uint16_t>(std::lround(*p.sog_kn * 10.0f));
  f.pinned = pinned;
  return f;
}

TrackStore::VesselTrack& TrackStore::track_of(std::uint32_t mmsi) {
  if (const auto at = index_.find(mmsi)) return tracks_[*at];
  index_.insert_or_assign(mmsi, static_cast<std::uint32_t>(tracks_.size()));
  VesselTrack& t = tracks_.emplace_back();
  t.mmsi = mmsi;
  return t;
}

void TrackStore::on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) {
  if (update.flags.late) return;  // it did not move the vessel; the track stays in time order
  const bool boundary = update.flags.first_fix || update.flags.new_segment;
  // Most fixes stop here, before touching the store's memory: a cheap sample of the tracker's count.
  if (!boundary && vessel.counts.positions % limits_.sample_every != 0) return;
  VesselTrack& t = track_of(vessel.mmsi);
  if (update.flags.new_segment && update.previous != nullptr) {
    // The last fix of the segment that just ended: pin it (it may already be stored as a sample).
    Fix end = to_fix(*update.previous, true);
    if (!t.fixes.empty() && t.fixes.back().time == end.time) {
      if (!t.fixes.back().pinned && t.pinned < cap_ / 2) {
        t.fixes.back().pinned = true;
        ++t.pinned;
      }
    } else {
      commit(t, end);
    }
  }
  commit(t, to_fix(update.current, boundary));
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
  return out;
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
