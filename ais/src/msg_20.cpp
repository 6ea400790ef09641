// msg_20.cpp — type 20: data link management message (ITU-R M.1371-5, Annex 8, §3.17, Table 72).
//
//   bit  len  field
//    38    2  spare
//    40   30  reservation 1: offset 12, number of slots 4, timeout 3, increment 11   = 72 bits (2 spare)
//    70   30  reservation 2 (optional)                                              = 104
//   100   30  reservation 3 (optional)                                              = 136
//   130   30  reservation 4 (optional)                                              = 160
// Only whole reservations are read.
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_20(const BitBuffer& b, DataLinkManagement& m) noexcept {
  std::size_t n = (b.bit_count() - 40) / 30;  // the length table guarantees >= 72 bits
  if (n > m.reservations.size()) n = m.reservations.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t at = 40 + 30 * i;
    auto& r = m.reservations[i];
    r.offset = static_cast<std::uint16_t>(b.ubits(at, 12));
    r.number = static_cast<std::uint8_t>(b.ubits(at + 12, 4));
    r.timeout = static_cast<std::uint8_t>(b.ubits(at + 16, 3));
    r.increment = static_cast<std::uint16_t>(b.ubits(at + 19, 11));
  }
  m.count = static_cast<std::uint8_t>(n);
}

}  // namespace aiswatch::ais::detail
