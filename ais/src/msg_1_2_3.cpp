// msg_1_2_3.cpp — types 1, 2, 3: class A position report (ITU-R M.1371-5, Annex 8, §3.1, Table 45).
//
//   bit  len  field
//     0    6  message ID (1, 2 or 3)       42    8  rate of turn ROT_AIS (signed; -128 = n/a)
//     6    2  repeat indicator             50   10  SOG, 1/10 kn (1023 = n/a)
//     8   30  MMSI                         60    1  position accuracy
//    38    4  navigational status          61   28  longitude, 1/10000' (181° = n/a)
//    89   27  latitude, 1/10000' (91° = n/a)
//   116   12  COG, 1/10° (3600 = n/a)      143    2  special manoeuvre indicator
//   128    9  true heading (511 = n/a)     145    3  spare
//   137    6  time stamp (UTC second)      148    1  RAIM flag
//   149   19  communication state                   = 168 bits
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_1_2_3(const BitBuffer& b, ClassAPositionReport& m) noexcept {
  m.nav_status = static_cast<std::uint8_t>(b.ubits(38, 4));
  if (const std::int32_t rot = b.sbits(42, 8); rot != -128) m.rot_ais = static_cast<std::int8_t>(rot);
  m.sog_kn = sog_tenths(b.ubits(50, 10));
  m.position_accuracy_high = b.bit(60);
  m.lon_deg = lon_1e4_min(b.sbits(61, 28));
  m.lat_deg = lat_1e4_min(b.sbits(89, 27));
  m.cog_deg = cog_tenths(b.ubits(116, 12));
  m.heading_deg = heading(b.ubits(128, 9));
  m.utc_second = static_cast<std::uint8_t>(b.ubits(137, 6));
  m.maneuver = static_cast<std::uint8_t>(b.ubits(143, 2));
  m.raim = b.bit(148);
  m.radio = b.ubits(149, 19);
}

}  // namespace aiswatch::ais::detail
