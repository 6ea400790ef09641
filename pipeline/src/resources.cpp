// resources.cpp — loading the reference a run detects against, with errors that name the file.
#include "aiswatch/pipeline/resources.hpp"

#include <fmt/format.h>

#include "aiswatch/geo/error.hpp"
#include "aiswatch/geo/reference_layers.hpp"

namespace aiswatch::pipeline {

namespace {

constexpr std::size_t kIssuesPrinted = 20;

std::string join_paths(const std::vector<std::filesystem::path>& paths) {
  std::string out;
  for (const auto& p : paths) {
    if (!out.empty()) out += ", ";
    out += p.string();
  }
  return out;
}

}  // namespace

Resources Resources::load(const ResourceOptions& options) {
  Resources r;
  r.options_ = options;

  r.config_ = std::make_unique<detectors::DetectorConfig>();
  try {
    if (options.config_file) detectors::load_config_json(*options.config_file, *r.config_);
  } catch (const detectors::ConfigError& e) {
    throw ResourceError(e.what());
  }

  try {
    r.flags_ = options.flags_of_concern
                   ? std::make_unique<watchlists::FlagsOfConcern>(watchlists::FlagsOfConcern::parse(*options.flags_of_concern))
                   : std::make_unique<watchlists::FlagsOfConcern>();
  } catch (const std::invalid_argument& e) {
    throw ResourceError(fmt::format("--flags-of-concern: {}", e.what()));
  }

  try {
    r.zones_ = std::make_unique<geo::ZoneSet>(
        geo::load_zones({.default_zones = options.default_zones, .files = options.zone_files}));
    r.land_ = std::make_unique<geo::Land>(options.land_file ? geo::Land::load(*options.land_file) : geo::Land::load());
  } catch (const geo::GeoError& e) {
    throw ResourceError(e.what());
  }

  if (!options.watchlists.empty()) {
    try {
      watchlists::LoadedWatchlist loaded = watchlists::load_watchlists(options.watchlists);
      r.list_report_ = std::move(loaded.report);
      r.index_ = std::make_unique<watchlists::WatchlistIndex>(std::move(loaded.entries));
    } catch (const watchlists::WatchlistError& e) {
      throw ResourceError(e.what());
    }
  }
  return r;
}

std::vector<std::string> Resources::load_messages() const {
  std::vector<std::string> out;
  for (const auto& f : list_report_.files) out.push_back("watchlist: " + watchlists::to_string(f));
  std::size_t shown = 0;
  for (const auto& issue : list_report_.issues) {
    if (shown++ == kIssuesPrinted) break;
    out.push_back("watchlist: " + watchlists::to_string(issue));
  }
  if (list_report_.issue_count > kIssuesPrinted) {
    out.push_back(fmt::format("watchlist: … and {} more issues ({} rows skipped in all)",
                              list_report_.issue_count - kIssuesPrinted, list_report_.rows_skipped));
  }
  return out;
}

std::vector<report::Setting> Resources::settings() const {
  std::vector<report::Setting> out;
  out.push_back({"zones", fmt::format("{}{}{} ({} zones)", options_.default_zones ? "bundled reference layers" : "",
                                      options_.default_zones && !options_.zone_files.empty() ? " + " : "",
                                      join_paths(options_.zone_files), zones_->size())});
  out.push_back({"watchlists", options_.watchlists.empty()
                                   ? std::string("none")
                                   : fmt::format("{} ({} entries)", join_paths(options_.watchlists),
                                                 index_ ? index_->size() : 0)});
  std::string flags;
  for (const auto& c : flags_->codes()) flags += (flags.empty() ? "" : ",") + c;
  out.push_back({"flags_of_concern", flags.empty() ? "none" : flags});
  out.push_back({"config", options_.config_file ? options_.config_file->string() : "defaults"});
  for (const detectors::ConfigRow& row : detectors::dump_config(*config_)) {
    out.push_back({row.key, row.value + (row.unit.empty() ? "" : " " + row.unit) + (row.is_default ? "" : " (set)")});
  }
  return out;
}

std::vector<report::InputFile> Resources::reference_files() const {
  std::vector<report::InputFile> out;
  for (const auto& p : options_.watchlists) out.push_back(report::describe_input(report::InputRole::watchlist, p));
  for (const auto& p : options_.zone_files) {
    // An OGR dataset may be a directory (a shapefile folder): list it without a hash.
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) {
      out.push_back(report::describe_input(report::InputRole::zones, p));
    } else {
      out.push_back({.role = report::InputRole::zones, .path = p.string()});
    }
  }
  if (options_.config_file) out.push_back(report::describe_input(report::InputRole::config, *options_.config_file));
  return out;
}

}  // namespace aiswatch::pipeline
