// Whole corpus files through NmeaStream (framing + reassembly): sentences and assembled messages per
// file, compared with tests/nmea/count_assembled.py — an independent Python count (regular expressions,
// no shared code) whose output is in the table — and the corpus quirks the provenance notes list.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/nmea_stream.hpp"
#include "test_data.hpp"

using namespace aiswatch;
using namespace aiswatch::ais;

namespace {

struct Collected {
  DecodeStats stats;
  std::vector<std::string> payloads;
  std::vector<std::optional<UnixMillis>> times;
  std::vector<std::string> stations;
};

Collected run_file(const std::string& relative) {
  Collected c;
  NmeaStream stream;
  LineReader reader(aiswatch::test::data_path(relative));
  while (auto line = reader.next_line()) {
    if (const AssembledSentence* s = stream.feed_line(*line)) {
      c.payloads.emplace_back(s->payload);
      c.times.push_back(s->rx_time);
      c.stations.emplace_back(s->station);
    }
  }
  stream.finish();
  c.stats = stream.stats();
  return c;
}

}  // namespace

TEST_CASE("sentences and assembled messages per corpus file agree with an independent count", "[nmea][corpus]") {
  // Columns from `tests/nmea/count_assembled.py tests/data/ais/...`: sentences, assembled, incomplete.
  const auto [file, sentences, assembled, incomplete] =
      GENERATE(table<const char*, std::uint64_t, std::uint64_t, std::uint64_t>({
          {"gpsd/ais-18-27.log", 276, 276, 0},
          {"gpsd/ais-nmea-type6-fid55.log", 1480, 1326, 0},
          {"gpsd/ais-nmea.log", 183, 171, 0},
          {"gpsd/ais-raw-messages.log", 114, 109, 0},
          {"gpsd/ais_unpack_sixbit.log", 20, 13, 0},
          {"gpsd/ait250.log", 75, 74, 0},
          {"gpsd/saab-r4.log", 14, 14, 0},
          {"gpsd/sample.aivdm", 118, 102, 0},
          {"libais/tagblock.nmea", 5, 4, 0},
          {"libais/typeexamples.nmea", 26, 26, 0},
          {"libais/test.aivdm", 263, 261, 0},
          {"pyais/ais_test_messages", 8, 7, 0},
          {"pyais/gatehouse.nmea", 4, 4, 0},
          {"pyais/messages.ais", 6, 6, 0},
          {"pyais/mixed.txt", 14, 12, 0},
          {"pyais/nmea_data_sample.txt", 898, 878, 20},
          {"pyais/timestamped.ais", 4, 4, 0},
      }));
  INFO(file);
  const Collected c = run_file(file);
  CHECK(c.stats.sentences == sentences);
  CHECK(c.stats.assembled == assembled);
  CHECK(c.payloads.size() == assembled);
  CHECK(c.stats.rejects[Reject::incomplete_message] == incomplete);
  CHECK(c.stats.rejects[Reject::orphan_fragment] == 0);
  // Every line is accounted for exactly once (an incomplete message is counted on top of its lines).
  const std::uint64_t framing_rejects = c.stats.rejects[Reject::bad_framing] + c.stats.rejects[Reject::bad_checksum] +
                                        c.stats.rejects[Reject::bad_tag_block] + c.stats.rejects[Reject::line_too_long] +
                                        c.stats.rejects[Reject::bad_fragment_numbers] + c.stats.rejects[Reject::bad_fill_bits];
  CHECK(c.stats.lines == c.stats.blank_or_comment + c.stats.non_ais_skipped + c.stats.gatehouse_times +
                             c.stats.sentences + framing_rejects);
}

TEST_CASE("corpus quirks: what each file's lines are", "[nmea][corpus]") {
  SECTION("pyais nmea_data_sample.txt: CRLF, 100 empty payloads, 20 never-completed first fragments") {
    const Collected c = run_file("pyais/nmea_data_sample.txt");
    CHECK(c.stats.lines == 898);
    std::size_t empty = 0;
    for (const auto& p : c.payloads) empty += p.empty() ? 1 : 0;
    CHECK(empty == 100);
    CHECK(c.stats.rejects[Reject::incomplete_message] == 20);
  }
  SECTION("pyais mixed.txt: GPS sentences, garbage, tag blocks with bad checksums") {
    const Collected c = run_file("pyais/mixed.txt");
    CHECK(c.stats.non_ais_skipped == 4);               // $GPGGA, $GPRTE, $GPR00, $IIMWV
    CHECK(c.stats.rejects[Reject::bad_framing] == 2);  // IamNotAnAisMessage1111, foobar
    // The sentence without '*' behind a broken tag block, and "$PGHP,1,2009,…*17": the 2008 line's checksum
    // copied onto a 2009 date (pyais does not check $PGHP checksums; the right one would be *16).
    CHECK(c.stats.rejects[Reject::bad_checksum] == 2);
    CHECK(c.stats.tag_blocks_discarded == 2);          // one-digit tag checksums (*A) before valid sentences
    CHECK(c.stats.gatehouse_times == 1);
  }
  SECTION("gpsd saab-r4.log: own-ship VDO among $PFEC and GPS sentences") {
    const Collected c = run_file("gpsd/saab-r4.log");
    CHECK(c.stats.sentences == 14);
    CHECK(c.stats.non_ais_skipped == 127 - 14 - c.stats.blank_or_comment);
  }
  SECTION("pyais gatehouse.nmea: each $PGHP stamps the next sentence only") {
    const Collected c = run_file("pyais/gatehouse.nmea");
    REQUIRE(c.times.size() == 4);
    CHECK(c.times[0] == parse_iso8601("2008-05-09T00:00:00.010"));
    CHECK_FALSE(c.times[1]);  // comments, blank lines, no $PGHP right before it
    CHECK_FALSE(c.times[2]);  // its "$PGHP,1,2009,…*17" fails its checksum, so no time is trusted
    CHECK_FALSE(c.times[3]);
    CHECK(c.stats.rejects[Reject::bad_checksum] == 1);
  }
  SECTION("libais tagblock.nmea: times and stations from the tag blocks") {
    const Collected c = run_file("libais/tagblock.nmea");
    REQUIRE(c.payloads.size() == 4);
    CHECK(c.stations == std::vector<std::string>{"rORBCOMM104", "rORBCOMM008", "rORBCOMM007", "rORBCOMM007"});
    CHECK(c.times[1] == std::optional<UnixMillis>(1'418'169'601'000));
  }
  SECTION("libais test.aivdm: every message stamped with a receive time from its trailing fields") {
    const Collected c = run_file("libais/test.aivdm");
    std::size_t timed = 0;
    for (const auto& t : c.times) timed += t ? 1 : 0;
    CHECK(timed == c.payloads.size());
  }
}
