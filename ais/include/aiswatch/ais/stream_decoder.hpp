// stream_decoder.hpp — lines in, decoded AIS messages out: framing and reassembly (NmeaStream) joined to
// the payload decoder (decode_payload), with every line and every rejection counted.
//
// One StreamDecoder per input stream (it holds pending fragments and the pending $PGHP time). Lines go
// in with or without their terminator; each complete, decoded message reaches the callback with the
// AssembledSentence it came from (payload, receive time, station, raw lines). Nothing is thrown or
// asserted on input: bad lines are counted in stats().rejects by reason.
//
//   StreamDecoder decoder;
//   for (std::string_view line : lines)
//     decoder.feed_line(line, [&](const AisMessage& msg, const AssembledSentence& s) { use(msg, s); });
//   decoder.finish();                                   // end of input: counts never-completed messages
//   decoder.stats().messages_by_type[5];                // type-5 messages decoded
//   decoder.stats().rejects[Reject::bad_checksum];      // lines with a bad checksum
#pragma once

#include <string_view>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/nmea_stream.hpp"

namespace aiswatch::ais {

class StreamDecoder {
 public:
  explicit StreamDecoder(ReassemblyLimits limits = {}) : stream_(limits) {}

  // Frames, reassembles and decodes one line; calls on_message(const AisMessage&, const
  // AssembledSentence&) when the line completes a message that decodes. Both arguments are valid only
  // during the call.
  template <class OnMessage>
  void feed_line(std::string_view line, OnMessage&& on_message) {
    const AssembledSentence* s = stream_.feed_line(line);
    if (s == nullptr) return;
    auto decoded = decode_payload(s->payload, s->fill_bits);
    if (!decoded) {
      stream_.record_reject(decoded.error());
      return;
    }
    stream_.record_decoded(decoded->type);
    on_message(*decoded, *s);
  }

  // End of input: every message still waiting for fragments is counted as incomplete_message.
  void finish() { stream_.finish(); }

  const DecodeStats& stats() const noexcept { return stream_.stats(); }

 private:
  NmeaStream stream_;
};

}  // namespace aiswatch::ais
