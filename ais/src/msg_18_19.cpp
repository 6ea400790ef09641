// msg_18_19.cpp — type 18 (standard class B position report, ITU-R M.1371-5, Annex 8, §3.15,
// Table 68) and type 19 (extended class B position report, §3.16, Table 70).
//
//   common:  38 8 reserved for regional applications, 46 10 SOG 1/10 kn, 56 1 accuracy,
//            57 28 longitude 1/10000', 85 27 latitude, 112 12 COG 1/10°, 124 9 true heading,
//            133 6 time stamp
//   type 18: 139 2 regional, 141 1 CS unit, 142 1 display, 143 1 DSC, 144 1 band, 145 1 message 22,
//            146 1 assigned, 147 1 RAIM, 148 20 comm. state selector + state            = 168 bits
//   type 19: 139 4 regional, 143 120 name, 263 8 ship type, 271 30 dimensions, 301 4 EPFD,
//            305 1 RAIM, 306 1 DTE, 307 1 assigned, 308 4 spare                         = 312 bits
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

namespace {
template <class Report>
void read_class_b_kinematics(const BitBuffer& b, Report& m) noexcept {
  m.regional_reserved = static_cast<std::uint8_t>(b.ubits(38, 8));
  m.sog_kn = sog_tenths(b.ubits(46, 10));
  m.position_accuracy_high = b.bit(56);
  m.lon_deg = lon_1e4_min(b.sbits(57, 28));
  m.lat_deg = lat_1e4_min(b.sbits(85, 27));
  m.cog_deg = cog_tenths(b.ubits(112, 12));
  m.heading_deg = heading(b.ubits(124, 9));
  m.utc_second = static_cast<std::uint8_t>(b.ubits(133, 6));
}
}  // namespace

void decode_msg_18(const BitBuffer& b, ClassBPositionReport& m) noexcept {
  read_class_b_kinematics(b, m);
  m.regional = static_cast<std::uint8_t>(b.ubits(139, 2));
  m.cs_unit = b.bit(141);
  m.has_display = b.bit(142);
  m.has_dsc = b.bit(143);
  m.whole_band = b.bit(144);
  m.accepts_msg22 = b.bit(145);
  m.assigned = b.bit(146);
  m.raim = b.bit(147);
  m.radio = b.ubits(148, 20);
}

void decode_msg_19(const BitBuffer& b, ClassBExtendedReport& m) noexcept {
  read_class_b_kinematics(b, m);
  m.regional = static_cast<std::uint8_t>(b.ubits(139, 4));
  read_text(b, 143, 20, m.shipname);
  m.ship_type = nonzero<std::uint8_t>(b.ubits(263, 8));
  m.dimensions = read_dimensions(b, 271);
  m.epfd = static_cast<std::uint8_t>(b.ubits(301, 4));
  m.raim = b.bit(305);
  m.dte_not_ready = b.bit(306);
  m.assigned = b.bit(307);
}

}  // namespace aiswatch::ais::detail
