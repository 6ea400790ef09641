// cmd_zones.cpp — `aiswatch zones`: lists the zones in force (bundled reference layers and --zones files),
// so a user can check what a run will watch before running it.
//
//   aiswatch zones                                   # every bundled zone, as a tab-separated table
//   aiswatch zones --zones my.gpkg --kind user --json
//   aiswatch zones --no-default-zones --zones harbours.kml
//
// Zone names and ids come from files: text output escapes control characters, JSON output escapes all.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "aiswatch/geo/error.hpp"
#include "aiswatch/geo/reference_layers.hpp"

namespace {

struct ZonesOptions {
  std::vector<std::string> files;
  bool no_default_zones = false;
  std::vector<std::string> kinds;
  bool watched_only = false;
  bool json = false;
};

// One table cell: control characters and the tab/newline separators become visible escapes.
std::string text_cell(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  return out;
}

nlohmann::json to_json(const aiswatch::geo::Zone& z) {
  nlohmann::json j{{"id", z.id},           {"kind", aiswatch::geo::to_string(z.kind)},
                   {"name", z.name},       {"country", z.country_iso2},
                   {"watched", z.watched}, {"approximate", z.approximate},
                   {"source", z.source}};
  if (z.shuttle_port) j["shuttle_port"] = true;
  if (z.port_lat_deg && z.port_lon_deg) {
    j["port_lat"] = *z.port_lat_deg;
    j["port_lon"] = *z.port_lon_deg;
  }
  if (z.radius_m) j["radius_m"] = *z.radius_m;
  nlohmann::json props = nlohmann::json::object();
  for (const auto& [k, v] : z.properties) props[k] = v;
  if (!props.empty()) j["properties"] = std::move(props);
  return j;
}

void run_zones(const ZonesOptions& o) {
  using aiswatch::geo::ZoneKind;
  std::vector<ZoneKind> kinds;
  for (const auto& k : o.kinds) {
    const auto kind = aiswatch::geo::zone_kind_from_string(k);
    if (!kind) {
      fmt::print(stderr, "aiswatch zones: --kind {}: not a zone kind (port, dprk_waters, sts_hotspot, country, user)\n", k);
      throw CLI::RuntimeError(1);
    }
    kinds.push_back(*kind);
  }
  aiswatch::geo::ZoneOptions options{.default_zones = !o.no_default_zones, .files = {}};
  for (const auto& f : o.files) options.files.emplace_back(f);
  aiswatch::geo::ZoneSet zones;
  try {
    zones = aiswatch::geo::load_zones(options);
  } catch (const aiswatch::geo::GeoError& e) {
    fmt::print(stderr, "aiswatch zones: {}\n", e.what());
    throw CLI::RuntimeError(1);
  }

  std::size_t shown = 0;
  nlohmann::json array = nlohmann::json::array();
  if (!o.json) fmt::print("id\tkind\tname\tcountry\twatched\tapproximate\tsource\n");
  for (const auto& z : zones.zones()) {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), z.kind) == kinds.end()) continue;
    if (o.watched_only && !z.watched) continue;
    ++shown;
    if (o.json) {
      array.push_back(to_json(z));
    } else {
      fmt::print("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", text_cell(z.id), aiswatch::geo::to_string(z.kind), text_cell(z.name),
                 text_cell(z.country_iso2), z.watched ? "yes" : "no", z.approximate ? "yes" : "no",
                 text_cell(z.source));
    }
  }
  if (o.json) fmt::print("{}\n", array.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
  const auto& stats = zones.stats();
  fmt::print(stderr, "zones: {} in force, {} listed, {} replaced by a later file, {} repaired (MakeValid){}{}\n",
             zones.size(), shown, stats.replaced, stats.repaired_ids.size(),
             stats.repaired_ids.empty() ? "" : ": ", text_cell(fmt::format("{}", fmt::join(stats.repaired_ids, ", "))));
}

}  // namespace

void register_zones_command(CLI::App& app) {
  auto options = std::make_shared<ZonesOptions>();
  CLI::App* cmd = app.add_subcommand("zones", "List the zones in force (bundled reference layers and --zones files)");
  // No CLI11 ExistingPath check: the loader's message names the file and the exit status stays 1.
  cmd->add_option("--zones", options->files, "Zone file (any OGR dataset: GeoJSON, GeoPackage, Shapefile, KML, CSV); repeatable");
  cmd->add_flag("--no-default-zones", options->no_default_zones, "Drop the bundled reference layers");
  cmd->add_option("--kind", options->kinds, "Only zones of this kind (port, dprk_waters, sts_hotspot, country, user); repeatable");
  cmd->add_flag("--watched", options->watched_only, "Only watched zones");
  cmd->add_flag("--json", options->json, "JSON array instead of a tab-separated table");
  cmd->callback([options] { run_zones(*options); });
}
