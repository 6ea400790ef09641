// msg_9.cpp — type 9: standard SAR aircraft position report (ITU-R M.1371-5, Annex 8, §3.8, Table 60).
//
//   bit  len  field                          bit  len  field
//    38   12  altitude, m (4095 = n/a)       128    6  time stamp
//    50   10  SOG, kn (1023 = n/a)           134    1  altitude sensor   (gpsd: 8-bit "regional"
//    60    1  position accuracy              135    7  spare              = sensor + spare)
//    61   28  longitude, 1/10000'            142    1  DTE
//    89   27  latitude, 1/10000'             143    3  spare
//   116   12  COG, 1/10° (3600 = n/a)        146    1  assigned mode flag
//                                            147    1  RAIM flag
//                                            148   20  comm. state selector + state   = 168 bits
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_9(const BitBuffer& b, SarAircraftReport& m) noexcept {
  if (const auto v = b.ubits(38, 12); v != 4095) m.altitude_m = static_cast<std::uint16_t>(v);
  if (const auto v = b.ubits(50, 10); v != 1023) m.sog_kn = static_cast<std::uint16_t>(v);
  m.position_accuracy_high = b.bit(60);
  m.lon_deg = lon_1e4_min(b.sbits(61, 28));
  m.lat_deg = lat_1e4_min(b.sbits(89, 27));
  m.cog_deg = cog_tenths(b.ubits(116, 12));
  m.utc_second = static_cast<std::uint8_t>(b.ubits(128, 6));
  m.regional = static_cast<std::uint8_t>(b.ubits(134, 8));
  m.dte_not_ready = b.bit(142);
  m.assigned = b.bit(146);
  m.raim = b.bit(147);
  m.radio = b.ubits(148, 20);
}

}  // namespace aiswatch::ais::detail
