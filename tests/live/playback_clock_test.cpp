// playback_clock_test.cpp — pacing of `serve --speed X` by the times in the data, checked with an
// explicit clock (no sleeping), and line_data_time on real lines with each kind of time.
#include <catch2/catch.hpp>

#include "aiswatch/live/playback_clock.hpp"
#include "live_test_support.hpp"

using aiswatch::UnixMillis;
using aiswatch::live::line_data_time;
using aiswatch::live::PlaybackClock;
using namespace std::chrono_literals;

namespace {
double seconds_after(PlaybackClock::Clock::time_point t, PlaybackClock::Clock::time_point origin) {
  return std::chrono::duration<double>(t - origin).count();
}
}  // namespace

TEST_CASE("playback clock: data times scaled by the speed", "[live][pacing]") {
  const auto t0 = PlaybackClock::Clock::time_point{} + 1000s;
  const UnixMillis d0 = 1'418'169'601'000;

  SECTION("speed 10: ten data seconds take one second") {
    PlaybackClock clock(10.0, 600s);
    CHECK(seconds_after(clock.due(d0, t0), t0) == Approx(0.0));
    CHECK(seconds_after(clock.due(d0 + 5000, t0), t0) == Approx(0.5));
    CHECK(seconds_after(clock.due(d0 + 10'000, t0 + 10ms), t0) == Approx(1.0));  // absolute: no drift
  }
  SECTION("speed 0: everything now") {
    PlaybackClock clock(0.0, 600s);
    CHECK(clock.due(d0, t0) == t0);
    CHECK(clock.due(d0 + 3'600'000, t0) == t0);
  }
  SECTION("lines without a time go right after the previous one") {
    PlaybackClock clock(1.0, 600s);
    clock.due(d0, t0);
    CHECK(seconds_after(clock.due(d0 + 2000, t0), t0) == Approx(2.0));
    CHECK(seconds_after(clock.due(std::nullopt, t0), t0) == Approx(2.0));
  }
  SECTION("times that wobble back do not slow the replay") {
    PlaybackClock clock(1.0, 600s);
    clock.due(d0 + 10'000, t0);
    CHECK(seconds_after(clock.due(d0 + 8'000, t0), t0) == Approx(0.0));
    CHECK(seconds_after(clock.due(d0 + 11'000, t0), t0) == Approx(1.0));
    CHECK(seconds_after(clock.due(d0 + 9'000, t0), t0) == Approx(1.0));
    CHECK(seconds_after(clock.due(d0 + 12'000, t0), t0) == Approx(2.0));
  }
  SECTION("a jump beyond max_gap is not waited out, either way") {
    PlaybackClock clock(1.0, 60s);
    clock.due(d0, t0);
    CHECK(seconds_after(clock.due(d0 + 3'600'000, t0), t0) == Approx(0.0));  // a hole of an hour
    CHECK(seconds_after(clock.due(d0 + 3'605'000, t0), t0) == Approx(5.0));  // paced again from there
    CHECK(seconds_after(clock.due(d0, t0), t0) == Approx(5.0));              // back an hour: new reference
    CHECK(seconds_after(clock.due(d0 + 1'000, t0), t0) == Approx(6.0));
  }
  SECTION("restart: the next pass starts now") {
    PlaybackClock clock(1.0, 600s);
    clock.due(d0, t0);
    clock.due(d0 + 30'000, t0);
    clock.restart();
    const auto later = t0 + 100s;
    CHECK(clock.due(d0, later) == later);
    CHECK(seconds_after(clock.due(d0 + 1000, later), later) == Approx(1.0));
  }
}

TEST_CASE("line_data_time: the times real logs carry", "[live][pacing]") {
  using aiswatch::live::test::expected_lines;
  using aiswatch::live::test::read_file;
  using aiswatch::live::test::data_path;
  aiswatch::ais::ParsedLine scratch;

  SECTION("tag block c: (libais tagblock.nmea)") {
    const auto lines = expected_lines(read_file(data_path("libais/tagblock.nmea")));
    CHECK(line_data_time(lines.at(0), scratch) == UnixMillis{1'418'169'601'000});
    CHECK(line_data_time(lines.at(1), scratch) == UnixMillis{1'418'172'113'000});
  }
  SECTION("USCG trailing epoch (libais test.aivdm)") {
    for (const auto& line : expected_lines(read_file(data_path("libais/test.aivdm")))) {
      if (line.find(",1272412827") != std::string::npos && line[0] == '!') {
        CHECK(line_data_time(line, scratch) == UnixMillis{1'272'412'827'000});
        return;
      }
    }
    FAIL("no line with epoch 1272412827");
  }
  SECTION("$PGHP carries the time of the sentence after it (pyais gatehouse.nmea)") {
    const auto lines = expected_lines(read_file(data_path("pyais/gatehouse.nmea")));
    const auto pghp = line_data_time(lines.at(0), scratch);
    REQUIRE(pghp);
    CHECK(aiswatch::format_iso8601(*pghp).substr(0, 10) == "2008-05-09");
    CHECK_FALSE(line_data_time(lines.at(1), scratch));  // the !AIVDM line itself has no time
  }
  SECTION("no time: plain sentences, comments, garbage") {
    CHECK_FALSE(line_data_time("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A", scratch));
    CHECK_FALSE(line_data_time("# comment", scratch));
    CHECK_FALSE(line_data_time(std::string("\0\xff\x01", 3), scratch));
  }
}
