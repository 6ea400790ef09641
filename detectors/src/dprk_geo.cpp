#include "dprk_geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace aiswatch::detectors {

namespace {
constexpr double kProbeStepM = 2'000;
constexpr double kCacheCellDeg = 0.05;
constexpr double kKnMetresPerHour = 1852.0;
constexpr double kPortsSpanM = 250'000;  // no point of DPRK waters is farther than this from a DPRK port
}  // namespace

DprkGeo::DprkGeo(const geo::ZoneSet& zones) : zones_(zones) {
  for (const geo::Zone& z : zones.zones()) {
    if (z.kind == geo::ZoneKind::dprk_waters) any_waters_ = true;
    if (z.is_dprk_port() && z.port_lat_deg && z.port_lon_deg)
      ports_.push_back({&z, {*z.port_lat_deg, *z.port_lon_deg}});
  }
}

std::optional<NearPort> DprkGeo::nearest_port(geo::LatLon p, double max_m) const {
  std::optional<NearPort> best;
  for (const PortRef& port : ports_) {
    // Cheap filter first; the reported distance is geodesic.
    if (geo::approx_distance_m(p, port.at) > max_m * 1.01 + 1'000) continue;
    const double d = geo::distance_m(p, port.at);
    if (d <= max_m && (!best || d < best->distance_m)) best = NearPort{port, d};
  }
  return best;
}

std::vector<ReachablePort> DprkGeo::reachable(geo::LatLon start, std::optional<geo::LatLon> end, double gap_h,
                                              double speed_kn, double stay_h) const {
  std::vector<ReachablePort> out;
  const double budget_m = (gap_h - stay_h) * speed_kn * kKnMetresPerHour;
  if (budget_m <= 0) return out;
  for (const PortRef& port : ports_) {
    if (geo::approx_distance_m(start, port.at) > budget_m * 1.01 + 1'000) continue;
    const double route = geo::distance_m(start, port.at) + (end ? geo::distance_m(port.at, *end) : 0.0);
    if (route > budget_m) continue;
    out.push_back({port, route, gap_h - stay_h - route / (speed_kn * kKnMetresPerHour)});
  }
  std::sort(out.begin(), out.end(), [](const ReachablePort& a, const ReachablePort& b) {
    return a.slack_h != b.slack_h ? a.slack_h > b.slack_h : a.port.zone->name < b.port.zone->name;
  });
  return out;
}

std::optional<double> DprkGeo::distance_to_waters_m(geo::LatLon p, double max_m) {
  if (!any_waters_) return std::nullopt;
  if (max_m != cached_max_m_) {
    waters_cache_.clear();
    cached_max_m_ = max_m;
  }
  const auto row = static_cast<std::int64_t>(std::floor((p.lat_deg + 90.0) / kCacheCellDeg));
  const auto col = static_cast<std::int64_t>(std::floor((p.lon_deg + 180.0) / kCacheCellDeg));
  const auto key = static_cast<std::uint64_t>(row * 100'000 + col);
  if (zones_.in_any(p, geo::ZoneKind::dprk_waters)) return 0.0;
  // DPRK waters hug a coast with a port every ~150 km: far from every DPRK port, no probing is needed.
  if (!ports_.empty() && !nearest_port(p, max_m + kPortsSpanM)) return std::nullopt;
  if (const auto it = waters_cache_.find(key); it != waters_cache_.end()) {
    if (it->second < 0) return std::nullopt;
    return static_cast<double>(it->second);
  }
  // Rings of probes, spaced about one step apart along each ring, in a local flat frame (the error of
  // which, < 0.2 % at 100 km, is far below the step).
  const geo::MetresPerDegree scale = geo::metres_per_degree(p.lat_deg);
  std::optional<double> found;
  for (double r = kProbeStepM; r <= max_m + 1e-6 && !found; r += kProbeStepM) {
    const int n = std::max(8, static_cast<int>(std::ceil(2 * std::numbers::pi * r / kProbeStepM)));
    for (int i = 0; i < n; ++i) {
      const double bearing = 2 * std::numbers::pi * i / n;
      const geo::LatLon q{p.lat_deg + r * std::cos(bearing) / scale.lat_m,
                          p.lon_deg + r * std::sin(bearing) / scale.lon_m};
      if (q.lat_deg < -90 || q.lat_deg > 90) continue;
      if (zones_.in_any(q, geo::ZoneKind::dprk_waters)) {
        found = r;
        break;
      }
    }
  }
  waters_cache_.emplace(key, found ? static_cast<float>(*found) : -1.0f);
  return found;
}

}  // namespace aiswatch::detectors
