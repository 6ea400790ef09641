// Epoch counts in the data (tag block c:, trailing fields, bare ",epoch" lines): seconds or milliseconds.
#include "aiswatch/ais/nmea.hpp"

namespace aiswatch::ais {

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
