// mid.hpp — Maritime Identification Digits (MID): the 3-digit ITU prefix of an MMSI -> flag state.
//
// The table is the ITU MID allocation (ITU-R M.585, Appendix 43 of the Radio Regulations; ITU MARS
// "Table of Maritime Identification Digits") with each administration's ISO 3166-1 alpha-2 code.
// Territories with their own ISO code keep it (Gibraltar GI, Hong Kong HK, Faroe FO …); French
// sub-Antarctic MIDs map to TF. Which MID digits an MMSI carries depends on its class: see mmsi.hpp.
//
//   flag_of_mid(273)->alpha2 == "RU";   flag_of_mid(445)->country == "Korea (Democratic People's Republic of)"
//   flag_of_mid(217) == std::nullopt    (not allocated)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace aiswatch::ais {

struct MidEntry {
  std::uint16_t mid = 0;
  std::string_view alpha2;   // ISO 3166-1 alpha-2
  std::string_view country;  // administration or territory, as ITU names it (shortened)
};

// nullopt when the MID is not allocated (spoofers and misconfigured units often use such numbers).
std::optional<MidEntry> flag_of_mid(std::uint16_t mid) noexcept;

// The whole table, sorted by MID (for listing and tests).
std::span<const MidEntry> mid_table() noexcept;

}  // namespace aiswatch::ais
