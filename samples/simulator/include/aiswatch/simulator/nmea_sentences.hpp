// nmea_sentences.hpp — wraps an armoured AIS payload into NMEA 0183 !AIVDM sentences with NMEA 4.0
// tag blocks, the way a receiving station's feed carries them.
//
// A payload longer than 60 characters is split over several sentences (at most 82 characters each)
// sharing a sequence id 0..9; only the last one carries the fill bits. The tag block stamps the receive
// time (c:, Unix seconds) and the station (s:); the fragments of one message also carry the NMEA 4.0
// group g:<n>-<of>-<id>:
//   \g:1-2-73,s:RU-VLADIVOSTOK,c:1710028800*hh\!AIVDM,2,1,3,B,55Mw…,0*hh
//   \g:2-2-73,s:RU-VLADIVOSTOK,c:1710028800*hh\!AIVDM,2,2,3,B,88888888880,2*hh
//
//   std::vector<std::string> lines;
//   append_sentences(encode(msg), {.channel = 'B', .rx_time = t, .station = "KR-BUSAN"}, lines);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/simulator/bit_writer.hpp"

namespace aiswatch::simulator {

// Longest payload part per sentence: keeps a !AIVDM sentence within NMEA's 82 characters.
inline constexpr std::size_t kMaxPayloadCharsPerSentence = 60;

struct SentenceOptions {
  char channel = 'A';                   // VHF channel 'A' or 'B'
  std::optional<UnixMillis> rx_time;    // tag block c: (whole seconds); no tag block when neither
  std::string_view station;             //   this nor the station is given
  unsigned sequence_id = 0;             // 0..9, for messages of several sentences
  std::uint32_t group_id = 1;           // tag-block group id (1..99999) for messages of several sentences
};

// XOR of the characters, as two upper-case hex digits (the part between '!'/'\\' and '*').
std::string nmea_checksum_hex(std::string_view body);

// Appends one line per sentence (no line terminator) to `out`.
void append_sentences(const ArmouredPayload& payload, const SentenceOptions& options, std::vector<std::string>& out);

}  // namespace aiswatch::simulator
