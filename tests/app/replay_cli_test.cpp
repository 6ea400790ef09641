// replay_cli_test.cpp — the real `aiswatch replay` binary: exit statuses and messages of the CLI
// contract (0 success, 1 unusable input or option naming it), --events - on stdout, the summary.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "../live/subprocess.hpp"

namespace fs = std::filesystem;
using aiswatch::live::test::aiswatch_binary;
using aiswatch::live::test::Subprocess;

namespace {

const std::string kSource = AISWATCH_SOURCE_DIR;
const std::string kDemo = kSource + "/samples/demo/demo.nmea.gz";
const std::string kOfac = kSource + "/watchlists/data/ofac_sdn_vessels_20240503.csv";

// Runs a shell command, returns its stdout (the exit status through `status`).
std::string run_stdout(const std::string& command, int& status) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(::popen(command.c_str(), "r"), ::pclose);
  REQUIRE(p);
  std::string out;
  std::array<char, 65536> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p.get())) > 0;) out.append(buf.data(), n);
  const int raw = ::pclose(p.release());
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "aiswatch-cli-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::size_t count_lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("replay CLI: the demo with a watchlist exits 0, writes events and a report, prints a summary", "[app][replay]") {
  TempDir dir;
  Subprocess p({aiswatch_binary(), "replay", kDemo, "--watchlist", kOfac, "--events", (dir.path / "e.jsonl").string(),
                "--report", (dir.path / "report").string(), "--gis-format", "GeoJSON"});
  REQUIRE(p.wait(std::chrono::seconds(120)) == 0);
  const std::string& err = p.stderr_text();
  INFO(err);
  CHECK(err.find("OFAC SDN CSV, 851 entries") != std::string::npos);
  CHECK(err.find("59 vessels") != std::string::npos);
  CHECK(err.find("flagged for review") != std::string::npos);
  CHECK(fs::file_size(dir.path / "e.jsonl") > 10'000);
  CHECK(fs::is_regular_file(dir.path / "report" / "index.html"));
  CHECK(fs::is_regular_file(dir.path / "report" / "gis" / "events.geojson"));
}

TEST_CASE("replay CLI: --events - writes JSON lines to stdout, nothing else", "[app][replay]") {
  int status = -1;
  const std::string out = run_stdout(aiswatch_binary() + " replay " + kDemo + " --events - --quiet 2>/dev/null", status);
  CHECK(status == 0);
  REQUIRE(count_lines(out) > 50);
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    CHECK(line.front() == '{');
    CHECK(line.back() == '}');
  }
}

TEST_CASE("replay CLI: unusable inputs and options exit 1 with a message naming them", "[app][replay]") {
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {{"replay", "/nonexistent/day1.nmea"}, "/nonexistent/day1.nmea"},
      {{"replay", kDemo, "--watchlist", "/nonexistent/list.csv"}, "/nonexistent/list.csv"},
      {{"replay", kDemo, "--zones", "/nonexistent/zones.geojson"}, "/nonexistent/zones.geojson"},
      {{"replay", kDemo, "--config", "/nonexistent/aiswatch.json"}, "/nonexistent/aiswatch.json"},
      {{"replay", kDemo, "--bbox", "124,37,131"}, "--bbox"},
      {{"replay", kDemo, "--since", "yesterday"}, "--since"},
      {{"replay", kDemo, "--mmsi", "27345912x"}, "--mmsi"},
      {{"replay", kDemo, "--detectors", "port_call,teleport"}, "teleport"},
      {{"replay", kDemo, "--flags-of-concern", "RU,XX"}, "XX"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{aiswatch_binary()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    Subprocess p(args);
    const int status = p.wait();
    INFO(c.args.back() << " -> " << p.stderr_text());
    CHECK(status == 1);
    CHECK(p.stderr_text().find(c.expected) != std::string::npos);
    CHECK(p.stderr_text().find("internal error") == std::string::npos);
  }
}

TEST_CASE("replay CLI: a config file changes a detector parameter; --print-config shows it", "[app][replay]") {
  TempDir dir;
  {
    std::ofstream(dir.path / "aiswatch.json") << R"({"ais_gap": {"min_gap_h": 8}})";
  }
  int status = -1;
  const std::string out =
      run_stdout(aiswatch_binary() + " replay --print-config --config " + (dir.path / "aiswatch.json").string(), status);
  CHECK(status == 0);
  CHECK(out.find("ais_gap.min_gap_h\t8\th\tno") != std::string::npos);
  {
    std::ofstream(dir.path / "bad.json") << R"({"ais_gap": {"min_gap_hours": 8}})";
  }
  Subprocess p({aiswatch_binary(), "replay", kDemo, "--config", (dir.path / "bad.json").string()});
  CHECK(p.wait() == 1);
  CHECK(p.stderr_text().find("min_gap_hours") != std::string::npos);
}
