#include "sim_fixture.hpp"

#include <cctype>
#include <fstream>
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
    // Plain scanning (no <regex>: GCC 12 warns falsely inside it under ASan at -O2).
    auto digits_after = [&](std::string_view marker, std::size_t count, std::set<std::uint32_t>& into) {
      for (std::size_t at = all.find(marker); at != std::string::npos; at = all.find(marker, at + 1)) {
        const std::size_t from = at + marker.size();
        std::size_t n = 0;
        while (from + n < all.size() && std::isdigit(static_cast<unsigned char>(all[from + n]))) ++n;
        if (n == count) into.insert(static_cast<std::uint32_t>(std::stoul(all.substr(from, n))));
      }
    };
    digits_after("IMO ", 7, out.imos);
    digits_after("MMSI ", 9, out.mmsis);
    auto upper = [](std::string s) {
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return s;
    };
    std::istringstream lines(all);
    for (std::string line; std::getline(lines, line);) {
      // ent_num,"NAME","vessel",… then a.k.a./f.k.a. 'ALIAS' in the remarks.
      const auto q1 = line.find(",\"");
      const auto q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 2);
      if (q2 != std::string::npos && line.compare(q2, 10, "\",\"vessel\"") == 0) out.names.insert(upper(line.substr(q1 + 2, q2 - q1 - 2)));
      for (std::string_view marker : {"a.k.a. '", "f.k.a. '"})
        for (std::size_t at = line.find(marker); at != std::string::npos; at = line.find(marker, at + 1)) {
          const std::size_t from = at + marker.size();
          const std::size_t to = line.find('\'', from);
          if (to != std::string::npos) out.names.insert(upper(line.substr(from, to - from)));
        }
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
