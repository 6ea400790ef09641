// LineReader: line endings, missing final newline, NUL bytes, over-long lines, gzip (single and
// multi-member, corrupt, truncated), stdin-like pipes and chunk boundaries, over real corpus files.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "aiswatch/ais/line_reader.hpp"
#include "test_data.hpp"

using namespace aiswatch::ais;
namespace fs = std::filesystem;

namespace {

// A file under the build tree, removed at scope exit.
struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& name, const std::string& bytes)
      : path(fs::path(AISWATCH_BINARY_DIR) / "tests" / ("nmea_" + name)) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

std::vector<std::string> all_lines(const std::string& path, std::size_t cap = kMaxLineBytes) {
  LineReader reader(path, cap);
  std::vector<std::string> lines;
  while (auto line = reader.next_line()) lines.emplace_back(*line);
  return lines;
}

std::string gzip(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

TEST_CASE("line endings and the last line", "[nmea][reader]") {
  SECTION("valid: LF, CRLF, lone CR, and no newline at the end") {
    TempFile f("endings.txt", "a\nb\r\nc\rd\r\n\r\ne");
    CHECK(all_lines(f.path) == std::vector<std::string>{"a", "b", "c", "d", "", "e"});
  }
  SECTION("valid: empty file and a single newline") {
    TempFile empty("empty.txt", "");
    CHECK(all_lines(empty.path).empty());
    TempFile nl("nl.txt", "\n");
    CHECK(all_lines(nl.path) == std::vector<std::string>{""});
  }
  SECTION("valid: NUL bytes stay in the line") {
    TempFile f("nul.txt", std::string("a\0b\nc", 5));
    CHECK(all_lines(f.path) == std::vector<std::string>{std::string("a\0b", 3), "c"});
  }
  SECTION("valid: pyais messages.ais has no final newline; its last sentence is read") {
    const auto lines = all_lines(aiswatch::test::data_path("pyais/messages.ais"));
    REQUIRE(lines.size() == 11);
    CHECK(lines.back() == "!AIVDM,1,1,,A,169a:nP01g`hm4pB7:E0;@0L088i,0*5E");
  }
  SECTION("valid: CRLF file (pyais nmea_data_sample.txt) gives the same lines as getline minus '\\r'") {
    auto expected = aiswatch::test::read_lines("pyais/nmea_data_sample.txt");
    for (auto& l : expected)
      if (!l.empty() && l.back() == '\r') l.pop_back();
    CHECK(all_lines(aiswatch::test::data_path("pyais/nmea_data_sample.txt")) == expected);
  }
}

TEST_CASE("lines across chunk boundaries and over the cap", "[nmea][reader]") {
  SECTION("valid: many lines crossing the 256 KiB chunk boundaries, CRLF split across a boundary") {
    std::string text;
    std::vector<std::string> expected;
    for (int i = 0; text.size() < 3 * LineReader::kChunkBytes; ++i) {
      expected.push_back("line " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), 'x'));
      text += expected.back() + (i % 3 == 0 ? "\r\n" : "\n");
    }
    TempFile f("chunks.txt", text);
    CHECK(all_lines(f.path) == expected);
  }
  SECTION("bad input: a 1 MB line comes back cut to cap + 1, and the next line is intact") {
    const std::string huge(1 << 20, 'A');
    TempFile f("huge.txt", "first\n" + huge + "\nlast\n");
    LineReader reader(f.path.string());
    CHECK(reader.next_line() == std::optional<std::string_view>("first"));
    auto cut = reader.next_line();
    REQUIRE(cut);
    CHECK(cut->size() == kMaxLineBytes + 1);
    CHECK(reader.next_line() == std::optional<std::string_view>("last"));
    CHECK_FALSE(reader.next_line());
    CHECK(reader.lines_cut() == 1);
  }
  SECTION("bad input: an over-long line at the end without newline, and one within a chunk") {
    TempFile f("huge_end.txt", std::string(10'000, 'B') + "\nok\n" + std::string(1 << 20, 'C'));
    const auto lines = all_lines(f.path);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == kMaxLineBytes + 1);
    CHECK(lines[1] == "ok");
    CHECK(lines[2].size() == kMaxLineBytes + 1);
  }
}

TEST_CASE("gzip input is detected by its magic bytes", "[nmea][reader][gzip]") {
  const std::string text = aiswatch::test::read_text("gpsd/ais-nmea.log");
  const auto plain = all_lines(aiswatch::test::data_path("gpsd/ais-nmea.log"));
  SECTION("valid: one member, no .gz suffix needed") {
    TempFile f("ais-nmea.log.bin", gzip(text));
    LineReader reader(f.path.string());
    std::vector<std::string> lines;
    while (auto line = reader.next_line()) lines.emplace_back(*line);
    CHECK(reader.gzipped());
    CHECK(lines == plain);
    CHECK(reader.bytes_read() == fs::file_size(f.path));
  }
  SECTION("valid: two members (cat a.gz b.gz)") {
    const std::size_t half = text.size() / 2;
    TempFile f("two.gz", gzip(text.substr(0, half)) + gzip(text.substr(half)));
    CHECK(all_lines(f.path) == plain);
  }
  SECTION("bad input: corrupt and truncated gzip data end the run with the file named") {
    std::string corrupt = gzip(text);
    for (std::size_t i = 20; i < 200; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
    TempFile bad("corrupt.gz", corrupt);
    CHECK_THROWS_WITH(all_lines(bad.path), Catch::Contains("corrupt.gz") && Catch::Contains("corrupt gzip"));
    const std::string whole = gzip(text);
    TempFile cut("cut.gz", whole.substr(0, whole.size() / 2));
    CHECK_THROWS_WITH(all_lines(cut.path), Catch::Contains("cut.gz") && Catch::Contains("ends early"));
  }
}

TEST_CASE("unusable inputs throw InputError naming the file", "[nmea][reader]") {
  CHECK_THROWS_AS(LineReader("/nonexistent/feed.nmea"), InputError);
  CHECK_THROWS_WITH(LineReader("/nonexistent/feed.nmea"), Catch::Contains("/nonexistent/feed.nmea"));
  CHECK_THROWS_WITH(all_lines(AISWATCH_TEST_DATA_DIR), Catch::Contains(AISWATCH_TEST_DATA_DIR));  // a directory
}
