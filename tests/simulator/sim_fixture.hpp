// sim_fixture.hpp — shared set-up for the simulator tests: the bundled lanes and scenarios (from the
// source tree, not ../shared), and one cached run of every scenario with background traffic.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/sea_lanes.hpp"
#include "aiswatch/simulator/simulation.hpp"
#include "aiswatch/simulator/truth.hpp"

namespace aiswatch::simulator::test {

std::filesystem::path scenario_dir();
SeaLanes load_lanes();
std::vector<Scenario> load_all_scenarios();

// A transmission without its payload (the runs hold hundreds of thousands).
struct SentRecord {
  UnixMillis time_ms = 0;
  std::size_t vessel = 0;
  std::uint32_t mmsi = 0;
  std::uint8_t msg_type = 0;
  geo::LatLon true_position;
  std::optional<geo::LatLon> reported;
  double reported_sog_kn = 0;
  bool spoofed = false;
  bool in_coverage = true;
  std::uint8_t heard_by = 0;
};

struct SimRun {
  std::unique_ptr<Simulation> sim;
  std::vector<std::string> lines;
  std::vector<SentRecord> sent;
  GroundTruth truth;
  std::string truth_json;
};

inline constexpr std::uint64_t kFixtureSeed = 7;
inline constexpr std::size_t kFixtureBackground = 40;

// Runs a simulation, keeping every line and transmission.
SimRun run_simulation(std::vector<Scenario> scenarios, SimulationOptions options, bool keep_sent = true);
// The bundled Natural Earth land and the default zones (ports, DPRK waters, STS hotspots), loaded once:
// what the detectors will see. Single-threaded use only (GEOS indexes build lazily).
const geo::Land& land();
const geo::ZoneSet& zones();

// Vessel names (with a.k.a./f.k.a.), IMOs and MMSIs of the bundled real OFAC SDN list
// (watchlists/data/ofac_sdn_vessels_20240503.csv): what a watchlist match could fire on.
struct OfacVessels {
  std::set<std::string> names;  // upper case
  std::set<std::uint32_t> imos, mmsis;
};
const OfacVessels& ofac_vessels();

// Counts failures of a per-item condition and keeps the first, so a loop over 100,000 items makes one
// assertion (Catch's per-assertion cost would otherwise dominate these tests):
//   Violations off_sea;  for (…) off_sea.add(!land.on_land(p), [&] { return describe(p); });
//   INFO(off_sea.first);  CHECK(off_sea.count == 0);
struct Violations {
  std::size_t count = 0;
  std::string first;
  template <class Describe>
  void add(bool ok, Describe&& describe) {
    if (!ok && count++ == 0) first = describe();
  }
};

// All bundled scenarios + kFixtureBackground background vessels, seed kFixtureSeed; run once per process.
const SimRun& all_scenarios_run();

}  // namespace aiswatch::simulator::test
