// line_consumer.hpp — what receives the lines of every live feed: the decode → track → detect pipeline
// (or, in tests and the `live` skeleton, something that counts).
//
// Every call comes from the one consumer thread that LiveService starts, in arrival order per stream,
// so an implementation needs no locking of its own state. Views are valid only during the call.
//
//   struct Printer : LineConsumer {
//     void on_line(std::string_view line, UnixMillis received, std::string_view source) override {
//       fmt::print("{} {} {}\n", received, source, line);
//     }
//   };
#pragma once

#include <string_view>

#include "aiswatch/ais/time.hpp"

namespace aiswatch::live {

class LineConsumer {
 public:
  virtual ~LineConsumer() = default;

  // One line, terminator removed, never empty, at most the line cap. `received` is the system clock
  // when the socket read completed; `source` names the stream ("tcp:10.0.0.5:5631", "udp:10.0.0.7:4001"):
  // multipart sentences must be reassembled per source.
  virtual void on_line(std::string_view line, UnixMillis received, std::string_view source) = 0;

  // The connection behind `source` closed: per-stream state (pending fragments) can be dropped. Not
  // called for UDP senders, which have no connection; expire their state by age instead.
  virtual void on_stream_end(std::string_view /*source*/) {}

  // About once per tick interval (1 s by default), also when no data arrives, so time-based work (a
  // periodic report, "vessel silent for N hours" checks) runs on a quiet feed. `now` is the system clock.
  virtual void on_tick(UnixMillis /*now*/) {}

  // Once, at shutdown, after the last queued line was delivered.
  virtual void on_finish() {}
};

}  // namespace aiswatch::live
