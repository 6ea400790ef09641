// msg_7_13.cpp — type 7 (binary acknowledge) and type 13 (safety related acknowledge), ITU-R M.1371-5,
// Annex 8, §3.6, Table 57: after 2 spare bits, one to four (destination MMSI 30, sequence 2) pairs.
//
//   bit  len  field
//    38    2  spare
//    40   32  destination 1: MMSI (30) + sequence number (2)      = 72 bits
//    72   32  destination 2 (optional)                            = 104 bits
//   104   32  destination 3 (optional)                            = 136 bits
//   136   32  destination 4 (optional)                            = 168 bits
// Lengths between those steps are seen on air; only whole pairs are read.
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_7_13(const BitBuffer& b, Acknowledge& m) noexcept {
  std::size_t pairs = (b.bit_count() - 40) / 32;  // the length table guarantees >= 72 bits
  if (pairs > m.entries.size()) pairs = m.entries.size();
  for (std::size_t i = 0; i < pairs; ++i) {
    m.entries[i].mmsi = b.ubits(40 + 32 * i, 30);
    m.entries[i].sequence = static_cast<std::uint8_t>(b.ubits(70 + 32 * i, 2));
  }
  m.count = static_cast<std::uint8_t>(pairs);
}

}  // namespace aiswatch::ais::detail
