// line_framer.hpp — bytes from a socket in, lines out; one framer per connection (or per UDP socket).
//
// Lines end at '\n'; one '\r' before it is removed, so CRLF feeds work. A line may arrive across any
// number of reads. Empty lines are skipped (feeds send them as keep-alives). A line longer than the cap
// is never stored whole: the framer keeps at most cap + 1 bytes, then discards the rest up to the next
// '\n' and counts the line once. Any byte value is accepted (NUL, binary garbage): the framing is only
// about '\n'; judging the content is the NMEA parser's job.
//
//   LineFramer framer;                    // cap ais::kMaxLineBytes (4096)
//   LineBatch batch;
//   framer.feed("!AIVDM,1,1,,A,1..,0*4A\r\n!AIV", batch);   // one line out, "!AIV" kept
//   framer.feed("DM,1,1,,B,1..,0*11\n", batch);             // second line completed
//   framer.finish(batch);                 // end of stream / datagram: an unterminated tail is a line too
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/live/line_batch.hpp"

namespace aiswatch::live {

struct FramedCounts {
  std::size_t lines = 0;     // lines appended to the batch
  std::size_t overlong = 0;  // lines discarded for exceeding the cap
};

class LineFramer {
 public:
  explicit LineFramer(std::size_t max_line_bytes = ais::kMaxLineBytes);

  // Appends every line that `bytes` completes to `out`.
  FramedCounts feed(std::string_view bytes, LineBatch& out);
  // End of input: the pending unterminated line (if any) is appended, and the framer starts afresh.
  FramedCounts finish(LineBatch& out);

  // The stream broke off (connection error, idle timeout, shutdown): the pending unterminated line is
  // thrown away. Returns true when there was one (a fragment of an over-long line, already counted as
  // over-long, does not count). The framer starts afresh.
  bool discard_pending() noexcept;

  std::size_t max_line_bytes() const noexcept { return max_line_bytes_; }
  std::size_t pending_bytes() const noexcept { return pending_.size(); }

 private:
  void emit(std::string_view line, LineBatch& out, FramedCounts& counts) const;

  std::size_t max_line_bytes_;
  std::string pending_;     // head of a line whose '\n' has not arrived yet (at most cap + 1 bytes)
  bool discarding_ = false; // inside an over-long line (already counted): skip to the next '\n'
};

}  // namespace aiswatch::live
