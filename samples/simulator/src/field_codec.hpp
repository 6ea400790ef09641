// field_codec.hpp (private) — physical values to AIS field values: scaling, rounding, clamping and the
// "not available" sentinels of ITU-R M.1371-5. Shared by the encoders of every message family.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "aiswatch/simulator/bit_writer.hpp"
#include "aiswatch/simulator/messages.hpp"

namespace aiswatch::simulator::fields {

inline std::int64_t round_to_int(double v) { return static_cast<std::int64_t>(std::llround(v)); }

// Speed over ground: 1/10 knot, 1023 = n/a, 1022 = 102.2 knots or more.
inline std::uint64_t sog_tenths(std::optional<double> sog_kn) {
  if (!sog_kn) return 1023;
  return static_cast<std::uint64_t>(std::clamp<std::int64_t>(round_to_int(*sog_kn * 10.0), 0, 1022));
}

// Longitude/latitude in 1/10000 minute (28/27-bit fields); 181°/91° = n/a.
inline std::int64_t lon_ten_thousandth_min(std::optional<double> lon_deg) {
  return lon_deg ? std::clamp<std::int64_t>(round_to_int(*lon_deg * 600000.0), -108000000, 108000000) : 108600000;
}
inline std::int64_t lat_ten_thousandth_min(std::optional<double> lat_deg) {
  return lat_deg ? std::clamp<std::int64_t>(round_to_int(*lat_deg * 600000.0), -54000000, 54000000) : 54600000;
}

// Course over ground: 1/10 degree 0..3599, 3600 = n/a.
inline std::uint64_t cog_tenths(std::optional<double> cog_deg) {
  if (!cog_deg) return 3600;
  std::int64_t v = round_to_int(*cog_deg * 10.0) % 3600;
  if (v < 0) v += 3600;
  return static_cast<std::uint64_t>(v);
}

// True heading 0..359, 511 = n/a.
inline std::uint64_t heading(std::optional<std::uint16_t> heading_deg) {
  return heading_deg ? *heading_deg % 360U : 511U;
}

// Time stamp: UTC second 0..59, 60 = n/a.
inline std::uint64_t utc_second(std::optional<std::uint8_t> second) { return second ? *second % 60U : 60U; }

// Rate of turn: ROT_AIS = 4.733 * sqrt(ROT deg/min) with the sign of the turn, ±126 max, -128 = n/a.
inline std::int64_t rate_of_turn(std::optional<double> rot_deg_per_min) {
  if (!rot_deg_per_min) return -128;
  const double magnitude = std::min(126.0, std::round(4.733 * std::sqrt(std::fabs(*rot_deg_per_min))));
  return static_cast<std::int64_t>(*rot_deg_per_min < 0 ? -magnitude : magnitude);
}

// Draught: 1/10 metre 0..255, 0 = n/a.
inline std::uint64_t draught_tenths(std::optional<double> draught_m) {
  if (!draught_m) return 0;
  return static_cast<std::uint64_t>(std::clamp<std::int64_t>(round_to_int(*draught_m * 10.0), 0, 255));
}

// Dimension fields in metres (ITU Fig. 42): 9, 9, 6, 6 bits.
inline void put_dimensions(BitWriter& w, const AisDimensions& d) {
  w.put_uint(std::min<std::uint64_t>(d.to_bow_m, 511), 9);
  w.put_uint(std::min<std::uint64_t>(d.to_stern_m, 511), 9);
  w.put_uint(std::min<std::uint64_t>(d.to_port_m, 63), 6);
  w.put_uint(std::min<std::uint64_t>(d.to_starboard_m, 63), 6);
}

// Message header common to every type: type 6, repeat indicator 2, MMSI 30.
inline void put_header(BitWriter& w, unsigned type, unsigned repeat, std::uint32_t mmsi) {
  w.put_uint(type, 6);
  w.put_uint(repeat & 3U, 2);
  w.put_uint(mmsi & 0x3FFFFFFFU, 30);
}

}  // namespace aiswatch::simulator::fields
