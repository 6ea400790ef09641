#include "aiswatch/simulator/sea_lanes.hpp"

#include <fstream>
#include <limits>
#include <queue>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aiswatch/simulator/scenario.hpp"

namespace aiswatch::simulator {

using nlohmann::json;

namespace {

geo::LatLon position_of(const json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
    throw ScenarioError(fmt::format("{}: a position must be [lon, lat]", where));
  return {v[1].get<double>(), v[0].get<double>()};
}

}  // namespace

SeaLanes SeaLanes::load(const std::filesystem::path& file) {
  const std::string where = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(fmt::format("{}: cannot open sea-lanes file", where));
  std::stringstream text;
  text << in.rdbuf();
  json doc;
  try {
    doc = json::parse(text.str());
  } catch (const json::parse_error& e) {
    throw ScenarioError(fmt::format("{}: not valid JSON: {}", where, e.what()));
  }
  if (!doc.contains("nodes") || !doc["nodes"].is_object() || !doc.contains("edges") || !doc["edges"].is_array() ||
      !doc.contains("ports") || !doc["ports"].is_array())
    throw ScenarioError(fmt::format("{}: a sea-lanes file needs \"nodes\", \"edges\" and \"ports\"", where));

  SeaLanes lanes;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& item : doc["nodes"].items()) {
    index[item.key()] = lanes.nodes_.size();
    lanes.nodes_.push_back(position_of(item.value(), fmt::format("{}: node {}", where, item.key())));
    lanes.node_names_.push_back(item.key());
  }
  auto node_index = [&](const json& name, const std::string& ctx) {
    if (!name.is_string() || !index.count(name.get<std::string>()))
      throw ScenarioError(fmt::format("{}: {}: unknown node {}", where, ctx, name.dump()));
    return index.at(name.get<std::string>());
  };
  lanes.adjacency_.resize(lanes.nodes_.size());
  for (const auto& e : doc["edges"]) {
    if (!e.is_array() || e.size() != 2) throw ScenarioError(fmt::format("{}: an edge is [\"NODE_A\", \"NODE_B\"]", where));
    const std::size_t a = node_index(e[0], "edge"), b = node_index(e[1], "edge");
    const double d = geo::distance_m(lanes.nodes_[a], lanes.nodes_[b]);
    lanes.edges_.emplace_back(a, b);
    lanes.adjacency_[a].emplace_back(b, d);
    lanes.adjacency_[b].emplace_back(a, d);
  }
  for (const auto& p : doc["ports"]) {
    LanePort port;
    port.name = p.value("name", "");
    const std::string ctx = fmt::format("port '{}'", port.name);
    if (port.name.empty()) throw ScenarioError(fmt::format("{}: a port needs a \"name\"", where));
    port.zone = p.value("zone", port.name);
    port.country = p.value("country", "");
    port.node = node_index(p.value("node", json()), ctx);
    if (!p.contains("approach") || !p["approach"].is_array() || p["approach"].empty())
      throw ScenarioError(fmt::format("{}: {}: \"approach\" must list the berth and the way out", where, ctx));
    for (const auto& q : p["approach"]) port.approach.push_back(position_of(q, fmt::format("{}: {}", where, ctx)));
    port.background = p.value("background", true);
    port.weight = p.value("weight", 1.0);
    lanes.ports_.push_back(std::move(port));
  }
  for (const auto& st : doc.value("stations", json::array())) {
    Station station;
    station.id = st.value("id", "");
    if (station.id.empty() || !st.contains("at") || st.value("range_km", 0.0) <= 0)
      throw ScenarioError(fmt::format("{}: a station needs \"id\", \"at\" and \"range_km\"", where));
    station.position = position_of(st["at"], fmt::format("{}: station {}", where, station.id));
    station.range_m = st["range_km"].get<double>() * 1000.0;
    lanes.stations_.push_back(std::move(station));
  }
  return lanes;
}

const LanePort* SeaLanes::find_port(std::string_view name) const noexcept {
  for (const auto& p : ports_)
    if (p.name == name) return &p;
  return nullptr;
}

std::size_t SeaLanes::nearest_node(geo::LatLon p) const {
  std::size_t best = 0;
  double best_m = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    const double d = geo::distance_m(p, nodes_[i]);
    if (d < best_m) best_m = d, best = i;
  }
  return best;
}

std::vector<std::size_t> SeaLanes::shortest_path(std::size_t a, std::size_t b) const {
  std::vector<double> dist(nodes_.size(), std::numeric_limits<double>::infinity());
  std::vector<std::size_t> prev(nodes_.size(), nodes_.size());
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  dist[a] = 0;
  queue.emplace(0.0, a);
  while (!queue.empty()) {
    const auto [d, u] = queue.top();
    queue.pop();
    if (u == b) break;
    if (d > dist[u]) continue;
    for (const auto& [v, w] : adjacency_[u])
      if (d + w < dist[v]) {
        dist[v] = d + w;
        prev[v] = u;
        queue.emplace(dist[v], v);
      }
  }
  if (a != b && prev[b] == nodes_.size()) return {};
  std::vector<std::size_t> path{b};
  while (path.back() != a) path.push_back(prev[path.back()]);
  return {path.rbegin(), path.rend()};
}

std::vector<geo::LatLon> SeaLanes::route(const LanePort& from, const LanePort& to) const {
  const auto path = shortest_path(from.node, to.node);
  if (path.empty()) return {};
  std::vector<geo::LatLon> out(from.approach.begin(), from.approach.end());
  for (std::size_t n : path) out.push_back(nodes_[n]);
  out.insert(out.end(), to.approach.rbegin(), to.approach.rend());
  return out;
}

std::vector<geo::LatLon> SeaLanes::route_from(geo::LatLon start, const LanePort& to) const {
  const auto path = shortest_path(nearest_node(start), to.node);
  if (path.empty()) return {};
  std::vector<geo::LatLon> out;
  for (std::size_t n : path) out.push_back(nodes_[n]);
  out.insert(out.end(), to.approach.rbegin(), to.approach.rend());
  return out;
}

}  // namespace aiswatch::simulator
