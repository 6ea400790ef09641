// encoder.hpp — encodes the simulator's AIS messages (messages.hpp) into armoured six-bit payloads.
//
// Field tables follow ITU-R M.1371-5 (cited per message in the sources). Values are rounded to the
// field's resolution and clamped to its valid range; "not available" (std::nullopt) becomes the
// standard's sentinel. Text must be six-bit ASCII (bit_writer.hpp: to_sixbit_text) and fit its field —
// a programmer error otherwise (assert).
//
//   ArmouredPayload a = encode(ClassAPosition{.mmsi = 273459120, .lat_deg = 42.5, .lon_deg = 131.9});
//   // a.text == "15…", a.fill_bits == 0; nmea_sentences.hpp wraps it into !AIVDM sentences
#pragma once

#include "aiswatch/simulator/bit_writer.hpp"
#include "aiswatch/simulator/messages.hpp"

namespace aiswatch::simulator {

ArmouredPayload encode(const ClassAPosition& m);          // 168 bits
ArmouredPayload encode(const StaticVoyageData& m);        // 424 bits (2 fill bits)
ArmouredPayload encode(const ClassBPosition& m);          // 168 bits
ArmouredPayload encode(const ClassBExtendedPosition& m);  // 312 bits
ArmouredPayload encode(const ClassBStaticA& m);           // 160 bits (2 fill bits)
ArmouredPayload encode(const ClassBStaticB& m);           // 168 bits
ArmouredPayload encode(const LongRangePosition& m);       // 96 bits

}  // namespace aiswatch::simulator
