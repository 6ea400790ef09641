#include "sim_fixture.hpp"

#include "aiswatch/geo/reference_layers.hpp"

namespace aiswatch::simulator::test {

namespace {

class CollectingSink : public SimulationSink {
 public:
  CollectingSink(SimRun& run, bool keep_sent) : run_(run), keep_sent_(keep_sent) {}
  void line(std::string_view nmea) override { run_.lines.emplace_back(nmea); }
  void transmission(const Transmission& tx) override {
    if (!keep_sent_) return;
    run_.sent.push_back({tx.time_ms, tx.vessel, tx.mmsi, tx.msg_type, tx.true_position, tx.reported,
                         tx.reported_sog_kn, tx.spoofed, tx.in_coverage, tx.heard_by});
  }

 private:
  SimRun& run_;
  bool keep_sent_;
};

}  // namespace

std::filesystem::path scenario_dir() { return std::filesystem::path(AISWATCH_SOURCE_DIR) / "samples" / "scenarios"; }

SeaLanes load_lanes() { return SeaLanes::load(scenario_dir() / "lanes" / "east_asia.json"); }

std::vector<Scenario> load_all_scenarios() {
  std::vector<Scenario> out;
  for (const auto& f : list_scenario_files(scenario_dir())) out.push_back(load_scenario_file(f));
  return out;
}

SimRun run_simulation(std::vector<Scenario> scenarios, SimulationOptions options, bool keep_sent) {
  SimRun run;
  run.sim = std::make_unique<Simulation>(std::move(scenarios), load_lanes(), options);
  CollectingSink sink(run, keep_sent);
  run.truth = run.sim->run(sink);
  run.truth_json = to_json(run.truth);
  return run;
}

const geo::Land& land() {
  static const geo::Land instance = geo::Land::load();
  return instance;
}

const geo::ZoneSet& zones() {
  static const geo::ZoneSet instance = geo::load_zones({});
  return instance;
}

const SimRun& all_scenarios_run() {
  static const SimRun run =
      run_simulation(load_all_scenarios(), SimulationOptions{.seed = kFixtureSeed, .background_vessels = kFixtureBackground});
  return run;
}

}  // namespace aiswatch::simulator::test
