// tag_block.hpp — NMEA 4.0 tag blocks: `\s:rORBCOMM008,c:1418169601,g:1-2-1604*37\` before a sentence.
//
// A tag block carries the receive time (c:, seconds or milliseconds since the epoch), the source
// station (s:) and a sentence group (g:number-count-id) whose later members may carry only the group.
// Other parameters (n:, d:, t:, r:, q:, T:, …) are accepted and ignored. Its checksum is verified.
//
//   auto t = parse_tag_block("s:rORBCOMM008,c:1418169601,T:2014-12-10 00.00.01*0E");   // text between '\'
//   if (t) { t->source == "rORBCOMM008"; *t->time == 1418169601000; }
#pragma once

#include <optional>
#include <string_view>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/reject.hpp"
#include "aiswatch/ais/result.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais {

struct TagBlock {
  std::optional<UnixMillis> time;  // c:
  std::string_view source;         // s:
  std::optional<TagGroup> group;   // g:
};

// `inner` is the text between the two backslashes, `*hh` included. Returns Reject::bad_tag_block when
// the checksum is missing or wrong, or a parameter is malformed (no ':', bad c: or g: number).
Result<TagBlock, Reject> parse_tag_block(std::string_view inner) noexcept;

}  // namespace aiswatch::ais
