// text.hpp — byte-level text helpers shared by the importers (private to watchlists/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aiswatch::watchlists::detail {

bool is_valid_utf8(std::string_view bytes) noexcept;

// Latin-1 to UTF-8; 0x80–0x9F are read as Windows-1252 (curly quotes, dashes), as such files often are.
std::string latin1_to_utf8(std::string_view bytes);

// UTF-8 kept as it is; anything else decoded as latin-1 and `was_latin1` set.
std::string to_utf8(std::string_view bytes, bool& was_latin1);

// The code point at `pos` (advanced past it); a byte that does not start valid UTF-8 is read as latin-1.
char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept;

std::string_view trim(std::string_view s) noexcept;
bool iequals(std::string_view a, std::string_view b) noexcept;
bool istarts_with(std::string_view s, std::string_view prefix) noexcept;
std::string to_upper_ascii(std::string_view s);

// Printable ASCII for issue messages: control and non-ASCII bytes as \xNN, cut at `max` characters.
std::string printable(std::string_view s, std::size_t max = 60);

// "9179842", "IMO 9179842", "IMO9179842", "IMO: 9179842" -> 9179842; nullopt unless exactly 7 digits.
std::optional<std::uint32_t> parse_imo(std::string_view s) noexcept;
// Exactly 9 digits ("MMSI " prefix allowed).
std::optional<std::uint32_t> parse_mmsi(std::string_view s) noexcept;
// All digits, fits in 32 bits.
std::optional<std::uint32_t> parse_uint(std::string_view s) noexcept;

// The file name without directories, for entry sources and team list names.
std::string base_name(std::string_view path);

}  // namespace aiswatch::watchlists::detail
