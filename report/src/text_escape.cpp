// text_escape.cpp — see text_escape.hpp. Runs of plain ASCII are copied in one append; only the bytes
// that need attention go through the UTF-8 decoder.
#include "aiswatch/report/text_escape.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>

#include "utf8.hpp"

namespace aiswatch::report {

namespace {

using detail::kReplacementCharacter;
using detail::next_code_point;

bool is_bidi_control(char32_t cp) noexcept {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_noncharacter(char32_t cp) noexcept {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
}

bool is_c1_control(char32_t cp) noexcept { return cp >= 0x80 && cp <= 0x9F; }

// Appends `text` with `plain(byte)` deciding which ASCII bytes are copied as they are; every other byte
// starts a code point handed to `special(out, step, bytes)`.
template <class Plain, class Special>
void escape_with(std::string& out, std::string_view text, Plain plain, Special special) {
  std::size_t run_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && plain(b)) {
      ++i;
      continue;
    }
    out.append(text, run_start, i - run_start);
    const detail::Utf8Step step = next_code_point(text, i);
    special(out, step, text.substr(i, step.length));
    i += step.length;
    run_start = i;
  }
  out.append(text, run_start, i - run_start);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  escape_with(
      out, text, [](unsigned char b) { return b >= 0x20 && b != '"' && b != '\\' && b != 0x7F; },
      [](std::string& o, const detail::Utf8Step& step, std::string_view bytes) {
        if (!step.valid) {
          o += "\\ufffd";
          return;
        }
        switch (step.code_point) {
          case '"': o += "\\\""; return;
          case '\\': o += "\\\\"; return;
          case '\b': o += "\\b"; return;
          case '\f': o += "\\f"; return;
          case '\n': o += "\\n"; return;
          case '\r': o += "\\r"; return;
          case '\t': o += "\\t"; return;
          default: break;
        }
        if (step.code_point < 0x20 || step.code_point == 0x7F || step.code_point == 0x2028 ||
            step.code_point == 0x2029) {
          fmt::format_to(std::back_inserter(o), "\\u{:04x}", static_cast<unsigned>(step.code_point));
          return;
        }
        o += bytes;
      });
  out += '"';
}

void append_html_text(std::string& out, std::string_view text) {
  escape_with(
      out, text,
      [](unsigned char b) {
        return (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') && b != 0x7F && b != '&' && b != '<' &&
               b != '>' && b != '"' && b != '\'' && b != '`';
      },
      [](std::string& o, const detail::Utf8Step& step, std::string_view bytes) {
        if (!step.valid) {
          o += kReplacementCharacter;
          return;
        }
        const char32_t cp = step.code_point;
        switch (cp) {
          case '&': o += "&amp;"; return;
          case '<': o += "&lt;"; return;
          case '>': o += "&gt;"; return;
          case '"': o += "&quot;"; return;
          case '\'': o += "&#39;"; return;
          case '`': o += "&#96;"; return;
          default: break;
        }
        if (cp < 0x20 || cp == 0x7F || is_c1_control(cp) || is_noncharacter(cp)) {
          o += kReplacementCharacter;
        } else if (is_bidi_control(cp)) {
          fmt::format_to(std::back_inserter(o), "[U+{:04X}]", static_cast<unsigned>(cp));
        } else {
          o += bytes;
        }
      });
}

bool starts_like_formula(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;  // " =1+2" is still a formula to some spreadsheets
  if (i == text.size()) return false;
  switch (text[i]) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': case '\n': return true;
    default: break;
  }
  // Full-width forms (U+FF1D = U+FF0B + U+FF0D - U+FF20 @), which some spreadsheets normalise.
  constexpr std::array<std::string_view, 4> kFullWidth = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
                                                          "\xEF\xBC\xA0"};
  const std::string_view rest = text.substr(i);
  for (const std::string_view f : kFullWidth)
    if (rest.starts_with(f)) return true;
  return false;
}

void append_csv_text(std::string& out, std::string_view text) {
  out += '"';
  if (starts_like_formula(text)) out += '\'';
  escape_with(
      out, text, [](unsigned char b) { return (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') && b != '"' && b != 0x7F; },
      [](std::string& o, const detail::Utf8Step& step, std::string_view bytes) {
        if (step.valid && step.code_point == '"') {
          o += "\"\"";
        } else if (!step.valid || step.code_point < 0x20 || step.code_point == 0x7F) {
          o += kReplacementCharacter;  // NUL and friends truncate or confuse spreadsheet importers
        } else {
          o += bytes;
        }
      });
  out += '"';
}

void append_printable(std::string& out, std::string_view text) {
  escape_with(
      out, text, [](unsigned char b) { return b >= 0x20 && b != 0x7F && b != '\\'; },
      [](std::string& o, const detail::Utf8Step& step, std::string_view bytes) {
        if (!step.valid) {
          fmt::format_to(std::back_inserter(o), "\\x{:02x}", static_cast<unsigned char>(bytes[0]));
        } else if (step.code_point == '\\') {
          o += "\\\\";
        } else if (step.code_point < 0x20 || step.code_point == 0x7F) {
          fmt::format_to(std::back_inserter(o), "\\x{:02x}", static_cast<unsigned>(step.code_point));
        } else if (is_c1_control(step.code_point) || is_bidi_control(step.code_point)) {
          fmt::format_to(std::back_inserter(o), "\\u{{{:04x}}}", static_cast<unsigned>(step.code_point));
        } else {
          o += bytes;
        }
      });
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  escape_with(
      out, text, [](unsigned char) { return true; },
      [](std::string& o, const detail::Utf8Step& step, std::string_view bytes) {
        o += step.valid ? bytes : kReplacementCharacter;
      });
  return out;
}

std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_html_text(out, text);
  return out;
}

std::string json_quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_string(out, text);
  return out;
}

}  // namespace aiswatch::report
