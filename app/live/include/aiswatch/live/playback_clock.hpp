// playback_clock.hpp — when `aiswatch serve --speed X` sends each line of a log: the times the data
// carries (tag block c:, trailing epoch, $PGHP), scaled by 1/X.
//
// Pacing follows the newest data time seen so far, so a merged feed whose times wobble back and forth
// by a few seconds is not slowed down; a line without a time, or older than the newest, goes right
// after the previous one. A jump of more than max_gap (either way: a gap in the recording, a bogus
// timestamp) is not waited out: that line becomes the new reference. Speed 0 sends everything at once.
//
//   PlaybackClock clock(10.0, std::chrono::minutes(10));        // ten times faster than recorded
//   ais::ParsedLine scratch;
//   auto due = clock.due(line_data_time(line, scratch), std::chrono::steady_clock::now());
//   if (due > now) wait_until(due);  send(line);
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::live {

class PlaybackClock {
 public:
  using Clock = std::chrono::steady_clock;

  // speed: data seconds per wall-clock second; 0 = as fast as possible.
  PlaybackClock(double speed, std::chrono::milliseconds max_gap);

  // When the next line (data time `data_time`, nullopt if none) is due. Call once per line, in order.
  Clock::time_point due(std::optional<UnixMillis> data_time, Clock::time_point now);

  // A new pass over the file (--loop): the next timed line is sent at once and becomes the reference.
  void restart() noexcept;

  double speed() const noexcept { return speed_; }

 private:
  double speed_;
  std::chrono::milliseconds max_gap_;
  std::optional<Clock::time_point> cursor_;  // when the previous line was due
  std::optional<UnixMillis> newest_;         // newest data time so far (the pacing reference)
};

// The receive time a log line carries, read with the NMEA framing: tag block c:, trailing epoch of an
// AIS sentence, or the time of a $PGHP / bare ",epoch" line. `scratch` is reused between calls.
std::optional<UnixMillis> line_data_time(std::string_view line, ais::ParsedLine& scratch) noexcept;

}  // namespace aiswatch::live
