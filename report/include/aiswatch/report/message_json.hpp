// message_json.hpp — one decoded AIS message as one line of JSON, in gpsd's AIVDM format.
//
// Field names, order and scaled units follow `gpsdecode -j -s` (gpsd 3.22): "class":"AIS", "device",
// "type", "repeat", "mmsi", "scaled":true, then the type's fields ("status", "status_text", "turn",
// "speed" kn, "lon"/"lat" degrees, …), with "rxtime" (ISO 8601 UTC) added when the input carried a
// receive time. "Not available" values are printed the way gpsd prints them. AIS text is
// attacker-controlled and always JSON-escaped. Appends to `out` (no allocation once the buffer has
// grown); each call writes one object and a '\n'. Where we deliberately differ from gpsd 3.22 (signed
// rate of turn, text after '@', …) is listed in docs/decoder-conformance.md.
//
//   fmt::memory_buffer out;
//   decoder.feed_line(line, [&](const ais::AisMessage& m, const ais::AssembledSentence& s) {
//     write_message_json(m, s, out);
//   });
//   std::fwrite(out.data(), 1, out.size(), stdout);
#pragma once

#include <fmt/format.h>

#include "aiswatch/ais/messages.hpp"
#include "aiswatch/ais/nmea.hpp"

namespace aiswatch::report {

void write_message_json(const ais::AisMessage& m, const ais::AssembledSentence& s, fmt::memory_buffer& out);

}  // namespace aiswatch::report
