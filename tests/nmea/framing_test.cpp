// Framing of single lines: AIS sentence fields, checksums, talkers, channels, line kinds, and the
// reasons bad lines are rejected. Lines come from the real corpora in tests/data/ais.
#include <catch2/catch.hpp>

#include <string>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/time.hpp"
#include "test_data.hpp"

using namespace aiswatch;
using namespace aiswatch::ais;
using aiswatch::test::line_with;

namespace {

Sentence frame(std::string_view line) {
  auto r = parse_nmea_line(line);
  REQUIRE(r.ok());
  REQUIRE(r->kind == LineKind::ais);
  return r->sentence;
}

Reject rejected(std::string_view line) {
  auto r = parse_nmea_line(line);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

LineKind kind_of(std::string_view line) {
  auto r = parse_nmea_line(line);
  REQUIRE(r.ok());
  return r->kind;
}

// Recomputes the "*hh" of an edited sentence so that only the edit under test is wrong.
std::string with_fixed_checksum(std::string line) {
  const std::size_t star = line.find('*');
  const std::uint8_t sum = nmea_checksum(std::string_view(line).substr(1, star - 1));
  constexpr char kHex[] = "0123456789ABCDEF";
  line[star + 1] = kHex[sum >> 4];
  line[star + 2] = kHex[sum & 15];
  return line;
}

}  // namespace

TEST_CASE("checksum and hex helpers", "[nmea]") {
  // gpsd sample.aivdm, first sentence: *4A is the XOR of everything between '!' and '*'.
  CHECK(nmea_checksum("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0") == 0x4A);
  CHECK(nmea_checksum("") == 0);
  CHECK(parse_hex_byte('4', 'a') == std::optional<std::uint8_t>(0x4A));
  CHECK(parse_hex_byte('F', 'f') == std::optional<std::uint8_t>(0xFF));
  CHECK_FALSE(parse_hex_byte('G', '0'));
  CHECK(parse_epoch("1541030400") == std::optional<UnixMillis>(1'541'030'400'000));
  CHECK(parse_epoch("1541030400123") == std::optional<UnixMillis>(1'541'030'400'123));
  CHECK_FALSE(parse_epoch("15410304x0"));
  CHECK_FALSE(parse_epoch(""));
  CHECK_FALSE(parse_epoch("12345678901234"));
}

TEST_CASE("an AIS sentence is split into its fields", "[nmea]") {
  SECTION("valid: gpsd sample.aivdm type 1") {
    const Sentence s = frame("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    CHECK(s.talker == "AI");
    CHECK_FALSE(s.own_ship);
    CHECK(s.fragment_count == 1);
    CHECK(s.fragment_number == 1);
    CHECK_FALSE(s.sequence_id);
    CHECK(s.channel == 'A');
    CHECK(s.payload == "15RTgt0PAso;90TKcjM8h6g208CQ");
    CHECK(s.fill_bits == 0);
    CHECK_FALSE(s.rx_time);
    CHECK(s.station.empty());
    CHECK_FALSE(s.group);
  }
  SECTION("valid: multipart fragment with sequence id and fill bits (pyais mixed.txt)") {
    const Sentence s = frame("!AIVDM,2,2,1,A,88888888880,2*25");
    CHECK(s.fragment_count == 2);
    CHECK(s.fragment_number == 2);
    CHECK(s.sequence_id == std::optional<std::uint8_t>(1));
    CHECK(s.fill_bits == 2);
  }
  SECTION("valid: every talker and VDO own-ship report seen in the corpora") {
    const auto [file, prefix, talker, own] = GENERATE(table<const char*, const char*, const char*, bool>({
        {"gpsd/ais-nmea-type6-fid55.log", "!ABVDM,", "AB", false},
        {"gpsd/ais-nmea-type6-fid55.log", "!BSVDM,", "BS", false},
        {"gpsd/ais-nmea-type6-fid55.log", "!BSVDO,", "BS", true},
        {"gpsd/ait250.log", "!AIVDO,", "AI", true},
        {"pyais/mixed.txt", "!SAVDM,", "SA", false},
    }));
    const std::string line = line_with(file, prefix);
    const Sentence s = frame(line);
    CHECK(s.talker == talker);
    CHECK(s.own_ship == own);
  }
  SECTION("valid: channels 1/2 and empty") {
    CHECK(frame(line_with("gpsd/ais-nmea-type6-fid55.log", ",1,1,,1,")).channel == '1');
    CHECK(frame(line_with("gpsd/ais-nmea-type6-fid55.log", ",1,1,,2,")).channel == '2');
    CHECK(frame(line_with("gpsd/ait250.log", "!AIVDO,1,1,,,")).channel == 0);
  }
  SECTION("valid: lower-case checksum hex, CRLF and trailing blanks") {
    CHECK(frame("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4a").payload == "15RTgt0PAso;90TKcjM8h6g208CQ");
    const std::string crlf = aiswatch::test::read_lines("pyais/nmea_data_sample.txt").at(0);
    REQUIRE(crlf.back() == '\r');
    CHECK(frame(crlf).payload == "33P;Tw0tjBQO22:E7dm66DrB20UP");
    const std::string blanks = line_with("gpsd/sample.aivdm", "0*51   ");
    CHECK(frame(blanks).payload.size() == 60);
  }
  SECTION("valid: text after the checksum that is not a field list is ignored (gpsd sample.aivdm)") {
    const std::string line = line_with("gpsd/sample.aivdm", "4*19\\x0d\\x0a");
    CHECK(frame(line).payload == "00");
  }
  SECTION("valid: empty payload frames (the decoder rejects it as empty_payload)") {
    CHECK(frame("!AIVDM,1,1,,B,,0*25").payload.empty());
  }
  SECTION("bad input: checksum wrong or missing") {
    CHECK(rejected("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CR,0*4A") == Reject::bad_checksum);
    CHECK(rejected("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B") == Reject::bad_checksum);
    CHECK(rejected("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0") == Reject::bad_checksum);
    CHECK(rejected("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4") == Reject::bad_checksum);
    CHECK(rejected("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*G4") == Reject::bad_checksum);
  }
  SECTION("bad input: wrong field layout") {
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,,A,15RTgt0PAso,;90TKcjM8h6g208CQ,0*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,,A15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,,AB,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,12,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,x,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,01*00")) == Reject::bad_framing);
    CHECK(rejected(with_fixed_checksum("!AIVDM,*00")) == Reject::bad_framing);
  }
  SECTION("bad input: fragment numbers and fill bits out of range") {
    CHECK(rejected(with_fixed_checksum("!AIVDM,0,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_fragment_numbers);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,0,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_fragment_numbers);
    CHECK(rejected(with_fixed_checksum("!AIVDM,2,3,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_fragment_numbers);
    CHECK(rejected(with_fixed_checksum("!AIVDM,10,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00")) == Reject::bad_fragment_numbers);
    CHECK(rejected(with_fixed_checksum("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,6*00")) == Reject::bad_fill_bits);
  }
}

TEST_CASE("line kinds: blank, comment, other NMEA sentences, garbage", "[nmea]") {
  SECTION("valid") {
    CHECK(kind_of("") == LineKind::blank);
    CHECK(kind_of(" \t\r") == LineKind::blank);
    CHECK(kind_of("# Lines with a leading `#` are ignored") == LineKind::comment);
    CHECK(kind_of(line_with("gpsd/ais-nmea.log", "$GPRMC")) == LineKind::non_ais);
    CHECK(kind_of(line_with("gpsd/saab-r4.log", "$PFEC")) == LineKind::non_ais);
    CHECK(kind_of(line_with("pyais/mixed.txt", "$GPRTE")) == LineKind::non_ais);
    CHECK(kind_of(line_with("pyais/mixed.txt", "$GPR00")) == LineKind::non_ais);
  }
  SECTION("bad input: text that is not NMEA at all (pyais mixed.txt)") {
    CHECK(rejected("IamNotAnAisMessage1111") == Reject::bad_framing);
    CHECK(rejected("foobar") == Reject::bad_framing);
    CHECK(rejected("!") == Reject::bad_framing);
    CHECK(rejected("$") == Reject::bad_framing);
    CHECK(rejected(std::string("!AIVDM\0,1,1", 11)) == Reject::bad_framing);
  }
  SECTION("bad input: a line over the cap is rejected before any other work") {
    const std::string huge(1 << 20, 'A');
    CHECK(rejected(huge) == Reject::line_too_long);
    const std::string at_cap = "!AIVDM,1,1,,A," + std::string(kMaxLineBytes - 14, '0');
    CHECK(rejected(at_cap) == Reject::bad_checksum);  // exactly at the cap: framed (and found wanting)
    CHECK(rejected(at_cap + "0") == Reject::line_too_long);
  }
}

TEST_CASE("every prefix of a real sentence is rejected, never mistaken for a sentence", "[nmea]") {
  const std::string line = line_with("libais/test.aivdm", ",b003669794,1272412827");
  const std::size_t star = line.find('*');
  for (std::size_t n = 0; n < star + 3; ++n) {
    auto r = parse_nmea_line(std::string_view(line).substr(0, n));
    INFO("prefix length " << n);
    CHECK((!r.ok() || r->kind == LineKind::blank));
  }
  CHECK(frame(std::string_view(line).substr(0, star + 3)).payload == "15B4FT5000JRP>PE6E68Nbkl0PS5");
}

TEST_CASE("trailing fields give receive time and station", "[nmea][time]") {
  SECTION("valid: USCG receiver and epoch (libais test.aivdm)") {
    const std::string line = line_with("libais/test.aivdm", "15B4FT5000JRP>PE6E68Nbkl0PS5");  // the views in Sentence point into it
    const Sentence s = frame(line);
    CHECK(s.station == "b003669794");
    REQUIRE(s.rx_time);
    CHECK(format_iso8601(*s.rx_time) == "2010-04-28T00:00:27Z");  // 1272412827
  }
  SECTION("valid: USCG extended fields, time from the last epoch (libais typeexamples.nmea)") {
    const std::string line = line_with("libais/typeexamples.nmea", "403Ovl@000Htt<tSF0l4Q@100`Pq");  // the views in Sentence point into it
    const Sentence s = frame(line);
    CHECK(s.station == "r003669946");
    CHECK(s.rx_time == std::optional<UnixMillis>(1'325'394'001'000));
  }
  SECTION("valid: station names that are not numbers, and a field list without epoch") {
    CHECK(frame(line_with("libais/test.aivdm", "rCUDJOE_01")).station == "rCUDJOE_01");
    const std::string line = line_with("gpsd/sample.aivdm", ",s36310,d-081,T59.01777335");  // the views in Sentence point into it
    const Sentence s = frame(line);
    CHECK(s.station.empty());
    CHECK_FALSE(s.rx_time);
  }
  SECTION("valid: a bare epoch field (USCG logs)") {
    const Sentence s = frame("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A,1541030400");
    CHECK(s.rx_time == std::optional<UnixMillis>(1'541'030'400'000));
    auto bare = parse_nmea_line(",1541030400");
    REQUIRE(bare.ok());
    CHECK(bare->kind == LineKind::bare_timestamp);
    CHECK(bare->time == std::optional<UnixMillis>(1'541'030'400'000));
  }
  SECTION("bad input: a bare field that is not an epoch") {
    CHECK(rejected(",15410x0400") == Reject::bad_framing);
  }
}

TEST_CASE("Gatehouse $PGHP gives a receive time", "[nmea][time]") {
  SECTION("valid: pyais gatehouse.nmea") {
    auto r = parse_nmea_line(aiswatch::test::read_lines("pyais/gatehouse.nmea").at(0));
    REQUIRE(r.ok());
    CHECK(r->kind == LineKind::gatehouse_time);
    REQUIRE(r->time);
    CHECK(format_iso8601(*r->time) == "2008-05-09T00:00:00.010Z");
    // The README example of pyais: $PGHP,1,2020,12,31,23,59,58,239,0,0,0,1,2C*5B
    auto readme = parse_nmea_line("$PGHP,1,2020,12,31,23,59,58,239,0,0,0,1,2C*5B");
    REQUIRE(readme.ok());
    CHECK(format_iso8601(*readme->time) == "2020-12-31T23:59:58.239Z");
  }
  SECTION("bad input: checksum wrong, impossible date") {
    CHECK(rejected("$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*18") == Reject::bad_checksum);
    const std::string bad_month = with_fixed_checksum("$PGHP,1,2008,13,9,0,0,0,10,338,2,,1,09*00");
    CHECK(kind_of(bad_month) == LineKind::non_ais);
  }
}
