// decode.cpp — placeholder while the per-type decoders land: rejects every payload.
#include "aiswatch/ais/decode.hpp"

namespace aiswatch::ais {

Result<AisMessage, Reject> decode_payload(std::string_view armoured, unsigned fill_bits) noexcept {
  if (armoured.empty()) return Failure{Reject::empty_payload};
  if (fill_bits > 5) return Failure{Reject::bad_fill_bits};
  return Failure{Reject::unknown_type};
}

std::span<const MessageLengthRule> message_length_rules() noexcept { return {}; }

}  // namespace aiswatch::ais
