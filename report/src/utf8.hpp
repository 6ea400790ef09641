// utf8.hpp — private: one step of a strict UTF-8 decoder shared by every escaper in report/.
//
// Strict means what RFC 3629 allows and nothing else: no overlong forms, no surrogates, nothing above
// U+10FFFF. An invalid byte is reported as one invalid step of length 1, so the caller replaces it with
// U+FFFD and resynchronises on the next byte (attacker-controlled AIS/CSV text can hold anything).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aiswatch::report::detail {

struct Utf8Step {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed
  bool valid = false;
};

inline Utf8Step next_code_point(std::string_view s, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t need = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07u, min = 0x10000;
  } else {
    return {};  // continuation byte, C0/C1 overlong lead, or F5..FF
  }
  if (pos + need >= s.size()) return {};  // truncated sequence at the end of the text
  for (std::size_t i = 1; i <= need; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0u) != 0x80u) return {};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, need + 1, true};
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace aiswatch::report::detail
