// peer_decoders.hpp — runs the independent AIS decoders the simulator's output is checked against:
// gpsd's gpsdecode (-j JSON, -u unscaled field values, -s type 24 parts apart) and libais (python3-ais,
// through libais_decode.py). Both are Debian packages installed by `scripts/setup.sh test`.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aiswatch/simulator/bit_writer.hpp"

namespace aiswatch::simulator::test {

// Runs `command` with `input` on stdin and returns its stdout; throws when it cannot run or fails.
std::string run_with_input(const std::string& command, const std::string& input);

// gpsdecode -j -u -s over NMEA lines: one JSON object per decoded AIS message, in order.
std::vector<nlohmann::json> gpsdecode_unscaled(const std::vector<std::string>& nmea_lines);

// libais over payloads: one JSON object per payload ({"error": …} when libais rejects it).
std::vector<nlohmann::json> libais_decode(const std::vector<ArmouredPayload>& payloads);

// Trailing '@' (six-bit padding) and spaces removed, as decoders present AIS text.
std::string trim_ais_text(std::string text);

}  // namespace aiswatch::simulator::test
