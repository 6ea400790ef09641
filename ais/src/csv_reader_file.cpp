// csv_reader_file.cpp — CsvRowParser over a LineReader (plain or gzip input).
#include "aiswatch/ais/csv_reader_file.hpp"

#include <fmt/format.h>

namespace aiswatch::ais {

std::string format_issue(const std::string& path, const CsvIssue& issue) {
  return fmt::format("{}:{}: {}", path, issue.line, to_string(issue.reason));
}

CsvRowParser CsvFileReader::parser_from_header(LineReader& lines) {
  const auto header = lines.next_line();
  if (!header) throw InputError(fmt::format("{}: empty file, expected a CSV header", lines.path()));
  auto parser = CsvRowParser::from_header(*header);
  if (!parser)
    throw InputError(fmt::format("{}:1: not a NOAA MarineCadastre or DMA aisdk CSV header", lines.path()));
  return std::move(*parser);
}

CsvFileReader::CsvFileReader(std::string path)
    : lines_(std::move(path), CsvRowParser::kMaxRowBytes), parser_(parser_from_header(lines_)) {}

const CsvRow* CsvFileReader::next() {
  while (const auto line = lines_.next_line()) {
    ++line_number_;
    if (line->empty() || *line == "\r") continue;
    ++stats_.rows;
    auto parsed = parser_.parse(*line);
    if (!parsed) {
      ++stats_.rejected;
      ++stats_.rejected_by_reason[static_cast<std::size_t>(parsed.error())];
      if (stats_.issues.size() < CsvReadStats::kIssuesKept) stats_.issues.push_back({line_number_, parsed.error()});
      continue;
    }
    row_ = std::move(*parsed);
    if (row_.position) ++stats_.positions;
    if (row_.identity) ++stats_.statics;
    return &row_;
  }
  return nullptr;
}

}  // namespace aiswatch::ais
