// One input stream's framing and reassembly: line classification, counting, $PGHP times.
#include "aiswatch/ais/nmea_stream.hpp"

namespace aiswatch::ais {

DecodeStats& DecodeStats::operator+=(const DecodeStats& other) noexcept {
  lines += other.lines;
  blank_or_comment += other.blank_or_comment;
  non_ais_skipped += other.non_ais_skipped;
  gatehouse_times += other.gatehouse_times;
  sentences += other.sentences;
  tag_blocks_discarded += other.tag_blocks_discarded;
  assembled += other.assembled;
  messages += other.messages;
  for (std::size_t i = 0; i < messages_by_type.size(); ++i) messages_by_type[i] += other.messages_by_type[i];
  for (std::size_t i = 0; i < rejects.by_reason.size(); ++i) rejects.by_reason[i] += other.rejects.by_reason[i];
  return *this;
}

NmeaStream::NmeaStream(ReassemblyLimits limits) : reassembler_(limits) {}

const AssembledSentence* NmeaStream::feed_line(std::string_view line) {
  ++stats_.lines;
  ParsedLine& p = parsed_;
  if (auto reject = parse_nmea_line(line, p)) {
    stats_.rejects.add(*reject);
    return nullptr;
  }
  if (p.tag_block_discarded) ++stats_.tag_blocks_discarded;
  switch (p.kind) {
    case LineKind::ais:
      break;
    case LineKind::blank:
    case LineKind::comment:
      ++stats_.blank_or_comment;
      return nullptr;
    case LineKind::non_ais:
    case LineKind::bare_timestamp:
      ++stats_.non_ais_skipped;
      return nullptr;
    case LineKind::gatehouse_time:
      ++stats_.gatehouse_times;
      gatehouse_time_ = p.time;
      return nullptr;
  }

  ++stats_.sentences;
  Sentence& s = p.sentence;
  if (!s.rx_time) s.rx_time = gatehouse_time_;
  gatehouse_time_.reset();  // a $PGHP time belongs to the one sentence after it
  const AssembledSentence* assembled = reassembler_.add(s, stats_.rejects);
  if (assembled != nullptr) ++stats_.assembled;
  return assembled;
}

void NmeaStream::record_decoded(unsigned message_type) noexcept {
  ++stats_.messages;
  if (message_type < stats_.messages_by_type.size()) ++stats_.messages_by_type[message_type];
}

void NmeaStream::finish() { reassembler_.finish(stats_.rejects); }

}  // namespace aiswatch::ais
