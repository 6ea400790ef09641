// playback_clock.cpp — pacing a log replay by the times in its data.
#include "aiswatch/live/playback_clock.hpp"

#include <cassert>
#include <cstdlib>

namespace aiswatch::live {

PlaybackClock::PlaybackClock(double speed, std::chrono::milliseconds max_gap) : speed_(speed), max_gap_(max_gap) {
  assert(speed >= 0.0);
}

PlaybackClock::Clock::time_point PlaybackClock::due(std::optional<UnixMillis> data_time, Clock::time_point now) {
  if (speed_ == 0.0) return now;
  if (!cursor_) cursor_ = now;
  if (!data_time) return *cursor_;
  if (!newest_) {
    newest_ = data_time;
    return *cursor_;
  }
  const UnixMillis delta_ms = *data_time - *newest_;
  if (std::llabs(delta_ms) > max_gap_.count()) {
    newest_ = data_time;  // a hole in the recording or a bogus time: not waited out
    return *cursor_;
  }
  if (delta_ms > 0) {
    newest_ = data_time;
    const auto wait = std::chrono::duration<double, std::milli>(static_cast<double>(delta_ms) / speed_);
    *cursor_ += std::chrono::duration_cast<Clock::duration>(wait);
  }
  return *cursor_;
}

void PlaybackClock::restart() noexcept {
  cursor_.reset();
  newest_.reset();
}

std::optional<UnixMillis> line_data_time(std::string_view line, ais::ParsedLine& scratch) noexcept {
  if (ais::parse_nmea_line(line, scratch)) return std::nullopt;  // rejected: no trustworthy time
  switch (scratch.kind) {
    case ais::LineKind::ais: return scratch.sentence.rx_time;
    case ais::LineKind::gatehouse_time:
    case ais::LineKind::bare_timestamp: return scratch.time;
    default: return std::nullopt;
  }
}

}  // namespace aiswatch::live
