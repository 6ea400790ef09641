// run_options.cpp — shared replay/live options and resource loading.
#include "run_options.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "aiswatch/detectors/config.hpp"

namespace aiswatch::app {

pipeline::ResourceOptions RunCliOptions::resource_options() const {
  pipeline::ResourceOptions r;
  for (const auto& w : watchlists) r.watchlists.emplace_back(w);
  for (const auto& z : zones) r.zone_files.emplace_back(z);
  r.default_zones = !no_default_zones;
  if (!config.empty()) r.config_file = config;
  if (flags_given) r.flags_of_concern = flags_of_concern;
  return r;
}

pipeline::FilterOptions RunCliOptions::filter_options() const {
  pipeline::FilterOptions f;
  if (!since.empty()) f.since = pipeline::parse_time_option("--since", since);
  if (!until.empty()) f.until = pipeline::parse_time_option("--until", until);
  if (f.since && f.until && *f.until <= *f.since) {
    throw pipeline::OptionError(fmt::format("--until {} is not after --since {}", until, since));
  }
  if (!bbox.empty()) f.bbox = pipeline::parse_bbox(bbox);
  if (!mmsi.empty()) f.mmsis = pipeline::parse_mmsi_list(mmsi);
  return f;
}

void add_run_options(CLI::App& cmd, RunCliOptions& o) {
  // No CLI11 ExistingFile checks: the loaders' messages name the file and the exit status stays 1.
  cmd.add_option("--watchlist", o.watchlists,
                 "Sanctions list (OFAC SDN/alt CSV, UK CSV, UN XML, OpenSanctions FtM JSON lines, team CSV; detected); repeatable");
  cmd.add_option("--zones", o.zones, "Zone file (any OGR dataset) added to the bundled reference layers; repeatable");
  cmd.add_flag("--no-default-zones", o.no_default_zones, "Drop the bundled reference layers (ports, DPRK waters, STS hotspots)");
  cmd.add_option("--config", o.config, "Detector parameters (JSON; docs/detectors.md)");
  cmd.add_option("--flags-of-concern", o.flags_of_concern, "Flag states of concern, comma-separated (default RU,KP,IR; \"\" for none)")
      ->each([&o](const std::string&) { o.flags_given = true; });
  cmd.add_option("--detectors", o.detectors,
                 "Only these detectors (port_call, ais_gap, loitering, encounter, dark_transfer, spoofing, identity_change, "
                 "watchlist_match, zone_watch); repeatable or comma-separated")
      ->delimiter(',');
  cmd.add_option("--since", o.since, "Only data at or after this time (ISO 8601, UTC)");
  cmd.add_option("--until", o.until, "Only data before this time (ISO 8601, UTC)");
  cmd.add_option("--bbox", o.bbox, "Only positions inside W,S,E,N (degrees; W > E crosses the antimeridian)");
  cmd.add_option("--mmsi", o.mmsi, "Only these vessels (comma-separated MMSIs)");
  cmd.add_option("--events", o.events, "Write events as JSON lines to FILE ('-' for stdout)");
  cmd.add_option("--report", o.report, "Write the watchlist report (HTML, CSV, JSON lines, GIS layers) into DIR");
  cmd.add_option("--gis-format", o.gis_format, "OGR vector driver for the GIS layers (GPKG, GeoJSON, KML, …; 'none' for none)");
  cmd.add_option("--cases", o.cases, "Review case file (SQLite; created when missing): decisions are applied");
  cmd.add_flag("--quiet,-q", o.quiet, "No progress bar and no summary (errors still go to stderr)");
  cmd.add_flag("--print-config", o.print_config, "Print every detector parameter in force (value, unit, source) and exit");
}

pipeline::Resources load_resources_or_exit(const RunCliOptions& o, const char* command) {
  try {
    pipeline::Resources r = pipeline::Resources::load(o.resource_options());
    if (!o.quiet) {
      for (const std::string& line : r.load_messages()) fmt::print(stderr, "{}\n", line);
    }
    return r;
  } catch (const pipeline::ResourceError& e) {
    fmt::print(stderr, "aiswatch {}: {}\n", command, e.what());
    throw CLI::RuntimeError(1);
  }
}

void print_config(const pipeline::Resources& resources) {
  fmt::print("key\tvalue\tunit\tdefault\tsource\n");
  for (const detectors::ConfigRow& row : detectors::dump_config(resources.config())) {
    fmt::print("{}\t{}\t{}\t{}\t{}\n", row.key, row.value, row.unit, row.is_default ? "yes" : "no", row.source);
  }
}

}  // namespace aiswatch::app
