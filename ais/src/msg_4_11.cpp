// msg_4_11.cpp — type 4 (base station report) and type 11 (UTC/date response), ITU-R M.1371-5,
// Annex 8, §3.3, Table 48.
//
//   bit  len  field                          bit  len  field
//    38   14  UTC year (0 = n/a)              79   28  longitude, 1/10000'
//    52    4  month (0 = n/a)                107   27  latitude, 1/10000'
//    56    5  day (0 = n/a)                  134    4  type of EPFD
//    61    5  hour (24 = n/a)                138    1  transmission control for long-range
//    66    6  minute (60 = n/a)              139    9  spare
//    72    6  second (60 = n/a)              148    1  RAIM flag
//    78    1  position accuracy              149   19  communication state    = 168 bits
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_4_11(const BitBuffer& b, BaseStationReport& m) noexcept {
  if (const auto v = b.ubits(38, 14); v != 0) m.utc.year = static_cast<std::uint16_t>(v);
  if (const auto v = b.ubits(52, 4); v != 0) m.utc.month = static_cast<std::uint8_t>(v);
  if (const auto v = b.ubits(56, 5); v != 0) m.utc.day = static_cast<std::uint8_t>(v);
  if (const auto v = b.ubits(61, 5); v != 24) m.utc.hour = static_cast<std::uint8_t>(v);
  if (const auto v = b.ubits(66, 6); v != 60) m.utc.minute = static_cast<std::uint8_t>(v);
  if (const auto v = b.ubits(72, 6); v != 60) m.utc.second = static_cast<std::uint8_t>(v);
  m.position_accuracy_high = b.bit(78);
  m.lon_deg = lon_1e4_min(b.sbits(79, 28));
  m.lat_deg = lat_1e4_min(b.sbits(107, 27));
  m.epfd = static_cast<std::uint8_t>(b.ubits(134, 4));
  m.raim = b.bit(148);
  m.radio = b.ubits(149, 19);
}

}  // namespace aiswatch::ais::detail
