#include "csv_reader.hpp"

namespace aiswatch::watchlists::detail {

void CsvReader::end_of_line() noexcept {
  // Called with pos_ at '\r' or '\n': consume one line break (CRLF counts once).
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

CsvStatus CsvReader::next(CsvRecord& out) {
  out.fields.clear();
  // Skip blank lines (and the DOS end-of-file marker 0x1A that Treasury files used to carry).
  while (pos_ < text_.size() && (text_[pos_] == '\r' || text_[pos_] == '\n' || text_[pos_] == '\x1A')) {
    if (text_[pos_] == '\x1A') {
      ++pos_;
    } else {
      end_of_line();
    }
  }
  if (pos_ >= text_.size()) return CsvStatus::end;

  out.line = line_;
  std::string field;
  bool quoted = false;       // inside a quoted section
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
        } else {
          quoted = false;
          ++pos_;
        }
      } else if (c == '\r' || c == '\n') {
        if (breaks_ == QuotedLineBreaks::end_record) {
          end_of_line();
          out.fields.push_back(std::move(field));
          return CsvStatus::unterminated_quote;
        }
        field += '\n';  // the line break belongs to the field
        end_of_line();
      } else {
        field += c;
        ++pos_;
      }
      continue;
    }
    if (c == ',') {
      out.fields.push_back(std::move(field));
      field.clear();
      ++pos_;
    } else if (c == '\r' || c == '\n') {
      end_of_line();
      out.fields.push_back(std::move(field));
      return CsvStatus::record;
    } else if (c == '"' && field.empty()) {
      quoted = true;  // a quote opens a quoted field only at its start; elsewhere it is a character
      ++pos_;
    } else {
      field += c;
      ++pos_;
    }
  }
  out.fields.push_back(std::move(field));
  return quoted ? CsvStatus::unterminated_quote : CsvStatus::record;
}

}  // namespace aiswatch::watchlists::detail
