// Multipart reassembly: real multipart messages (in order, interleaved, tag-block groups), orphans,
// never-completed messages, repeats, expiry and fragment storms.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "aiswatch/ais/reassembler.hpp"
#include "test_data.hpp"

using namespace aiswatch;
using namespace aiswatch::ais;

namespace {

// Frames each line and feeds it; collects the payloads (copied) of the messages completed.
struct Feeder {
  Reassembler reassembler;
  RejectCounts rejects;
  std::vector<std::string> payloads;
  std::vector<AssembledSentence> last;  // views valid only until the next add
  std::string last_station;
  std::optional<UnixMillis> last_time;
  std::vector<std::string> last_raw;
  unsigned last_fill = 0;

  explicit Feeder(ReassemblyLimits limits = {}) : reassembler(limits) {}

  void feed(std::string_view line) {
    auto parsed = parse_nmea_line(line);
    REQUIRE(parsed.ok());
    REQUIRE(parsed->kind == LineKind::ais);
    if (const AssembledSentence* m = reassembler.add(parsed->sentence, rejects)) {
      payloads.emplace_back(m->payload);
      last_station = std::string(m->station);
      last_time = m->rx_time;
      last_fill = m->fill_bits;
      last_raw.clear();
      for (const RawRef& r : m->raw) last_raw.emplace_back(r.text);
    }
  }
};

// A three-fragment type 8 from gpsd sample.aivdm.
const char* const kThree[] = {
    "!AIVDM,3,1,7,A,85Mwp=iKfGwushJ?gNlt2QU3osVGe:4?cNhQqf2VH8t,0*08",
    "!AIVDM,3,2,7,A,?A;J6b7AwuiqIGLeNiKCPDR7HQR<u;TTFufegr>kCSF,0*41",
    "!AIVDM,3,3,7,A,Uq:1Kk`e8,4*27",
};
// A two-fragment type 5 from pyais mixed.txt, and a two-fragment type 8 from gpsd sample.aivdm.
const char* const kFive[] = {
    "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
    "!AIVDM,2,2,1,A,88888888880,2*25",
};
const char* const kEight[] = {
    "!AIVDM,2,1,4,A,83aDChPj2d<dL<uM=hhhI?a@6HP0e9QvUEEEOPPrE4t880>p2JqA6wimt:Ow,0*22",
    "!AIVDM,2,2,4,A,UPP8k;JvOeD,2*7F",
};

std::string payload_of(std::string_view line) {
  auto p = parse_nmea_line(line);
  return std::string(p->sentence.payload);
}

}  // namespace

TEST_CASE("single-fragment sentences pass straight through", "[nmea][reassembly]") {
  Feeder f;
  f.feed("!AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0*70,b003669794,1272412827");
  REQUIRE(f.payloads.size() == 1);
  CHECK(f.payloads[0] == "15B4FT5000JRP>PE6E68Nbkl0PS5");
  CHECK(f.last_station == "b003669794");
  CHECK(f.last_time == std::optional<UnixMillis>(1'272'412'827'000));
  REQUIRE(f.last_raw.size() == 1);
  CHECK(f.last_raw[0] == "!AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0*70,b003669794,1272412827");
  CHECK(f.reassembler.pending() == 0);
}

TEST_CASE("multipart messages are joined in order", "[nmea][reassembly]") {
  SECTION("valid: three fragments, fill bits from the last") {
    Feeder f;
    for (const char* line : kThree) f.feed(line);
    REQUIRE(f.payloads.size() == 1);
    CHECK(f.payloads[0] == payload_of(kThree[0]) + payload_of(kThree[1]) + payload_of(kThree[2]));
    CHECK(f.last_fill == 4);
    CHECK(f.last_raw == std::vector<std::string>(std::begin(kThree), std::end(kThree)));
    CHECK(f.rejects.total() == 0);
  }
  SECTION("valid: two messages interleaved (different sequence ids)") {
    Feeder f;
    f.feed(kFive[0]);
    f.feed(kEight[0]);
    f.feed(kFive[1]);
    f.feed(kEight[1]);
    REQUIRE(f.payloads.size() == 2);
    CHECK(f.payloads[0] == payload_of(kFive[0]) + payload_of(kFive[1]));
    CHECK(f.payloads[1] == payload_of(kEight[0]) + payload_of(kEight[1]));
    CHECK(f.rejects.total() == 0);
  }
  SECTION("valid: the same sequence id on both channels are two messages") {
    Feeder f;
    std::string other = kFive[0];
    other[13] = 'B';
    // Fix the checksum of the edited copy: 'A' ^ 'B' = 3.
    auto sum = parse_hex_byte(other[other.size() - 2], other[other.size() - 1]).value() ^ 3;
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02X", sum);
    other.replace(other.size() - 2, 2, hex);
    f.feed(kFive[0]);
    f.feed(other);
    CHECK(f.reassembler.pending() == 2);
    f.feed(kFive[1]);
    CHECK(f.payloads.size() == 1);
    CHECK(f.reassembler.pending() == 1);
  }
  SECTION("valid: tag-block group across interleaved lines (libais tagblock.nmea)") {
    Feeder f;
    for (const std::string& line : aiswatch::test::read_lines("libais/tagblock.nmea")) f.feed(line);
    REQUIRE(f.payloads.size() == 4);
    CHECK(f.payloads[1] == std::string("53@o0E000001Q0CG37U8u<Tp4q@D00000000000018330400000000000000") + "00000000008");
    CHECK(f.rejects.total() == 0);
  }
  SECTION("valid: later group member carries only g: (pyais mixed.txt)") {
    Feeder f;
    f.feed(aiswatch::test::line_with("pyais/mixed.txt", "\\g:1-2-27300"));
    f.feed(aiswatch::test::line_with("pyais/mixed.txt", "\\g:2-2-27300"));
    REQUIRE(f.payloads.size() == 1);
    CHECK(f.last_station == "b003669710");
    CHECK(f.last_time == std::optional<UnixMillis>(1'428'621'738'000));
    REQUIRE(f.last_raw.size() == 2);
    CHECK(f.last_raw[1].substr(0, 14) == "\\g:2-2-27300,n");
  }
  SECTION("valid: station on the last fragment only (gpsd sample.aivdm)") {
    Feeder f;
    f.feed("!AIVDM,2,1,6,A,8>qc9wiKf>d=Cq5r0mdew:?DLq>1LmhHrsqmBCKnJ50,0*30");
    f.feed("!AIVDM,2,2,6,A,3OLc=UCRp,0*4A,b003660465");
    REQUIRE(f.payloads.size() == 1);
    CHECK(f.last_station == "b003660465");
  }
}

TEST_CASE("fragments that cannot make a message are dropped and counted", "[nmea][reassembly]") {
  SECTION("orphan: a later fragment without its first") {
    Feeder f;
    f.feed(kFive[1]);
    CHECK(f.payloads.empty());
    CHECK(f.rejects[Reject::orphan_fragment] == 1);
  }
  SECTION("orphan: fragments of the same id from different stations do not mix (USCG)") {
    Feeder f;
    f.feed("!AIVDM,2,1,3,B,55NBjP01mtGIL@CW;SM<D60P5Ld000000000000P0`<3557l0<50@kk@,0*66,b003669976,1272672016");
    f.feed("!AIVDM,2,2,3,B,K5h@00000000000,2*72,b003669977,1272672016");
    CHECK(f.payloads.empty());
    CHECK(f.rejects[Reject::orphan_fragment] == 1);
    f.feed("!AIVDM,2,2,3,B,K5h@00000000000,2*72,b003669976,1272672016");
    CHECK(f.payloads.size() == 1);
  }
  SECTION("incomplete: the same id starting again drops the first try") {
    Feeder f;
    f.feed(kFive[0]);
    f.feed(kFive[0]);
    f.feed(kFive[1]);
    CHECK(f.payloads.size() == 1);
    CHECK(f.rejects[Reject::incomplete_message] == 1);
  }
  SECTION("a lost middle fragment: the rest is orphaned and the message incomplete") {
    Feeder f;
    f.feed(kThree[0]);
    f.feed(kThree[2]);
    CHECK(f.payloads.empty());
    CHECK(f.rejects[Reject::orphan_fragment] == 1);
    CHECK(f.rejects[Reject::incomplete_message] == 1);
    CHECK(f.reassembler.pending() == 0);
  }
  SECTION("a repeated fragment is dropped; the message still completes") {
    Feeder f;
    f.feed(kThree[0]);
    f.feed(kThree[1]);
    f.feed(kThree[1]);
    f.feed(kThree[2]);
    CHECK(f.payloads.size() == 1);
    CHECK(f.rejects[Reject::orphan_fragment] == 1);
    CHECK(f.rejects[Reject::incomplete_message] == 0);
  }
  SECTION("never completed: counted at finish") {
    Feeder f;
    f.feed(kFive[0]);
    f.feed(kThree[0]);
    CHECK(f.reassembler.pending() == 2);
    f.reassembler.finish(f.rejects);
    CHECK(f.reassembler.pending() == 0);
    CHECK(f.rejects[Reject::incomplete_message] == 2);
  }
}

TEST_CASE("pending messages expire by receive time", "[nmea][reassembly][time]") {
  Feeder f(ReassemblyLimits{.max_pending = 8, .max_age_ms = 60'000});
  f.feed("!AIVDM,2,1,3,B,55NBjP01mtGIL@CW;SM<D60P5Ld000000000000P0`<3557l0<50@kk@,0*66,b003669976,1272672016");
  // The second fragment, stamped 61 s later: too late to belong to it.
  f.feed("!AIVDM,2,2,3,B,K5h@00000000000,2*72,b003669976,1272672077");
  CHECK(f.payloads.empty());
  CHECK(f.rejects[Reject::incomplete_message] == 1);
  CHECK(f.rejects[Reject::orphan_fragment] == 1);
  // 59 s later is still in time.
  f.feed("!AIVDM,2,1,3,B,55NBjP01mtGIL@CW;SM<D60P5Ld000000000000P0`<3557l0<50@kk@,0*66,b003669976,1272672016");
  f.feed("!AIVDM,2,2,3,B,K5h@00000000000,2*72,b003669976,1272672075");
  CHECK(f.payloads.size() == 1);
}

TEST_CASE("a storm of first fragments keeps memory bounded", "[nmea][reassembly][hostile]") {
  constexpr std::size_t kLimit = 64;
  Feeder f(ReassemblyLimits{.max_pending = kLimit});
  // 100k first fragments with distinct keys (10 sequence ids x 10k stations), none ever completed.
  const std::string head = "!AIVDM,2,1,";
  std::size_t fed = 0;
  for (unsigned station = 0; station < 10'000; ++station) {
    for (unsigned seq = 0; seq < 10; ++seq) {
      std::string body = "AIVDM,2,1," + std::to_string(seq) + ",A,55NBjP01mtGIL@CW;SM<D60P5Ld000000000000P0,0";
      char tail[32];
      std::snprintf(tail, sizeof tail, "*%02X,b%09u", nmea_checksum(body), station);
      const std::string line = "!" + body + tail;  // outlives the views the sentence holds into it
      auto parsed = parse_nmea_line(line);
      REQUIRE(parsed.ok());
      CHECK(f.reassembler.add(parsed->sentence, f.rejects) == nullptr);
      ++fed;
      REQUIRE(f.reassembler.pending() <= kLimit);
    }
  }
  CHECK(fed == 100'000);
  CHECK(f.rejects[Reject::incomplete_message] == fed - kLimit);
  // Real traffic still gets through afterwards.
  for (const char* line : kFive) f.feed(line);
  CHECK(f.payloads.size() == 1);
  f.reassembler.finish(f.rejects);
  CHECK(f.rejects[Reject::incomplete_message] == fed);  // every storm entry, evicted or left at the end
}
