// Escaping of attacker-controlled text for JSON, HTML, CSV and terminals (text_escape.hpp).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "aiswatch/report/text_escape.hpp"
#include "fixtures.hpp"

using namespace aiswatch::report;

namespace {
std::string csv(std::string_view s) {
  std::string out;
  append_csv_text(out, s);
  return out;
}
std::string printable(std::string_view s) {
  std::string out;
  append_printable(out, s);
  return out;
}
}  // namespace

TEST_CASE("JSON strings: escapes that a JSON parser reads back to the same text", "[report][escape]") {
  SECTION("valid text round-trips through nlohmann") {
    const std::string text = "A\"B\\C/\b\f\n\r\t \x01\x1f\x7f é 中 \xF0\x9F\x9A\xA2";
    const std::string quoted = json_quoted(text);
    CHECK(nlohmann::json::parse(quoted).get<std::string>() == text);
    CHECK(quoted.find('\x01') == std::string::npos);
    CHECK(quoted.find("\\u0001") != std::string::npos);
    CHECK(quoted.find("\\u007f") != std::string::npos);
  }
  SECTION("U+2028 and U+2029 are escaped (they end a line in JavaScript)") {
    const std::string quoted = json_quoted("a\xE2\x80\xA8 b\xE2\x80\xA9");
    CHECK(quoted == "\"a\\u2028 b\\u2029\"");
  }
  SECTION("bad input: invalid UTF-8 bytes become U+FFFD, one per byte, and the output is valid JSON") {
    const std::string quoted = json_quoted("x\xFF\xC3(\xED\xA0\x80\xC0\xAF\xF4\x90\x80\x80 \xE2\x82");
    const auto back = nlohmann::json::parse(quoted).get<std::string>();
    // FF, C3 (then '(' survives), ED A0 80 (a surrogate: 3 bytes), C0 AF (overlong), F4 90 80 80 (> 10FFFF),
    // and a truncated E2 82 at the end.
    CHECK(back == "x\uFFFD\uFFFD(\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD");
  }
}

TEST_CASE("HTML text: no markup, no attribute breakout", "[report][escape]") {
  SECTION("the hostile strings lose every markup character") {
    for (const auto& hostile : test::kHostile) {
      const std::string e = html_escaped(hostile);
      CAPTURE(hostile, e);
      CHECK(e.find('<') == std::string::npos);
      CHECK(e.find('>') == std::string::npos);
      CHECK(e.find('"') == std::string::npos);
      CHECK(e.find('\'') == std::string::npos);
    }
    CHECK(html_escaped("<SVG ONLOAD=ALERT(1)") == "&lt;SVG ONLOAD=ALERT(1)");
    CHECK(html_escaped("\"><B>X</B>") == "&quot;&gt;&lt;B&gt;X&lt;/B&gt;");
    CHECK(html_escaped("a&b 'c' `d`") == "a&amp;b &#39;c&#39; &#96;d&#96;");
  }
  SECTION("controls and C1 become U+FFFD, newlines and tabs stay, bidi overrides become visible") {
    CHECK(html_escaped("a\x01\x7f" "b\xC2\x85" "c\td\ne") == "a\uFFFD\uFFFDb\uFFFDc\td\ne");
    CHECK(html_escaped("abc\xE2\x80\xAE" "def") == "abc[U+202E]def");
    CHECK(html_escaped("x\xEF\xBF\xBE") == "x\uFFFD");  // U+FFFE noncharacter
  }
  SECTION("bad input: invalid UTF-8") { CHECK(html_escaped("\xFF<\xC3") == "\uFFFD&lt;\uFFFD"); }
  SECTION("plain text is unchanged") { CHECK(html_escaped("SASCO ANGARA é 中") == "SASCO ANGARA é 中"); }
}

TEST_CASE("CSV text cells: RFC 4180 quoting and formula neutralisation", "[report][escape][csv]") {
  SECTION("quotes doubled, always quoted") {
    CHECK(csv("plain") == "\"plain\"");
    CHECK(csv("a,b\"c\"\r\nd") == "\"a,b\"\"c\"\"\r\nd\"");
    CHECK(csv("") == "\"\"");
  }
  SECTION("formula starters get an apostrophe") {
    CHECK(csv("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv("+1") == "\"'+1\"");
    CHECK(csv("-70.5") == "\"'-70.5\"");  // as TEXT it is neutralised; numbers are written bare elsewhere
    CHECK(csv("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv("\tx") == "\"'\tx\"");
    CHECK(csv("\rx") == "\"'\rx\"");
    CHECK(csv("  =1+1") == "\"'  =1+1\"");
    CHECK(csv("\xEF\xBC\x9D" "1+1") == "\"'\xEF\xBC\x9D" "1+1\"");  // full-width equals
    CHECK(csv("a=1") == "\"a=1\"");
  }
  SECTION("bad input: NUL, controls and invalid bytes become U+FFFD") {
    CHECK(csv(std::string("a\0b\x01\xFF", 5)) == "\"a\uFFFDb\uFFFD\uFFFD\"");
  }
  SECTION("starts_like_formula") {
    CHECK(starts_like_formula("=1"));
    CHECK(starts_like_formula(" -1"));
    CHECK_FALSE(starts_like_formula(""));
    CHECK_FALSE(starts_like_formula("   "));
    CHECK_FALSE(starts_like_formula("SASCO"));
  }
}

TEST_CASE("printable text for terminals", "[report][escape]") {
  CHECK(printable("ok é") == "ok é");
  CHECK(printable("a\x1b[31mred\\") == "a\\x1b[31mred\\\\");
  CHECK(printable("\xFF") == "\\xff");
  CHECK(printable("x\xE2\x80\xAEy") == "x\\u{202e}y");
}

TEST_CASE("valid_utf8 replaces only invalid bytes", "[report][escape]") {
  CHECK(valid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
  CHECK(valid_utf8("a\xFF" "b") == "a\uFFFDb");
  CHECK(valid_utf8(std::string("\0", 1)) == std::string("\0", 1));
}
