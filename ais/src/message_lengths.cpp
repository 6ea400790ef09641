// message_lengths.cpp — the one table of accepted bit lengths per message type (and type-24 part,
// type-25/26 addressing mode).
//
// Policy: accept what gpsd 3.22 accepts (measured by feeding gpsdecode every length of every type;
// see tests/messages/lengths_test.cpp), with two documented widenings for off-spec lengths seen on air
// that gpsd drops: type 24 part B at 162..167 bits (everything but the EPFD) and type 27 at 97..167
// bits. Where gpsd sets no upper bound we stop at 1008 bits, the most a five-slot message carries
// (ITU-R M.1371-5, Annex 2 §3.2.2.11 / Annex 8 Table 54 note). Every row's minimum covers every field
// the type's decoder reads except, for a few gpsd-tolerated short forms, a trailing spare or the
// communication state, which then read as zero.
#include "aiswatch/ais/decode.hpp"

#include <array>

#include "message_lengths.hpp"

namespace aiswatch::ais {

namespace {

// ITU = the length(s) of ITU-R M.1371-5 Annex 8; gpsd = gpsd 3.22's own check.
constexpr std::array<MessageLengthRule, 34> kRules = {{
    {1, -1, 163, 1008, "ITU 168; gpsd accepts 163+ (short comm. state, seen on air)"},
    {2, -1, 163, 1008, "ITU 168; gpsd accepts 163+"},
    {3, -1, 163, 1008, "ITU 168; gpsd accepts 163+"},
    {4, -1, 168, 1008, "ITU 168; gpsd accepts longer"},
    {5, -1, 420, 1008, "ITU 424; gpsd accepts 420/422 (common), longer ignored"},
    {6, -1, 88, 1008, "ITU 88..1008 (header + 0..920 data bits)"},
    {7, -1, 72, 168, "ITU 72/104/136/168 (1..4 acknowledgements); gpsd any length in range"},
    {8, -1, 56, 1008, "ITU 56..1008 (header + 0..952 data bits)"},
    {9, -1, 168, 1008, "ITU 168; gpsd accepts longer"},
    {10, -1, 72, 1008, "ITU 72; gpsd accepts longer"},
    {11, -1, 168, 1008, "ITU 168 (as type 4)"},
    {12, -1, 72, 1008, "ITU 72..1008 (0..156 characters)"},
    {13, -1, 72, 168, "ITU 72..168 (as type 7)"},
    {14, -1, 40, 1008, "ITU 40..1008 (0..161 characters)"},
    {15, -1, 88, 168, "ITU 88/110/160; gpsd any length in 88..168"},
    {16, -1, 96, 168, "ITU 96/144; gpsd any length in 96..168"},
    {17, -1, 80, 816, "ITU 80..816 (0..736 data bits)"},
    {18, -1, 168, 1008, "ITU 168; gpsd accepts longer"},
    {19, -1, 312, 1008, "ITU 312; gpsd accepts longer"},
    {20, -1, 72, 186, "ITU 72/104/136/160 (1..4 reservations); gpsd any length in 72..186"},
    {21, -1, 272, 368, "ITU 272..360 (name extension 0..88 bits); gpsd up to 368"},
    {22, -1, 168, 1008, "ITU 168; gpsd accepts longer"},
    {23, -1, 160, 1008, "ITU 160; gpsd accepts longer"},
    {24, 0, 160, 168, "part A: ITU 168; 160 (no spare) is common; gpsd 160..168"},
    {24, 1, 162, 1008, "part B: ITU 168; 162 (no EPFD/spare) seen on air, gpsd 3.22 needs 168"},
    {25, 0, 40, 168, "broadcast, unstructured: ITU header 40 + data, one slot"},
    {25, 1, 56, 168, "broadcast, structured: + 16-bit application ID"},
    {25, 2, 70, 168, "addressed, unstructured: + 30-bit destination"},
    {25, 3, 86, 168, "addressed, structured"},
    {26, 0, 60, 1004, "broadcast, unstructured: header 40 + 20-bit comm. state; gpsd up to 1004"},
    {26, 1, 76, 1004, "broadcast, structured"},
    {26, 2, 90, 1004, "addressed, unstructured"},
    {26, 3, 106, 1004, "addressed, structured"},
    {27, -1, 96, 168, "ITU 96; gpsd also 168 (a full slot); 97..167 seen on air too"},
}};
// First row of each type, so a lookup is one index and (for 24/25/26) an offset.
constexpr std::array<std::uint8_t, 28> kFirstRow = [] {
  std::array<std::uint8_t, 28> first{};
  for (std::size_t i = kRules.size(); i-- > 0;) first[kRules[i].type] = static_cast<std::uint8_t>(i);
  return first;
}();

}  // namespace

std::span<const MessageLengthRule> message_length_rules() noexcept { return kRules; }

namespace detail {

const MessageLengthRule& length_rule(unsigned type, unsigned variant) noexcept {
  const MessageLengthRule& rule = kRules[kFirstRow[type] + variant];
  assert(rule.type == type && (rule.part < 0 ? variant == 0 : rule.part == static_cast<int>(variant)));
  return rule;
}

}  // namespace detail
}  // namespace aiswatch::ais
