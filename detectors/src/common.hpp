// common.hpp — private: small helpers the single-vessel detectors share (units, positions, raw copies,
// evidence formatting). Nothing here allocates on the per-update path.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/vessel.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/detectors/event.hpp"
#include "aiswatch/detectors/params.hpp"
#include "aiswatch/geo/geodesy.hpp"

namespace aiswatch::detectors {

inline double hours(std::int64_t ms) noexcept { return static_cast<double>(ms) / kMsPerHour; }
inline std::int64_t ms_of_hours(double h) noexcept { return std::llround(h * kMsPerHour); }
inline double nm_of_m(double m) noexcept { return m / kMetresPerNm; }

inline geo::LatLon latlon(const ais::TrackPoint& p) noexcept { return {p.lat_deg, p.lon_deg}; }

// Rounded for evidence: analysts read 12.35 h, not 12.347222222 h.
inline double round_to(double value, int decimals) noexcept {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

// Speed over ground for a fix: the reported SOG, else the implied speed from the previous fix.
inline std::optional<double> speed_kn(const ais::TrackPoint& p, std::optional<double> implied_kn) noexcept {
  if (p.sog_kn) return static_cast<double>(*p.sog_kn);
  return implied_kn;
}

// Raw records kept for an episode before it becomes an event (bounded; the first ones win).
class RawKeep {
 public:
  explicit RawKeep(std::size_t max = 4) : max_(max) {}
  void add(std::span<const ais::RawRef> raw, std::size_t at_most = 2) {
    for (const ais::RawRef& r : raw) {
      if (records_.size() >= max_ || at_most == 0) return;
      records_.push_back({std::string(r.text.substr(0, kMaxRawTextBytes)), r.rx_time});
      --at_most;
    }
  }
  [[nodiscard]] std::span<const ais::RawCopy> records() const noexcept { return records_; }
  [[nodiscard]] bool full() const noexcept { return records_.size() >= max_; }
  void clear() noexcept { records_.clear(); }

 private:
  std::size_t max_;
  std::vector<ais::RawCopy> records_;
};

inline void set_position(Event& e, geo::LatLon p) {
  e.lat = round_to(p.lat_deg, 5);
  e.lon = round_to(p.lon_deg, 5);
}

// Evidence position as "lat,lon" text (5 decimals, ~1 m).
std::string position_text(geo::LatLon p);

}  // namespace aiswatch::detectors
