// Hostile input through NmeaStream: every framing and reassembly reject reason produced and counted,
// single-byte corruption of real sentences, random garbage, and huge lines. Nothing may crash, assert
// or be framed when it is corrupt; every line must be accounted for.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "aiswatch/ais/nmea_stream.hpp"
#include "test_data.hpp"

using namespace aiswatch::ais;

namespace {

std::uint64_t framing_rejects(const DecodeStats& st) {
  return st.rejects[Reject::bad_framing] + st.rejects[Reject::bad_checksum] + st.rejects[Reject::bad_tag_block] +
         st.rejects[Reject::line_too_long] + st.rejects[Reject::bad_fragment_numbers] + st.rejects[Reject::bad_fill_bits];
}

// Each line is exactly one of: blank/comment, other sentence, $PGHP, AIS sentence, framing reject.
void check_accounted(const DecodeStats& st) {
  CHECK(st.lines == st.blank_or_comment + st.non_ais_skipped + st.gatehouse_times + st.sentences + framing_rejects(st));
}

// xorshift64*: deterministic pseudo-random bytes, so a failure reproduces.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ULL;
  }
};

}  // namespace

TEST_CASE("every framing and reassembly reject reason is produced and counted", "[nmea][hostile]") {
  NmeaStream stream;
  const std::vector<std::pair<std::string, Reject>> cases = {
      {"IamNotAnAisMessage1111", Reject::bad_framing},
      {"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B", Reject::bad_checksum},
      {"\\g:1-2-1604,s:rORBCOMM008*37!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", Reject::bad_tag_block},
      {std::string(kMaxLineBytes + 1, '!'), Reject::line_too_long},
      {"!AIVDM,0,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B", Reject::bad_fragment_numbers},
      {"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,7*4D", Reject::bad_fill_bits},
      {"!AIVDM,2,2,1,A,88888888880,2*25", Reject::orphan_fragment},
  };
  for (const auto& [line, reason] : cases) {
    INFO(line.substr(0, 80));
    const std::uint64_t before = stream.stats().rejects[reason];
    CHECK(stream.feed_line(line) == nullptr);
    CHECK(stream.stats().rejects[reason] == before + 1);
  }
  // A first fragment that never gets its second: counted when the input ends.
  CHECK(stream.feed_line("!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C") == nullptr);
  CHECK(stream.stats().rejects[Reject::incomplete_message] == 0);
  stream.finish();
  CHECK(stream.stats().rejects[Reject::incomplete_message] == 1);
  CHECK(stream.stats().rejects.total() == cases.size() + 1);
  check_accounted(stream.stats());
}

TEST_CASE("any single-byte corruption of a real sentence is rejected", "[nmea][hostile]") {
  const std::string line = aiswatch::test::line_with("gpsd/sample.aivdm", "!AIVDM,1,1,,B,");
  const std::size_t star = line.find('*');
  REQUIRE(parse_nmea_line(line).ok());
  std::size_t tried = 0;
  for (std::size_t pos = 1; pos < star; ++pos) {
    for (int b = 0; b < 256; ++b) {
      if (static_cast<char>(b) == line[pos]) continue;
      std::string bad = line;
      bad[pos] = static_cast<char>(b);
      auto r = parse_nmea_line(bad);
      ++tried;
      // The XOR checksum catches every single-byte change inside the sentence.
      if (r.ok() && r->kind == LineKind::ais) FAIL("framed after corrupting byte " << pos << " to " << b);
    }
  }
  CHECK(tried == (star - 1) * 255);
}

TEST_CASE("random garbage is rejected or skipped, never framed by accident", "[nmea][hostile]") {
  Rng rng{0x9E3779B97F4A7C15ULL};
  NmeaStream stream(ReassemblyLimits{.max_pending = 8, .max_age_ms = 60'000});
  // Bytes weighted towards the characters the framing looks at.
  constexpr char kAlphabet[] = "!$\\*,:-0123456789ABCDEFVDMOabcgsrt#\r\n\t \x00\xff";
  std::string line;
  for (int i = 0; i < 20'000; ++i) {
    line.clear();
    const std::size_t len = rng.next() % 120;
    if (rng.next() % 4 == 0) line = "!AIVDM,";  // half-plausible starts reach deeper
    for (std::size_t j = 0; j < len; ++j) line.push_back(kAlphabet[rng.next() % (sizeof kAlphabet - 1)]);
    stream.feed_line(line);
    REQUIRE(stream.stats().rejects[Reject::incomplete_message] <= stream.stats().sentences);
  }
  stream.finish();
  check_accounted(stream.stats());
  CHECK(stream.stats().lines == 20'000);
}

TEST_CASE("a 1 MB line and a stream of them cost only the cap check", "[nmea][hostile]") {
  NmeaStream stream;
  const std::string huge(1 << 20, '!');
  for (int i = 0; i < 100; ++i) stream.feed_line(huge);
  CHECK(stream.stats().rejects[Reject::line_too_long] == 100);
  // A real sentence right after is unaffected.
  CHECK(stream.feed_line("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A") != nullptr);
}

TEST_CASE("a corpus fed with CRLF, leading blanks and trailing spaces gives the same payloads", "[nmea][hostile]") {
  const auto lines = aiswatch::test::read_lines("gpsd/ais-nmea-type6-fid55.log");
  NmeaStream plain, dressed;
  std::vector<std::string> a, b;
  for (const std::string& l : lines) {
    if (const AssembledSentence* s = plain.feed_line(l)) a.emplace_back(s->payload);
    const std::string padded = "  " + l + " \r";  // outlives the views the result holds into it
    if (const AssembledSentence* s = dressed.feed_line(padded)) b.emplace_back(s->payload);
  }
  CHECK(a.size() == 1326);
  CHECK(a == b);
}
