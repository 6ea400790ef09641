// xml_scanner.hpp — a small pull tokenizer for record-shaped XML such as the UN consolidated list.
//
// Enough XML for data files: elements, attributes (skipped), text with the five named entities and
// numeric character references, CDATA, comments, processing instructions and a DOCTYPE without an
// internal subset. No namespaces, no DTD validation, no external entities (so nothing to exploit).
//   XmlScanner xml(text);
//   for (XmlToken t; (t = xml.next()) != XmlToken::eof && t != XmlToken::error;)
//     if (t == XmlToken::start) use(xml.name(), xml.line());
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aiswatch::watchlists::detail {

enum class XmlToken {
  start,  // <NAME ...> (a self-closing <NAME/> gives start, then end)
  end,    // </NAME>
  text,   // character data between tags, entities decoded
  eof,
  error,  // malformed markup; error() says what, line() where
};

class XmlScanner {
 public:
  explicit XmlScanner(std::string_view text) noexcept : text_(text) {}

  XmlToken next();

  std::string_view name() const noexcept { return name_; }
  const std::string& text() const noexcept { return chars_; }
  std::size_t line() const noexcept { return token_line_; }
  const std::string& error() const noexcept { return error_; }

 private:
  XmlToken fail(std::string message);
  void advance_to(std::size_t pos) noexcept;  // moves pos_, counting line breaks
  void decode_text(std::string_view raw);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t token_line_ = 1;
  std::string_view name_;
  std::string chars_;
  std::string error_;
  bool pending_end_ = false;  // the end half of a self-closing tag
};

}  // namespace aiswatch::watchlists::detail
