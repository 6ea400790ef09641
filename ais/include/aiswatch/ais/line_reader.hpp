// line_reader.hpp — lines from a file, stdin or a gzip file, streamed in fixed-size chunks.
//
// Memory stays flat whatever the input size: one read buffer (a few hundred KiB) and, for gzip, one
// input buffer. Lines end at "\n", "\r\n" or a lone "\r"; the last line is returned even without a
// terminator; NUL bytes are kept (the framing rejects them). A line longer than the cap comes back cut
// to cap + 1 bytes — so the framing, with the same cap, rejects it as line_too_long — and the rest of it
// is skipped without being stored. gzip is detected by its magic bytes, not by the file name.
//
//   LineReader reader("feed.nmea.gz");        // "-" reads stdin
//   while (auto line = reader.next_line()) decoder.feed_line(*line, on_message);
//   reader.bytes_read();                      // bytes read from the file so far (for progress)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/nmea.hpp"

namespace aiswatch::ais {

// A failure that ends the reading of one input: missing file, read error, corrupt gzip data. The
// message names the file.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class LineReader {
 public:
  static constexpr std::size_t kChunkBytes = 256 * 1024;

  // Opens `path` ("-" for stdin). Throws InputError naming the file when it cannot be opened.
  explicit LineReader(std::string path, std::size_t max_line_bytes = kMaxLineBytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its terminator, or nullopt at the end of the input. The view is valid until
  // the next call. Throws InputError on a read error or corrupt gzip data.
  std::optional<std::string_view> next_line();

  const std::string& path() const noexcept { return path_; }
  bool gzipped() const noexcept { return gzipped_; }
  std::uint64_t bytes_read() const noexcept { return bytes_read_; }  // from the file (compressed bytes)
  std::uint64_t lines_cut() const noexcept { return lines_cut_; }    // lines longer than the cap

 private:
  struct Inflater;

  std::size_t read_raw(char* dst, std::size_t capacity);  // 0 at end of file
  std::size_t fill(char* dst, std::size_t capacity);      // decompressed when gzipped; 0 at end
  bool refill();                                          // false at end of input
  std::optional<std::string_view> skip_rest_of_long_line();

  std::string path_;
  std::size_t max_line_bytes_;
  int fd_ = -1;
  bool owns_fd_ = false;
  bool gzipped_ = false;
  bool eof_ = false;
  std::uint64_t bytes_read_ = 0;
  std::uint64_t lines_cut_ = 0;
  std::vector<char> buf_;
  std::size_t begin_ = 0;  // start of unread data in buf_
  std::size_t end_ = 0;    // end of valid data in buf_
  std::string long_line_;  // the kept head of an over-long line
  std::unique_ptr<Inflater> inflater_;
};

}  // namespace aiswatch::ais
