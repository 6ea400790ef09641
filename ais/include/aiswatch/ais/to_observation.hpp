// to_observation.hpp — decoded AIS messages to the tracker's source-independent observations.
//
// Positions come from vessel position reports only: types 1/2/3 and 27 (class A), 18/19 (class B).
// Base stations (4/11), aids to navigation (21) and SAR aircraft (9) are not vessels and give none; a
// report whose latitude or longitude is "not available" or out of range gives none either, so a
// sentinel never becomes a position. Identity comes from types 5, 19, 24A (name) and 24B (callsign,
// ship type, dimensions). String views in a StaticReport point into the AisMessage and the raw span
// into the AssembledSentence: both are valid only while those are.
//
//   decoder.feed_line(line, [&](const AisMessage& m, const AssembledSentence& s) {
//     const UnixMillis t = s.rx_time.value_or(now_ms());
//     if (auto p = to_position_report(m, s, t)) tracker.on_position(*p);
//     if (auto st = to_static_report(m, s, t)) tracker.on_static(*st);
//   });
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "aiswatch/ais/messages.hpp"
#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/observation.hpp"

namespace aiswatch::ais {

// `time` is the observation time (s.rx_time when known); `station_id` the caller's interned station.
std::optional<PositionReport> to_position_report(const AisMessage& m, const AssembledSentence& s, UnixMillis time,
                                                 std::uint32_t station_id = 0) noexcept;
std::optional<StaticReport> to_static_report(const AisMessage& m, const AssembledSentence& s, UnixMillis time,
                                             std::uint32_t station_id = 0) noexcept;

// A fast 64-bit hash of the armoured payload: the same message heard by two stations hashes the same.
std::uint64_t payload_hash(std::string_view armoured) noexcept;

}  // namespace aiswatch::ais
