// message_legends.hpp — the "_text" legends gpsd prints beside coded AIS fields (status_text,
// shiptype_text, epfd_text, aid_type_text, stationtype_text), word for word as gpsd 3.22 prints them,
// so `aiswatch decode` output can replace gpsdecode's.
//
// Private to message_json.cpp. Codes past the end of a table get gpsd's "INVALID …" legend.
//   nav_status_legend(5) == "Moored"
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace aiswatch::report::detail {

inline constexpr std::array<std::string_view, 16> kNavStatus = {
    "Under way using engine", "At anchor", "Not under command", "Restricted manoeuverability",
    "Constrained by her draught", "Moored", "Aground", "Engaged in fishing", "Under way sailing",
    "Reserved for HSC", "Reserved for WIG", "Reserved", "Reserved", "Reserved", "Reserved", "Not defined"};

inline constexpr std::array<std::string_view, 9> kEpfd = {
    "Undefined", "GPS", "GLONASS", "Combined GPS/GLONASS", "Loran-C", "Chayka", "Integrated navigation system",
    "Surveyed", "Galileo"};

inline constexpr std::array<std::string_view, 100> kShipType = [] {
  std::array<std::string_view, 100> t{};
  t[0] = "Not available";
  for (std::size_t i = 1; i < 20; ++i) t[i] = "Reserved for future use";
  t[20] = "Wing in ground (WIG) - all ships of this type";
  t[21] = "Wing in ground (WIG) - Hazardous category A";
  t[22] = "Wing in ground (WIG) - Hazardous category B";
  t[23] = "Wing in ground (WIG) - Hazardous category C";
  t[24] = "Wing in ground (WIG) - Hazardous category D";
  for (std::size_t i = 25; i < 30; ++i) t[i] = "Wing in ground (WIG) - Reserved for future use";
  t[30] = "Fishing";
  t[31] = "Towing";
  t[32] = "Towing: length exceeds 200m or breadth exceeds 25m";
  t[33] = "Dredging or underwater ops";
  t[34] = "Diving ops";
  t[35] = "Military ops";
  t[36] = "Sailing";
  t[37] = "Pleasure Craft";
  t[38] = "Reserved";
  t[39] = "Reserved";
  t[40] = "High speed craft (HSC) - all ships of this type";
  t[41] = "High speed craft (HSC) - Hazardous category A";
  t[42] = "High speed craft (HSC) - Hazardous category B";
  t[43] = "High speed craft (HSC) - Hazardous category C";
  t[44] = "High speed craft (HSC) - Hazardous category D";
  for (std::size_t i = 45; i < 49; ++i) t[i] = "High speed craft (HSC) - Reserved for future use";
  t[49] = "High speed craft (HSC) - No additional information";
  t[50] = "Pilot Vessel";
  t[51] = "Search and Rescue vessel";
  t[52] = "Tug";
  t[53] = "Port Tender";
  t[54] = "Anti-pollution equipment";
  t[55] = "Law Enforcement";
  t[56] = "Spare - Local Vessel";
  t[57] = "Spare - Local Vessel";
  t[58] = "Medical Transport";
  t[59] = "Ship according to RR Resolution No. 18";
  t[60] = "Passenger - all ships of this type";
  t[61] = "Passenger - Hazardous category A";
  t[62] = "Passenger - Hazardous category B";
  t[63] = "Passenger - Hazardous category C";
  t[64] = "Passenger - Hazardous category D";
  for (std::size_t i = 65; i < 69; ++i) t[i] = "Passenger - Reserved for future use";
  t[69] = "Passenger - No additional information";
  t[70] = "Cargo - all ships of this type";
  t[71] = "Cargo - Hazardous category A";
  t[72] = "Cargo - Hazardous category B";
  t[73] = "Cargo - Hazardous category C";
  t[74] = "Cargo - Hazardous category D";
  for (std::size_t i = 75; i < 79; ++i) t[i] = "Cargo - Reserved for future use";
  t[79] = "Cargo - No additional information";
  t[80] = "Tanker - all ships of this type";
  t[81] = "Tanker - Hazardous category A";
  t[82] = "Tanker - Hazardous category B";
  t[83] = "Tanker - Hazardous category C";
  t[84] = "Tanker - Hazardous category D";
  for (std::size_t i = 85; i < 89; ++i) t[i] = "Tanker - Reserved for future use";
  t[89] = "Tanker - No additional information";
  t[90] = "Other Type - all ships of this type";
  t[91] = "Other Type - Hazardous category A";
  t[92] = "Other Type - Hazardous category B";
  t[93] = "Other Type - Hazardous category C";
  t[94] = "Other Type - Hazardous category D";
  for (std::size_t i = 95; i < 99; ++i) t[i] = "Other Type - Reserved for future use";
  t[99] = "Other Type - no additional information";
  return t;
}();

inline constexpr std::array<std::string_view, 16> kStationType = {
    "All types of mobiles", "Reserved for future use", "All types of Class B mobile stations",
    "SAR airborne mobile station", "Aid to Navigation station", "Class B shipborne mobile station",
    "Regional use and inland waterways", "Regional use and inland waterways", "Regional use and inland waterways",
    "Regional use and inland waterways", "Reserved for future use", "Reserved for future use",
    "Reserved for future use", "Reserved for future use", "Reserved for future use", "Reserved for future use"};

inline constexpr std::array<std::string_view, 32> kAidType = {
    "Unspecified", "Reference point", "RACON", "Fixed offshore structure", "Spare, Reserved for future use.",
    "Light, without sectors", "Light, with sectors", "Leading Light Front", "Leading Light Rear",
    "Beacon, Cardinal N", "Beacon, Cardinal E", "Beacon, Cardinal S", "Beacon, Cardinal W", "Beacon, Port hand",
    "Beacon, Starboard hand", "Beacon, Preferred Channel port hand", "Beacon, Preferred Channel starboard hand",
    "Beacon, Isolated danger", "Beacon, Safe water", "Beacon, Special mark", "Cardinal Mark N", "Cardinal Mark E",
    "Cardinal Mark S", "Cardinal Mark W", "Port hand Mark", "Starboard hand Mark", "Preferred Channel Port hand",
    "Preferred Channel Starboard hand", "Isolated danger", "Safe Water", "Special Mark",
    "Light Vessel / LANBY / Rigs"};

template <std::size_t N>
std::string_view legend(const std::array<std::string_view, N>& table, unsigned code,
                        std::string_view invalid) noexcept {
  return code < N ? table[code] : invalid;
}

inline std::string_view nav_status_legend(unsigned c) noexcept { return legend(kNavStatus, c, "Not defined"); }
inline std::string_view epfd_legend(unsigned c) noexcept { return legend(kEpfd, c, "INVALID EPFD"); }
inline std::string_view ship_type_legend(unsigned c) noexcept { return legend(kShipType, c, "INVALID SHIP TYPE"); }
inline std::string_view station_type_legend(unsigned c) noexcept {
  return legend(kStationType, c, "INVALID STATION TYPE");
}
inline std::string_view aid_type_legend(unsigned c) noexcept { return legend(kAidType, c, "INVALID NAVAID TYPE"); }

}  // namespace aiswatch::report::detail
