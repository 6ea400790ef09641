// msg_6_8.cpp — type 6 (addressed binary message, ITU-R M.1371-5, Annex 8, §3.5, Table 54) and type 8
// (binary broadcast message, §3.7, Table 58). The application data after DAC/FI is kept as bits.
//
//   type 6:  bit  len  field                  type 8:  bit  len  field
//             38    2  sequence number                  38    2  spare
//             40   30  destination MMSI                 40   10  DAC
//             70    1  retransmit flag                  50    6  FI
//             71    1  spare                            56  ...  application data (≤ 952 bits)
//             72   10  DAC
//             82    6  FI
//             88  ...  application data (≤ 920 bits)
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_6(const BitBuffer& b, AddressedBinary& m) noexcept {
  m.sequence = static_cast<std::uint8_t>(b.ubits(38, 2));
  m.dest_mmsi = b.ubits(40, 30);
  m.retransmitted = b.bit(70);
  m.dac = static_cast<std::uint16_t>(b.ubits(72, 10));
  m.fid = static_cast<std::uint8_t>(b.ubits(82, 6));
  read_data(b, 88, m.data);
}

void decode_msg_8(const BitBuffer& b, BroadcastBinary& m) noexcept {
  m.dac = static_cast<std::uint16_t>(b.ubits(40, 10));
  m.fid = static_cast<std::uint8_t>(b.ubits(50, 6));
  read_data(b, 56, m.data);
}

}  // namespace aiswatch::ais::detail
