// message_lengths.hpp — lookup into the accepted-length table (message_lengths.cpp), for decode.cpp.
//   const auto& rule = length_rule(24, 1);  // type 24 part B
//   if (bits < rule.min_bits || bits > rule.max_bits) reject(Reject::bad_length_for_type);
#pragma once

#include <cassert>

#include "aiswatch/ais/decode.hpp"

namespace aiswatch::ais::detail {

// `type` 1..27; `variant` is the part number (0/1) for type 24, the addressed/structured flags
// (addressed << 1 | structured) for types 25/26, and 0 otherwise.
const MessageLengthRule& length_rule(unsigned type, unsigned variant) noexcept;

}  // namespace aiswatch::ais::detail
