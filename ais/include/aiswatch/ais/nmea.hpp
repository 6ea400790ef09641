// nmea.hpp — NMEA 0183 framing and multipart reassembly output.
//
// An AssembledSentence is one complete AIS payload: every fragment checked, reassembled and stamped
// with the receive time and station the input carried (tag block c:/s:, USCG trailing fields, $PGHP).
// Views are valid only for the duration of the callback that receives it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais {

struct AssembledSentence {
  std::string_view payload;          // armoured six-bit text, all fragments concatenated in order
  unsigned fill_bits = 0;            // from the last fragment, 0..5
  std::optional<UnixMillis> rx_time; // receive time when the input carries one
  std::string_view station;          // tag block s:, USCG b…/r… field; empty when unknown
  char channel = 0;                  // 'A', 'B', '1', '2', or 0 when empty
  bool own_ship = false;             // VDO (own vessel) rather than VDM
  std::string_view talker;           // "AI", "AB", "BS", "SA", …
  std::span<const RawRef> raw;       // the input lines behind it, one per fragment
};

}  // namespace aiswatch::ais
