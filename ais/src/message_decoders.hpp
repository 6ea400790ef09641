// message_decoders.hpp — one decoder per message family, called by decode_payload once the payload is
// de-armoured and its length checked against the type's row of message_lengths.cpp.
//
// Private to the decoder. Each reads fields from the BitBuffer (bits past the end read as zero) into
// its (value-initialised) struct, already in place in the message body; none can fail.
//   decode_msg_1_2_3(bits, std::get<ClassAPositionReport>(msg.body));
#pragma once

#include "aiswatch/ais/messages.hpp"
#include "bit_buffer.hpp"

namespace aiswatch::ais::detail {

void decode_msg_1_2_3(const BitBuffer& b, ClassAPositionReport& m) noexcept;   // msg_1_2_3.cpp
void decode_msg_4_11(const BitBuffer& b, BaseStationReport& m) noexcept;    // msg_4_11.cpp
void decode_msg_5(const BitBuffer& b, StaticVoyageData& m) noexcept;       // msg_5.cpp
void decode_msg_6(const BitBuffer& b, AddressedBinary& m) noexcept;       // msg_6_8.cpp
void decode_msg_8(const BitBuffer& b, BroadcastBinary& m) noexcept;       // msg_6_8.cpp
void decode_msg_7_13(const BitBuffer& b, Acknowledge& m) noexcept;    // msg_7_13.cpp
void decode_msg_9(const BitBuffer& b, SarAircraftReport& m) noexcept;       // msg_9.cpp
void decode_msg_10(const BitBuffer& b, UtcInquiry& m) noexcept;      // msg_10_15_16.cpp
void decode_msg_15(const BitBuffer& b, Interrogation& m) noexcept;      // msg_10_15_16.cpp
void decode_msg_16(const BitBuffer& b, AssignedModeCommand& m) noexcept;      // msg_10_15_16.cpp
void decode_msg_12(const BitBuffer& b, AddressedSafetyText& m) noexcept;      // msg_12_14.cpp
void decode_msg_14(const BitBuffer& b, SafetyBroadcastText& m) noexcept;      // msg_12_14.cpp
void decode_msg_17(const BitBuffer& b, DgnssBroadcast& m) noexcept;      // msg_17.cpp
void decode_msg_18(const BitBuffer& b, ClassBPositionReport& m) noexcept;      // msg_18_19.cpp
void decode_msg_19(const BitBuffer& b, ClassBExtendedReport& m) noexcept;      // msg_18_19.cpp
void decode_msg_20(const BitBuffer& b, DataLinkManagement& m) noexcept;      // msg_20.cpp
void decode_msg_21(const BitBuffer& b, AidToNavigationReport& m) noexcept;      // msg_21.cpp
void decode_msg_22(const BitBuffer& b, ChannelManagement& m) noexcept;      // msg_22_23.cpp
void decode_msg_23(const BitBuffer& b, GroupAssignmentCommand& m) noexcept;      // msg_22_23.cpp
void decode_msg_24a(const BitBuffer& b, StaticDataA& m) noexcept;     // msg_24.cpp
void decode_msg_24b(const BitBuffer& b, std::uint32_t mmsi, StaticDataB& m) noexcept;  // msg_24.cpp
void decode_msg_25(const BitBuffer& b, SingleSlotBinary& m) noexcept;      // msg_25_26.cpp
void decode_msg_26(const BitBuffer& b, MultiSlotBinary& m) noexcept;      // msg_25_26.cpp
void decode_msg_27(const BitBuffer& b, LongRangePosition& m) noexcept;      // msg_27.cpp

}  // namespace aiswatch::ais::detail
