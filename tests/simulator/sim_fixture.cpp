#include "sim_fixture.hpp"

#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

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

const OfacVessels& ofac_vessels() {
  static const OfacVessels list = [] {
    OfacVessels out;
    std::ifstream in(std::filesystem::path(AISWATCH_SOURCE_DIR) / "watchlists" / "data" / "ofac_sdn_vessels_20240503.csv");
    if (!in) throw std::runtime_error("watchlists/data/ofac_sdn_vessels_20240503.csv is missing");
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    auto numbers = [&](const char* pattern, std::set<std::uint32_t>& into) {
      const std::regex re(pattern);
      for (auto it = std::sregex_iterator(all.begin(), all.end(), re); it != std::sregex_iterator(); ++it)
        into.insert(static_cast<std::uint32_t>(std::stoul((*it)[1])));
    };
    numbers("IMO ([0-9]{7})", out.imos);
    numbers("MMSI ([0-9]{9})", out.mmsis);
    auto upper = [](std::string s) {
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return s;
    };
    const std::regex name_re("^[0-9]+,\"([^\"]+)\",\"vessel\"");
    const std::regex alias_re("[af]\\.k\\.a\\. '([^']+)'");
    std::istringstream lines(all);
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (std::regex_search(line, m, name_re)) out.names.insert(upper(m[1]));
      for (auto it = std::sregex_iterator(line.begin(), line.end(), alias_re); it != std::sregex_iterator(); ++it)
        out.names.insert(upper((*it)[1]));
    }
    return out;
  }();
  return list;
}

const SimRun& all_scenarios_run() {
  static const SimRun run =
      run_simulation(load_all_scenarios(), SimulationOptions{.seed = kFixtureSeed, .background_vessels = kFixtureBackground});
  return run;
}

}  // namespace aiswatch::simulator::test
