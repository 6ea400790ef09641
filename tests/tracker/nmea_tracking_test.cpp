// End to end over the real NMEA corpora: decoder -> to_observation -> tracker. Checks that every vessel
// behind a decoded observation is tracked, type 5/24 identity lands on the vessel, and copies of the
// same sentence count once.
#include <catch2/catch.hpp>

#include <limits>
#include <map>
#include <set>
#include <string>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/ais/to_observation.hpp"
#include "aiswatch/ais/tracker.hpp"

using namespace aiswatch::ais;
using aiswatch::UnixMillis;

namespace {

const std::string kData = std::string(AISWATCH_TEST_DATA_DIR) + "/ais/";
constexpr UnixMillis kT0 = 1'641'168'000'000;

struct Fed {
  std::set<std::uint32_t> mmsis;
  std::map<std::uint32_t, std::string> last_name;  // from type 5/19/24A, in feed order
  std::uint64_t positions = 0, statics = 0;
};

// Lines without a receive time get one second after the previous line, so the clock stays plausible.
Fed feed_file(const std::string& path, Tracker& tracker) {
  Fed fed;
  StreamDecoder decoder;
  LineReader lines(path);
  UnixMillis clock = kT0;
  while (auto line = lines.next_line()) {
    clock += 1000;
    decoder.feed_line(*line, [&](const AisMessage& m, const AssembledSentence& s) {
      if (s.rx_time) clock = *s.rx_time;
      const UnixMillis t = clock;
      if (const auto p = to_position_report(m, s, t)) {
        fed.mmsis.insert(p->mmsi);
        ++fed.positions;
        tracker.on_position(*p);
      }
      if (const auto st = to_static_report(m, s, t)) {
        fed.mmsis.insert(st->mmsi);
        ++fed.statics;
        if (st->name && tracker.on_static(*st) == StaticOutcome::applied)
          fed.last_name[st->mmsi] = std::string(st->name->substr(0, 20));
        else if (!st->name)
          tracker.on_static(*st);
      }
    });
  }
  decoder.finish();
  return fed;
}

}  // namespace

TEST_CASE("NMEA corpora: every decoded vessel is tracked with its identity", "[tracker][nmea]") {
  const std::string file = GENERATE(as<std::string>{}, "gpsd/sample.aivdm", "gpsd/ais-nmea.log",
                                    "libais/test.aivdm", "pyais/nmea_data_sample.txt", "pyais/gatehouse.nmea");
  CAPTURE(file);
  // These corpora are concatenations of captures years apart: let the clock follow them.
  Tracker tracker(TrackerConfig{.max_time_jump_ms = std::numeric_limits<std::int64_t>::max() / 4});
  const Fed fed = feed_file(kData + file, tracker);
  REQUIRE(fed.positions + fed.statics > 0);
  const TrackerStats& st = tracker.stats();
  CHECK(st.positions == fed.positions);
  CHECK(st.statics == fed.statics);
  // Observations never carry MMSI 0 or out-of-field numbers, so every one is a tracked vessel.
  CHECK(st.invalid_mmsi == 0);
  CHECK(tracker.size() == fed.mmsis.size());
  for (const std::uint32_t m : fed.mmsis) REQUIRE(tracker.find(m));
  for (const auto& [mmsi, name] : fed.last_name) {
    CAPTURE(mmsi);
    CHECK(tracker.find(mmsi)->identity.name.view() == name);
  }
  CHECK(st.accepted + st.late + st.too_old + st.duplicates + st.implausible_time == st.positions);
}

TEST_CASE("NMEA: the same sentence from two stations counts once", "[tracker][nmea]") {
  // One real type 1 sentence (gpsd sample.aivdm), heard by two receivers 2 s apart (tag blocks s:, c:).
  Tracker tracker;
  StreamDecoder decoder;
  int decoded = 0;
  for (const std::string_view line : {
           std::string_view("\\s:station1,c:1641168000*7A\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"),
           std::string_view("\\s:station2,c:1641168002*7B\\!AIVDM,1,1,,B,15RTgt0PAso;90TKcjM8h6g208CQ,0*49")}) {
    decoder.feed_line(line, [&](const AisMessage& m, const AssembledSentence& s) {
      ++decoded;
      REQUIRE(s.rx_time);
      if (const auto p = to_position_report(m, s, *s.rx_time)) tracker.on_position(*p);
    });
  }
  REQUIRE(decoded == 2);
  CHECK(tracker.stats().accepted == 1);
  CHECK(tracker.stats().duplicates == 1);
}
