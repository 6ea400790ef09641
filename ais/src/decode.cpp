// decode.cpp — decode_payload: de-armour, read the header, check the length against the type's table
// row (message_lengths.cpp), hand the bits to the type's decoder (msg_*.cpp).
#include "aiswatch/ais/decode.hpp"

#include "bit_buffer.hpp"
#include "message_decoders.hpp"
#include "message_lengths.hpp"

namespace aiswatch::ais {

namespace {

// Which table row applies besides the type: the part number of type 24, the addressing mode of 25/26.
unsigned length_variant(unsigned type, const detail::BitBuffer& b) noexcept {
  switch (type) {
    case 24: return b.ubits(38, 2);
    case 25:
    case 26: return b.ubits(38, 2);  // bit 38 addressed, bit 39 structured
    default: return 0;
  }
}

void decode_body(unsigned type, const detail::BitBuffer& b, AisMessage& m) noexcept {
  using namespace detail;
  switch (type) {
    case 1:
    case 2:
    case 3: return decode_msg_1_2_3(b, m.body);
    case 4:
    case 11: return decode_msg_4_11(b, m.body);
    case 5: return decode_msg_5(b, m.body);
    case 6: return decode_msg_6(b, m.body);
    case 7:
    case 13: return decode_msg_7_13(b, m.body);
    case 8: return decode_msg_8(b, m.body);
    case 9: return decode_msg_9(b, m.body);
    case 10: return decode_msg_10(b, m.body);
    case 12: return decode_msg_12(b, m.body);
    case 14: return decode_msg_14(b, m.body);
    case 15: return decode_msg_15(b, m.body);
    case 16: return decode_msg_16(b, m.body);
    case 17: return decode_msg_17(b, m.body);
    case 18: return decode_msg_18(b, m.body);
    case 19: return decode_msg_19(b, m.body);
    case 20: return decode_msg_20(b, m.body);
    case 21: return decode_msg_21(b, m.body);
    case 22: return decode_msg_22(b, m.body);
    case 23: return decode_msg_23(b, m.body);
    case 24: return b.ubits(38, 2) == 0 ? decode_msg_24a(b, m.body) : decode_msg_24b(b, m.mmsi, m.body);
    case 25: return decode_msg_25(b, m.body);
    case 26: return decode_msg_26(b, m.body);
    case 27: return decode_msg_27(b, m.body);
    default: assert(false && "type checked by decode_payload");
  }
}

}  // namespace

Result<AisMessage, Reject> decode_payload(std::string_view armoured, unsigned fill_bits) noexcept {
  if (armoured.empty()) return Failure{Reject::empty_payload};
  if (fill_bits > 5) return Failure{Reject::bad_fill_bits};

  detail::BitBuffer bits;
  const detail::LoadStatus loaded = bits.load(armoured, fill_bits);
  if (loaded == detail::LoadStatus::bad_character) return Failure{Reject::bad_character};

  // The type is the whole first character, even when fill bits leave fewer than six bits.
  const unsigned type = detail::armour_value(armoured.front());
  if (type == 0 || type > 27) return Failure{Reject::unknown_type};
  if (loaded == detail::LoadStatus::too_long) return Failure{Reject::bad_length_for_type};
  // 40 bits: the header (type, repeat, MMSI) and the part/mode bits every variant lookup needs.
  if (bits.bit_count() < 40) return Failure{Reject::bad_length_for_type};

  const unsigned variant = length_variant(type, bits);
  if (type == 24 && variant > 1) return Failure{Reject::unknown_type};  // parts 2 and 3 are undefined
  const MessageLengthRule& rule = detail::length_rule(type, variant);
  if (bits.bit_count() < rule.min_bits || bits.bit_count() > rule.max_bits)
    return Failure{Reject::bad_length_for_type};

  AisMessage m;
  m.type = static_cast<std::uint8_t>(type);
  m.repeat = static_cast<std::uint8_t>(bits.ubits(6, 2));
  m.mmsi = bits.ubits(8, 30);
  m.bit_length = static_cast<std::uint16_t>(bits.bit_count());
  decode_body(type, bits, m);
  return m;
}

}  // namespace aiswatch::ais
