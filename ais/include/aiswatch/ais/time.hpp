// time.hpp — the one time representation of aiswatch: milliseconds since the Unix epoch, UTC.
//
// Time comes from the data (tag block c:, trailing epoch, $PGHP, CSV column) whenever it carries it.
//   UnixMillis t = 1541030400000;
//   format_iso8601(t) == "2018-11-01T00:00:00Z"
//   parse_iso8601("2022-01-03T00:00:01") -> 1641168001000 (a missing zone means UTC)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aiswatch {

using UnixMillis = std::int64_t;

// "YYYY-MM-DDTHH:MM:SSZ", or with ".mmm" before the Z when the milliseconds are not zero.
std::string format_iso8601(UnixMillis t);
// Writes into buf (at least 25 chars); returns the number of characters written. For hot output paths.
std::size_t format_iso8601(UnixMillis t, char* buf);

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]", a space instead of 'T', and an optional
// trailing "Z" or "+00:00". Returns nullopt for anything else (including out-of-range fields).
std::optional<UnixMillis> parse_iso8601(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept;

}  // namespace aiswatch
