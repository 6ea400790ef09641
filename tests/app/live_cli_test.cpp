// live_cli_test.cpp — the real `aiswatch live` binary fed by `aiswatch serve` on 127.0.0.1: the same
// events as a replay of the same log, --state across a restart (vessels kept, nothing re-alerted), and
// SIGTERM under load (exit 0, every event produced is in --events).
#include <catch2/catch.hpp>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "../live/subprocess.hpp"

namespace fs = std::filesystem;
using aiswatch::live::test::aiswatch_binary;
using aiswatch::live::test::Subprocess;

namespace {

const std::string kSource = AISWATCH_SOURCE_DIR;
const std::string kDemo = kSource + "/samples/demo/demo.nmea.gz";
const std::string kOfac = kSource + "/watchlists/data/ofac_sdn_vessels_20240503.csv";
const std::string kYeosu = kSource + "/samples/scenarios/zones/yeosu_watch_area.geojson";

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "aiswatch-live-cli-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::vector<nlohmann::json> read_events(const fs::path& file) {
  std::ifstream in(file);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::set<std::string> ids(const std::vector<nlohmann::json>& events, bool flagged_only) {
  std::set<std::string> out;
  for (const auto& e : events)
    if (!flagged_only || e.at("flagged").get<bool>()) out.insert(e.at("id").get<std::string>());
  return out;
}

std::string serve_port(Subprocess& serve) { return serve.wait_for_stderr(R"(serve: listening on 127\.0\.0\.1:(\d+))"); }

}  // namespace

TEST_CASE("live: serve -> live --connect gives the same events as replay of the same file", "[app][live]") {
  TempDir dir;
  Subprocess replay({aiswatch_binary(), "replay", kDemo, "--watchlist", kOfac, "--zones", kYeosu, "--events",
                     (dir.path / "replay.jsonl").string(), "--quiet"});
  REQUIRE(replay.wait(std::chrono::seconds(120)) == 0);

  Subprocess serve({aiswatch_binary(), "serve", kDemo, "--port", "0", "--speed", "max"});
  const std::string port = serve_port(serve);
  Subprocess live({aiswatch_binary(), "live", "--connect", "127.0.0.1:" + port, "--once", "--report-every", "0",
                   "--watchlist", kOfac, "--zones", kYeosu, "--events", (dir.path / "live.jsonl").string(), "--quiet"});
  REQUIRE(live.wait(std::chrono::seconds(120)) == 0);
  CHECK(serve.wait() == 0);

  const auto r = read_events(dir.path / "replay.jsonl");
  const auto l = read_events(dir.path / "live.jsonl");
  INFO(live.stderr_text());
  REQUIRE(r.size() > 50);
  CHECK(ids(l, true) == ids(r, true));
  CHECK(ids(l, false) == ids(r, false));
  CHECK(ids(r, true).size() >= 20);
}

TEST_CASE("live: --state keeps the vessels across a restart and old events are not alerted again", "[app][live]") {
  TempDir dir;
  const std::string state = (dir.path / "live.state").string();
  const std::string events = (dir.path / "events.jsonl").string();
  {
    Subprocess serve({aiswatch_binary(), "serve", kDemo, "--port", "0", "--speed", "max"});
    const std::string port = serve_port(serve);
    Subprocess live({aiswatch_binary(), "live", "--connect", "127.0.0.1:" + port, "--once", "--report-every", "0",
                     "--watchlist", kOfac, "--events", events, "--state", state});
    REQUIRE(live.wait(std::chrono::seconds(120)) == 0);
    INFO(live.stderr_text());
    CHECK(live.stderr_text().find("no saved state yet") != std::string::npos);
  }
  REQUIRE(fs::is_regular_file(state));
  const std::size_t events_before = read_events(events).size();
  REQUIRE(events_before > 50);

  // Restart on an idle listener: the vessels come back from the state; SIGTERM saves them again.
  Subprocess live({aiswatch_binary(), "live", "--listen-tcp", "127.0.0.1:0", "--report-every", "0", "--watchlist", kOfac,
                   "--events", events, "--state", state});
  live.wait_for_stderr(R"(restored 59 vessels and (\d+) alerted events)");
  live.wait_for_stderr(R"(listening on tcp)");
  live.signal(SIGTERM);
  CHECK(live.wait() == 0);
  INFO(live.stderr_text());
  CHECK(read_events(events).size() == events_before);  // the restart alerted nothing again
  std::ifstream in(state);
  std::string header;
  std::getline(in, header);
  CHECK(nlohmann::json::parse(header).at("vessels") == 59);
}

TEST_CASE("live: a corrupt state file is refused with a message naming it", "[app][live]") {
  TempDir dir;
  const fs::path state = dir.path / "live.state";
  std::ofstream(state) << "{\"something\": 1}\n";
  Subprocess live({aiswatch_binary(), "live", "--listen-tcp", "127.0.0.1:0", "--state", state.string()});
  CHECK(live.wait() == 1);
  CHECK(live.stderr_text().find(state.string()) != std::string::npos);
}

TEST_CASE("live: SIGTERM under load exits 0 and every event produced is in --events", "[app][live]") {
  TempDir dir;
  const fs::path events = dir.path / "events.jsonl";
  Subprocess serve({aiswatch_binary(), "serve", kDemo, "--port", "0", "--speed", "max", "--loop"});
  const std::string port = serve_port(serve);
  Subprocess live({aiswatch_binary(), "live", "--connect", "127.0.0.1:" + port, "--report-every", "0", "--watchlist",
                   kOfac, "--events", events.string()});
  // Wait until events flow, then stop mid-stream.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while ((!fs::exists(events) || fs::file_size(events) < 50'000) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE(fs::file_size(events) >= 50'000);
  live.signal(SIGTERM);
  REQUIRE(live.wait(std::chrono::seconds(60)) == 0);
  serve.signal(SIGTERM);
  serve.wait();
  const std::string& err = live.stderr_text();
  INFO(err);
  std::smatch m;
  REQUIRE(std::regex_search(err, m, std::regex(R"(pipeline: \d+ observations \(\d+ stamped on receipt\), (\d+) events)")));
  const auto produced = std::stoul(m[1].str());
  CHECK(read_events(events).size() == produced);
  CHECK(produced > 0);
}

TEST_CASE("live: SIGHUP reloads the watchlist; a broken list keeps the loaded one", "[app][live][reload]") {
  TempDir dir;
  const fs::path list = dir.path / "team.csv";
  std::ofstream(list) << "imo,mmsi,name,callsign,flag,list,program,note\n,273999001,FIRST ONE,,RU,team,,\n";
  Subprocess live({aiswatch_binary(), "live", "--listen-tcp", "127.0.0.1:0", "--report-every", "0", "--watchlist",
                   list.string()});
  live.wait_for_stderr(R"(listening on tcp)");

  std::ofstream(list) << "imo,mmsi,name,callsign,flag,list,program,note\n,273999001,FIRST ONE,,RU,team,,\n"
                         ",273999002,SECOND ONE,,RU,team,,\n,273999003,THIRD ONE,,RU,team,,\n";
  live.signal(SIGHUP);
  live.wait_for_stderr(R"(SIGHUP: reloaded watchlists, zones and config \(\d+ zones, 3 list entries\))");

  fs::remove(list);
  live.signal(SIGHUP);
  live.wait_for_stderr(R"(SIGHUP: reload failed, keeping the loaded lists and zones: .*team\.csv)");

  live.signal(SIGTERM);
  CHECK(live.wait() == 0);
  CHECK(live.stderr_text().find("1 reloads (1 failed)") != std::string::npos);
}
