// decode.hpp — six-bit AIS payload (all fragments joined) to a typed AisMessage (messages.hpp).
//
// decode_payload never throws, never allocates and never asserts on input: a payload it cannot decode
// comes back as a Reject reason (empty_payload, bad_character, bad_fill_bits, bad_length_for_type,
// unknown_type) for the caller to count. The bit lengths accepted per type are one table
// (message_length_rules), which follows ITU-R M.1371-5 and also admits the off-spec lengths that real
// transmitters send and gpsd accepts (24A/24B at 162 bits, type 27 past 96 bits, …).
//
//   auto r = decode_payload("H42O55i18tMET00000000000000", 2);   // type 24 part A
//   if (r) std::get<StaticDataA>(r->body).shipname.view();       // "PROGUY"
//   else stats.add(r.error());
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "aiswatch/ais/messages.hpp"
#include "aiswatch/ais/reject.hpp"
#include "aiswatch/ais/result.hpp"

namespace aiswatch::ais {

// Decodes armoured six-bit text ('0'..'W', '`'..'w') with `fill_bits` (0..5) padding bits at the end.
Result<AisMessage, Reject> decode_payload(std::string_view armoured, unsigned fill_bits) noexcept;

// One row of the accepted-length table: a message of `type` (and, for type 24, `part` 0 = A or
// 1 = B; -1 otherwise) decodes when its bit length is in [min_bits, max_bits].
struct MessageLengthRule {
  std::uint8_t type;
  std::int8_t part;
  std::uint16_t min_bits;
  std::uint16_t max_bits;
  const char* why;  // where the bounds come from (ITU table, gpsd/observed off-spec variants)
};

// Every row, ordered by type then part.
std::span<const MessageLengthRule> message_length_rules() noexcept;

}  // namespace aiswatch::ais
