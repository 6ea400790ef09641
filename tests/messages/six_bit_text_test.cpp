// six_bit_text_test.cpp — the six-bit character table (ITU-R M.1371-5 Table 47) and text trimming:
// '@' is "no character" padding and only trailing '@' and spaces are removed; '@' inside text, the
// apostrophe (39) and the underscore (31) are kept as ITU and gpsd print them (libais prints '`'/'-').
#include <catch2/catch.hpp>

#include "aiswatch/ais/decode.hpp"
#include "test_support.hpp"

using namespace aiswatch::ais;
using aiswatch::test::PayloadBuilder;

namespace {
// A type 14 broadcast carrying exactly `chars` six-bit values.
std::string broadcast_text(const std::vector<unsigned>& values) {
  PayloadBuilder p;
  p.u(14, 6).u(0, 2).u(366000001, 30).u(0, 2);
  for (unsigned v : values) p.u(v, 6);
  const auto r = decode_payload(p.armoured(), p.fill_bits());
  REQUIRE(r.ok());
  return std::string(std::get<SafetyBroadcastText>(r->body).text.view());
}
}  // namespace

TEST_CASE("all 64 six-bit values map to ITU's ASCII subset", "[messages][text]") {
  std::vector<unsigned> all;
  for (unsigned v = 1; v < 64; ++v) all.push_back(v);  // 0 is '@', tested below
  CHECK(broadcast_text(all) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?");
}

TEST_CASE("apostrophe and underscore are ITU's, not libais's backquote and hyphen", "[messages][text]") {
  // "R'DAM" and "GR_PIR" as seen in the corpora.
  CHECK(broadcast_text({18, 39, 4, 1, 13}) == "R'DAM");
  CHECK(broadcast_text({7, 18, 31, 16, 9, 18}) == "GR_PIR");
}

TEST_CASE("trailing '@' padding and spaces are trimmed, inner '@' kept", "[messages][text]") {
  CHECK(broadcast_text({1, 2, 0, 0, 0}) == "AB");
  CHECK(broadcast_text({1, 2, 32, 32, 0, 32}) == "AB");
  CHECK(broadcast_text({0, 0, 10, 1, 3}) == "@@JAC");  // gpsd 3.22 prints "" (cuts at the first '@')
  CHECK(broadcast_text({1, 0, 2}) == "A@B");
  CHECK(broadcast_text({32, 1}) == " A");              // leading spaces are text
  CHECK(broadcast_text({0, 0, 0}).empty());
  CHECK(broadcast_text({}).empty());
}

TEST_CASE("a partial trailing character is not text", "[messages][text]") {
  PayloadBuilder p;
  p.u(14, 6).u(0, 2).u(366000001, 30).u(0, 2).u(1, 6).u(2, 6).u(0b101, 3);  // "AB" + 3 stray bits
  const auto r = decode_payload(p.armoured(), p.fill_bits());
  REQUIRE(r.ok());
  CHECK(std::get<SafetyBroadcastText>(r->body).text.view() == "AB");
}

TEST_CASE("type 21 name extension: continues a full name, ends at its first '@'", "[messages][text][type21]") {
  const auto aid = [](std::string_view name, std::string_view extension) {
    PayloadBuilder p;
    p.u(21, 6).u(0, 2).u(992000001, 30).u(1, 5).text(name, 20).resize(272).text(extension, extension.size());
    const auto r = decode_payload(p.armoured(), p.fill_bits());
    REQUIRE(r.ok());
    return std::string(std::get<AidToNavigationReport>(r->body).name.view());
  };
  CHECK(aid("5^ MRSC REGGIO CALAB", "RIA") == "5^ MRSC REGGIO CALABRIA");
  CHECK(aid("5^ MRSC REGGIO CALAB", "RIA@&*5>J") == "5^ MRSC REGGIO CALABRIA");  // seen on air
  CHECK(aid("PUGET SOUND TSL TA  ", "@DJD_!N") == "PUGET SOUND TSL TA");      // seen on air
  CHECK(aid("SHORT NAME", "GARBAGE") == "SHORT NAME");  // name '@'-padded: no extension
  CHECK(aid("NORTH SEA CARDINAL  ", "MARK") == "NORTH SEA CARDINAL  MARK");
}
