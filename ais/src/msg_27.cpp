// msg_27.cpp — type 27: long-range AIS broadcast message (ITU-R M.1371-5, Annex 8, §3.24, Table 83).
//
//   bit  len  field                          bit  len  field
//    38    1  position accuracy               62   17  latitude, 1/10' (91° = n/a)
//    39    1  RAIM flag                       79    6  SOG, kn (63 = n/a)
//    40    4  navigational status             85    9  COG, degrees (511 = n/a)
//    44   18  longitude, 1/10' (181° = n/a)   94    1  position latency (1 = over 5 s; M.1371-4: GNSS
//                                                       position status, 1 = not current)
//                                             95    1  spare                   = 96 bits
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_27(const BitBuffer& b, LongRangePosition& m) noexcept {
  m.position_accuracy_high = b.bit(38);
  m.raim = b.bit(39);
  m.nav_status = static_cast<std::uint8_t>(b.ubits(40, 4));
  m.lon_deg = lon_1e1_min(b.sbits(44, 18));
  m.lat_deg = lat_1e1_min(b.sbits(62, 17));
  if (const auto v = b.ubits(79, 6); v != 63) m.sog_kn = static_cast<std::uint8_t>(v);
  if (const auto v = b.ubits(85, 9); v != 511) m.cog_deg = static_cast<std::uint16_t>(v);
  m.position_latency_over_5s = b.bit(94);
}

}  // namespace aiswatch::ais::detail
