// The sea-lanes world file: lanes and approaches at sea (Natural Earth 1:10m, the land the detectors
// use), berths inside the port zones the detectors know, every background port reachable.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/sea_lanes.hpp"
#include "sim_fixture.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;

namespace {

// Minimum distance to shore along a geodesic a→b, sampled every step_m.
double min_clearance_m(const geo::Land& land, geo::LatLon a, geo::LatLon b, double step_m) {
  const double length = geo::distance_m(a, b);
  const double bearing = geo::initial_bearing_deg(a, b);
  double worst = land.distance_to_shore_m(a);
  for (double s = step_m; s < length + step_m; s += step_m)
    worst = std::min(worst, land.distance_to_shore_m(geo::destination(a, bearing, std::min(s, length))));
  return worst;
}

}  // namespace

TEST_CASE("sea lanes stay at sea and reach every port", "[simulator][lanes]") {
  const SeaLanes lanes = test::load_lanes();
  const geo::Land& land = test::land();

  SECTION("lane edges keep 3 km from land") {
    REQUIRE(lanes.edges().size() > 40);
    for (const auto& [a, b] : lanes.edges()) {
      INFO(lanes.node_name(a) << " - " << lanes.node_name(b));
      CHECK(min_clearance_m(land, lanes.node(a), lanes.node(b), 1000.0) >= 3000.0);
    }
  }
  SECTION("port approaches keep 250 m from land") {
    for (const auto& port : lanes.ports()) {
      std::vector<geo::LatLon> way = port.approach;
      way.push_back(lanes.node(port.node));
      for (std::size_t k = 0; k + 1 < way.size(); ++k) {
        INFO(port.name << " approach leg " << k);
        CHECK(min_clearance_m(land, way[k], way[k + 1], 100.0) >= 250.0);
      }
    }
  }
  SECTION("every berth is inside its port zone, as the detectors see it") {
    const geo::ZoneSet& zones = test::zones();
    std::vector<const geo::Zone*> hits;
    for (const auto& port : lanes.ports()) {
      zones.zones_at(port.berth(), hits);
      const bool in_port = std::any_of(hits.begin(), hits.end(), [&](const geo::Zone* z) {
        return z->is_port() && z->country_iso2 == port.country && z->name == port.zone;
      });
      INFO(port.name << " (zone " << port.zone << ")");
      CHECK(in_port);
    }
  }
  SECTION("port-call expectations name the zones the berths are in") {
    std::set<std::string> port_zones;
    for (const auto& port : lanes.ports()) port_zones.insert(port.zone);
    for (const auto& s : test::load_all_scenarios())
      for (const auto& e : s.expect)
        if (e.type == "port_call") {
          INFO(s.name << " " << e.vessel << " " << e.phase << " zone " << e.zone);
          CHECK(port_zones.count(e.zone) == 1);
        }
  }
  SECTION("background ports are connected to each other") {
    std::vector<const LanePort*> open;
    for (const auto& p : lanes.ports())
      if (p.background) open.push_back(&p);
    REQUIRE(open.size() >= 10);
    for (const auto* a : open)
      for (const auto* b : open)
        if (a != b) {
          INFO(a->name << " -> " << b->name);
          CHECK_FALSE(lanes.route(*a, *b).empty());
        }
    for (const auto& p : lanes.ports())
      if (p.country == "KP") CHECK_FALSE(p.background);  // background traffic never calls at a DPRK port
  }
  SECTION("stations") {
    std::set<std::string> ids;
    for (const auto& s : lanes.stations()) {
      CHECK(ids.insert(s.id).second);
      CHECK(s.range_m > 10'000);
      CHECK(land.distance_to_shore_m(s.position) < 30'000);  // coast stations (0 on land)
    }
    CHECK(ids.size() >= 20);
  }
}

TEST_CASE("a broken sea-lanes file is refused with the file named", "[simulator][lanes]") {
  const auto dir = std::filesystem::temp_directory_path();
  auto write = [&](const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    return path;
  };
  SECTION("missing file") {
    CHECK_THROWS_WITH(SeaLanes::load(dir / "no_such_lanes.json"), Catch::Contains("no_such_lanes.json"));
  }
  SECTION("not JSON") {
    const auto p = write("aiswatch_bad_lanes_1.json", "{ nodes: ");
    CHECK_THROWS_WITH(SeaLanes::load(p), Catch::Contains("aiswatch_bad_lanes_1.json") && Catch::Contains("JSON"));
    std::filesystem::remove(p);
  }
  SECTION("an edge to an unknown node") {
    const auto p = write("aiswatch_bad_lanes_2.json",
                         R"({"nodes": {"A": [120, 35]}, "edges": [["A", "B"]], "ports": []})");
    CHECK_THROWS_WITH(SeaLanes::load(p), Catch::Contains("unknown node") && Catch::Contains("\"B\""));
    std::filesystem::remove(p);
  }
}
