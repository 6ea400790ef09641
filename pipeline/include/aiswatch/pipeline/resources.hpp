// resources.hpp — the read-only reference a run detects against: zones (bundled layers + --zones),
// land, watchlists (--watchlist), flags of concern, and the detector configuration (--config). Loaded
// once per run (and again on SIGHUP in live mode, into a fresh Resources that replaces the old one).
//
//   ResourceOptions o{.watchlists = {"sdn.csv"}, .zone_files = {"my_zones.kml"}, .config_file = "aiswatch.json"};
//   Resources res = Resources::load(o);        // throws ResourceError naming the file
//   for (const auto& line : res.load_messages()) fmt::print(stderr, "{}\n", line);
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "aiswatch/detectors/config.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "aiswatch/report/model.hpp"
#include "aiswatch/watchlists/flags.hpp"
#include "aiswatch/watchlists/index.hpp"
#include "aiswatch/watchlists/load.hpp"

namespace aiswatch::pipeline {

// A reference file that cannot be used (missing zone file, unreadable list, bad config key): the run
// cannot start. The message names the file (and the key or line).
class ResourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ResourceOptions {
  std::vector<std::filesystem::path> watchlists;   // --watchlist, format detected from content
  std::vector<std::filesystem::path> zone_files;   // --zones, any OGR dataset
  bool default_zones = true;                       // false: --no-default-zones
  std::optional<std::filesystem::path> config_file;  // --config (JSON, docs/detectors.md)
  std::optional<std::string> flags_of_concern;     // --flags-of-concern "RU,KP,IR"; nullopt: the default
  std::optional<std::filesystem::path> land_file;  // default: the bundled Natural Earth 1:10m land
};

class Resources {
 public:
  static Resources load(const ResourceOptions& options);

  Resources(Resources&&) noexcept = default;
  Resources& operator=(Resources&&) noexcept = default;

  [[nodiscard]] const geo::ZoneSet& zones() const noexcept { return *zones_; }
  [[nodiscard]] const geo::Land& land() const noexcept { return *land_; }
  // Null when no --watchlist was given.
  [[nodiscard]] const watchlists::WatchlistIndex* watchlist() const noexcept { return index_.get(); }
  [[nodiscard]] const watchlists::LoadReport& watchlist_report() const noexcept { return list_report_; }
  [[nodiscard]] const watchlists::FlagsOfConcern& flags_of_concern() const noexcept { return *flags_; }
  [[nodiscard]] const detectors::DetectorConfig& config() const noexcept { return *config_; }
  [[nodiscard]] const ResourceOptions& options() const noexcept { return options_; }

  // One line per loaded list file, then the list issues (first 20; "… and N more"), for stderr.
  [[nodiscard]] std::vector<std::string> load_messages() const;
  // The settings in force (every detector parameter, zones and lists) for the report's first page.
  [[nodiscard]] std::vector<report::Setting> settings() const;
  // Watchlists, zone files and config with size and SHA-256, for reproducibility.
  [[nodiscard]] std::vector<report::InputFile> reference_files() const;

 private:
  Resources() = default;

  ResourceOptions options_;
  std::unique_ptr<geo::ZoneSet> zones_;
  std::unique_ptr<geo::Land> land_;
  std::unique_ptr<watchlists::WatchlistIndex> index_;
  watchlists::LoadReport list_report_;
  std::unique_ptr<watchlists::FlagsOfConcern> flags_;
  std::unique_ptr<detectors::DetectorConfig> config_;  // stable address: detectors keep references
};

}  // namespace aiswatch::pipeline
