// NMEA checksum and the small number parsers the framing shares.
#include <cstring>

#include "aiswatch/ais/nmea.hpp"

namespace aiswatch::ais {

std::uint8_t nmea_checksum(std::string_view text) noexcept {
  // XOR eight bytes at a time, then fold: the per-byte loop is the hot spot of framing otherwise.
  std::uint64_t wide = 0;
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    wide ^= word;
  }
  wide ^= wide >> 32;
  wide ^= wide >> 16;
  wide ^= wide >> 8;
  auto sum = static_cast<std::uint8_t>(wide);
  for (; n > 0; ++p, --n) sum ^= static_cast<std::uint8_t>(*p);
  return sum;
}

namespace {
constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
}  // namespace

std::optional<std::uint8_t> parse_hex_byte(char high, char low) noexcept {
  const int h = hex_value(high);
  const int l = hex_value(low);
  if (h < 0 || l < 0) return std::nullopt;
  return static_cast<std::uint8_t>(h * 16 + l);
}

std::optional<UnixMillis> parse_epoch(std::string_view digits) noexcept {
  // 13 digits hold milliseconds up to the year 2286; more cannot be a real receive time.
  if (digits.empty() || digits.size() > 13) return std::nullopt;
  std::int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  constexpr std::int64_t kMillisThreshold = 100'000'000'000;  // 10^11
  return value < kMillisThreshold ? value * 1000 : value;
}

}  // namespace aiswatch::ais
