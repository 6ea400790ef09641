// nmea.hpp — NMEA 0183 framing of one input line, and the multipart reassembly output.
//
// parse_nmea_line() classifies one line (no allocation, views into the line) and, for an AIS sentence
// (`!xxVDM` / `!xxVDO`, any two-letter talker), checks its checksum and splits its fields. It also reads
// what carries receive time and station: NMEA 4.0 tag blocks (`\s:…,c:…,g:…*hh\`), trailing fields
// after the checksum (`,1541030400`; USCG `,b003669794,1272412827`; `,d-109,S2105,…,r003669946,epoch`)
// and Gatehouse `$PGHP` sentences. Expected bad input comes back as a Reject reason, never thrown.
//
//   auto r = parse_nmea_line("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
//   if (r && r->kind == LineKind::ais) use(r->sentence.payload);   // "15RTgt0PAso;90TKcjM8h6g208CQ"
//
// An AssembledSentence is one complete AIS payload: every fragment checked, reassembled (Reassembler)
// and stamped with the receive time and station the input carried. Views in both structs are valid
// only while the line (or, for AssembledSentence, the callback that receives it) lasts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/reject.hpp"
#include "aiswatch/ais/result.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais {

// Longest line accepted, terminator excluded. Real sentences stay under 200 bytes even with tag block
// and USCG trailing fields; the cap bounds the work and memory spent on garbage.
inline constexpr std::size_t kMaxLineBytes = 4096;

// Most fragments one AIS message may span (the fragment count is a single NMEA digit).
inline constexpr unsigned kMaxFragments = 9;

struct AssembledSentence {
  std::string_view payload;          // armoured six-bit text, all fragments concatenated in order
  unsigned fill_bits = 0;            // from the last fragment, 0..5
  std::optional<UnixMillis> rx_time; // receive time when the input carries one
  std::string_view station;          // tag block s:, USCG b…/r… field; empty when unknown
  char channel = 0;                  // 'A', 'B', '1', '2', or 0 when empty
  bool own_ship = false;             // VDO (own vessel) rather than VDM
  std::string_view talker;           // "AI", "AB", "BS", "SA", …
  std::span<const RawRef> raw;       // the input lines behind it, one per fragment
};

// One fragment of a multipart tag-block group (`g:2-3-1604` is number 2 of 3 in group 1604).
struct TagGroup {
  std::uint8_t number = 0;
  std::uint8_t count = 0;
  std::uint32_t id = 0;
};

// One framed `!xxVDM` / `!xxVDO` sentence (a fragment of an AIS message).
struct Sentence {
  std::string_view line;             // the whole line, tag block and trailing fields included
  std::string_view talker;           // two letters: "AI", "AB", "BS", "SA", …
  bool own_ship = false;             // VDO
  std::uint8_t fragment_count = 1;   // 1..9
  std::uint8_t fragment_number = 1;  // 1..fragment_count
  std::optional<std::uint8_t> sequence_id;  // multipart sequential message id, 0..9; empty field -> nullopt
  char channel = 0;                  // 'A', 'B', '1', '2', … or 0 when the field is empty
  std::string_view payload;          // armoured six-bit text of this fragment (not validated here)
  std::uint8_t fill_bits = 0;        // 0..5
  std::optional<UnixMillis> rx_time; // tag block c:, else the last epoch of the trailing fields
  std::string_view station;          // tag block s:, else a trailing b…/r… field
  std::optional<TagGroup> group;     // tag block g:
};

enum class LineKind : std::uint8_t {
  ais,             // an AIS sentence: `sentence` is set
  blank,           // empty or whitespace only
  comment,         // starts with '#'
  non_ais,         // another NMEA sentence ($GPRMC, $PFEC, …) — skipped
  gatehouse_time,  // `$PGHP,1,…`: `time` is the receive time of the AIS sentence that follows
  bare_timestamp,  // a line holding only `,epoch` (seen in USCG logs) — skipped
};

struct ParsedLine {
  LineKind kind = LineKind::blank;
  Sentence sentence;                   // when kind == ais
  std::optional<UnixMillis> time;      // when kind == gatehouse_time or bare_timestamp
  bool tag_block_discarded = false;    // a tag block failed its checksum: its fields were not used
};

// Classifies and frames one line (terminator already removed; a trailing '\r' or spaces are ignored).
// Rejects: line_too_long, bad_framing, bad_checksum, bad_tag_block, bad_fragment_numbers, bad_fill_bits.
// A tag block whose own checksum is wrong does not reject the sentence (which has its own checksum):
// the tag block is ignored and ParsedLine::tag_block_discarded says so.
Result<ParsedLine, Reject> parse_nmea_line(std::string_view line) noexcept;

// The same, for hot loops: frames into `out` (reuse one ParsedLine for every line; all of it is
// overwritten) and returns the reason when the line is rejected, nullopt when it was framed.
std::optional<Reject> parse_nmea_line(std::string_view line, ParsedLine& out) noexcept;

// XOR of every byte in `text` (the NMEA checksum of what lies between '!'/'$'/'\' and '*').
// Inline: it runs once per line on the hot path.
inline std::uint8_t nmea_checksum(std::string_view text) noexcept {
  // XOR eight bytes at a time, then fold the word: a byte loop was the framing's hot spot.
  std::uint64_t wide = 0;
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    wide ^= word;
  }
  wide ^= wide >> 32;
  wide ^= wide >> 16;
  wide ^= wide >> 8;
  auto sum = static_cast<std::uint8_t>(wide);
  for (; n > 0; ++p, --n) sum ^= static_cast<std::uint8_t>(*p);
  return sum;
}

// Value of two hex digits (either case) or nullopt.
constexpr std::optional<std::uint8_t> parse_hex_byte(char high, char low) noexcept {
  constexpr auto digit = [](char c) constexpr -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  const int h = digit(high);
  const int l = digit(low);
  if (h < 0 || l < 0) return std::nullopt;
  return static_cast<std::uint8_t>(h * 16 + l);
}

// An epoch count read from the data as seconds or milliseconds, told apart by magnitude: values below
// 10^11 are seconds (10^11 s is the year 5138; 10^11 ms is 1973). Returns nullopt for non-digits.
std::optional<UnixMillis> parse_epoch(std::string_view digits) noexcept;

}  // namespace aiswatch::ais
