// normalize.hpp — vessel names and call signs reduced to what identifies them, for matching.
//
// The rules are deliberately conservative (whole-name equality after normalisation, never substring);
// docs/watchlists.md lists them with their reasons:
//   normalize_vessel_name("M/V Maia-1") == "MAIA 1"        vessel_name_key("M/V Maia-1") == "MAIA1"
//   vessel_name_key("MARIYA") == vessel_name_key("MARIA")
//   vessel_name_key("VOSTOCHNYY") == vessel_name_key("VOSTOCHNY")
//   vessel_name_key("YARD NO. 1220") == vessel_name_key("YARD 1220")
//   vessel_name_key("SASCO ANGARA") != vessel_name_key("ANGARA")
//   normalize_callsign("5IM 592") == "5IM592"
#pragma once

#include <string>
#include <string_view>

namespace aiswatch::watchlists {

// Upper-case words separated by single spaces, after every rule; "" when nothing is left.
std::string normalize_vessel_name(std::string_view name);

// The comparison key: normalize_vessel_name() without the spaces ("SEA STAR" == "SEASTAR").
std::string vessel_name_key(std::string_view name);

// Upper-case letters and digits only.
std::string normalize_callsign(std::string_view callsign);

}  // namespace aiswatch::watchlists
