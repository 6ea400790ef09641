// config.hpp — every detector's parameters in one struct, read from a JSON config file (--config) and
// listed with their units and sources (--print-config, the report's "configuration in force").
//
// The file names sections after the detectors; any subset of keys may be given, the rest keep their
// documented defaults. Dotted keys at the top level work too:
//   { "ais_gap": { "min_gap_h": 8 }, "encounter.max_distance_m": 300 }
//
//   DetectorConfig config;                          // GFW-based defaults
//   load_config_json("aiswatch.json", config);      // throws ConfigError naming the file and key
//   for (const ConfigRow& row : dump_config(config)) fmt::print("{} = {} {}\n", row.key, row.value, row.unit);
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aiswatch/detectors/ais_gap.hpp"
#include "aiswatch/detectors/dark_transfer.hpp"
#include "aiswatch/detectors/encounter.hpp"
#include "aiswatch/detectors/identity_change.hpp"
#include "aiswatch/detectors/loitering.hpp"
#include "aiswatch/detectors/port_call.hpp"
#include "aiswatch/detectors/spoofing.hpp"
#include "aiswatch/detectors/watchlist_match.hpp"
#include "aiswatch/detectors/zone_watch.hpp"

namespace aiswatch::detectors {

struct DetectorConfig {
  PortCallConfig port_call;
  AisGapConfig ais_gap;
  LoiteringConfig loitering;
  SpoofingConfig spoofing;
  IdentityChangeConfig identity;
  WatchlistMatchConfig watchlist;
  ZoneWatchConfig zone_watch;
  EncounterConfig encounter;
  DarkTransferConfig dark_transfer;

  // Calls v("section.name", field, unit, source) for every parameter of every detector.
  template <class V>
  void visit(V&& v) {
    visit_section("port_call", port_call, v);
    visit_section("ais_gap", ais_gap, v);
    visit_section("loitering", loitering, v);
    visit_section("encounter", encounter, v);
    visit_section("dark_transfer", dark_transfer, v);
    visit_section("spoofing", spoofing, v);
    visit_section("identity", identity, v);
    visit_section("watchlist", watchlist, v);
    visit_section("zone_watch", zone_watch, v);
  }

 private:
  template <class Section, class V>
  static void visit_section(std::string_view section, Section& s, V& v) {
    s.visit([&](std::string_view name, auto& field, std::string_view unit, std::string_view source) {
      const std::string key = std::string(section) + "." + std::string(name);
      v(std::string_view(key), field, unit, source);
    });
  }
};

// A config file that cannot be used (unreadable, not JSON, unknown key, wrong type): ends the run.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sets the parameters the JSON file names; the others keep their values. Throws ConfigError naming the
// file and the key (or the parse position).
void load_config_json(const std::filesystem::path& path, DetectorConfig& config);
// The same from text already read; `origin` names it in error messages.
void load_config_json_text(std::string_view text, std::string_view origin, DetectorConfig& config);

// One parameter as in force: "encounter.max_distance_m", "500", "m", "GFW encounters: …".
struct ConfigRow {
  std::string key;
  std::string value;
  std::string unit;
  std::string source;
  bool is_default = true;  // equal to the documented default
};
std::vector<ConfigRow> dump_config(const DetectorConfig& config);

}  // namespace aiswatch::detectors
