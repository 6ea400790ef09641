// NMEA 4.0 tag block parsing (IEC 61162-1 ed. 4, §7.9): comma-separated `k:value` parameters, `*hh`.
#include "aiswatch/ais/tag_block.hpp"

#include <charconv>

namespace aiswatch::ais {

namespace {

// "n-m-id": sentence n of m in group id. Each part a plain decimal number.
std::optional<TagGroup> parse_group(std::string_view v) noexcept {
  unsigned number = 0, count = 0;
  std::uint32_t id = 0;
  const char* p = v.data();
  const char* end = v.data() + v.size();
  auto r1 = std::from_chars(p, end, number);
  if (r1.ec != std::errc{} || r1.ptr == end || *r1.ptr != '-') return std::nullopt;
  auto r2 = std::from_chars(r1.ptr + 1, end, count);
  if (r2.ec != std::errc{} || r2.ptr == end || *r2.ptr != '-') return std::nullopt;
  auto r3 = std::from_chars(r2.ptr + 1, end, id);
  if (r3.ec != std::errc{} || r3.ptr != end) return std::nullopt;
  if (count == 0 || count > 99 || number == 0 || number > count) return std::nullopt;
  return TagGroup{static_cast<std::uint8_t>(number), static_cast<std::uint8_t>(count), id};
}

}  // namespace

Result<TagBlock, Reject> parse_tag_block(std::string_view inner) noexcept {
  const std::size_t star = inner.rfind('*');
  if (star == std::string_view::npos || inner.size() != star + 3) return Failure{Reject::bad_tag_block};
  const auto expected = parse_hex_byte(inner[star + 1], inner[star + 2]);
  const std::string_view body = inner.substr(0, star);
  if (!expected || *expected != nmea_checksum(body)) return Failure{Reject::bad_tag_block};

  TagBlock tag;
  std::string_view rest = body;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view param = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (param.size() < 2 || param[1] != ':') return Failure{Reject::bad_tag_block};
    const std::string_view value = param.substr(2);
    switch (param[0]) {
      case 'c': {
        // Some sources append a fraction ("c:1418169601.25"); only the integer part is a time.
        const auto t = parse_epoch(value.substr(0, value.find('.')));
        if (!t) return Failure{Reject::bad_tag_block};
        tag.time = t;
        break;
      }
      case 's':
        tag.source = value;
        break;
      case 'g':
      case 'G': {
        const auto g = parse_group(value);
        if (!g) return Failure{Reject::bad_tag_block};
        tag.group = g;
        break;
      }
      default:
        break;  // n:, d:, t:, r:, q:, T: … carry nothing the decoder needs
    }
  }
  return tag;
}

}  // namespace aiswatch::ais
