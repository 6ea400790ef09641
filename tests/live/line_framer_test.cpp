// line_framer_test.cpp — splitting socket bytes into lines: terminators, lines across reads, the
// length cap, empty lines, binary garbage. Input is real sentences from the corpus.
#include <catch2/catch.hpp>

#include <random>

#include "aiswatch/live/line_framer.hpp"
#include "live_test_support.hpp"

namespace {

using aiswatch::live::FramedCounts;
using aiswatch::live::LineBatch;
using aiswatch::live::LineFramer;
using namespace aiswatch::live::test;

std::vector<std::string> lines_of(const LineBatch& b) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < b.line_count(); ++i) out.emplace_back(b.line(i));
  return out;
}

}  // namespace

TEST_CASE("framer: whole lines, LF and CRLF, empty lines skipped", "[live][framer]") {
  const auto sentences = corpus_sentences("pyais/nmea_data_sample.txt");
  REQUIRE(sentences.size() > 10);
  LineFramer framer;
  LineBatch batch;

  SECTION("LF") {
    const FramedCounts c = framer.feed(joined({sentences[0], sentences[1]}, "\n"), batch);
    CHECK(c.lines == 2);
    CHECK(lines_of(batch) == std::vector<std::string>{sentences[0], sentences[1]});
  }
  SECTION("CRLF (the NMEA line end): the CR is removed") {
    framer.feed(joined({sentences[0], sentences[1]}, "\r\n"), batch);
    CHECK(lines_of(batch) == std::vector<std::string>{sentences[0], sentences[1]});
  }
  SECTION("empty lines and bare CRLF keep-alives deliver nothing") {
    const FramedCounts c = framer.feed("\n\r\n\n" + sentences[2] + "\r\n\r\n", batch);
    CHECK(c.lines == 1);
    CHECK(lines_of(batch) == std::vector<std::string>{sentences[2]});
  }
  SECTION("only one CR is removed; a CR inside the line stays") {
    framer.feed("ab\rcd\r\r\n", batch);
    CHECK(lines_of(batch) == std::vector<std::string>{"ab\rcd\r"});
  }
}

TEST_CASE("framer: a line split across reads at every position", "[live][framer]") {
  const auto sentences = corpus_sentences("gpsd/ais-raw-messages.log");
  const std::string text = joined({sentences[0], sentences[1], sentences[2]}, "\r\n");
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    LineFramer framer;
    LineBatch batch;
    framer.feed(text.substr(0, cut), batch);
    framer.feed(text.substr(cut), batch);
    INFO("cut at " << cut);
    REQUIRE(lines_of(batch) == std::vector<std::string>{sentences[0], sentences[1], sentences[2]});
    CHECK(framer.pending_bytes() == 0);
  }
  SECTION("one byte per read") {
    LineFramer framer;
    LineBatch batch;
    for (const char c : text) framer.feed(std::string_view(&c, 1), batch);
    CHECK(lines_of(batch) == std::vector<std::string>{sentences[0], sentences[1], sentences[2]});
  }
}

TEST_CASE("framer: end of input", "[live][framer]") {
  LineFramer framer;
  LineBatch batch;
  SECTION("an unterminated tail becomes a line at finish()") {
    framer.feed("!AIVDM,1,1,,A,x,0*00\n!AIVDM,tail", batch);
    CHECK(batch.line_count() == 1);
    CHECK(framer.finish(batch).lines == 1);
    CHECK(lines_of(batch).back() == "!AIVDM,tail");
    CHECK(framer.pending_bytes() == 0);
  }
  SECTION("a datagram per finish(): the next one starts afresh") {
    framer.feed("a\r\nb", batch);
    framer.finish(batch);
    framer.feed("c", batch);
    framer.finish(batch);
    CHECK(lines_of(batch) == std::vector<std::string>{"a", "b", "c"});
  }
}

TEST_CASE("framer: the line-length cap", "[live][framer]") {
  const std::size_t cap = 100;
  LineFramer framer(cap);
  LineBatch batch;
  const std::string at_cap(cap, 'A');
  const std::string over(cap + 1, 'B');

  SECTION("a line of exactly the cap passes, with or without CR") {
    framer.feed(at_cap + "\n" + at_cap + "\r\n", batch);
    CHECK(batch.line_count() == 2);
  }
  SECTION("one byte over is discarded and counted; the next line still arrives") {
    const FramedCounts c = framer.feed(over + "\ngood\n", batch);
    CHECK(c.overlong == 1);
    CHECK(lines_of(batch) == std::vector<std::string>{"good"});
  }
  SECTION("a huge line across many reads is counted once and never stored") {
    std::size_t overlong = 0;
    for (int i = 0; i < 1000; ++i) {
      overlong += framer.feed(std::string(1000, 'x'), batch).overlong;
      REQUIRE(framer.pending_bytes() <= cap + 1);  // memory stays bounded
    }
    overlong += framer.feed("tail of the long line\nnext\n", batch).overlong;
    CHECK(overlong == 1);
    CHECK(lines_of(batch) == std::vector<std::string>{"next"});
  }
  SECTION("an over-long unterminated tail is not delivered at finish()") {
    framer.feed(over, batch);
    const FramedCounts c = framer.finish(batch);
    CHECK(c.lines == 0);
    CHECK(batch.line_count() == 0);
  }
}

TEST_CASE("framer: binary garbage never breaks it", "[live][framer]") {
  // Random bytes (NUL, CR, LF, 0xff …) in random-sized reads: the result must equal a plain split on
  // '\n' done here independently.
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string bytes(200'000, '\0');
  for (auto& b : bytes) b = static_cast<char>(byte(rng));
  // Make long lines likely too: one stretch with no newline.
  for (std::size_t i = 50'000; i < 60'000; ++i)
    if (bytes[i] == '\n') bytes[i] = 'n';

  std::vector<std::string> expected;
  std::size_t expected_overlong = 0;
  for (const std::string& line : expected_lines(bytes)) {
    if (line.size() > 4096) {
      ++expected_overlong;
    } else {
      expected.push_back(line);
    }
  }

  LineFramer framer;
  LineBatch batch;
  std::size_t overlong = 0;
  std::uniform_int_distribution<std::size_t> chunk(1, 9000);
  for (std::size_t pos = 0; pos < bytes.size();) {
    const std::size_t n = std::min(chunk(rng), bytes.size() - pos);
    overlong += framer.feed(std::string_view(bytes).substr(pos, n), batch).overlong;
    pos += n;
  }
  overlong += framer.finish(batch).overlong;
  CHECK(expected_overlong >= 1);
  CHECK(overlong == expected_overlong);
  CHECK(lines_of(batch) == expected);
}
