// run_options.hpp — the options replay and live share (../shared/DESIGN.md "CLI"): reference data
// (--watchlist, --zones, --no-default-zones, --config, --flags-of-concern), detector selection, filters
// (--since/--until, --bbox, --mmsi), and outputs (--events, --report, --gis-format, --cases, --quiet).
//
//   auto o = std::make_shared<RunCliOptions>();
//   add_run_options(*cmd, *o);
//   … in the callback: ResourceOptions r = o->resource_options(); FilterOptions f = o->filter_options("replay");
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "aiswatch/pipeline/filters.hpp"
#include "aiswatch/pipeline/resources.hpp"

namespace aiswatch::app {

struct RunCliOptions {
  std::vector<std::string> watchlists, zones, detectors;
  bool no_default_zones = false;
  std::string config, flags_of_concern;
  bool flags_given = false;
  std::string since, until, bbox, mmsi;
  std::string events, report, gis_format = "GPKG", cases;
  bool quiet = false;
  bool print_config = false;

  [[nodiscard]] pipeline::ResourceOptions resource_options() const;
  // Throws pipeline::OptionError naming the option.
  [[nodiscard]] pipeline::FilterOptions filter_options() const;
};

void add_run_options(CLI::App& cmd, RunCliOptions& o);

// Loads the resources, printing load messages unless quiet. Prints the error and throws
// CLI::RuntimeError(1) for an unusable reference file ("aiswatch <command>: <message>").
pipeline::Resources load_resources_or_exit(const RunCliOptions& o, const char* command);

// --print-config: every detector parameter with value, unit and source, then exit 0.
void print_config(const pipeline::Resources& resources);

}  // namespace aiswatch::app
