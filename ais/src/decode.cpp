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

// Everything that can reject a payload; on success `bits` holds it and `type` its message type.
// Reject::count_ means "accepted".
Reject check_payload(std::string_view armoured, unsigned fill_bits, detail::BitBuffer& bits, unsigned& type) noexcept {
  if (armoured.empty()) return Reject::empty_payload;
  if (fill_bits > 5) return Reject::bad_fill_bits;
  const detail::LoadStatus loaded = bits.load(armoured, fill_bits);
  if (loaded == detail::LoadStatus::bad_character) return Reject::bad_character;

  // The type is the whole first character, even when fill bits leave fewer than six bits.
  type = detail::armour_value(armoured.front());
  if (type == 0 || type > 27) return Reject::unknown_type;
  if (loaded == detail::LoadStatus::too_long) return Reject::bad_length_for_type;
  // 40 bits: the header (type, repeat, MMSI) and the part/mode bits every variant lookup needs.
  if (bits.bit_count() < 40) return Reject::bad_length_for_type;

  const unsigned variant = length_variant(type, bits);
  if (type == 24 && variant > 1) return Reject::unknown_type;  // parts 2 and 3 are undefined
  const MessageLengthRule& rule = detail::length_rule(type, variant);
  if (bits.bit_count() < rule.min_bits || bits.bit_count() > rule.max_bits) return Reject::bad_length_for_type;
  return Reject::count_;
}

// EmptyBody<Body> converts to a MessageBody holding a value-initialised Body. As the last argument of
// the message's (C++20 parenthesised) aggregate initialisation, the conversion result initialises the
// member directly: no MessageBody temporary, and only Body is value-initialised, not the whole variant.
template <class Body>
struct EmptyBody {
  operator MessageBody() const noexcept { return MessageBody(std::in_place_type<Body>); }  // NOLINT
};

// Builds the message with its body alternative already chosen, in the caller's return slot (returned
// by NRVO: the ~200-byte message is never copied), then lets the type's decoder fill it.
template <class Body, class Decode>
Result<AisMessage, Reject> build(const detail::BitBuffer& b, unsigned type, Decode&& decode) noexcept {
  const auto repeat = static_cast<std::uint8_t>(b.ubits(6, 2));
  const auto bits = static_cast<std::uint16_t>(b.bit_count());
#if defined(__cpp_aggregate_paren_init)
  Result<AisMessage, Reject> result(std::in_place, static_cast<std::uint8_t>(type), repeat, b.ubits(8, 30), bits,
                                    EmptyBody<Body>{});
#else
  // Compilers without parenthesised aggregate initialisation (clang 14, used for the fuzz build): one
  // copy of the message, same result.
  Result<AisMessage, Reject> result(
      std::in_place, AisMessage{static_cast<std::uint8_t>(type), repeat, b.ubits(8, 30), bits, EmptyBody<Body>{}});
#endif
  decode(b, *std::get_if<Body>(&result->body));
  return result;
}

Result<AisMessage, Reject> decode_checked(const detail::BitBuffer& b, unsigned type) noexcept {
  using namespace detail;
  switch (type) {
    case 1:
    case 2:
    case 3: return build<ClassAPositionReport>(b, type, decode_msg_1_2_3);
    case 4:
    case 11: return build<BaseStationReport>(b, type, decode_msg_4_11);
    case 5: return build<StaticVoyageData>(b, type, decode_msg_5);
    case 6: return build<AddressedBinary>(b, type, decode_msg_6);
    case 7:
    case 13: return build<Acknowledge>(b, type, decode_msg_7_13);
    case 8: return build<BroadcastBinary>(b, type, decode_msg_8);
    case 9: return build<SarAircraftReport>(b, type, decode_msg_9);
    case 10: return build<UtcInquiry>(b, type, decode_msg_10);
    case 12: return build<AddressedSafetyText>(b, type, decode_msg_12);
    case 14: return build<SafetyBroadcastText>(b, type, decode_msg_14);
    case 15: return build<Interrogation>(b, type, decode_msg_15);
    case 16: return build<AssignedModeCommand>(b, type, decode_msg_16);
    case 17: return build<DgnssBroadcast>(b, type, decode_msg_17);
    case 18: return build<ClassBPositionReport>(b, type, decode_msg_18);
    case 19: return build<ClassBExtendedReport>(b, type, decode_msg_19);
    case 20: return build<DataLinkManagement>(b, type, decode_msg_20);
    case 21: return build<AidToNavigationReport>(b, type, decode_msg_21);
    case 22: return build<ChannelManagement>(b, type, decode_msg_22);
    case 23: return build<GroupAssignmentCommand>(b, type, decode_msg_23);
    case 24:
      if (b.ubits(38, 2) == 0) return build<StaticDataA>(b, type, decode_msg_24a);
      return build<StaticDataB>(b, type, [mmsi = b.ubits(8, 30)](const BitBuffer& bits, StaticDataB& m) {
        decode_msg_24b(bits, mmsi, m);
      });
    case 25: return build<SingleSlotBinary>(b, type, decode_msg_25);
    case 26: return build<MultiSlotBinary>(b, type, decode_msg_26);
    case 27: return build<LongRangePosition>(b, type, decode_msg_27);
    default: assert(false && "type checked by check_payload"); return Failure{Reject::unknown_type};
  }
}

}  // namespace

Result<AisMessage, Reject> decode_payload(std::string_view armoured, unsigned fill_bits) noexcept {
  detail::BitBuffer bits;
  unsigned type = 0;
  const Reject why = check_payload(armoured, fill_bits, bits, type);
  if (why != Reject::count_) return Failure{why};
  return decode_checked(bits, type);
}

}  // namespace aiswatch::ais
