#include "xml_scanner.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include <fmt/format.h>

namespace aiswatch::watchlists::detail {
namespace {

bool is_name_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
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

}  // namespace

void XmlScanner::advance_to(std::size_t pos) noexcept {
  pos = std::min(pos, text_.size());
  line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                               text_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
  pos_ = pos;
}

XmlToken XmlScanner::fail(std::string message) {
  error_ = std::move(message);
  pos_ = text_.size();
  return XmlToken::error;
}

void XmlScanner::decode_text(std::string_view raw) {
  chars_.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      chars_ += raw[i];
      continue;
    }
    const auto semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      chars_ += '&';  // a bare '&' (invalid XML, common in hand-made files): kept as written
      continue;
    }
    const std::string_view ref = raw.substr(i + 1, semi - i - 1);
    if (ref == "amp") chars_ += '&';
    else if (ref == "lt") chars_ += '<';
    else if (ref == "gt") chars_ += '>';
    else if (ref == "quot") chars_ += '"';
    else if (ref == "apos") chars_ += '\'';
    else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      append_utf8(chars_, (ec == std::errc{} && end == digits.data() + digits.size()) ? cp : 0xFFFD);
    } else {
      chars_.append(raw.substr(i, semi - i + 1));  // unknown entity: kept as written
    }
    i = semi;
  }
}

XmlToken XmlScanner::next() {
  if (pending_end_) {
    pending_end_ = false;
    return XmlToken::end;
  }
  while (pos_ < text_.size()) {
    token_line_ = line_;
    if (text_[pos_] != '<') {
      const auto lt = text_.find('<', pos_);
      const std::string_view raw = text_.substr(pos_, lt == std::string_view::npos ? std::string_view::npos : lt - pos_);
      advance_to(pos_ + raw.size());
      decode_text(raw);
      return XmlToken::text;
    }
    const std::string_view rest = text_.substr(pos_);
    if (rest.starts_with("<!--")) {
      const auto close = rest.find("-->");
      if (close == std::string_view::npos) return fail("comment not closed");
      advance_to(pos_ + close + 3);
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      const auto close = rest.find("]]>");
      if (close == std::string_view::npos) return fail("CDATA section not closed");
      chars_.assign(rest.substr(9, close - 9));
      advance_to(pos_ + close + 3);
      return XmlToken::text;
    }
    if (rest.starts_with("<?") || rest.starts_with("<!")) {
      if (rest.starts_with("<!DOCTYPE") && rest.substr(0, rest.find('>')).find('[') != std::string_view::npos) {
        return fail("DOCTYPE with an internal subset is not supported");
      }
      const auto close = rest.find('>');
      if (close == std::string_view::npos) return fail("declaration not closed");
      advance_to(pos_ + close + 1);
      continue;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    std::size_t i = closing ? 2 : 1;
    const std::size_t name_start = i;
    while (i < rest.size() && is_name_char(rest[i])) ++i;
    if (i == name_start) return fail("'<' not followed by an element name");
    name_ = rest.substr(name_start, i - name_start);
    // Skip attributes: quoted values may contain '>' and '/'.
    char quote = 0;
    for (; i < rest.size(); ++i) {
      const char c = rest[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (i >= rest.size()) return fail(fmt::format("tag <{}{}> not closed", closing ? "/" : "", name_));
    const bool self_closing = !closing && i > 0 && rest[i - 1] == '/';
    advance_to(pos_ + i + 1);
    if (closing) return XmlToken::end;
    pending_end_ = self_closing;
    return XmlToken::start;
  }
  return XmlToken::eof;
}

}  // namespace aiswatch::watchlists::detail
