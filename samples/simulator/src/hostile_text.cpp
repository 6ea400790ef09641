#include "aiswatch/simulator/hostile_text.hpp"

#include <array>
#include <string>

namespace aiswatch::simulator {

namespace {

// Six-bit ASCII only (no lower case, no '{', '|', '}', '~'); checked by tests/simulator/hostile_text_test.cpp.
constexpr std::array<std::string_view, 8> kNames = {
    "<SVG ONLOAD=ALERT(1)", "\"><B>X</B>", "=HYPERLINK(\"HTTP://X", "'; DROP TABLE EVENTS",
    "</TD><SCRIPT>X", "../../ETC/PASSWD", "%S%S%S%N%N", "\\\"X\\\" & <!-- -->"};
constexpr std::array<std::string_view, 5> kCallsigns = {"<SCRIPT", "\"><I>", "=1+1", "'OR'1'", "&AMP;"};
constexpr std::array<std::string_view, 6> kDestinations = {
    "=EXEC(\" /C CALC\")", "</TEXTAREA><SVG>", "+SUM(1+1)*CMD", "JAVASCRIPT:ALERT(1)", "$(REBOOT);ID", "-2+3;=1"};

}  // namespace

std::span<const std::string_view> hostile_names() noexcept { return kNames; }
std::span<const std::string_view> hostile_callsigns() noexcept { return kCallsigns; }
std::span<const std::string_view> hostile_destinations() noexcept { return kDestinations; }

void apply_hostile_text(std::vector<Scenario>& scenarios) {
  std::size_t n = 0;
  for (auto& s : scenarios)
    for (auto& v : s.vessels) {
      v.identity.name = std::string(kNames[n % kNames.size()]);
      v.identity.callsign = std::string(kCallsigns[n % kCallsigns.size()]);
      v.identity.destination = std::string(kDestinations[n % kDestinations.size()]);
      for (auto& step : v.steps) {
        if (step.set.name) step.set.name = std::string(kNames[(n + 1) % kNames.size()]);
        if (step.set.destination) step.set.destination = std::string(kDestinations[(n + 1) % kDestinations.size()]);
        if (step.set.callsign) step.set.callsign = std::string(kCallsigns[(n + 1) % kCallsigns.size()]);
      }
      ++n;
    }
}

}  // namespace aiswatch::simulator
