// Framing of one input line: tag blocks, then an AIS sentence, a Gatehouse time, another NMEA sentence,
// a bare trailing timestamp, a comment or a blank line. The AIS path is the hot one: no allocation,
// fields written in place into the caller's ParsedLine (no struct copies), the short fields parsed by
// hand, one pass for the checksum, memchr for the long scans.
#include <cstring>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/tag_block.hpp"
#include "nmea_fields.hpp"

namespace aiswatch::ais {

namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_alnum(char c) noexcept { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }
constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// "$GPRMC,…", "$PFEC,…", "!AIALR,…": a start character, an address of 3 to 9 letters or digits (talker +
// type, or P + maker + type), then ',' or '*'.
bool looks_like_nmea(std::string_view s) noexcept {
  std::size_t i = 1;
  while (i < s.size() && i <= 10 && is_alnum(s[i])) ++i;
  return i >= 4 && i <= 10 && i < s.size() && (s[i] == ',' || s[i] == '*');
}

bool is_ais_sentence(std::string_view s) noexcept {
  return s.size() >= 7 && s[0] == '!' && is_upper(s[1]) && is_upper(s[2]) && s[3] == 'V' && s[4] == 'D' &&
         (s[5] == 'M' || s[5] == 'O') && s[6] == ',';
}

// Checks "*hh" at `star` against the XOR of s[1, star). Returns false when missing or wrong.
bool checksum_ok(std::string_view s, std::size_t star) noexcept {
  if (star + 3 > s.size()) return false;
  const auto expected = parse_hex_byte(s[star + 1], s[star + 2]);
  return expected && *expected == nmea_checksum(s.substr(1, star - 1));
}

// Reads a one- or two-digit number ending at ','. Advances `p` past the comma. Two digits are read so
// that "10" is reported as a bad fragment count rather than a malformed field.
bool number_field(const char*& p, const char* end, unsigned& value) noexcept {
  if (p + 1 >= end || !is_digit(p[0])) return false;
  if (p[1] == ',') {
    value = static_cast<unsigned>(p[0] - '0');
    p += 2;
    return true;
  }
  if (p + 2 >= end || !is_digit(p[1]) || p[2] != ',') return false;
  value = static_cast<unsigned>((p[0] - '0') * 10 + (p[1] - '0'));
  p += 3;
  return true;
}

// Reads an empty or one-character field ending at ','; `c` is 0 when empty. Advances past the comma.
bool char_field(const char*& p, const char* end, char& c) noexcept {
  if (p < end && *p == ',') {
    c = 0;
    ++p;
    return true;
  }
  if (p + 1 >= end || p[1] != ',') return false;
  c = p[0];
  p += 2;
  return true;
}

// `s` starts with "!xxVDM," or "!xxVDO,". Fills every field of `out` the sentence defines.
std::optional<Reject> parse_ais_sentence(std::string_view s, Sentence& out) noexcept {
  const void* star_ptr = std::memchr(s.data() + 7, '*', s.size() - 7);
  if (star_ptr == nullptr) return Reject::bad_checksum;
  const auto star = static_cast<std::size_t>(static_cast<const char*>(star_ptr) - s.data());
  if (!checksum_ok(s, star)) return Reject::bad_checksum;

  // "n,m,seq,chan,payload,fill": four short fields, the payload, then a one-digit fill field.
  const char* p = s.data() + 7;
  const char* const body_end = s.data() + star;
  unsigned count = 0, number = 0;
  char seq = 0, channel = 0;
  if (!number_field(p, body_end, count) || !number_field(p, body_end, number) || !char_field(p, body_end, seq) ||
      !char_field(p, body_end, channel))
    return Reject::bad_framing;
  if (seq != 0 && !is_digit(seq)) return Reject::bad_framing;
  if (channel != 0 && !is_alnum(channel)) return Reject::bad_framing;
  if (body_end - p < 2 || body_end[-2] != ',' || !is_digit(body_end[-1])) return Reject::bad_framing;
  const auto payload_size = static_cast<std::size_t>(body_end - 2 - p);
  if (std::memchr(p, ',', payload_size) != nullptr) return Reject::bad_framing;
  if (count == 0 || count > kMaxFragments || number == 0 || number > count) return Reject::bad_fragment_numbers;
  const auto fill = static_cast<unsigned>(body_end[-1] - '0');
  if (fill > 5) return Reject::bad_fill_bits;

  out.talker = s.substr(1, 2);
  out.own_ship = s[5] == 'O';
  out.fragment_count = static_cast<std::uint8_t>(count);
  out.fragment_number = static_cast<std::uint8_t>(number);
  out.sequence_id = seq != 0 ? std::optional<std::uint8_t>(static_cast<std::uint8_t>(seq - '0')) : std::nullopt;
  out.channel = channel;
  out.payload = std::string_view(p, payload_size);
  out.fill_bits = static_cast<std::uint8_t>(fill);
  out.rx_time.reset();
  out.station = {};
  out.group.reset();

  // What follows "*hh" is outside the checksum: ",field,…" metadata, or junk that is ignored.
  if (star + 3 < s.size() && s[star + 3] == ',') {
    const detail::TrailingFields trailing = detail::parse_trailing_fields(s.substr(star + 3));
    out.rx_time = trailing.time;
    out.station = trailing.station;
  }
  return std::nullopt;
}

// Tag blocks "\…*hh\" at the front of `rest` (several may follow each other): parsed, merged into
// `sentence`'s time/station/group holders, and removed from `rest`.
std::optional<Reject> take_tag_blocks(std::string_view& rest, ParsedLine& out, std::optional<TagBlock>& tag) noexcept {
  while (!rest.empty() && rest.front() == '\\') {
    const std::size_t close = rest.find('\\', 1);
    if (close == std::string_view::npos) return Reject::bad_tag_block;
    if (auto parsed = parse_tag_block(rest.substr(1, close - 1))) {
      if (!tag) tag = TagBlock{};
      if (parsed->time) tag->time = parsed->time;
      if (!parsed->source.empty()) tag->source = parsed->source;
      if (parsed->group) tag->group = parsed->group;
    } else {
      out.tag_block_discarded = true;
    }
    rest.remove_prefix(close + 1);
  }
  if (rest.empty()) return Reject::bad_tag_block;  // a tag block with no sentence after it
  return std::nullopt;
}

}  // namespace

std::optional<Reject> parse_nmea_line(std::string_view line, ParsedLine& out) noexcept {
  if (line.size() > kMaxLineBytes) return Reject::line_too_long;
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);

  out.tag_block_discarded = false;
  out.time.reset();
  if (line.empty()) {
    out.kind = LineKind::blank;
    return std::nullopt;
  }

  std::string_view rest = line;
  switch (line.front()) {
    case '!':
      if (is_ais_sentence(rest)) {
        if (auto reject = parse_ais_sentence(rest, out.sentence)) return reject;
        out.kind = LineKind::ais;
        out.sentence.line = line;
        return std::nullopt;
      }
      break;
    case '\\': {
      std::optional<TagBlock> tag;
      if (auto reject = take_tag_blocks(rest, out, tag)) return reject;
      if (!is_ais_sentence(rest)) break;  // a tagged sentence of another kind
      if (auto reject = parse_ais_sentence(rest, out.sentence)) return reject;
      out.kind = LineKind::ais;
      out.sentence.line = line;
      if (tag) {
        if (tag->time) out.sentence.rx_time = tag->time;
        if (!tag->source.empty()) out.sentence.station = tag->source;
        out.sentence.group = tag->group;
      }
      return std::nullopt;
    }
    case '#':
      out.kind = LineKind::comment;
      return std::nullopt;
    case '$':
      if (rest.substr(0, 6) == "$PGHP,") {
        const std::size_t star = rest.rfind('*');
        if (star == std::string_view::npos || star + 3 != rest.size() || !checksum_ok(rest, star))
          return Reject::bad_checksum;
        out.time = detail::parse_gatehouse_time(rest.substr(0, star));
        // Another $PGHP message type carries no receive time: skip it like any other sentence.
        out.kind = out.time ? LineKind::gatehouse_time : LineKind::non_ais;
        return std::nullopt;
      }
      break;
    case ',':
      out.time = parse_epoch(rest.substr(1));
      if (!out.time) return Reject::bad_framing;
      out.kind = LineKind::bare_timestamp;
      return std::nullopt;
    default:
      return Reject::bad_framing;
  }
  if (rest.empty() || (rest.front() != '!' && rest.front() != '$') || !looks_like_nmea(rest))
    return Reject::bad_framing;
  out.kind = LineKind::non_ais;
  return std::nullopt;
}

Result<ParsedLine, Reject> parse_nmea_line(std::string_view line) noexcept {
  ParsedLine out;
  if (auto reject = parse_nmea_line(line, out)) return Failure{*reject};
  return out;
}

}  // namespace aiswatch::ais
