// progress_bar.cpp — the replay progress line.
#include "progress_bar.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace aiswatch::app {

std::string human_count(double n) {
  if (n >= 1e9) return fmt::format("{:.2f} G", n / 1e9);
  if (n >= 1e6) return fmt::format("{:.2f} M", n / 1e6);
  if (n >= 1e4) return fmt::format("{:.1f} k", n / 1e3);
  return fmt::format("{:.0f}", n);
}

std::string human_bytes(double n) {
  if (n >= 1e9) return fmt::format("{:.2f} GB", n / 1e9);
  if (n >= 1e6) return fmt::format("{:.1f} MB", n / 1e6);
  if (n >= 1e3) return fmt::format("{:.1f} kB", n / 1e3);
  return fmt::format("{:.0f} B", n);
}

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::uint64_t done, std::optional<std::uint64_t> total, std::uint64_t count,
                         std::string_view detail) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(count) / seconds : 0;
  std::string line;
  if (total && *total > 0) {
    const double f = std::min(1.0, static_cast<double>(done) / static_cast<double>(*total));
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(f * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::string eta = "--:--";
    if (f > 0.01) {
      const auto left = static_cast<long>(seconds * (1 - f) / f);
      eta = fmt::format("{}:{:02}", left / 60, left % 60);
    }
    line = fmt::format("replay [{}] {:3.0f}% {}/{}  {}  {} msg/s  ETA {}", bar, f * 100, human_bytes(static_cast<double>(done)),
                       human_bytes(static_cast<double>(*total)), detail, human_count(rate), eta);
  } else {
    line = fmt::format("replay {} read  {}  {} msg/s", human_bytes(static_cast<double>(done)), detail, human_count(rate));
  }
  fmt::print(stderr, "\r\033[K{}", line);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  fmt::print(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace aiswatch::app
