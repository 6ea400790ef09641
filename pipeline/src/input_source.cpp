// input_source.cpp — format sniffing and the per-format record loops behind InputSource::next().
#include "aiswatch/pipeline/input_source.hpp"

#include <filesystem>
#include <system_error>

namespace aiswatch::pipeline {

namespace {

bool blank(std::string_view line) noexcept {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::optional<std::uint64_t> regular_file_size(const std::string& path) {
  if (path == "-") return std::nullopt;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  return size;
}

}  // namespace

const char* to_string(InputFormat f) noexcept {
  switch (f) {
    case InputFormat::nmea: return "NMEA";
    case InputFormat::noaa_csv: return "NOAA MarineCadastre CSV";
    case InputFormat::dma_csv: return "DMA aisdk CSV";
  }
  return "?";
}

InputSource::InputSource(std::string path)
    : lines_(path, ais::kMaxLineBytes), size_bytes_(regular_file_size(path)) {
  // The first non-blank line decides: a known CSV header, or NMEA (which keeps the line to decode it).
  while (const auto line = lines_.next_line()) {
    ++line_number_;
    if (blank(*line)) continue;
    if (auto parser = ais::CsvRowParser::from_header(*line)) {
      format_ = parser->format() == ais::CsvFormat::dma_aisdk ? InputFormat::dma_csv : InputFormat::noaa_csv;
      csv_.emplace(std::move(*parser));
    } else {
      first_line_ = *line;  // valid until the next next_line()
    }
    break;
  }
}

const Observation* InputSource::next() {
  const Observation* o = csv_ ? next_csv() : next_nmea();
  if (o != nullptr) ++observations_;
  return o;
}

const Observation* InputSource::next_nmea() {
  if (first_line_) {
    // The sniffed line is still in the reader's buffer: no next_line() has been called since.
    const std::string_view line = *first_line_;
    first_line_.reset();
    if (const Observation* o = nmea_.feed_line(line, std::nullopt)) return o;
  }
  while (const auto line = lines_.next_line()) {
    if (const Observation* o = nmea_.feed_line(*line, std::nullopt)) return o;
  }
  return nullptr;
}

const Observation* InputSource::next_csv() {
  while (const auto line = lines_.next_line()) {
    ++line_number_;
    if (const Observation* o = csv_line(*line)) return o;
  }
  return nullptr;
}

const Observation* InputSource::csv_line(std::string_view line) {
  if (blank(line)) return nullptr;
  ++csv_stats_.rows;
  auto parsed = csv_->parse(line);
  if (!parsed) {
    ++csv_stats_.rejected;
    ++csv_stats_.rejected_by_reason[static_cast<std::size_t>(parsed.error())];
    if (csv_stats_.issues.size() < ais::CsvReadStats::kIssuesKept)
      csv_stats_.issues.push_back({line_number_, parsed.error()});
    return nullptr;
  }
  row_ = std::move(*parsed);
  current_ = Observation{};
  if (row_.position) {
    ++csv_stats_.positions;
    current_.time = row_.position->time;
    current_.position = &*row_.position;
  }
  if (row_.identity) {
    ++csv_stats_.statics;
    current_.time = row_.identity->time;
    current_.identity = &*row_.identity;
  }
  if (current_.position == nullptr && current_.identity == nullptr) return nullptr;
  return &current_;
}

void InputSource::finish() {
  if (finished_) return;
  finished_ = true;
  nmea_.finish();
}

InputStats InputSource::stats() const {
  InputStats s;
  s.observations = observations_;
  s.lines_cut = lines_.lines_cut();
  if (csv_) {
    s.csv = csv_stats_;
  } else {
    s.decode = nmea_.decode_stats();
    s.untimed = nmea_.untimed();
  }
  return s;
}

}  // namespace aiswatch::pipeline
