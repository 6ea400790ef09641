// msg_25_26.cpp — type 25 (single slot binary message, ITU-R M.1371-5, Annex 8, §3.22, Table 81) and
// type 26 (multiple slot binary message with communication state, §3.23, Table 82).
//
//   bit  len  field
//    38    1  destination indicator (1 = addressed)
//    39    1  binary data flag (1 = structured: starts with a 16-bit application ID, DAC 10 + FI 6)
//    40   30  destination MMSI, when addressed
//   next  16  application ID, when structured
//   next ...  binary data
//   type 26 only: the last 20 bits are the communication state selector (1) and state (19).
// The destination is read as 30 bits with no spare after it, as gpsd and libais both do.
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

namespace {
// Reads the flags and optional fields; returns the bit where the binary data starts.
template <class Msg>
std::size_t read_binary_header(const BitBuffer& b, Msg& m) noexcept {
  m.addressed = b.bit(38);
  m.structured = b.bit(39);
  std::size_t at = 40;
  if (m.addressed) {
    m.dest_mmsi = b.ubits(at, 30);
    at += 30;
  }
  if (m.structured) {
    m.app_id = static_cast<std::uint16_t>(b.ubits(at, 16));
    at += 16;
  }
  return at;
}
}  // namespace

void decode_msg_25(const BitBuffer& b, SingleSlotBinary& m) noexcept {
  read_data(b, read_binary_header(b, m), m.data);
}

void decode_msg_26(const BitBuffer& b, MultiSlotBinary& m) noexcept {
  const std::size_t data_start = read_binary_header(b, m);
  const std::size_t radio_start = b.bit_count() - 20;  // the length table guarantees room for it
  m.radio = b.ubits(radio_start, 20);
  const std::size_t n = radio_start - data_start;
  m.data.bit_count = static_cast<std::uint16_t>(n);
  for (std::size_t i = 0; i * 8 < n; ++i) {
    // Bytes are read whole, then the bits that belong to the communication state are cleared.
    std::uint32_t byte = b.ubits(data_start + 8 * i, 8);
    if (n - 8 * i < 8) byte &= 0xFFu << (8 - (n - 8 * i));
    m.data.bytes[i] = static_cast<std::uint8_t>(byte);
  }
}

}  // namespace aiswatch::ais::detail
