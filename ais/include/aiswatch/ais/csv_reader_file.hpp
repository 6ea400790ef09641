// csv_reader_file.hpp — a whole NOAA/DMA CSV export (plain or gzip) read row by row.
//
// The header decides the format; a file whose first line is neither layout is not usable input and
// throws InputError naming the file. Bad rows are expected: they are skipped, counted by reason, and
// the first `kIssuesKept` are kept with their line numbers so the CLI can say "file:line: reason".
//
//   CsvFileReader csv("AIS_2022_01_03.csv.gz");
//   while (const CsvRow* row = csv.next()) {
//     if (row->position) tracker.on_position(*row->position);
//     if (row->identity) tracker.on_static(*row->identity);
//   }
//   for (const CsvIssue& i : csv.stats().issues) log(format_issue(csv.path(), i));
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "aiswatch/ais/csv_reader.hpp"
#include "aiswatch/ais/line_reader.hpp"

namespace aiswatch::ais {

struct CsvIssue {
  std::uint64_t line = 0;   // 1-based, the header is line 1
  CsvRowError reason = CsvRowError::wrong_field_count;
};

struct CsvReadStats {
  static constexpr std::size_t kIssuesKept = 100;
  std::uint64_t rows = 0;         // data rows read (header and blank lines excluded)
  std::uint64_t positions = 0;
  std::uint64_t statics = 0;
  std::uint64_t rejected = 0;
  std::array<std::uint64_t, static_cast<std::size_t>(CsvRowError::count_)> rejected_by_reason{};
  std::vector<CsvIssue> issues;   // the first kIssuesKept rejected rows
};

// "file.csv:12: bad_position"
std::string format_issue(const std::string& path, const CsvIssue& issue);

class CsvFileReader {
 public:
  // Throws InputError (naming the file) when it cannot be read or its header is not a known export.
  explicit CsvFileReader(std::string path);

  // The next good row (valid until the next call), or nullptr at the end of the file.
  const CsvRow* next();

  [[nodiscard]] CsvFormat format() const noexcept { return parser_.format(); }
  [[nodiscard]] const std::string& path() const noexcept { return lines_.path(); }
  [[nodiscard]] const CsvReadStats& stats() const noexcept { return stats_; }

 private:
  static CsvRowParser parser_from_header(LineReader& lines);

  LineReader lines_;
  CsvRowParser parser_;
  CsvRow row_;
  std::uint64_t line_number_ = 1;
  CsvReadStats stats_;
};

}  // namespace aiswatch::ais
