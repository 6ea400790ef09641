// event_output.hpp — where live mode writes events the moment they are emitted: every event to
// `--events FILE` (JSON lines, appended, so a restart adds to the same file; flushed to the OS at once,
// fsync'ed too with --fsync), and flagged events — the alerts — to stdout. With `--events -` stdout is the
// events stream itself (every event, once).
//
//   EventOutput out({.events_path = "alerts.jsonl", .fsync = false});   // throws OutputError naming the file
//   out.write(event_json_line, event.flagged);
#pragma once

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aiswatch::app {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct EventOutputOptions {
  std::optional<std::string> events_path;  // "-": stdout
  bool fsync = false;
  bool alerts_to_stdout = true;
};

class EventOutput {
 public:
  explicit EventOutput(EventOutputOptions options);
  ~EventOutput();
  EventOutput(const EventOutput&) = delete;
  EventOutput& operator=(const EventOutput&) = delete;

  // `json_line`: one serialised event with its trailing newline. Throws OutputError when a write fails
  // (disk full): losing alerts silently is worse than stopping.
  void write(std::string_view json_line, bool flagged);

  [[nodiscard]] std::uint64_t written() const noexcept { return written_; }

 private:
  void put(std::FILE* f, std::string_view what, std::string_view json_line);

  EventOutputOptions options_;
  std::FILE* file_ = nullptr;  // --events FILE (not stdout)
  bool events_to_stdout_ = false;
  std::uint64_t written_ = 0;
};

}  // namespace aiswatch::app
