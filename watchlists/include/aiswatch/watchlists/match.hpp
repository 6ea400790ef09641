// match.hpp — one vessel matched against one sanctions-list entry, as carried on every event.
//
// The fields {list, program, entry, name, imo, matched_on, confidence} are the events contract
// (../shared/DESIGN.md "Events"); `detail` says in words what agreed, for the event's reasons:
//   WatchlistMatch{.list = "OFAC SDN", .program = "RUSSIA-EO14024", .entry = "37059", .name = "ANGARA",
//                  .imo = 9179842, .matched_on = MatchedOn::imo, .confidence = 0.95,
//                  .detail = "IMO 9179842"}
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aiswatch::watchlists {

// The field a match was made on, strongest first.
enum class MatchedOn : std::uint8_t { imo, mmsi, name_callsign, former_name, name, flag };

struct WatchlistMatch {
  std::string list;      // e.g. "OFAC SDN", "UK", "UN", "OpenSanctions", or the team list's own name
  std::string program;   // e.g. "RUSSIA-EO14024", "DPRK4" (several programs: one match per program)
  std::string entry;     // the list's entry id (OFAC ent_num, UK unique id, …)
  std::string name;      // entry name as listed
  std::optional<std::uint32_t> imo;  // the entry's IMO, when the list gives one
  MatchedOn matched_on = MatchedOn::imo;
  double confidence = 0;  // 0..1, see docs/watchlists.md "Confidence"
  std::string detail;     // what agreed, e.g. "IMO 9179842", "former name ABADAN (listed f.k.a.)"
};

const char* to_string(MatchedOn m) noexcept;

}  // namespace aiswatch::watchlists
