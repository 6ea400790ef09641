// aiswatch-simulate — writes an AIS NMEA log of scripted scenarios plus background traffic, and the
// ground truth of the events a detector should find in it. See docs/simulator.md.
//
//   aiswatch-simulate --scenario all --seed 42 --background 300 --out demo.nmea.gz --truth demo.truth.json
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "aiswatch/simulator/output.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/simulation.hpp"

namespace fs = std::filesystem;
using namespace aiswatch::simulator;

namespace {

fs::path default_scenario_dir() {
  if (const char* dir = std::getenv("AISWATCH_SCENARIO_DIR"); dir != nullptr && *dir != '\0') return dir;
  return AISWATCH_SCENARIO_DIR;  // samples/scenarios of the source tree
}

// NAME (a file NAME.json in the scenario directory), a path to a .json file, or "all".
std::vector<Scenario> load_scenarios(const std::vector<std::string>& names, const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& name : names) {
    if (name == "all") {
      const auto all = list_scenario_files(dir);
      files.insert(files.end(), all.begin(), all.end());
    } else if (name.ends_with(".json") || name.find('/') != std::string::npos) {
      files.emplace_back(name);
    } else {
      files.push_back(dir / (name + ".json"));
      if (!fs::exists(files.back()))
        throw ScenarioError(fmt::format("no scenario '{}' in {} (aiswatch-simulate --list shows them)", name, dir.string()));
    }
  }
  std::vector<Scenario> scenarios;
  for (const auto& f : files) scenarios.push_back(load_scenario_file(f));
  return scenarios;
}

// One line per compiled step: when, where from/to, typical speed, transponder state.
void print_plan(const Simulation& sim) {
  for (const auto& v : sim.vessels()) {
    if (v.scenario.empty()) continue;
    std::cout << fmt::format("{}/{} (MMSI {}, {})\n", v.scenario, v.spec.id, v.spec.identity.mmsi, v.spec.role);
    for (const auto& seg : v.track.segments()) {
      const Step& step = v.spec.steps[seg.step];
      const auto a = v.track.position_at(seg.start_ms);
      const auto b = v.track.position_at(seg.end_ms);
      const auto mid = v.track.state_at(seg.start_ms + (seg.end_ms - seg.start_ms) / 2);
      std::cout << fmt::format(
          "  {:2} {:<18} {:<9} {} +{:6.2f}h {:6.2f}h  [{:.4f}, {:.4f}] -> [{:.4f}, {:.4f}]  {:5.1f} kn{}{}{}\n",
          seg.step + 1, step.label, to_string(seg.kind), aiswatch::format_iso8601(seg.start_ms),
          static_cast<double>(seg.start_ms - sim.start_ms()) / 3.6e6, static_cast<double>(seg.end_ms - seg.start_ms) / 3.6e6,
          a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg, mid.sog_kn, seg.ais_on ? "" : "  AIS OFF",
          seg.received ? "" : "  NO COVERAGE", seg.port.empty() ? "" : "  @" + seg.port);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aiswatch-simulate: AIS NMEA logs of scripted voyages, with the ground truth of their events"};
  std::vector<std::string> scenario_names;
  std::string scenario_dir = default_scenario_dir().string();
  std::string lanes_file;
  std::uint64_t seed = 1;
  std::size_t background = 0;
  std::string start_text;
  double hours = 0;
  double thinning = 6;
  double max_interval_s = 60;
  double static_minutes = 6;
  bool hostile = false, list = false, quiet = false, plan = false;
  std::string out_file, truth_file;
  app.add_option("--scenario", scenario_names, "scenario NAME (from --scenario-dir), a .json FILE, or all; repeatable");
  app.add_option("--scenario-dir", scenario_dir, "where scenario NAMEs are looked up ($AISWATCH_SCENARIO_DIR)");
  app.add_option("--lanes", lanes_file, "sea lanes, ports and stations (default: <scenario-dir>/lanes/east_asia.json)");
  app.add_option("--seed", seed, "random seed: same seed, same output");
  app.add_option("--background", background, "number of background vessels");
  app.add_option("--start", start_text, "simulation start, ISO 8601 UTC (default 2024-03-10T00:00:00Z)");
  app.add_option("--hours", hours, "simulation length in hours (default: the longest scenario)")->check(CLI::PositiveNumber);
  app.add_option("--thin", thinning, "stretch underway reporting intervals by this factor, up to 60 s (1 = ITU rates)")
      ->check(CLI::Range(1.0, 30.0));
  app.add_option("--max-interval", max_interval_s, "longest underway reporting interval after thinning, seconds")
      ->check(CLI::Range(2.0, 600.0));
  app.add_option("--static-minutes", static_minutes, "interval of static data (type 5 / 24) in minutes (ITU: 6)")
      ->check(CLI::Range(1.0, 60.0));
  app.add_flag("--hostile-text", hostile, "give scripted vessels hostile names, call signs and destinations");
  app.add_option("--out", out_file, "NMEA output file (.gz to compress, - for stdout)");
  app.add_option("--truth", truth_file, "ground-truth JSON output file");
  app.add_flag("--list", list, "list the scenarios in --scenario-dir and exit");
  app.add_flag("--plan", plan, "print each scripted vessel's compiled steps (times, positions, speeds) and exit");
  app.add_flag("--quiet", quiet, "no summary on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }

  try {
    if (list) {
      for (const auto& f : list_scenario_files(scenario_dir)) {
        const Scenario s = load_scenario_file(f);
        std::cout << fmt::format("{:28} {:>4.0f} h  {}\n", s.name, static_cast<double>(s.duration_ms) / 3.6e6, s.description);
      }
      return 0;
    }
    if (out_file.empty() && !plan) throw ScenarioError("--out FILE is required");
    if (scenario_names.empty() && (background == 0 || hours <= 0))
      throw ScenarioError("give --scenario NAME|all, or --background N with --hours H");
    SimulationOptions options{.seed = seed, .background_vessels = background, .hostile_text = hostile};
    options.reporting.thinning = thinning;
    options.reporting.max_underway_interval_ms = static_cast<DurationMs>(max_interval_s * 1000.0);
    options.reporting.static_interval_ms = static_cast<DurationMs>(static_minutes * 60'000.0);
    if (!start_text.empty()) {
      const auto start = aiswatch::parse_iso8601(start_text);
      if (!start) throw ScenarioError(fmt::format("--start: '{}' is not an ISO 8601 time", start_text));
      options.start_ms = *start;
    }
    if (hours > 0) options.duration_ms = static_cast<DurationMs>(hours * 3'600'000.0);
    if (lanes_file.empty()) lanes_file = (fs::path(scenario_dir) / "lanes" / "east_asia.json").string();

    Simulation sim(load_scenarios(scenario_names, scenario_dir), SeaLanes::load(lanes_file), options);
    if (plan) {
      print_plan(sim);
      return 0;
    }
    NmeaFileSink out(out_file);
    const GroundTruth truth = sim.run(out);
    out.close();
    if (!truth_file.empty()) write_text_file(truth_file, to_json(truth));
    if (!quiet)
      std::cerr << fmt::format(
          "aiswatch-simulate: {} vessels ({} scripted), {} messages sent, {} heard, {} NMEA lines, {} expected events, "
          "{} to {}\n",
          truth.stats.vessels, truth.vessels.size(), truth.stats.transmissions, truth.stats.received,
          truth.stats.sentences, truth.events.size(), aiswatch::format_iso8601(truth.start_ms),
          aiswatch::format_iso8601(truth.end_ms));
    return 0;
  } catch (const ScenarioError& e) {
    std::cerr << "aiswatch-simulate: " << e.what() << "\n";
    return 1;
  } catch (const std::runtime_error& e) {
    std::cerr << "aiswatch-simulate: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "aiswatch-simulate: internal error: " << e.what() << "\n";
    return 2;
  }
}
