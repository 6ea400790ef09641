// event_output.cpp — live events to --events and stdout, flushed at once.
#include "event_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace aiswatch::app {

EventOutput::EventOutput(EventOutputOptions options) : options_(std::move(options)) {
  if (!options_.events_path) return;
  if (*options_.events_path == "-") {
    events_to_stdout_ = true;
    return;
  }
  const std::filesystem::path p(*options_.events_path);
  if (p.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
  }
  file_ = std::fopen(p.c_str(), "ae");
  if (file_ == nullptr) throw OutputError(fmt::format("--events {}: cannot open: {}", p.string(), std::strerror(errno)));
}

EventOutput::~EventOutput() {
  if (file_ != nullptr) std::fclose(file_);
}

void EventOutput::put(std::FILE* f, std::string_view what, std::string_view json_line) {
  if (std::fwrite(json_line.data(), 1, json_line.size(), f) != json_line.size() || std::fflush(f) != 0) {
    throw OutputError(fmt::format("{}: write failed: {}", what, std::strerror(errno)));
  }
  if (options_.fsync && ::fsync(::fileno(f)) != 0 && errno != EINVAL) {
    throw OutputError(fmt::format("{}: fsync failed: {}", what, std::strerror(errno)));
  }
}

void EventOutput::write(std::string_view json_line, bool flagged) {
  if (file_ != nullptr) put(file_, "--events " + *options_.events_path, json_line);
  if (events_to_stdout_ || (flagged && options_.alerts_to_stdout)) put(stdout, "standard output", json_line);
  ++written_;
}

}  // namespace aiswatch::app
