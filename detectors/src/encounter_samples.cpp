#include "encounter_samples.hpp"

#include <algorithm>
#include <cmath>

namespace aiswatch::detectors {

namespace {
template <std::size_t N>
std::optional<std::size_t> median_bin(const std::array<std::uint32_t, N>& bins, std::uint32_t total) {
  if (total == 0) return std::nullopt;
  const std::uint64_t half = (static_cast<std::uint64_t>(total) + 1) / 2;  // the lower median's rank
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < N; ++i) {
    seen += bins[i];
    if (seen >= half) return i;
  }
  return N - 1;
}
}  // namespace

void SpeedSamples::add(double kn, double limit_kn) noexcept {
  const double bin = std::floor(std::max(kn, 0.0) * 10.0);
  ++bins_[std::min(static_cast<std::size_t>(std::min(bin, 1e6)), kBins - 1)];
  ++total_;
  if (kn < limit_kn) ++below_;
}

void SpeedSamples::merge(const SpeedSamples& other) noexcept {
  for (std::size_t i = 0; i < kBins; ++i) bins_[i] += other.bins_[i];
  below_ += other.below_;
  total_ += other.total_;
}

std::optional<double> SpeedSamples::median_kn() const noexcept {
  const auto bin = median_bin(bins_, total_);
  if (!bin) return std::nullopt;
  return (static_cast<double>(*bin) + 0.5) / 10.0;
}

void DistanceSamples::add(double m) noexcept {
  const double bin = std::floor(std::max(m, 0.0) / kBinM);
  ++bins_[std::min(static_cast<std::size_t>(std::min(bin, 1e6)), kBins - 1)];
  min_m_ = total_ == 0 ? m : std::min(min_m_, m);
  ++total_;
}

void DistanceSamples::merge(const DistanceSamples& other) noexcept {
  if (other.total_ == 0) return;
  for (std::size_t i = 0; i < kBins; ++i) bins_[i] += other.bins_[i];
  min_m_ = total_ == 0 ? other.min_m_ : std::min(min_m_, other.min_m_);
  total_ += other.total_;
}

std::optional<double> DistanceSamples::median_m() const noexcept {
  const auto bin = median_bin(bins_, total_);
  if (!bin) return std::nullopt;
  return (static_cast<double>(*bin) + 0.5) * kBinM;
}

std::optional<double> DistanceSamples::min_m() const noexcept {
  if (total_ == 0) return std::nullopt;
  return min_m_;
}

void StretchSide::keep_raw(std::string_view text, std::optional<UnixMillis> rx_time, std::size_t keep_first,
                           std::size_t keep_last) {
  if (first_raw.size() < keep_first) {
    first_raw.push_back({std::string(text), rx_time});
    return;
  }
  if (keep_last == 0) return;
  if (last_raw.size() < keep_last) {
    last_raw.push_back({std::string(text), rx_time});
    return;
  }
  RawSentence& slot = last_raw[last_next];
  slot.text.assign(text);
  slot.rx_time = rx_time;
  last_next = (last_next + 1) % last_raw.size();
}

std::vector<RawSentence> StretchSide::latest_raw() const {
  std::vector<RawSentence> out;
  out.reserve(last_raw.size());
  for (std::size_t i = 0; i < last_raw.size(); ++i) out.push_back(last_raw[(last_next + i) % last_raw.size()]);
  return out;
}

void Stretch::add_sample(UnixMillis t, geo::LatLon midpoint, double distance_m) {
  if (samples == 0) {
    start = end = t;
    origin = first = last = midpoint;
  } else {
    if (t < start) start = t, first = midpoint;
    if (t >= end) end = t, last = midpoint;
  }
  sum_dlat += midpoint.lat_deg - origin.lat_deg;
  sum_dlon += geo::delta_lon_deg(origin.lon_deg, midpoint.lon_deg);
  ++samples;
  distance.add(distance_m);
}

geo::LatLon Stretch::mean() const noexcept {
  if (samples == 0) return first;
  const double n = samples;
  double lon = origin.lon_deg + sum_dlon / n;
  if (lon >= 180.0) lon -= 360.0;
  if (lon < -180.0) lon += 360.0;
  return {origin.lat_deg + sum_dlat / n, lon};
}

void Stretch::merge(Stretch&& later) {
  if (later.samples == 0) return;
  if (samples == 0) {
    *this = std::move(later);
    return;
  }
  const double n = later.samples;
  sum_dlat += later.sum_dlat + n * (later.origin.lat_deg - origin.lat_deg);
  sum_dlon += later.sum_dlon + n * geo::delta_lon_deg(origin.lon_deg, later.origin.lon_deg);
  samples += later.samples;
  if (later.end >= end) end = later.end, last = later.last;
  distance.merge(later.distance);
  windows += later.windows;
  for (std::size_t s = 0; s < 2; ++s) {
    StretchSide& mine = side[s];
    StretchSide& theirs = later.side[s];
    mine.speed.merge(theirs.speed);
    mine.fixes += theirs.fixes;
    if (!mine.draught_start_m) mine.draught_start_m = theirs.draught_start_m;
    // Keep this stretch's first records and the later one's latest.
    const std::size_t keep_last = std::max(mine.last_raw.size(), theirs.last_raw.size());
    std::vector<RawSentence> latest = theirs.latest_raw();
    if (latest.size() < keep_last) {  // the later stretch was short: top up with this one's latest
      std::vector<RawSentence> mine_latest = mine.latest_raw();
      const std::size_t take = std::min(keep_last - latest.size(), mine_latest.size());
      latest.insert(latest.begin(), std::make_move_iterator(mine_latest.end() - static_cast<std::ptrdiff_t>(take)),
                    std::make_move_iterator(mine_latest.end()));
    }
    mine.last_raw = std::move(latest);
    mine.last_next = 0;
  }
}

geo::LatLon midpoint(geo::LatLon a, geo::LatLon b) noexcept {
  double lon = a.lon_deg + 0.5 * geo::delta_lon_deg(a.lon_deg, b.lon_deg);
  if (lon >= 180.0) lon -= 360.0;
  if (lon < -180.0) lon += 360.0;
  return {0.5 * (a.lat_deg + b.lat_deg), lon};
}

}  // namespace aiswatch::detectors
