#include "common.hpp"

#include <fmt/format.h>

namespace aiswatch::detectors {

std::string position_text(geo::LatLon p) { return fmt::format("{:.5f},{:.5f}", p.lat_deg, p.lon_deg); }

}  // namespace aiswatch::detectors
