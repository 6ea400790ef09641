// reject.hpp — why an input line or message was not turned into a decoded AIS message.
//
// Expected bad input is never thrown and never asserted on: it is returned as one of these reasons and
// counted (DecodeStats), and `aiswatch decode --stats` reports the counts by name.
#pragma once

#include <array>
#include <cstdint>
#include <cstddef>

namespace aiswatch::ais {

enum class Reject : std::uint8_t {
  // framing (one NMEA line)
  bad_framing,            // not "!xxVDM/VDO,n,m,seq,chan,payload,fill*hh", wrong field count, bad numbers
  bad_checksum,           // "*hh" missing or not matching
  bad_tag_block,          // "\…*hh\" tag block malformed or its checksum wrong
  line_too_long,          // over the line-length cap (protects memory; the line is skipped whole)
  // reassembly
  bad_fragment_numbers,   // fragment count 0 or > 9, number > count, …
  orphan_fragment,        // a later fragment whose earlier ones never came (or came from another message)
  incomplete_message,     // first fragments whose remaining ones never arrived (dropped at timeout/eviction)
  // payload
  empty_payload,
  bad_character,          // a payload character outside the 6-bit armour alphabet
  bad_fill_bits,          // fill bits not 0..5
  bad_length_for_type,    // too few (or too many) bits for the fields this type needs
  unknown_type,           // message type 0 or 28..63
  count_                  // number of reasons (keep last)
};

inline constexpr std::array<const char*, static_cast<std::size_t>(Reject::count_)> kRejectNames = {
    "bad_framing",          "bad_checksum",       "bad_tag_block",   "line_too_long",
    "bad_fragment_numbers", "orphan_fragment",    "incomplete_message", "empty_payload",
    "bad_character",        "bad_fill_bits",      "bad_length_for_type", "unknown_type"};

constexpr const char* to_string(Reject r) noexcept { return kRejectNames[static_cast<std::size_t>(r)]; }

inline constexpr std::size_t kRejectCount = static_cast<std::size_t>(Reject::count_);

// Counts per reason, filled by the framing, reassembly and decoding stages.
//   RejectCounts counts;  counts.add(Reject::bad_checksum);  counts[Reject::bad_checksum] == 1
struct RejectCounts {
  std::array<std::uint64_t, kRejectCount> by_reason{};

  void add(Reject r) noexcept { ++by_reason[static_cast<std::size_t>(r)]; }
  std::uint64_t operator[](Reject r) const noexcept { return by_reason[static_cast<std::size_t>(r)]; }
  std::uint64_t total() const noexcept {
    std::uint64_t sum = 0;
    for (std::uint64_t n : by_reason) sum += n;
    return sum;
  }
};

}  // namespace aiswatch::ais
