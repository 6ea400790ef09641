#include "aiswatch/simulator/reception.hpp"

#include <algorithm>
#include <utility>

namespace aiswatch::simulator {

ReceiverNetwork::ReceiverNetwork(std::vector<Station> coast_stations, ReceptionOptions options)
    : coast_(std::move(coast_stations)), options_(options) {}

bool ReceiverNetwork::coast_coverage(geo::LatLon p) const {
  return std::any_of(coast_.begin(), coast_.end(),
                     [&](const Station& s) { return geo::approx_distance_m(p, s.position) <= s.range_m; });
}

void ReceiverNetwork::receivers(geo::LatLon p, Rng& rng, std::vector<const Station*>& out) const {
  out.clear();
  std::pair<double, const Station*> nearest[2] = {{0, nullptr}, {0, nullptr}};
  for (const Station& s : coast_) {
    const double d = geo::approx_distance_m(p, s.position);
    if (d > s.range_m) continue;
    if (nearest[0].second == nullptr || d < nearest[0].first) {
      nearest[1] = nearest[0];
      nearest[0] = {d, &s};
    } else if (nearest[1].second == nullptr || d < nearest[1].first) {
      nearest[1] = {d, &s};
    }
  }
  if (nearest[0].second == nullptr) {
    if (rng.chance(options_.satellite_probability)) out.push_back(&satellite_);
    return;
  }
  for (const auto& [d, s] : nearest) {
    if (s == nullptr) continue;
    // Reception fades towards the edge of range.
    const double edge = d / s->range_m;
    if (!rng.chance(options_.drop_probability + 0.3 * edge * edge * edge * edge)) out.push_back(s);
  }
}

}  // namespace aiswatch::simulator
