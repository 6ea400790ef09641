// NMEA wrapping: byte-exact against real sentences from the gpsd corpus, and read back through the
// project's own framing and reassembly (ais::NmeaStream), which checks both checksums.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "aiswatch/ais/nmea_stream.hpp"
#include "aiswatch/simulator/encoder.hpp"
#include "aiswatch/simulator/nmea_sentences.hpp"
#include "aiswatch/simulator/rng.hpp"

using namespace aiswatch::simulator;

TEST_CASE("sentences match real receiver output byte for byte", "[simulator][nmea]") {
  // From tests/data/ais/gpsd/sample.aivdm (gpsd corpus, BSD): a single sentence and a type 5 pair.
  std::vector<std::string> lines;
  append_sentences({"15NBj>PP1gG>1PVKTDTUJOv00<0M", 0}, {.channel = 'B'}, lines);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09");

  lines.clear();
  append_sentences({"55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp888888888880", 2},
                   {.channel = 'A', .sequence_id = 1}, lines);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C");
  CHECK(lines[1] == "!AIVDM,2,2,1,A,88888888880,2*25");
}

TEST_CASE("tag blocks and groups read back through the project's NMEA framing", "[simulator][nmea]") {
  Rng rng(7);
  aiswatch::ais::NmeaStream stream;
  int assembled = 0;
  for (int i = 0; i < 200; ++i) {
    const StaticVoyageData five{.mmsi = 273459120U + static_cast<std::uint32_t>(i), .imo = 9179842,
                                .callsign = "UBAB7", .name = "KAPITAN GRIGORYEV", .destination = "RAJIN"};
    const ClassAPosition one{.mmsi = 412000000U + static_cast<std::uint32_t>(i), .lat_deg = 35.0, .lon_deg = 129.0};
    const ArmouredPayload payload = i % 2 == 0 ? encode(five) : encode(one);
    const aiswatch::UnixMillis t = 1710028800000 + i * 1500;
    const SentenceOptions options{.channel = i % 3 == 0 ? 'A' : 'B', .rx_time = t, .station = "KR-BUSAN",
                                  .sequence_id = static_cast<unsigned>(i % 10),
                                  .group_id = static_cast<std::uint32_t>(rng.between(1, 99999))};
    std::vector<std::string> lines;
    append_sentences(payload, options, lines);
    CHECK(lines.size() == (i % 2 == 0 ? 2U : 1U));
    for (std::size_t k = 0; k < lines.size(); ++k) {
      INFO(lines[k]);
      const auto* s = stream.feed_line(lines[k]);
      if (k + 1 < lines.size()) {
        CHECK(s == nullptr);
        continue;
      }
      REQUIRE(s != nullptr);
      ++assembled;
      CHECK(s->payload == payload.text);
      CHECK(s->fill_bits == payload.fill_bits);
      REQUIRE(s->rx_time);
      CHECK(*s->rx_time == t / 1000 * 1000);  // c: carries whole seconds
      CHECK(s->station == "KR-BUSAN");
      CHECK(s->channel == options.channel);
    }
  }
  stream.finish();
  CHECK(assembled == 200);
  CHECK(stream.stats().tag_blocks_discarded == 0);  // every tag-block checksum verified
  CHECK(stream.stats().rejects.total() == 0);
}

TEST_CASE("checksum is the XOR of the sentence body", "[simulator][nmea]") {
  CHECK(nmea_checksum_hex("AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0") == "09");
  CHECK(nmea_checksum_hex("") == "00");
  CHECK(nmea_checksum_hex("A") == "41");
}
