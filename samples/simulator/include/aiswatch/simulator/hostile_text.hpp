// hostile_text.hpp — attacker-controlled AIS text for the report's security tests.
//
// Ship names, call signs and destinations are whatever a transponder is set to send, so every output
// format must escape them. AIS six-bit text has no lower case and at most 20 characters (7 for a call
// sign), which still leaves markup, quotes, formula and path characters:
//   <SVG ONLOAD=ALERT(1)     "><B>X</B>     =HYPERLINK("HTTP://X     '; DROP TABLE EVENTS
// apply_hostile_text() gives the scripted vessels of scenarios these texts (cycling through the lists).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "aiswatch/simulator/scenario.hpp"

namespace aiswatch::simulator {

std::span<const std::string_view> hostile_names() noexcept;         // ≤ 20 six-bit characters each
std::span<const std::string_view> hostile_callsigns() noexcept;     // ≤ 7
std::span<const std::string_view> hostile_destinations() noexcept;  // ≤ 20

void apply_hostile_text(std::vector<Scenario>& scenarios);

}  // namespace aiswatch::simulator
