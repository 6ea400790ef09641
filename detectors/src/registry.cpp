#include "aiswatch/detectors/registry.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "aiswatch/detectors/ais_gap.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/dark_transfer.hpp"
#include "aiswatch/detectors/encounter.hpp"
#include "aiswatch/detectors/identity_change.hpp"
#include "aiswatch/detectors/loitering.hpp"
#include "aiswatch/detectors/port_call.hpp"
#include "aiswatch/detectors/spoofing.hpp"
#include "aiswatch/detectors/watchlist_match.hpp"
#include "aiswatch/detectors/zone_watch.hpp"

namespace aiswatch::detectors {

namespace {
constexpr std::array<DetectorInfo, 9> kRegistry = {{
    {"port_call", make_port_call_detector},
    {"ais_gap", make_ais_gap_detector},
    {"loitering", make_loitering_detector},
    {"encounter", make_encounter_detector},
    {"dark_transfer", make_dark_transfer_detector},
    {"spoofing", make_spoofing_detector},
    {"identity_change", make_identity_change_detector},
    {"watchlist_match", make_watchlist_match_detector},
    {"zone_watch", make_zone_watch_detector},
}};
}  // namespace

std::span<const DetectorInfo> detector_registry() noexcept { return kRegistry; }

std::vector<std::unique_ptr<Detector>> make_detectors(const DetectorContext& ctx, std::span<const std::string> names) {
  for (const std::string& name : names) {
    if (std::none_of(kRegistry.begin(), kRegistry.end(), [&](const DetectorInfo& d) { return d.name == name; })) {
      std::vector<std::string_view> known;
      for (const DetectorInfo& d : kRegistry) known.push_back(d.name);
      throw ConfigError(fmt::format("unknown detector '{}' (known: {})", name, fmt::join(known, ", ")));
    }
  }
  std::vector<std::unique_ptr<Detector>> out;
  for (const DetectorInfo& d : kRegistry)
    if (names.empty() || std::find(names.begin(), names.end(), d.name) != names.end()) out.push_back(d.make(ctx));
  return out;
}

}  // namespace aiswatch::detectors
