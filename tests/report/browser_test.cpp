// A real browser: headless Chromium loads index.html from disk. No console message (no CSP violation, no
// script error), no network request made by the page, a screenshot, and a DOM in which every hostile
// payload is text — none ran, and our one script did (so the CSP hash matches).
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "aiswatch/report/report_writer.hpp"
#include "scenario.hpp"
#include "temp_dir.hpp"

extern char** environ;

using namespace aiswatch;
using namespace aiswatch::report;

namespace {

const char* const kChromium = "/usr/bin/chromium";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Requests the PAGE made, from a Chromium net log: URL requests whose initiator is an origin (the page's,
// "null" for file://) rather than the browser itself ("not an origin"), except file:, data: and chrome: URLs.
std::vector<std::string> page_requests(const nlohmann::json& log) {
  const int start_job = log.at("constants").at("logEventTypes").at("URL_REQUEST_START_JOB").get<int>();
  std::vector<std::string> urls;
  for (const auto& e : log.at("events")) {
    if (e.value("type", -1) != start_job || !e.contains("params")) continue;
    const auto& p = e["params"];
    const std::string url = p.value("url", "");
    const std::string initiator = p.value("initiator", "");
    if (url.empty() || initiator == "not an origin") continue;
    if (url.starts_with("file:") || url.starts_with("data:") || url.starts_with("chrome:")) continue;
    urls.push_back(url);
  }
  return urls;
}

// Runs chromium with `args` under a 120 s timeout; stdout and stderr go to the given files.
pid_t start_chromium(const std::vector<std::string>& args, const std::filesystem::path& out, const std::filesystem::path& err) {
  std::vector<std::string> argv_s = {"/usr/bin/timeout", "120", kChromium, "--headless", "--no-sandbox", "--disable-gpu",
                                     "--disable-dev-shm-usage", "--disable-background-networking",
                                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                                     "--enable-logging=stderr", "--v=0"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> console_lines(const std::string& stderr_text) {
  std::vector<std::string> lines;
  std::istringstream in(stderr_text);
  std::string line;
  while (std::getline(in, line))
    if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos) lines.push_back(line);
  return lines;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

// Hostile text that would change the DOM if the browser ever ran it.
const std::vector<std::string> kPayloads = {
    "<img src=x onerror=document.documentElement.setAttribute('data-pwned','img')>",
    "\"><svg onload=document.documentElement.setAttribute('data-pwned','svg')>",
    "<script>document.documentElement.setAttribute('data-pwned','script')</script>",
    "'><a href=javascript:alert(1) id=pwned-link>x</a>",
};

}  // namespace

TEST_CASE("net log reader tells the page's requests from the browser's own", "[report][browser]") {
  const auto log = nlohmann::json::parse(slurp(AISWATCH_TEST_DATA_DIR "/report/chromium_netlog_page_request.json"));
  CHECK(page_requests(log) == std::vector<std::string>{"http://127.0.0.1:9/x.png"});
}

// One browser session for all the checks below (Catch re-runs a test case per SECTION).
struct BrowserRun {
  test::TempDir dir;
  std::filesystem::path png, netlog;
  int shot_exit = -1, dump_exit = -1;

  BrowserRun() {
    ReportModel m = test::scenario_model();
    for (auto& v : m.vessels)
      if (v.mmsi == test::kHostileShip) {
        v.identity.destination = kPayloads[0];
        v.identity.callsign = kPayloads[1];
        v.watchlist[0].name = kPayloads[2];
      }
    for (auto& e : m.events)
      if (e.mmsi == test::kHostileShip) {
        e.name = kPayloads[1];
        e.reasons.insert(e.reasons.end(), kPayloads.begin(), kPayloads.end());
      }
    m.decisions.back().note = kPayloads[3];
    ReportOptions options;
    options.gis_format = "";
    options.land_file = AISWATCH_SOURCE_DIR "/geo/data/ne_10m_land_world.gpkg";
    const ReportFiles files = write_report(m, options, dir.path / "report");
    const std::string url = "file://" + files.index_html.string();

    // Both runs at once: they are independent and each takes a few seconds.
    png = dir.path / "shot.png";
    netlog = dir.path / "net.json";
    const pid_t shot = start_chromium({"--user-data-dir=" + (dir.path / "profile1").string(),
                                       "--log-net-log=" + netlog.string(), "--screenshot=" + png.string(),
                                       "--window-size=1400,2000", url},
                                      dir.path / "shot.out", dir.path / "shot.err");
    const pid_t dump = start_chromium({"--user-data-dir=" + (dir.path / "profile2").string(), "--dump-dom", url},
                                      dir.path / "dom.html", dir.path / "dump.err");
    shot_exit = wait_for(shot);
    dump_exit = wait_for(dump);
  }
};

const BrowserRun& browser_run() {
  static const BrowserRun run;
  return run;
}

TEST_CASE("headless Chromium: no console errors, no network, a screenshot, payloads inert", "[report][browser][slow]") {
  REQUIRE(std::filesystem::exists(kChromium));  // scripts/setup.sh test installs it
  const BrowserRun& run = browser_run();
  const auto& dir = run.dir;
  const auto& png = run.png;
  const auto& netlog = run.netlog;
  CHECK(run.shot_exit == 0);
  CHECK(run.dump_exit == 0);

  SECTION("no console message at all: no CSP violation, no script error") {
    for (const auto* f : {"shot.err", "dump.err"}) {
      const auto lines = console_lines(slurp(dir.path / f));
      CAPTURE(f, lines);
      CHECK(lines.empty());
    }
  }
  SECTION("the page made no network request") {
    const auto log = nlohmann::json::parse(slurp(netlog));
    CHECK(page_requests(log).empty());
    CHECK(log.at("events").size() > 0);  // the log is real, not empty
  }
  SECTION("a PNG screenshot of the requested size") {
    const std::string bytes = slurp(png);
    REQUIRE(bytes.size() > 20'000);
    CHECK(bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    const auto be32 = [&](std::size_t at) {
      return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
             (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
             static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
    };
    CHECK(bytes.substr(12, 4) == "IHDR");
    CHECK(be32(16) == 1400);
    CHECK(be32(20) == 2000);
  }
  SECTION("the DOM: our script ran, no payload did, every payload is text") {
    const std::string dom = slurp(dir.path / "dom.html");
    REQUIRE(dom.size() > 10'000);
    CHECK(dom.find("<html lang=\"en\" data-ready=\"1\">") != std::string::npos);  // the hashed script ran
    CHECK(dom.find("data-pwned=\"") == std::string::npos);
    CHECK(dom.find("id=\"pwned-link\"") == std::string::npos);
    CHECK(count(dom, "<script") == 1);
    CHECK(count(dom, "<img") == 0);
    CHECK(count(dom, "<svg onload") == 0);
    CHECK(count(dom, "<svg class=\"map\"") == 4);
    CHECK(dom.find("<title>aiswatch report</title>") != std::string::npos);
    // Chromium serialises text nodes with &lt; &gt; &amp;: the payloads are there, as text.
    CHECK(dom.find("&lt;img src=x onerror=document.documentElement.setAttribute('data-pwned','img')&gt;") != std::string::npos);
    CHECK(dom.find("&lt;SVG ONLOAD=ALERT(1)") != std::string::npos);
    CHECK(dom.find("\"&gt;&lt;B&gt;X&lt;/B&gt;") != std::string::npos);
    CHECK(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(dom.find("=HYPERLINK(\"http://x\")") != std::string::npos);
  }
}
