// msg_22_23.cpp — type 22 (channel management, ITU-R M.1371-5, Annex 8, §3.19, Table 76) and type 23
// (group assignment command, §3.20, Table 78). Area corners are in 1/10 minute.
//
//   type 22:  38 2 spare, 40 12 channel A, 52 12 channel B, 64 4 Tx/Rx mode, 68 1 power,
//             69 18 NE longitude | 69 30 MMSI 1      (addressed flag decides which)
//             87 17 NE latitude  | 99  5 spare
//            104 18 SW longitude | 104 30 MMSI 2
//            122 17 SW latitude  | 134  5 spare
//            139 1 addressed, 140 1 channel A bandwidth, 141 1 channel B bandwidth,
//            142 3 transitional zone size, 145 23 spare                              = 168 bits
//   type 23:  38 2 spare, 40 18 NE longitude, 58 17 NE latitude, 75 18 SW longitude, 93 17 SW latitude,
//            110 4 station type, 114 8 ship type, 122 22 spare, 144 2 Tx/Rx mode,
//            146 4 reporting interval, 150 4 quiet time, 154 6 spare                  = 160 bits
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_22(const BitBuffer& b, ChannelManagement& m) noexcept {
  m.channel_a = static_cast<std::uint16_t>(b.ubits(40, 12));
  m.channel_b = static_cast<std::uint16_t>(b.ubits(52, 12));
  m.txrx = static_cast<std::uint8_t>(b.ubits(64, 4));
  m.low_power = b.bit(68);
  m.addressed = b.bit(139);
  if (m.addressed) {
    m.dest1_mmsi = b.ubits(69, 30);
    m.dest2_mmsi = b.ubits(104, 30);
  } else {
    m.ne_lon_deg = b.sbits(69, 18) / 600.0;
    m.ne_lat_deg = b.sbits(87, 17) / 600.0;
    m.sw_lon_deg = b.sbits(104, 18) / 600.0;
    m.sw_lat_deg = b.sbits(122, 17) / 600.0;
  }
  m.band_a_narrow = b.bit(140);
  m.band_b_narrow = b.bit(141);
  m.zone_size = static_cast<std::uint8_t>(b.ubits(142, 3));
}

void decode_msg_23(const BitBuffer& b, GroupAssignmentCommand& m) noexcept {
  m.ne_lon_deg = b.sbits(40, 18) / 600.0;
  m.ne_lat_deg = b.sbits(58, 17) / 600.0;
  m.sw_lon_deg = b.sbits(75, 18) / 600.0;
  m.sw_lat_deg = b.sbits(93, 17) / 600.0;
  m.station_type = static_cast<std::uint8_t>(b.ubits(110, 4));
  m.ship_type = static_cast<std::uint8_t>(b.ubits(114, 8));
  m.txrx = static_cast<std::uint8_t>(b.ubits(144, 2));
  m.interval = static_cast<std::uint8_t>(b.ubits(146, 4));
  m.quiet_min = static_cast<std::uint8_t>(b.ubits(150, 4));
}

}  // namespace aiswatch::ais::detail
