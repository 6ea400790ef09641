// progress_bar.hpp — a one-line progress bar on stderr for long replays, drawn only on a terminal and at
// most five times a second (so it costs nothing on the hot path), erased when the run ends.
//
//   ProgressBar bar(!quiet && isatty(STDERR_FILENO));
//   bar.update(bytes_read, bytes_total, "1.2 M msgs  3,400 vessels  12 flagged");
//   bar.finish();
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aiswatch::app {

class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws when enabled and 200 ms have passed since the last draw. `total` nullopt: no percentage
  // (stdin); `count` is the number the rate is computed from (messages).
  void update(std::uint64_t done, std::optional<std::uint64_t> total, std::uint64_t count, std::string_view detail);
  // Erases the line (idempotent).
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_draw_{};
};

// "1.23 M", "45.6 k", "812"
std::string human_count(double n);
// "2.5 MB", "812 B"
std::string human_bytes(double n);

}  // namespace aiswatch::app
