// input_source.hpp — one input file read as a stream of timed observations, whatever its format: NMEA
// (with or without tag blocks, trailing timestamps or $PGHP), a NOAA MarineCadastre or Danish Maritime
// Authority CSV export, plain or gzip, or "-" for stdin.
//
// The format is told from the first non-blank line (a known CSV header, else NMEA), so stdin works too;
// gzip from the magic bytes (ais::LineReader). Bad lines and rows are counted by reason, never fatal;
// NMEA messages without any time in the data are counted as untimed and skipped (nmea_observations.hpp).
//
//   InputSource in("AIS_2022_01_03.csv.gz");
//   while (const Observation* o = in.next()) feed(*o);      // valid until the next call
//   in.finish();                                            // counts unfinished multipart messages
//   fmt::print("{} {} of {} bytes\n", to_string(in.format()), in.bytes_read(), in.size_bytes().value_or(0));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aiswatch/ais/csv_reader.hpp"
#include "aiswatch/ais/csv_reader_file.hpp"
#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/pipeline/nmea_observations.hpp"
#include "aiswatch/pipeline/observation.hpp"

namespace aiswatch::pipeline {

enum class InputFormat : std::uint8_t { nmea, noaa_csv, dma_csv };
const char* to_string(InputFormat f) noexcept;  // "NMEA", "NOAA MarineCadastre CSV", "DMA aisdk CSV"

struct InputStats {
  std::uint64_t observations = 0;  // timed records handed out
  std::uint64_t untimed = 0;       // NMEA messages without a time in the data (skipped)
  std::uint64_t lines_cut = 0;     // lines over the length cap
  ais::DecodeStats decode;         // NMEA inputs: lines, messages by type, rejects by reason
  ais::CsvReadStats csv;           // CSV inputs: rows, rejects by reason, the first issues with line numbers
};

class InputSource {
 public:
  // Opens the file and reads up to its first non-blank line to tell the format. Throws ais::InputError
  // naming the file when it cannot be opened or read.
  explicit InputSource(std::string path);
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // The next timed observation, or nullptr at the end. Throws ais::InputError on a read error or
  // corrupt gzip data (the message names the file).
  const Observation* next();
  // End of input: messages still waiting for fragments are counted as incomplete. Idempotent.
  void finish();

  [[nodiscard]] const std::string& path() const noexcept { return lines_.path(); }
  [[nodiscard]] InputFormat format() const noexcept { return format_; }
  [[nodiscard]] std::uint64_t bytes_read() const noexcept { return lines_.bytes_read(); }
  // Size on disk (compressed bytes for gzip, like bytes_read()); nullopt for stdin, pipes and devices.
  [[nodiscard]] std::optional<std::uint64_t> size_bytes() const noexcept { return size_bytes_; }
  [[nodiscard]] InputStats stats() const;

 private:
  const Observation* next_nmea();
  const Observation* next_csv();
  const Observation* csv_line(std::string_view line);

  ais::LineReader lines_;
  std::optional<std::uint64_t> size_bytes_;
  InputFormat format_ = InputFormat::nmea;
  std::optional<std::string_view> first_line_;  // the sniffed NMEA line (in the reader's buffer), not yet decoded
  NmeaObservations nmea_;
  std::optional<ais::CsvRowParser> csv_;
  ais::CsvRow row_;
  ais::CsvReadStats csv_stats_;
  std::uint64_t line_number_ = 0;
  std::uint64_t observations_ = 0;
  Observation current_;
  bool finished_ = false;
};

}  // namespace aiswatch::pipeline
