// The bundled demo sample is reproducible: samples/make_demo.sh with this build's aiswatch-simulate
// writes exactly the committed lines and truth (compared decompressed: gzip bytes may differ between
// zlib versions).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aiswatch/ais/line_reader.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("make_demo.sh regenerates the committed demo sample byte for byte", "[simulator][demo][slow]") {
  const fs::path source(AISWATCH_SOURCE_DIR);
  const fs::path binary = fs::path(AISWATCH_BINARY_DIR) / "samples" / "simulator" / "aiswatch-simulate";
  REQUIRE(fs::exists(binary));
  const fs::path out = fs::temp_directory_path() / "aiswatch_demo_test";
  fs::remove_all(out);
  std::ostringstream command;  // (a stream: GCC 12 warns falsely on chained std::string + here)
  command << '\'' << (source / "samples" / "make_demo.sh").string() << "' '" << binary.string() << "' '" << out.string() << '\'';
  REQUIRE(std::system(command.str().c_str()) == 0);

  CHECK(read_file(out / "demo.truth.json") == read_file(source / "samples" / "demo" / "demo.truth.json"));
  aiswatch::ais::LineReader fresh((out / "demo.nmea.gz").string());
  aiswatch::ais::LineReader committed((source / "samples" / "demo" / "demo.nmea.gz").string());
  std::size_t lines = 0, different = 0;
  for (;;) {
    const auto a = fresh.next_line();
    const auto b = committed.next_line();
    if (!a || !b) {
      CHECK(a.has_value() == b.has_value());
      break;
    }
    ++lines;
    if (*a != *b && ++different <= 3) FAIL_CHECK("line " << lines << " differs:\n  " << *a << "\n  " << *b);
  }
  CHECK(different == 0);
  CHECK(lines > 100'000);
  CHECK(fs::file_size(source / "samples" / "demo" / "demo.nmea.gz") < 4'000'000);  // "a few MB at most"
  fs::remove_all(out);
}
