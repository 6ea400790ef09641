// NMEA 4.0 tag blocks: checksum, c:/s:/g: parameters, their effect on the sentence behind them, and
// the malformed tag blocks of pyais mixed.txt.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "aiswatch/ais/tag_block.hpp"
#include "aiswatch/ais/time.hpp"
#include "test_data.hpp"

using namespace aiswatch;
using namespace aiswatch::ais;

namespace {
// "body*hh" with the right checksum, for tag blocks made up in a test.
std::string with_sum(const std::string& body) {
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02X", nmea_checksum(body));
  std::string out;
  out.reserve(body.size() + 3);
  out.append(body).append("*").append(hex);
  return out;
}
}  // namespace

TEST_CASE("tag block parameters", "[nmea][tagblock]") {
  SECTION("valid: libais tagblock.nmea, first line") {
    auto t = parse_tag_block("g:1-2-1604,s:rORBCOMM008,c:1418169601,T:2014-12-10 00.00.01*37");
    REQUIRE(t.ok());
    CHECK(t->source == "rORBCOMM008");
    CHECK(t->time == std::optional<UnixMillis>(1'418'169'601'000));
    REQUIRE(t->group);
    CHECK(t->group->number == 1);
    CHECK(t->group->count == 2);
    CHECK(t->group->id == 1604);
  }
  SECTION("valid: c: in milliseconds is told apart by magnitude") {
    auto t = parse_tag_block(with_sum("c:1418169601123"));
    REQUIRE(t.ok());
    CHECK(format_iso8601(*t->time) == "2014-12-10T00:00:01.123Z");
  }
  SECTION("valid: unknown parameters are ignored, lower-case checksum accepted") {
    auto t = parse_tag_block("s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55");
    REQUIRE(t.ok());
    CHECK(t->source == "rORBCOMM104");
    CHECK_FALSE(t->group);
    CHECK(parse_tag_block("g:1-2-27300,n:636994,s:b003669710,c:1428621738*5f").ok());  // mixed.txt, *5F
  }
  SECTION("bad input") {
    CHECK_FALSE(parse_tag_block("g:1-2-73874*A").ok());                   // one-digit checksum (mixed.txt)
    CHECK_FALSE(parse_tag_block("s:rORBCOMM008,c:1418169601*00").ok());   // wrong checksum
    CHECK_FALSE(parse_tag_block("s:rORBCOMM008").ok());                   // no checksum
    CHECK_FALSE(parse_tag_block(with_sum("s")).ok());                     // parameter without ':'
    CHECK_FALSE(parse_tag_block(with_sum("c:14x8")).ok());                // c: not a number
    CHECK_FALSE(parse_tag_block(with_sum("g:3-2-1")).ok());               // number > count
    CHECK_FALSE(parse_tag_block(with_sum("g:1-2")).ok());                 // no group id
    CHECK(parse_tag_block(with_sum("g:1-2-7")).ok());
  }
}

TEST_CASE("tag blocks in front of sentences", "[nmea][tagblock]") {
  const auto lines = aiswatch::test::read_lines("libais/tagblock.nmea");
  SECTION("valid: time, station and group reach the sentence") {
    auto r = parse_nmea_line(lines.at(0));
    REQUIRE(r.ok());
    REQUIRE(r->kind == LineKind::ais);
    const Sentence& s = r->sentence;
    CHECK(s.station == "rORBCOMM008");
    CHECK(s.rx_time == std::optional<UnixMillis>(1'418'169'601'000));
    REQUIRE(s.group);
    CHECK(s.group->id == 1604);
    CHECK(s.payload == "53@o0E000001Q0CG37U8u<Tp4q@D00000000000018330400000000000000");
    CHECK(s.line == lines.at(0));
    CHECK_FALSE(r->tag_block_discarded);
  }
  SECTION("valid: a tag block's time wins over trailing fields") {
    std::string line = "\\";
    line += with_sum("c:1418169601");
    line += "\\!AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0*70,b003669794,1272412827";
    auto s = parse_nmea_line(line);
    REQUIRE(s.ok());
    CHECK(s->sentence.rx_time == std::optional<UnixMillis>(1'418'169'601'000));
    CHECK(s->sentence.station == "b003669794");
  }
  SECTION("valid: a later group member carrying only g: (pyais mixed.txt)") {
    const std::string line = aiswatch::test::line_with("pyais/mixed.txt", "\\g:2-2-27300");  // r views into it
    auto r = parse_nmea_line(line);
    REQUIRE(r.ok());
    CHECK(r->sentence.station.empty());
    REQUIRE(r->sentence.group);
    CHECK(r->sentence.group->number == 2);
    CHECK(r->sentence.talker == "SA");
  }
  SECTION("bad input: a tag block with a bad checksum is dropped, its valid sentence kept (mixed.txt)") {
    const std::string line = aiswatch::test::line_with("pyais/mixed.txt", "\\g:1-2-73874*A\\");  // r views into it
    auto r = parse_nmea_line(line);
    REQUIRE(r.ok());
    CHECK(r->kind == LineKind::ais);
    CHECK(r->tag_block_discarded);
    CHECK_FALSE(r->sentence.group);
    CHECK(r->sentence.payload == "15MrVH0000KH<:V:NtBLoqFP2H9:");
  }
  SECTION("bad input: the sentence after a malformed tag block has no checksum (mixed.txt)") {
    const std::string line = aiswatch::test::line_with("pyais/mixed.txt", "c:12415440354*A");  // r views into it
    auto r = parse_nmea_line(line);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Reject::bad_checksum);
  }
  SECTION("bad input: unterminated tag block, tag block alone") {
    auto r = parse_nmea_line("\\g:1-2-1604,s:rORBCOMM008,c:1418169601*37!AIVDM,2,1,6,A,53@o,0*63");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Reject::bad_tag_block);
    auto alone = parse_nmea_line("\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\");
    REQUIRE_FALSE(alone.ok());
    CHECK(alone.error() == Reject::bad_tag_block);
  }
}
