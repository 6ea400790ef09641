// match.hpp — one vessel matched against one sanctions-list entry, as carried on every event.
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
  std::optional<std::uint32_t> imo;
  MatchedOn matched_on = MatchedOn::imo;
  double confidence = 0;  // 0..1
};

const char* to_string(MatchedOn m) noexcept;

}  // namespace aiswatch::watchlists
