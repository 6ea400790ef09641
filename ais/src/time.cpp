#include "aiswatch/ais/time.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace aiswatch {

std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

struct Civil {
  int year;
  unsigned month, day;
};

Civil civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

bool read_fixed(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

}  // namespace

std::size_t format_iso8601(UnixMillis t, char* buf) {
  std::int64_t days = t / 86'400'000;
  std::int64_t ms_of_day = t % 86'400'000;
  if (ms_of_day < 0) {
    ms_of_day += 86'400'000;
    --days;
  }
  const Civil c = civil_from_days(days);
  const auto secs = static_cast<int>(ms_of_day / 1000);
  const auto ms = static_cast<int>(ms_of_day % 1000);
  if (c.year >= 0 && c.year <= 9999) {
    // Hand-formatted: this runs once per decoded message in `aiswatch decode` (snprintf was a third of
    // the JSON writer's time).
    const auto put = [&buf](std::size_t at, unsigned value, unsigned digits) {
      for (std::size_t i = at + digits; i-- > at;) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
      }
    };
    put(0, static_cast<unsigned>(c.year), 4);
    buf[4] = '-';
    put(5, c.month, 2);
    buf[7] = '-';
    put(8, c.day, 2);
    buf[10] = 'T';
    put(11, static_cast<unsigned>(secs / 3600), 2);
    buf[13] = ':';
    put(14, static_cast<unsigned>(secs / 60 % 60), 2);
    buf[16] = ':';
    put(17, static_cast<unsigned>(secs % 60), 2);
    std::size_t n = 19;
    if (ms != 0) {
      buf[19] = '.';
      put(20, static_cast<unsigned>(ms), 3);
      n = 23;
    }
    buf[n++] = 'Z';
    buf[n] = '\0';
    return n;
  }
  int n;
  if (ms == 0)
    n = std::snprintf(buf, 25, "%04d-%02u-%02uT%02d:%02d:%02dZ", c.year, c.month, c.day, secs / 3600,
                      secs / 60 % 60, secs % 60);
  else
    n = std::snprintf(buf, 25, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", c.year, c.month, c.day, secs / 3600,
                      secs / 60 % 60, secs % 60, ms);
  return n > 0 ? static_cast<std::size_t>(n) : 0;
}

std::string format_iso8601(UnixMillis t) {
  std::array<char, 32> buf{};
  return std::string(buf.data(), format_iso8601(t, buf.data()));
}

std::optional<UnixMillis> parse_iso8601(std::string_view s) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (!read_fixed(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !read_fixed(s, 5, 2, month) || s[7] != '-' ||
      !read_fixed(s, 8, 2, day))
    return std::nullopt;
  std::size_t pos = 10;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    if (!read_fixed(s, pos + 1, 2, hour) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !read_fixed(s, pos + 4, 2, minute))
      return std::nullopt;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!read_fixed(s, pos + 1, 2, second)) return std::nullopt;
      pos += 3;
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          millis += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
      }
    }
  }
  std::string_view zone = s.substr(pos);
  if (!(zone.empty() || zone == "Z" || zone == "+00:00" || zone == "+0000")) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return ((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL + millis;
}

}  // namespace aiswatch
