// msg_10_15_16.cpp — the short station commands (ITU-R M.1371-5, Annex 8):
//
// type 10, UTC and date inquiry (§3.9, Table 61):    38 2 spare, 40 30 destination MMSI, 70 2 spare = 72
// type 15, interrogation (§3.12, Table 65):
//    40 30 MMSI 1, 70 6 message ID 1.1, 76 12 slot offset 1.1, 88 2 spare               = 88 bits
//    90 6 message ID 1.2, 96 12 slot offset 1.2, 108 2 spare                           = 110 (112)
//   110 30 MMSI 2, 140 6 message ID 2.1, 146 12 slot offset 2.1, 158 2 spare           = 160 bits
// type 16, assigned mode command (§3.13, Table 66):
//    40 30 MMSI A, 70 12 offset A, 82 10 increment A                                   = 96 (92 + 4 spare)
//    92 30 MMSI B, 122 12 offset B, 134 10 increment B                                 = 144 bits
// Fields past the end of a short form read as zero, which is what ITU means by "not sent".
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_10(const BitBuffer& b, UtcInquiry& m) noexcept {
  m.dest_mmsi = b.ubits(40, 30);
}

void decode_msg_15(const BitBuffer& b, Interrogation& m) noexcept {
  m.mmsi1 = b.ubits(40, 30);
  m.type1_1 = static_cast<std::uint8_t>(b.ubits(70, 6));
  m.offset1_1 = static_cast<std::uint16_t>(b.ubits(76, 12));
  m.type1_2 = static_cast<std::uint8_t>(b.ubits(90, 6));
  m.offset1_2 = static_cast<std::uint16_t>(b.ubits(96, 12));
  m.mmsi2 = b.ubits(110, 30);
  m.type2_1 = static_cast<std::uint8_t>(b.ubits(140, 6));
  m.offset2_1 = static_cast<std::uint16_t>(b.ubits(146, 12));
}

void decode_msg_16(const BitBuffer& b, AssignedModeCommand& m) noexcept {
  m.first = {b.ubits(40, 30), static_cast<std::uint16_t>(b.ubits(70, 12)), static_cast<std::uint16_t>(b.ubits(82, 10))};
  if (b.bit_count() >= 144)
    m.second = AssignedModeCommand::Assignment{b.ubits(92, 30), static_cast<std::uint16_t>(b.ubits(122, 12)),
                                               static_cast<std::uint16_t>(b.ubits(134, 10))};
}

}  // namespace aiswatch::ais::detail
