// decode_zones_cli_test.cpp — `aiswatch decode` and `aiswatch zones` as a user runs them: the same JSON
// lines from a file, from stdin and from gzip; --stats on stderr; exit 1 naming a missing file; the zones
// in force, user zones added, the bundled layers dropped, a bad zone file named.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../live/subprocess.hpp"

namespace fs = std::filesystem;
using aiswatch::live::test::aiswatch_binary;
using aiswatch::live::test::Subprocess;

namespace {

const std::string kSource = AISWATCH_SOURCE_DIR;
const std::string kSample = std::string(AISWATCH_TEST_DATA_DIR) + "/ais/gpsd/sample.aivdm";
const std::string kYeosu = kSource + "/samples/scenarios/zones/yeosu_watch_area.geojson";

struct Run {
  int status = -1;
  std::string out;
};

// A shell command's stdout and exit status (stderr to /dev/null unless redirected in `command`).
Run sh(const std::string& command) {
  Run r;
  std::unique_ptr<FILE, int (*)(FILE*)> p(::popen(command.c_str(), "r"), ::pclose);
  REQUIRE(p);
  std::array<char, 65536> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p.get())) > 0;) r.out.append(buf.data(), n);
  const int raw = ::pclose(p.release());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("decode CLI: a file, stdin and gzip give the same messages; --stats counts them", "[app][decode]") {
  const std::string bin = aiswatch_binary();
  const Run file = sh(bin + " decode " + kSample + " 2>/dev/null");
  const Run in = sh(bin + " decode < " + kSample + " 2>/dev/null");
  const Run dash = sh("cat " + kSample + " | " + bin + " decode - 2>/dev/null");
  const Run gz = sh("gzip -c " + kSample + " | " + bin + " decode 2>/dev/null");
  CHECK(file.status == 0);
  REQUIRE(count_lines(file.out) > 50);
  CHECK(in.out == file.out);
  CHECK(dash.out == file.out);
  CHECK(gz.out == file.out);
  std::istringstream lines(file.out);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line);
    CHECK(j.contains("type"));
    CHECK(j.contains("mmsi"));
  }

  Subprocess stats({bin, "decode", kSample, "--stats"});
  CHECK(stats.wait() == 0);
  const std::string& err = stats.stderr_text();
  CHECK(err.find("decode: ") != std::string::npos);
  CHECK(err.find(std::to_string(count_lines(file.out)) + " messages decoded") != std::string::npos);
}

TEST_CASE("decode CLI: a missing file exits 1 naming it", "[app][decode]") {
  Subprocess p({aiswatch_binary(), "decode", "/nonexistent/feed.nmea"});
  CHECK(p.wait() == 1);
  CHECK(p.stderr_text().find("/nonexistent/feed.nmea") != std::string::npos);
}

TEST_CASE("zones CLI: the bundled layers, a user file added, the defaults dropped, a bad file named", "[app][zones]") {
  const std::string bin = aiswatch_binary();
  const Run all = sh(bin + " zones --json 2>/dev/null");
  REQUIRE(all.status == 0);
  const auto zones = nlohmann::json::parse(all.out);
  REQUIRE(zones.size() > 3'800);  // every WPI port, the watch ports, DPRK waters, STS hotspots
  bool najin = false, dprk_waters = false;
  for (const auto& z : zones) {
    najin |= z.at("name") == "Najin" && z.at("country") == "KP";
    dprk_waters |= z.at("kind") == "dprk_waters";
  }
  CHECK(najin);
  CHECK(dprk_waters);

  const Run mine = sh(bin + " zones --no-default-zones --zones " + kYeosu + " --json 2>/dev/null");
  REQUIRE(mine.status == 0);
  const auto only = nlohmann::json::parse(mine.out);
  REQUIRE(only.size() >= 1);
  for (const auto& z : only) CHECK(z.at("kind") == "user");

  const Run added = sh(bin + " zones --zones " + kYeosu + " --kind user 2>/dev/null");
  CHECK(added.status == 0);
  CHECK(count_lines(added.out) == only.size() + 1);  // header + the user zones

  Subprocess bad({bin, "zones", "--zones", "/nonexistent/zones.gpkg"});
  CHECK(bad.wait() == 1);
  CHECK(bad.stderr_text().find("/nonexistent/zones.gpkg") != std::string::npos);
}
