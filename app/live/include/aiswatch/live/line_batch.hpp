// line_batch.hpp — the lines of one socket read (or one datagram), as they travel from the io_context
// thread to the consumer thread: one string holding the lines back to back and their end offsets, so a
// read of 800 lines costs two allocations, not 800.
//
//   LineBatch b;
//   b.source = "tcp:127.0.0.1:5631";
//   b.received_ms = 1700000000000;
//   b.add_line("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
//   b.line_count() == 1;  b.line(0) == "!AIVDM,…";
//
// A batch with end_of_stream set carries no lines: it tells the consumer that the connection behind
// `source` closed, so per-stream state (pending multipart fragments) can be let go.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/live/source_counters.hpp"

namespace aiswatch::live {

struct LineBatch {
  std::shared_ptr<SourceCounters> counters;  // of the configured source the lines came from
  std::string source;                        // stream label: "tcp:PEER:PORT", "udp:PEER:PORT"
  UnixMillis received_ms = 0;                // system clock when the read completed
  std::string text;                          // the lines back to back, terminators removed
  std::vector<std::uint32_t> ends;           // end offset of each line in `text`
  bool end_of_stream = false;

  std::size_t line_count() const noexcept { return ends.size(); }
  std::string_view line(std::size_t i) const noexcept {
    assert(i < ends.size());
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(text).substr(begin, ends[i] - begin);
  }
  void add_line(std::string_view line) {
    text.append(line);
    ends.push_back(static_cast<std::uint32_t>(text.size()));
  }
  // What this batch costs while it waits in the queue (for the queue's byte cap).
  std::size_t footprint_bytes() const noexcept {
    return sizeof(LineBatch) + text.capacity() + ends.capacity() * sizeof(std::uint32_t) + source.capacity();
  }
};

}  // namespace aiswatch::live
