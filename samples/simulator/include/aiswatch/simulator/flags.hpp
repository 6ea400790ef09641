// flags.hpp — the flag states the simulator gives its vessels: MMSI MID (ITU Maritime Identification
// Digits) and ISO 3166-1 alpha-2 code. Only the MIDs used by the scenarios and the background traffic
// are listed; this is not the full ITU table (the tracker owns that).
//
//   flag_of_mmsi(273459120) == "RU";   flag_of_mmsi(445112000) == "KP";   flag_of_mmsi(1) == ""
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace aiswatch::simulator {

struct FlagState {
  std::uint16_t mid;
  std::string_view iso2;
};

std::span<const FlagState> known_flags() noexcept;
// ISO alpha-2 of the MMSI's MID when it is one of known_flags(), else "".
std::string_view flag_of_mmsi(std::uint32_t mmsi) noexcept;

}  // namespace aiswatch::simulator
