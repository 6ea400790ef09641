// reference_layers.hpp — the bundled reference layers (geo/data/, see its PROVENANCE.md) and the one call
// that builds the zones in force from them plus the user's `--zones` files.
//
// Bundled, loaded by default:
//   wpi_ports.csv          all 3,803 World Port Index ports, a harbour circle each (radius by WPI size)
//   watch_ports.csv        DPRK ports and the Russian Rajin-shuttle ports (shuttle_port), APPROXIMATE
//                          circles; rows with a WPI id replace the plain WPI zone
//   sts_hotspots.geojson   ship-to-ship transfer hotspots (APPROXIMATE rectangles)
//   DPRK waters            computed: within 12 nm of the Natural Earth North Korea polygon
//                          (ne_50m_countries_world.geojson.gz), an approximation of the territorial sea
// Land for on_land / distance to shore is separate (land.hpp).
//
//   aiswatch::geo::ZoneSet zones = aiswatch::geo::load_zones({.files = {"my_zones.kml"}});
//   aiswatch::geo::ZoneSet only_mine = aiswatch::geo::load_zones({.default_zones = false, .files = {"a.gpkg"}});
#pragma once

#include <filesystem>
#include <vector>

#include "aiswatch/geo/zone_file.hpp"
#include "aiswatch/geo/zone_set.hpp"

namespace aiswatch::geo {

// 12 nautical miles, the breadth of the territorial sea (UNCLOS art. 3).
inline constexpr double kTerritorialSeaM = 12 * 1852.0;
inline constexpr const char* kDprkWatersId = "dprk-waters";

struct ZoneOptions {
  bool default_zones = true;                  // false: --no-default-zones
  std::vector<std::filesystem::path> files;   // --zones FILE..., read in order; later ids replace earlier
};

// The bundled data directory: $AISWATCH_DATA_DIR when set, else geo/data/ of the source tree.
std::filesystem::path data_dir();

// The bundled zone layers (not land), in the order above. Throws GeoError if a file is missing.
std::vector<ZoneSpec> read_reference_zones(const std::filesystem::path& dir = data_dir());

// DPRK waters: the KP polygon of a Natural Earth countries file buffered by `distance_m` in a transverse
// Mercator projection centred on it (scale error < 0.1 % over Korea). Throws GeoError naming the file.
ZoneSpec make_dprk_waters(const std::filesystem::path& countries_file, double distance_m = kTerritorialSeaM);

// Reference layers (unless switched off) followed by the user's files.
ZoneSet load_zones(const ZoneOptions& options);

}  // namespace aiswatch::geo
