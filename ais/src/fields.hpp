// fields.hpp — shared field readers of the per-type decoders: six-bit text, binary data, positions,
// speed/course/heading with their "not available" sentinels (ITU-R M.1371-5, Annex 8 and Table 46).
//
// Private to the decoder; every function reads from a BitBuffer whose length the caller has checked
// against the type's table row (message_lengths.cpp).
//   out.lon_deg = lon_1e4_min(b.sbits(61, 28));
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "aiswatch/ais/messages.hpp"
#include "bit_buffer.hpp"

namespace aiswatch::ais::detail {

// ITU six-bit ASCII (Table 47): 0..31 are '@'..'_', 32..63 are ' '..'?'.
inline constexpr char kSixBitAscii[65] = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?";

// Reads `count` six-bit characters from bit `start` into `out` as they are (no trimming).
inline void read_chars(const BitBuffer& b, std::size_t start, std::size_t count, char* out) noexcept {
  for (std::size_t i = 0; i < count; ++i) out[i] = kSixBitAscii[b.ubits(start + 6 * i, 6)];
}

// Length of `chars` without its trailing '@' padding and spaces. A '@' before other characters is
// kept: only trailing padding means "not available".
inline std::size_t trimmed_size(const char* chars, std::size_t count) noexcept {
  while (count > 0 && (chars[count - 1] == '@' || chars[count - 1] == ' ')) --count;
  return count;
}

// Reads `count` characters (at most N) from bit `start`, trimmed.
template <std::size_t N>
void read_text(const BitBuffer& b, std::size_t start, std::size_t count, SixBitText<N>& out) noexcept {
  if (count > N) count = N;
  read_chars(b, start, count, out.chars.data());
  out.size = static_cast<std::uint8_t>(trimmed_size(out.chars.data(), count));
}

// Whole characters between bit `start` and the end of the message (variable-length text).
inline std::size_t chars_to_end(const BitBuffer& b, std::size_t start) noexcept {
  return b.bit_count() > start ? (b.bit_count() - start) / 6 : 0;
}

// Copies the bits from `start` to the end of the message, most significant bit first.
inline void read_data(const BitBuffer& b, std::size_t start, BinaryData& out) noexcept {
  const std::size_t n = b.bit_count() > start ? b.bit_count() - start : 0;
  out.bit_count = static_cast<std::uint16_t>(n);
  const std::size_t bytes = (n + 7) / 8;  // bits past the end read as zero, so the last byte is clean
  for (std::size_t i = 0; i < bytes; ++i) out.bytes[i] = static_cast<std::uint8_t>(b.ubits(start + 8 * i, 8));
}

// Positions in 1/10000 minute (28/27-bit fields): 181° / 91° mean "not available".
inline std::optional<double> lon_1e4_min(std::int32_t raw) noexcept {
  if (raw == 181 * 600000) return std::nullopt;
  return raw / 600000.0;
}
inline std::optional<double> lat_1e4_min(std::int32_t raw) noexcept {
  if (raw == 91 * 600000) return std::nullopt;
  return raw / 600000.0;
}
// Positions in 1/10 minute (types 17, 22, 23, 27).
inline std::optional<double> lon_1e1_min(std::int32_t raw) noexcept {
  if (raw == 181 * 600) return std::nullopt;
  return raw / 600.0;
}
inline std::optional<double> lat_1e1_min(std::int32_t raw) noexcept {
  if (raw == 91 * 600) return std::nullopt;
  return raw / 600.0;
}

// Speed over ground in 1/10 knot (10 bits): 1023 = not available.
inline std::optional<float> sog_tenths(std::uint32_t raw) noexcept {
  if (raw == 1023) return std::nullopt;
  return static_cast<float>(raw) / 10.0f;
}
// Course over ground in 1/10 degree (12 bits): 3600 = not available.
inline std::optional<float> cog_tenths(std::uint32_t raw) noexcept {
  if (raw == 3600) return std::nullopt;
  return static_cast<float>(raw) / 10.0f;
}
// True heading in degrees (9 bits): 511 = not available.
inline std::optional<std::uint16_t> heading(std::uint32_t raw) noexcept {
  if (raw == 511) return std::nullopt;
  return static_cast<std::uint16_t>(raw);
}

// Dimensions to bow/stern (9 bits each) and port/starboard (6 bits each) from bit `start`; 0 = n/a.
inline ShipDimensions read_dimensions(const BitBuffer& b, std::size_t start) noexcept {
  ShipDimensions d;
  if (const auto v = b.ubits(start, 9); v != 0) d.to_bow_m = static_cast<std::uint16_t>(v);
  if (const auto v = b.ubits(start + 9, 9); v != 0) d.to_stern_m = static_cast<std::uint16_t>(v);
  if (const auto v = b.ubits(start + 18, 6); v != 0) d.to_port_m = static_cast<std::uint8_t>(v);
  if (const auto v = b.ubits(start + 24, 6); v != 0) d.to_starboard_m = static_cast<std::uint8_t>(v);
  return d;
}

// Non-zero value, else nullopt (IMO number, ship type, draught and the like where 0 = n/a).
template <class T>
std::optional<T> nonzero(std::uint32_t raw) noexcept {
  if (raw == 0) return std::nullopt;
  return static_cast<T>(raw);
}

}  // namespace aiswatch::ais::detail
