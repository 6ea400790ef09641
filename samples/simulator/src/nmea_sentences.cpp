#include "aiswatch/simulator/nmea_sentences.hpp"

#include <cassert>

#include <fmt/format.h>

namespace aiswatch::simulator {

namespace {

std::uint8_t xor_of(std::string_view body) noexcept {
  std::uint8_t sum = 0;
  for (char c : body) sum = static_cast<std::uint8_t>(sum ^ static_cast<std::uint8_t>(c));
  return sum;
}

// "\<fields>*hh\" with the fields that are known; empty when there is nothing to stamp (a bare feed:
// then there is no group either, as on receivers without tag blocks).
std::string tag_block(const SentenceOptions& o, std::size_t part, std::size_t parts) {
  if (o.station.empty() && !o.rx_time) return {};
  std::string fields;
  if (parts > 1) fields = fmt::format("g:{}-{}-{}", part, parts, o.group_id);
  if (!o.station.empty()) fields += fmt::format("{}s:{}", fields.empty() ? "" : ",", o.station);
  if (o.rx_time) {
    // c: is whole Unix seconds; floor so a receive time never moves into the next second.
    const std::int64_t seconds = *o.rx_time >= 0 ? *o.rx_time / 1000 : (*o.rx_time - 999) / 1000;
    fields += fmt::format("{}c:{}", fields.empty() ? "" : ",", seconds);
  }
  return fmt::format("\\{}*{:02X}\\", fields, xor_of(fields));
}

}  // namespace

std::string nmea_checksum_hex(std::string_view body) { return fmt::format("{:02X}", xor_of(body)); }

void append_sentences(const ArmouredPayload& payload, const SentenceOptions& options, std::vector<std::string>& out) {
  assert(options.channel == 'A' || options.channel == 'B');
  assert(options.sequence_id <= 9);
  assert(payload.fill_bits <= 5);
  const std::size_t size = payload.text.size();
  const std::size_t parts = size == 0 ? 1 : (size + kMaxPayloadCharsPerSentence - 1) / kMaxPayloadCharsPerSentence;
  assert(parts <= 9);  // NMEA allows at most 9 fragments
  for (std::size_t part = 1; part <= parts; ++part) {
    const std::string_view chunk =
        std::string_view(payload.text).substr((part - 1) * kMaxPayloadCharsPerSentence, kMaxPayloadCharsPerSentence);
    const unsigned fill = part == parts ? payload.fill_bits : 0;
    const std::string seq = parts > 1 ? fmt::format("{}", options.sequence_id) : std::string();
    const std::string body = fmt::format("AIVDM,{},{},{},{},{},{}", parts, part, seq, options.channel, chunk, fill);
    out.push_back(fmt::format("{}!{}*{:02X}", tag_block(options, part, parts), body, xor_of(body)));
  }
}

}  // namespace aiswatch::simulator
