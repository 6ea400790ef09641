// sea_lanes.hpp — the graph of sea lanes and ports that routes scripted and background voyages at sea.
//
// A lanes file (samples/scenarios/lanes/east_asia.json) is the simulated world: lane nodes ([lon, lat]),
// undirected edges between them, ports (a berth, the approach from the berth out to a lane node, and
// whether background traffic may call there) and the coast stations that receive AIS. Routes are the
// shortest geodesic path through the graph (Dijkstra).
//
//   SeaLanes lanes = SeaLanes::load("samples/scenarios/lanes/east_asia.json");   // throws ScenarioError
//   const LanePort* busan = lanes.find_port("Busan");
//   std::vector<geo::LatLon> route = lanes.route(*lanes.find_port("Qingdao"), *busan);  // berth → berth
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/simulator/reception.hpp"

namespace aiswatch::simulator {

struct LanePort {
  std::string name;
  std::string zone;                   // name of the port zone detectors know it by (World Port Index)
  std::string country;                // ISO 3166-1 alpha-2
  std::vector<geo::LatLon> approach;  // berth first, then outwards; the lane node follows
  std::size_t node = 0;               // index of the lane node the approach ends at
  bool background = true;             // background traffic may call here
  double weight = 1;                  // relative share of background calls

  geo::LatLon berth() const { return approach.front(); }
};

class SeaLanes {
 public:
  static SeaLanes load(const std::filesystem::path& file);

  std::span<const LanePort> ports() const noexcept { return ports_; }
  const LanePort* find_port(std::string_view name) const noexcept;
  std::size_t node_count() const noexcept { return nodes_.size(); }
  geo::LatLon node(std::size_t i) const { return nodes_[i]; }
  const std::string& node_name(std::size_t i) const { return node_names_[i]; }
  std::span<const std::pair<std::size_t, std::size_t>> edges() const noexcept { return edges_; }
  const std::vector<Station>& stations() const noexcept { return stations_; }

  // The lane node nearest to p (geodesic distance).
  std::size_t nearest_node(geo::LatLon p) const;
  // Lane nodes of the shortest path from node a to node b, both included; empty when unconnected.
  std::vector<std::size_t> shortest_path(std::size_t a, std::size_t b) const;
  // Berth to berth: out along from's approach, through the lanes, in along to's approach.
  // Empty when the lanes do not connect the two ports.
  std::vector<geo::LatLon> route(const LanePort& from, const LanePort& to) const;
  // From the lane node nearest to `start`, through the lanes, in along to's approach (start excluded).
  std::vector<geo::LatLon> route_from(geo::LatLon start, const LanePort& to) const;

 private:
  std::vector<geo::LatLon> nodes_;
  std::vector<std::string> node_names_;
  std::vector<std::pair<std::size_t, std::size_t>> edges_;
  std::vector<std::vector<std::pair<std::size_t, double>>> adjacency_;  // (neighbour, metres)
  std::vector<LanePort> ports_;
  std::vector<Station> stations_;
};

}  // namespace aiswatch::simulator
