// nmea_fields.hpp — private helpers of the NMEA framing: the fields that carry time and station
// outside the tag block (USCG trailing fields, Gatehouse $PGHP).
#pragma once

#include <optional>
#include <string_view>

#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais::detail {

struct TrailingFields {
  std::optional<UnixMillis> time;  // the last plain-integer field (an epoch)
  std::string_view station;        // the last b…/r… field (USCG NAIS receiver id)
};

// `text` is what follows `*hh`, starting with ','. Fields that are neither an epoch nor a station
// (d-109 signal, S2105 slot, t…, T…, x…, s…) are skipped.
TrailingFields parse_trailing_fields(std::string_view text) noexcept;

// `$PGHP,1,yyyy,mm,dd,hh,mm,ss,ms,…*hh` (whole line, checksum not yet checked): the receive time of
// the AIS sentence that follows. nullopt when the fields are not a valid date and time.
std::optional<UnixMillis> parse_gatehouse_time(std::string_view line) noexcept;

}  // namespace aiswatch::ais::detail
