// msg_12_14.cpp — type 12 (addressed safety related message, ITU-R M.1371-5, Annex 8, §3.10,
// Table 62) and type 14 (safety related broadcast, §3.11, Table 64): six-bit text to the end.
//
//   type 12:  38 2 sequence number, 40 30 destination MMSI, 70 1 retransmit flag, 71 1 spare,
//             72 ... text (≤ 936 bits = 156 characters)
//   type 14:  38 2 spare, 40 ... text (≤ 968 bits = 161 characters)
// Only whole characters are read; a trailing partial character is ignored.
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_12(const BitBuffer& b, AddressedSafetyText& m) noexcept {
  m.sequence = static_cast<std::uint8_t>(b.ubits(38, 2));
  m.dest_mmsi = b.ubits(40, 30);
  m.retransmitted = b.bit(70);
  read_text(b, 72, chars_to_end(b, 72), m.text);
}

void decode_msg_14(const BitBuffer& b, SafetyBroadcastText& m) noexcept {
  read_text(b, 40, chars_to_end(b, 40), m.text);
}

}  // namespace aiswatch::ais::detail
