#include "aiswatch/simulator/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>
#include <zlib.h>

namespace aiswatch::simulator {

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what) {
  throw std::runtime_error(fmt::format("{}: {}", path.string(), what));
}

}  // namespace

NmeaFileSink::NmeaFileSink(const std::filesystem::path& path) : path_(path) {
  if (path == "-") {
    file_ = stdout;
    stdout_ = true;
  } else if (path.extension() == ".gz") {
    gz_ = gzopen(path.c_str(), "wb6");
    if (gz_ == nullptr) fail(path, fmt::format("cannot create: {}", std::strerror(errno)));
  } else {
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) fail(path, fmt::format("cannot create: {}", std::strerror(errno)));
  }
  buffer_.reserve(kBufferBytes + 256);
}

NmeaFileSink::~NmeaFileSink() {
  // close() reports errors; here, on an exception path, only release the handles.
  if (gz_ != nullptr) gzclose(static_cast<gzFile>(gz_));
  if (file_ != nullptr && !stdout_) std::fclose(file_);
}

void NmeaFileSink::line(std::string_view nmea) {
  buffer_.append(nmea);
  buffer_.push_back('\n');
  ++lines_;
  if (buffer_.size() >= kBufferBytes) flush_buffer();
}

void NmeaFileSink::flush_buffer() {
  if (buffer_.empty()) return;
  if (gz_ != nullptr) {
    if (gzwrite(static_cast<gzFile>(gz_), buffer_.data(), static_cast<unsigned>(buffer_.size())) !=
        static_cast<int>(buffer_.size()))
      fail(path_, "write failed");
  } else if (file_ != nullptr) {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) fail(path_, "write failed");
  }
  buffer_.clear();
}

void NmeaFileSink::close() {
  flush_buffer();
  if (gz_ != nullptr) {
    const int rc = gzclose(static_cast<gzFile>(gz_));
    gz_ = nullptr;
    if (rc != Z_OK) fail(path_, "write failed on close");
  }
  if (file_ != nullptr) {
    const int rc = stdout_ ? std::fflush(file_) : std::fclose(file_);
    file_ = nullptr;
    if (rc != 0) fail(path_, "write failed on close");
  }
}

void write_text_file(const std::filesystem::path& path, std::string_view text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) fail(path, fmt::format("cannot create: {}", std::strerror(errno)));
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) fail(path, "write failed");
}

}  // namespace aiswatch::simulator
