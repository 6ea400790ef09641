// csv_reader.hpp — RFC 4180 records from a buffer, with the line each record starts on (private).
//
// Quoted fields may hold commas and doubled quotes, and line breaks where the format allows them
// (OFAC's files never have any, so there a line break inside quotes means the row was cut short and
// must not swallow the next row). CRLF, LF and lone CR end lines. Fields are raw bytes: each importer
// decides the encoding.
//   CsvReader csv(text);
//   CsvRecord rec;
//   while (csv.next(rec) == CsvStatus::record) use(rec.line, rec.fields);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aiswatch::watchlists::detail {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line the record starts on
};

enum class CsvStatus {
  record,              // `out` holds the next record
  end,                 // no more input
  unterminated_quote,  // the input (or, single-line, the line) ends inside a quoted field
};

enum class QuotedLineBreaks { allowed, end_record };

class CsvReader {
 public:
  explicit CsvReader(std::string_view text, QuotedLineBreaks breaks = QuotedLineBreaks::allowed) noexcept
      : text_(text), breaks_(breaks) {}

  // Blank lines are skipped, never returned as records.
  CsvStatus next(CsvRecord& out);

 private:
  void end_of_line() noexcept;

  std::string_view text_;
  QuotedLineBreaks breaks_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace aiswatch::watchlists::detail
