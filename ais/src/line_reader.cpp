// Chunked line reader over a file descriptor, with zlib inflate for gzip input (multi-member files,
// as `cat a.gz b.gz` makes, included). Lines are returned as views into one reused buffer.
#include "aiswatch/ais/line_reader.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace aiswatch::ais {

struct LineReader::Inflater {
  z_stream stream{};
  std::vector<unsigned char> input = std::vector<unsigned char>(kChunkBytes);
  bool member_ended = false;  // the last gzip member ended cleanly; more input starts another one
  bool initialised = false;

  ~Inflater() {
    if (initialised) inflateEnd(&stream);
  }
};

namespace {
std::string describe_errno(const std::string& path, const char* what) {
  return "'" + path + "': " + what + ": " + std::strerror(errno);
}
}  // namespace

LineReader::LineReader(std::string path, std::size_t max_line_bytes)
    : path_(std::move(path)), max_line_bytes_(max_line_bytes), buf_(kChunkBytes + max_line_bytes + 1) {
  if (path_ == "-") {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError(describe_errno(path_, "cannot open"));
    owns_fd_ = true;
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  try {
    // Read the first bytes raw to look for the gzip magic (1f 8b); a pipe may deliver them one by one.
    while (end_ < 2) {
      const std::size_t n = read_raw(buf_.data() + end_, kChunkBytes - end_);
      if (n == 0) break;
      end_ += n;
    }
    if (end_ >= 2 && static_cast<unsigned char>(buf_[0]) == 0x1f && static_cast<unsigned char>(buf_[1]) == 0x8b) {
      gzipped_ = true;
      inflater_ = std::make_unique<Inflater>();
      if (inflateInit2(&inflater_->stream, 15 + 16) != Z_OK) throw InputError("'" + path_ + "': zlib init failed");
      inflater_->initialised = true;
      std::memcpy(inflater_->input.data(), buf_.data(), end_);
      inflater_->stream.next_in = inflater_->input.data();
      inflater_->stream.avail_in = static_cast<uInt>(end_);
      end_ = 0;
    }
    if (end_ == 0 && !gzipped_) eof_ = true;
  } catch (...) {
    if (owns_fd_) ::close(fd_);
    throw;
  }
}

LineReader::~LineReader() {
  if (owns_fd_) ::close(fd_);
}

std::size_t LineReader::read_raw(char* dst, std::size_t capacity) {
  for (;;) {
    const ssize_t n = ::read(fd_, dst, capacity);
    if (n >= 0) {
      bytes_read_ += static_cast<std::uint64_t>(n);
      return static_cast<std::size_t>(n);
    }
    if (errno != EINTR) throw InputError(describe_errno(path_, "read error"));
  }
}

std::size_t LineReader::fill(char* dst, std::size_t capacity) {
  if (!gzipped_) return read_raw(dst, capacity);
  z_stream& z = inflater_->stream;
  for (;;) {
    if (z.avail_in == 0) {
      const std::size_t n = read_raw(reinterpret_cast<char*>(inflater_->input.data()), inflater_->input.size());
      if (n == 0) {
        if (!inflater_->member_ended) throw InputError("'" + path_ + "': gzip data ends early (truncated file?)");
        return 0;
      }
      z.next_in = inflater_->input.data();
      z.avail_in = static_cast<uInt>(n);
    }
    if (inflater_->member_ended) {
      inflateReset(&z);
      inflater_->member_ended = false;
    }
    z.next_out = reinterpret_cast<unsigned char*>(dst);
    z.avail_out = static_cast<uInt>(capacity);
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      inflater_->member_ended = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw InputError("'" + path_ + "': corrupt gzip data" + (z.msg != nullptr ? std::string(" (") + z.msg + ")" : ""));
    }
    const std::size_t produced = capacity - z.avail_out;
    if (produced > 0) return produced;
  }
}

bool LineReader::refill() {
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const std::size_t n = fill(buf_.data() + end_, buf_.size() - end_);
  end_ += n;
  return n > 0;
}

std::optional<std::string_view> LineReader::skip_rest_of_long_line() {
  long_line_.assign(buf_.data() + begin_, max_line_bytes_ + 1);
  ++lines_cut_;
  begin_ = end_ = 0;
  for (;;) {
    const std::size_t n = fill(buf_.data(), buf_.size());
    if (n == 0) {
      eof_ = true;
      return std::string_view(long_line_);
    }
    const char* data = buf_.data();
    const auto* nl = static_cast<const char*>(std::memchr(data, '\n', n));
    const auto* cr = static_cast<const char*>(std::memchr(data, '\r', nl != nullptr ? static_cast<std::size_t>(nl - data) : n));
    const char* stop = cr != nullptr ? cr : nl;
    if (stop != nullptr) {
      std::size_t next = static_cast<std::size_t>(stop - data) + 1;
      if (stop == cr && next < n && data[next] == '\n') ++next;
      begin_ = next;
      end_ = n;
      return std::string_view(long_line_);
    }
  }
}

std::optional<std::string_view> LineReader::next_line() {
  for (;;) {
    const char* start = buf_.data() + begin_;
    const std::size_t avail = end_ - begin_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    const std::size_t scan = nl != nullptr ? static_cast<std::size_t>(nl - start) : avail;
    const auto* cr = static_cast<const char*>(std::memchr(start, '\r', scan));
    // A '\r' as the last buffered byte may be the first half of "\r\n": decide after reading more.
    const char* stop = nl;
    if (cr != nullptr && (nl != nullptr || cr + 1 < start + avail || eof_)) stop = cr;
    std::string_view line;
    if (stop != nullptr) {
      line = std::string_view(start, static_cast<std::size_t>(stop - start));
      std::size_t next = begin_ + line.size() + 1;
      if (stop == cr && next < end_ && buf_[next] == '\n') ++next;
      begin_ = next;
    } else if (eof_) {
      if (avail == 0) return std::nullopt;
      line = std::string_view(start, avail);
      begin_ = end_;
    } else if (avail > max_line_bytes_) {
      return skip_rest_of_long_line();
    } else {
      if (!refill()) eof_ = true;
      continue;
    }
    if (line.size() > max_line_bytes_) {
      ++lines_cut_;
      line = line.substr(0, max_line_bytes_ + 1);
    }
    return line;
  }
}

}  // namespace aiswatch::ais
