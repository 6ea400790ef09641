// Framing of one input line: tag blocks, then an AIS sentence, a Gatehouse time, another NMEA sentence,
// a bare trailing timestamp, a comment or a blank line. The AIS path is the hot one: no allocation,
// one pass for the checksum, memchr for the delimiters.
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

// A one- or two-digit number field; nullopt when empty, longer or not digits.
std::optional<unsigned> small_number(std::string_view f) noexcept {
  if (f.empty() || f.size() > 2 || !is_digit(f[0])) return std::nullopt;
  if (f.size() == 1) return static_cast<unsigned>(f[0] - '0');
  if (!is_digit(f[1])) return std::nullopt;
  return static_cast<unsigned>((f[0] - '0') * 10 + (f[1] - '0'));
}

// Splits the next field off `rest` at ','; false when there is no ','.
bool next_field(std::string_view& rest, std::string_view& field) noexcept {
  const std::size_t comma = rest.find(',');
  if (comma == std::string_view::npos) return false;
  field = rest.substr(0, comma);
  rest.remove_prefix(comma + 1);
  return true;
}

// `s` starts with "!xxVDM," or "!xxVDO,".
Result<Sentence, Reject> parse_ais_sentence(std::string_view s) noexcept {
  const void* star_ptr = std::memchr(s.data() + 7, '*', s.size() - 7);
  if (star_ptr == nullptr) return Failure{Reject::bad_checksum};
  const auto star = static_cast<std::size_t>(static_cast<const char*>(star_ptr) - s.data());
  if (!checksum_ok(s, star)) return Failure{Reject::bad_checksum};

  Sentence out;
  out.talker = s.substr(1, 2);
  out.own_ship = s[5] == 'O';

  // "n,m,seq,chan,payload,fill": four short fields, the payload, then a one-digit fill field.
  std::string_view rest = s.substr(7, star - 7);
  std::string_view count_f, number_f, seq_f, chan_f;
  if (!next_field(rest, count_f) || !next_field(rest, number_f) || !next_field(rest, seq_f) ||
      !next_field(rest, chan_f))
    return Failure{Reject::bad_framing};
  if (rest.size() < 2 || rest[rest.size() - 2] != ',' || !is_digit(rest.back())) return Failure{Reject::bad_framing};
  const std::string_view payload = rest.substr(0, rest.size() - 2);
  if (std::memchr(payload.data(), ',', payload.size()) != nullptr) return Failure{Reject::bad_framing};

  const auto count = small_number(count_f);
  const auto number = small_number(number_f);
  if (!count || !number) return Failure{Reject::bad_framing};
  if (*count == 0 || *count > kMaxFragments || *number == 0 || *number > *count)
    return Failure{Reject::bad_fragment_numbers};
  out.fragment_count = static_cast<std::uint8_t>(*count);
  out.fragment_number = static_cast<std::uint8_t>(*number);

  if (seq_f.size() == 1 && is_digit(seq_f[0]))
    out.sequence_id = static_cast<std::uint8_t>(seq_f[0] - '0');
  else if (!seq_f.empty())
    return Failure{Reject::bad_framing};

  if (chan_f.size() == 1 && is_alnum(chan_f[0]))
    out.channel = chan_f[0];
  else if (!chan_f.empty())
    return Failure{Reject::bad_framing};

  out.payload = payload;
  const unsigned fill = static_cast<unsigned>(rest.back() - '0');
  if (fill > 5) return Failure{Reject::bad_fill_bits};
  out.fill_bits = static_cast<std::uint8_t>(fill);

  // What follows "*hh" is outside the checksum: ",field,…" metadata, or junk that is ignored.
  const std::string_view after = s.substr(star + 3);
  if (!after.empty() && after.front() == ',') {
    const detail::TrailingFields trailing = detail::parse_trailing_fields(after);
    out.rx_time = trailing.time;
    out.station = trailing.station;
  }
  return out;
}

}  // namespace

Result<ParsedLine, Reject> parse_nmea_line(std::string_view line) noexcept {
  if (line.size() > kMaxLineBytes) return Failure{Reject::line_too_long};
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  while (!line.empty() && is_space(line.front())) line.remove_prefix(1);

  ParsedLine out;
  if (line.empty()) return out;  // LineKind::blank
  if (line.front() == '#') {
    out.kind = LineKind::comment;
    return out;
  }

  // Tag blocks: "\…*hh\" before the sentence (several may follow each other).
  std::string_view rest = line;
  std::optional<TagBlock> tag;
  while (!rest.empty() && rest.front() == '\\') {
    const std::size_t close = rest.find('\\', 1);
    if (close == std::string_view::npos) return Failure{Reject::bad_tag_block};
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
  if (rest.empty()) return Failure{Reject::bad_tag_block};  // a tag block with no sentence after it

  switch (rest.front()) {
    case '!':
      if (is_ais_sentence(rest)) {
        auto sentence = parse_ais_sentence(rest);
        if (!sentence) return Failure{sentence.error()};
        out.kind = LineKind::ais;
        out.sentence = *sentence;
        out.sentence.line = line;
        if (tag) {
          if (tag->time) out.sentence.rx_time = tag->time;
          if (!tag->source.empty()) out.sentence.station = tag->source;
          out.sentence.group = tag->group;
        }
        return out;
      }
      break;
    case '$':
      if (rest.substr(0, 6) == "$PGHP,") {
        const std::size_t star = rest.rfind('*');
        if (star == std::string_view::npos || star + 3 != rest.size() || !checksum_ok(rest, star))
          return Failure{Reject::bad_checksum};
        out.time = detail::parse_gatehouse_time(rest.substr(0, star));
        if (!out.time) {
          out.kind = LineKind::non_ais;  // another $PGHP message type: carries no receive time
          return out;
        }
        out.kind = LineKind::gatehouse_time;
        return out;
      }
      break;
    case ',':
      if (auto t = parse_epoch(rest.substr(1))) {
        out.kind = LineKind::bare_timestamp;
        out.time = t;
        return out;
      }
      return Failure{Reject::bad_framing};
    default:
      return Failure{Reject::bad_framing};
  }
  if (!looks_like_nmea(rest)) return Failure{Reject::bad_framing};
  out.kind = LineKind::non_ais;
  return out;
}

}  // namespace aiswatch::ais
