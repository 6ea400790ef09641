// Gatehouse `$PGHP` wrapper sentences: `$PGHP,1,2020,12,31,23,59,58,239,0,0,0,1,2C*5B` gives the receive
// time (year, month, day, hour, minute, second, millisecond; UTC) of the AIS sentence that follows.
#include <array>
#include <charconv>

#include "nmea_fields.hpp"

namespace aiswatch::ais::detail {

std::optional<UnixMillis> parse_gatehouse_time(std::string_view line) noexcept {
  constexpr std::string_view kPrefix = "$PGHP,1,";
  if (line.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::string_view rest = line.substr(kPrefix.size());
  std::array<int, 7> v{};  // year, month, day, hour, minute, second, millisecond
  for (int& field : v) {
    const auto r = std::from_chars(rest.data(), rest.data() + rest.size(), field);
    if (r.ec != std::errc{} || r.ptr == rest.data() + rest.size() || *r.ptr != ',') return std::nullopt;
    rest.remove_prefix(static_cast<std::size_t>(r.ptr - rest.data()) + 1);
  }
  const auto [year, month, day, hour, minute, second, millis] = v;
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || millis < 0 || millis > 999)
    return std::nullopt;
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return ((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL + millis;
}

}  // namespace aiswatch::ais::detail
