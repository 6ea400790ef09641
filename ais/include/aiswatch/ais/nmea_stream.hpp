// nmea_stream.hpp — lines in, complete AIS payloads out: framing and reassembly of one input stream,
// with every line counted. StreamDecoder (stream_decoder.hpp) adds payload decoding on top; use this
// class directly when you want the assembled payloads without decoding them (tools, benchmarks).
//
//   NmeaStream stream;
//   for (std::string_view line : lines)
//     if (const AssembledSentence* s = stream.feed_line(line)) use(s->payload, s->fill_bits, s->rx_time);
//   stream.finish();                                    // end of input: counts never-completed messages
//   stream.stats().rejects[Reject::orphan_fragment];
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/reassembler.hpp"
#include "aiswatch/ais/reject.hpp"

namespace aiswatch::ais {

inline constexpr std::size_t kMaxMessageType = 27;

struct DecodeStats {
  std::uint64_t lines = 0;                 // every line fed, blank ones included
  std::uint64_t blank_or_comment = 0;      // empty, whitespace-only or '#' lines
  std::uint64_t non_ais_skipped = 0;       // other NMEA sentences ($GPRMC, $PFEC, …) and bare ",epoch" lines
  std::uint64_t gatehouse_times = 0;       // $PGHP receive-time sentences
  std::uint64_t sentences = 0;             // AIS sentences (fragments) that passed framing and checksum
  std::uint64_t tag_blocks_discarded = 0;  // tag blocks ignored for a bad checksum (their sentence was kept)
  std::uint64_t assembled = 0;             // complete payloads (single sentences and joined fragments)
  std::uint64_t messages = 0;              // payloads decoded into messages
  std::array<std::uint64_t, kMaxMessageType + 1> messages_by_type{};  // index = AIS message type
  RejectCounts rejects;                    // every line or message not decoded, by reason

  DecodeStats& operator+=(const DecodeStats& other) noexcept;
};

class NmeaStream {
 public:
  explicit NmeaStream(ReassemblyLimits limits = {});

  // Frames one line (terminator removed or not) and feeds AIS sentences to the reassembler. Returns the
  // complete payload this line finishes, or nullptr; valid until the next call. A `$PGHP` time stamps
  // the AIS sentence right after it (when that sentence has no time of its own).
  const AssembledSentence* feed_line(std::string_view line);

  // End of input: every message still waiting for fragments is counted as incomplete_message.
  void finish();

  // A decoder layered on top reports what became of each assembled payload (decoded, with its AIS
  // message type, or rejected), so that one DecodeStats covers the whole path.
  void record_decoded(unsigned message_type) noexcept;
  void record_reject(Reject r) noexcept { stats_.rejects.add(r); }

  const DecodeStats& stats() const noexcept { return stats_; }

 private:
  Reassembler reassembler_;
  ParsedLine parsed_;  // reused for every line: framing writes into it in place
  DecodeStats stats_;
  std::optional<UnixMillis> gatehouse_time_;  // from $PGHP, for the next AIS sentence only
};

}  // namespace aiswatch::ais
