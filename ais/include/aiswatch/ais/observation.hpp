// observation.hpp — what every input (NMEA via the decoder, NOAA/DMA CSV rows) hands to the tracker.
//
// These are the normalised, source-independent facts: a position fix or an identity (static) report,
// each with its time and the raw records behind it. "Not available" values are std::nullopt here —
// the decoder and CSV readers map sentinels (lat 91, lon 181, speed 102.3, heading 511…) once, so no
// consumer ever mistakes a sentinel for data. String views and the raw span are valid only for the
// duration of the call that receives the observation; copy what you keep.
//
//   tracker.on_position(PositionReport{.mmsi = 273382620, .time = t, .lat_deg = 42.24, .lon_deg = 130.3});
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais {

// One raw input record (an NMEA line or a CSV row) behind an observation, for evidence.
struct RawRef {
  std::string_view text;
  std::optional<UnixMillis> rx_time;
};

enum class InputKind : std::uint8_t { nmea, noaa_csv, dma_csv, other };

struct PositionReport {
  std::uint32_t mmsi = 0;
  UnixMillis time = 0;  // receive time from the data (or receipt time on a live feed without any)
  double lat_deg = 0;   // always a real position: -90..90
  double lon_deg = 0;   // -180..180
  std::optional<float> sog_kn;          // speed over ground
  std::optional<float> cog_deg;         // course over ground
  std::optional<std::uint16_t> heading_deg;
  std::optional<std::uint8_t> nav_status;  // ITU nav status 0..15 (15 = not defined is kept as nullopt)
  std::optional<float> rot_deg_per_min;
  std::uint8_t msg_type = 0;   // AIS type 1,2,3,18,19,27 (0 for CSV rows)
  bool class_b = false;        // class B transceiver (types 18/19, CSV "B")
  bool position_accuracy_high = false;
  std::uint64_t payload_hash = 0;  // hash of the AIS payload (0 when none): the same sentence heard twice
  std::uint32_t station_id = 0;    // interned source/station (tag block s:, trailing b/r field), 0 unknown
  InputKind input = InputKind::nmea;
  std::span<const RawRef> raw;     // the records behind this report (1 for single-sentence messages)
};

struct Eta {
  std::uint8_t month = 0, day = 0, hour = 24, minute = 60;  // AIS "not available" values 0,0,24,60
};

struct StaticReport {
  std::uint32_t mmsi = 0;
  UnixMillis time = 0;
  std::optional<std::uint32_t> imo;            // as broadcast, not validated here
  std::optional<std::string_view> callsign;    // trailing '@'/spaces trimmed; nullopt when absent/empty
  std::optional<std::string_view> name;
  std::optional<std::string_view> destination;
  std::optional<std::uint8_t> ship_type;       // ITU ship and cargo type 1..99
  std::optional<float> draught_m;
  std::optional<std::uint16_t> to_bow_m, to_stern_m;
  std::optional<std::uint8_t> to_port_m, to_starboard_m;
  std::optional<std::uint16_t> length_m, beam_m;  // overall size when a source gives only that (CSV exports)
  std::optional<Eta> eta;
  std::uint8_t msg_type = 0;   // 5, 19, 24 (0 for CSV rows)
  bool class_b = false;
  std::uint64_t payload_hash = 0;
  std::uint32_t station_id = 0;
  InputKind input = InputKind::nmea;
  std::span<const RawRef> raw;
};

}  // namespace aiswatch::ais
