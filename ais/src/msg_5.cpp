// msg_5.cpp — type 5: static and voyage related data (ITU-R M.1371-5, Annex 8, §3.4, Table 52).
//
//   bit  len  field                          bit  len  field
//    38    2  AIS version indicator          270    4  type of EPFD
//    40   30  IMO number (0 = n/a)           274   20  ETA month/day/hour/minute (4/5/5/6 bits;
//    70   42  call sign, 7 six-bit chars                0/0/24/60 = n/a)
//   112  120  name, 20 chars                 294    8  draught, 1/10 m (0 = n/a)
//   232    8  type of ship and cargo         302  120  destination, 20 chars
//   240   30  dimensions (9/9/6/6 bits)      422    1  DTE (0 = available)
//                                            423    1  spare                   = 424 bits
// Many transmitters send 420 or 422 bits (gpsd accepts them); the missing tail reads as zero.
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_5(const BitBuffer& b, StaticVoyageData& m) noexcept {
  m.ais_version = static_cast<std::uint8_t>(b.ubits(38, 2));
  m.imo = nonzero<std::uint32_t>(b.ubits(40, 30));
  read_text(b, 70, 7, m.callsign);
  read_text(b, 112, 20, m.shipname);
  m.ship_type = nonzero<std::uint8_t>(b.ubits(232, 8));
  m.dimensions = read_dimensions(b, 240);
  m.epfd = static_cast<std::uint8_t>(b.ubits(270, 4));
  m.eta.month = static_cast<std::uint8_t>(b.ubits(274, 4));
  m.eta.day = static_cast<std::uint8_t>(b.ubits(278, 5));
  m.eta.hour = static_cast<std::uint8_t>(b.ubits(283, 5));
  m.eta.minute = static_cast<std::uint8_t>(b.ubits(288, 6));
  if (const auto v = b.ubits(294, 8); v != 0) m.draught_m = static_cast<float>(v) / 10.0f;
  read_text(b, 302, 20, m.destination);
  m.dte_not_ready = b.bit(422);
}

}  // namespace aiswatch::ais::detail
