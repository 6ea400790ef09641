#include "aiswatch/watchlists/match.hpp"

namespace aiswatch::watchlists {

const char* to_string(MatchedOn m) noexcept {
  switch (m) {
    case MatchedOn::imo: return "imo";
    case MatchedOn::mmsi: return "mmsi";
    case MatchedOn::name_callsign: return "name+callsign";
    case MatchedOn::former_name: return "former_name";
    case MatchedOn::name: return "name";
    case MatchedOn::flag: return "flag";
  }
  return "unknown";
}

}  // namespace aiswatch::watchlists
