// output.hpp — writes the simulated NMEA log to a file, gzip-compressed when the name ends in ".gz"
// ("-" writes plain text to standard output).
//
// The gzip stream carries no file name or time stamp (zlib's gzopen writes mtime 0), so the same lines
// always give the same bytes with the same zlib.
//
//   NmeaFileSink out("demo.nmea.gz");   // throws std::runtime_error naming the file
//   GroundTruth truth = simulation.run(out);
//   out.close();                        // flushes; throws if the write failed (disk full, …)
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "aiswatch/simulator/simulation.hpp"

namespace aiswatch::simulator {

class NmeaFileSink : public SimulationSink {
 public:
  explicit NmeaFileSink(const std::filesystem::path& path);
  ~NmeaFileSink() override;
  NmeaFileSink(const NmeaFileSink&) = delete;
  NmeaFileSink& operator=(const NmeaFileSink&) = delete;

  void line(std::string_view nmea) override;
  void close();
  std::uint64_t lines() const noexcept { return lines_; }

 private:
  void flush_buffer();

  std::filesystem::path path_;
  void* gz_ = nullptr;      // gzFile when compressing
  std::FILE* file_ = nullptr;
  bool stdout_ = false;
  std::string buffer_;
  std::uint64_t lines_ = 0;
};

// Writes text to a file (the truth JSON); throws std::runtime_error naming the file on failure.
void write_text_file(const std::filesystem::path& path, std::string_view text);

}  // namespace aiswatch::simulator
