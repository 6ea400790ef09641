// text_escape.hpp — escaping of attacker-controlled text (AIS names, destinations, callsigns, watchlist
// entries, zone names, review notes) for every output format of report/. Each function appends to `out`,
// never fails, and turns invalid UTF-8 bytes into U+FFFD, so every output stays valid UTF-8.
//
//   std::string out;
//   append_json_string(out, "A\"B\n");                 // "A\"B\n" with quotes and JSON escapes
//   append_html_text(out, "<SVG ONLOAD=ALERT(1)");     // &lt;SVG ONLOAD=ALERT(1)
//   append_csv_text(out, "=HYPERLINK(\"http://x\")");  // "'=HYPERLINK(""http://x"")"
//
// What each one guarantees:
//   JSON  RFC 8259 string: quote, backslash and all C0 controls escaped; also DEL and U+2028/U+2029
//         (which break JavaScript consumers that eval or embed JSON lines).
//   HTML  safe in element text AND in quoted attribute values (& < > " ' ` become entities); controls,
//         C1 and noncharacters become U+FFFD; bidirectional overrides (U+202A..E, U+2066..9) are shown
//         as visible "[U+202E]" so a name cannot reverse the text around it on screen.
//   CSV   RFC 4180 quoted cell; a cell whose first non-blank character could start a spreadsheet formula
//         (= + - @ tab CR LF and their full-width forms) gets a leading apostrophe. Numbers are not text:
//         write them unquoted with append_csv_number so -70.5 stays a number.
//   Printable  for terminals and logs: controls, invalid bytes and bidi overrides shown as \xNN / \u{…}.
#pragma once

#include <string>
#include <string_view>

namespace aiswatch::report {

void append_json_string(std::string& out, std::string_view text);
void append_html_text(std::string& out, std::string_view text);
void append_csv_text(std::string& out, std::string_view text);
void append_printable(std::string& out, std::string_view text);

// The same text with every invalid UTF-8 byte replaced by U+FFFD (valid text is returned unchanged).
std::string valid_utf8(std::string_view text);

// True when a spreadsheet could read the cell as a formula (see CSV above).
bool starts_like_formula(std::string_view text) noexcept;

// Convenience wrappers returning a new string.
std::string html_escaped(std::string_view text);
std::string json_quoted(std::string_view text);

}  // namespace aiswatch::report
