// mmsi.hpp — what kind of station an MMSI names (ITU-R M.585-9) and which flag its MID digits give.
//
// An MMSI is nine digits, leading zeros included, so the number 2573001 is "002573001" (a coast station
// of Norway). Where the MID sits depends on the class:
//   ship            MIDxxxxxx      group        0MIDxxxxx     coast/base station  00MIDxxxx
//   SAR aircraft    111MIDxxx      AtoN         99MIDxxxx     craft of a parent ship 98MIDxxxx
//   handheld VHF    8MIDxxxxx      AIS-SART 970xxxxxx, MOB 972xxxxxx, EPIRB-AIS 974xxxxxx (no MID)
// Numbers that fit no class, carry an unallocated MID, or are test patterns (123456789, all one digit)
// are `invalid`; the tracker still tracks them (spoofers use them) but reports no flag.
//
//   classify_mmsi(273382620).kind == MmsiKind::ship;  flag_of(273382620)->alpha2 == "RU"
//   classify_mmsi(992731234).kind == MmsiKind::aid_to_navigation   (MID 273)
//   classify_mmsi(123456789).kind == MmsiKind::invalid
#pragma once

#include <cstdint>
#include <optional>

#include "aiswatch/ais/mid.hpp"

namespace aiswatch::ais {

enum class MmsiKind : std::uint8_t {
  ship,
  group,
  coast_station,
  sar_aircraft,
  aid_to_navigation,
  craft_of_parent_ship,
  handheld_vhf,
  ais_sart,
  man_overboard,
  epirb_ais,
  invalid,
};

const char* to_string(MmsiKind kind) noexcept;

struct MmsiClass {
  MmsiKind kind = MmsiKind::invalid;
  std::optional<std::uint16_t> mid;  // allocated MID in the digits this class uses; nullopt otherwise
};

inline constexpr std::uint32_t kMaxMmsi = 999'999'999;            // nine digits (ITU-R M.585)
inline constexpr std::uint32_t kMaxAisMmsi = (1u << 30) - 1;     // what the 30-bit AIS field can carry

MmsiClass classify_mmsi(std::uint32_t mmsi) noexcept;

// Flag state from the MID of the MMSI's class; nullopt for SART/MOB/EPIRB and invalid numbers.
std::optional<MidEntry> flag_of(std::uint32_t mmsi) noexcept;

}  // namespace aiswatch::ais
