// StreamDecoder: framing + reassembly joined to the payload decoder. Payload reject reasons reach the
// stream's counts, decoded messages are counted by type, and whole corpus files keep the books balanced.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "test_data.hpp"

using namespace aiswatch::ais;

namespace {

// "!AIVDM,1,1,,A,<payload>,<fill>*hh" with the right checksum.
std::string sentence(const std::string& payload, unsigned fill = 0) {
  const std::string body = "AIVDM,1,1,,A," + payload + "," + std::to_string(fill);
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02X", nmea_checksum(body));
  std::string line = "!";
  line.append(body).append("*").append(hex);
  return line;
}

}  // namespace

TEST_CASE("what the payload decoder says reaches the stream's counts and callback", "[nmea][stream]") {
  // The stream's contract, whatever the decoder's verdict on each payload (the verdicts themselves are
  // tests/messages/'s business): a rejection is counted under its reason, a message reaches the callback
  // once and is counted under its type.
  StreamDecoder decoder;
  std::size_t calls = 0;
  const auto on_message = [&](const AisMessage&, const AssembledSentence&) { ++calls; };
  const std::vector<std::string> payloads = {
      "",                               // empty (pyais nmea_data_sample.txt has 100)
      "15RTgt0PAso;90TKc!M8h6g208CQ",   // '!' is not six-bit armour
      "15RT",                           // a type 1 of 24 bits
      "05RTgt0PAso;90TKcjM8h6g208CQ",   // type 0
      "w5RTgt0PAso;90TKcjM8h6g208CQ",   // type 63
      "15RTgt0PAso;90TKcjM8h6g208CQ",   // gpsd sample.aivdm: a valid type 1
  };
  std::size_t expected_calls = 0;
  for (const std::string& payload : payloads) {
    INFO(payload);
    const auto verdict = decode_payload(payload, 0);
    const RejectCounts before = decoder.stats().rejects;
    const std::uint64_t type1_before = decoder.stats().messages_by_type[1];
    decoder.feed_line(sentence(payload), on_message);
    if (verdict) {
      ++expected_calls;
      CHECK(decoder.stats().messages_by_type[1] == type1_before + 1);
      CHECK(decoder.stats().rejects.total() == before.total());
    } else {
      CHECK(decoder.stats().rejects[verdict.error()] == before[verdict.error()] + 1);
      CHECK(decoder.stats().rejects.total() == before.total() + 1);
    }
  }
  CHECK(calls == expected_calls);
  CHECK(decoder.stats().messages == expected_calls);
  CHECK(decoder.stats().assembled == payloads.size());
}

TEST_CASE("whole corpus files: assembled payloads are decoded or rejected, never lost", "[nmea][stream][corpus]") {
  const char* file = GENERATE("gpsd/ais-nmea-type6-fid55.log", "gpsd/sample.aivdm", "libais/test.aivdm",
                              "libais/tagblock.nmea", "pyais/nmea_data_sample.txt", "pyais/mixed.txt");
  INFO(file);
  StreamDecoder decoder;
  std::uint64_t calls = 0, timed = 0;
  std::vector<std::uint64_t> by_type(kMaxMessageType + 1);
  LineReader reader(aiswatch::test::data_path(file));
  while (auto line = reader.next_line()) {
    decoder.feed_line(*line, [&](const AisMessage&, const AssembledSentence& s) {
      ++calls;
      timed += s.rx_time ? 1 : 0;
      REQUIRE_FALSE(s.payload.empty());
      REQUIRE_FALSE(s.raw.empty());
    });
  }
  decoder.finish();
  const DecodeStats& st = decoder.stats();
  CHECK(st.messages == calls);
  const std::uint64_t payload_rejects = st.rejects[Reject::empty_payload] + st.rejects[Reject::bad_character] +
                                        st.rejects[Reject::bad_length_for_type] + st.rejects[Reject::unknown_type];
  CHECK(st.assembled == st.messages + payload_rejects);
  std::uint64_t typed = 0;
  for (std::uint64_t n : st.messages_by_type) typed += n;
  CHECK(typed == st.messages);
  CHECK(st.messages_by_type[0] == 0);
  if (std::string(file) == "pyais/nmea_data_sample.txt") CHECK(st.rejects[Reject::empty_payload] == 100);
  if (std::string(file) == "libais/test.aivdm" || std::string(file) == "libais/tagblock.nmea") CHECK(timed == calls);
}
