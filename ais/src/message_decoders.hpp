// message_decoders.hpp — one decoder per message family, called by decode_payload once the payload is
// de-armoured and its length checked against the type's row of message_lengths.cpp.
//
// Private to the decoder. Each reads fields from the BitBuffer (bits past the end read as zero) and
// emplaces its struct into the message body; none can fail.
//   decode_msg_1_2_3(bits, msg.body);
#pragma once

#include "aiswatch/ais/messages.hpp"
#include "bit_buffer.hpp"

namespace aiswatch::ais::detail {

void decode_msg_1_2_3(const BitBuffer& b, MessageBody& body) noexcept;   // msg_1_2_3.cpp
void decode_msg_4_11(const BitBuffer& b, MessageBody& body) noexcept;    // msg_4_11.cpp
void decode_msg_5(const BitBuffer& b, MessageBody& body) noexcept;       // msg_5.cpp
void decode_msg_6(const BitBuffer& b, MessageBody& body) noexcept;       // msg_6_8.cpp
void decode_msg_8(const BitBuffer& b, MessageBody& body) noexcept;       // msg_6_8.cpp
void decode_msg_7_13(const BitBuffer& b, MessageBody& body) noexcept;    // msg_7_13.cpp
void decode_msg_9(const BitBuffer& b, MessageBody& body) noexcept;       // msg_9.cpp
void decode_msg_10(const BitBuffer& b, MessageBody& body) noexcept;      // msg_10_15_16.cpp
void decode_msg_15(const BitBuffer& b, MessageBody& body) noexcept;      // msg_10_15_16.cpp
void decode_msg_16(const BitBuffer& b, MessageBody& body) noexcept;      // msg_10_15_16.cpp
void decode_msg_12(const BitBuffer& b, MessageBody& body) noexcept;      // msg_12_14.cpp
void decode_msg_14(const BitBuffer& b, MessageBody& body) noexcept;      // msg_12_14.cpp
void decode_msg_17(const BitBuffer& b, MessageBody& body) noexcept;      // msg_17.cpp
void decode_msg_18(const BitBuffer& b, MessageBody& body) noexcept;      // msg_18_19.cpp
void decode_msg_19(const BitBuffer& b, MessageBody& body) noexcept;      // msg_18_19.cpp
void decode_msg_20(const BitBuffer& b, MessageBody& body) noexcept;      // msg_20.cpp
void decode_msg_21(const BitBuffer& b, MessageBody& body) noexcept;      // msg_21.cpp
void decode_msg_22(const BitBuffer& b, MessageBody& body) noexcept;      // msg_22_23.cpp
void decode_msg_23(const BitBuffer& b, MessageBody& body) noexcept;      // msg_22_23.cpp
void decode_msg_24a(const BitBuffer& b, MessageBody& body) noexcept;     // msg_24.cpp
void decode_msg_24b(const BitBuffer& b, std::uint32_t mmsi, MessageBody& body) noexcept;  // msg_24.cpp
void decode_msg_25(const BitBuffer& b, MessageBody& body) noexcept;      // msg_25_26.cpp
void decode_msg_26(const BitBuffer& b, MessageBody& body) noexcept;      // msg_25_26.cpp
void decode_msg_27(const BitBuffer& b, MessageBody& body) noexcept;      // msg_27.cpp

}  // namespace aiswatch::ais::detail
