// hostile_report_test.cpp — attacker-controlled text arriving every way it can, through the real binary:
// a NOAA CSV export (vessel names and call signs of any case and length), a team watchlist file (entry
// names, list and program names), and AIS six-bit payloads (the demo's hostile_text scenario). `aiswatch
// replay` writes the report; headless Chromium loads it from disk: nothing runs, nothing is fetched, every
// payload is shown as text; the CSV neutralises formulas; the KML escapes markup.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../live/subprocess.hpp"

extern char** environ;

namespace fs = std::filesystem;
using aiswatch::live::test::aiswatch_binary;
using aiswatch::live::test::Subprocess;

namespace {

const std::string kSource = AISWATCH_SOURCE_DIR;
const std::string kDemo = kSource + "/samples/demo/demo.nmea.gz";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// RFC 4180 field: quoted, quotes doubled.
std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

int run_chromium(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  std::vector<std::string> argv_s = {"/usr/bin/timeout", "120", "/usr/bin/chromium", "--headless", "--no-sandbox",
                                     "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
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
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Page-initiated requests in a Chromium net log (see tests/report/browser_test.cpp for the rule).
std::size_t page_requests(const nlohmann::json& log) {
  const int start_job = log.at("constants").at("logEventTypes").at("URL_REQUEST_START_JOB").get<int>();
  std::size_t n = 0;
  for (const auto& e : log.at("events")) {
    if (e.value("type", -1) != start_job || !e.contains("params")) continue;
    const std::string url = e["params"].value("url", "");
    const std::string initiator = e["params"].value("initiator", "");
    if (url.empty() || initiator == "not an origin") continue;
    if (url.starts_with("file:") || url.starts_with("data:") || url.starts_with("chrome:")) continue;
    ++n;
  }
  return n;
}

// The payloads, and ones that would mark the DOM if they ever ran.
const std::string kScript = "<script>alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=alert(1)>";
const std::string kFormula = "=HYPERLINK(\"http://x\")";
const std::string kMarkImg = "<img src=x onerror=document.documentElement.setAttribute('data-pwned','csv')>";
const std::string kMarkSvg = "\"><svg onload=document.documentElement.setAttribute('data-pwned','list')>";

}  // namespace

TEST_CASE("hostile text through CSV input, a watchlist file and AIS payloads is inert in every output", "[app][hostile][slow]") {
  REQUIRE(fs::exists("/usr/bin/chromium"));  // scripts/setup.sh test installs it
  char pattern[] = "/tmp/aiswatch-hostile-XXXXXX";
  REQUIRE(mkdtemp(pattern) != nullptr);
  const fs::path dir = pattern;

  // Two ships moored at Najin (Rajin), KP, for 10 h: a DPRK port call, flagged, so both get dossiers.
  {
    std::ofstream csv(dir / "hostile.csv");
    csv << "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,"
           "TransceiverClass\n";
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> ships = {
        {"273000111", {kScript + " " + kMarkImg, kImg}},                // any length: the tracker keeps 20 characters
        {"273000222", {kFormula, "+CMD|' /C CALC'!A0"}},
        {"273000333", {"<sCrIpT>document.title='pwned'</ScRiPt>", "@SUM(1+1)"}},  // any case
    };
    for (int i = 0; i < 60; ++i) {
      const int minutes = i * 10;
      char when[32];
      std::snprintf(when, sizeof when, "2024-03-11T%02d:%02d:00", minutes / 60, minutes % 60);
      double lat = 42.2330;
      for (const auto& [mmsi, text] : ships) {
        csv << mmsi << ',' << when << ',' << lat << ",130.3000,0.0,0,511," << csv_field(text.first) << ",,"
            << csv_field(text.second) << ",80,5,120,20,9.5,80,A\n";
        lat += 0.0005;
      }
    }
  }
  // A team list matching the first ship by MMSI: hostile entry, list and program names.
  {
    std::ofstream list(dir / "team.csv");
    list << "imo,mmsi,name,callsign,flag,list,program,note\n";
    list << "," << "273000111," << csv_field(kMarkSvg) << ",,RU," << csv_field("<b>team</b>" + kScript) << ","
         << csv_field(kFormula) << "," << csv_field(kImg) << "\n";
  }

  Subprocess replay({aiswatch_binary(), "replay", kDemo, (dir / "hostile.csv").string(), "--watchlist",
                     (dir / "team.csv").string(), "--report", (dir / "report").string(), "--gis-format", "KML",
                     "--events", (dir / "events.jsonl").string()});
  REQUIRE(replay.wait(std::chrono::seconds(120)) == 0);
  INFO(replay.stderr_text());

  const std::string html = slurp(dir / "report" / "index.html");
  SECTION("the HTML has every payload escaped, none as markup") {
    CHECK(html.find("273000111") != std::string::npos);
    CHECK(html.find("273000222") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)") != std::string::npos);  // CSV name, cut at 20 characters
    CHECK(html.find("&lt;SVG ONLOAD=ALERT(1)") != std::string::npos);  // six-bit name of the demo
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<sCrIpT>") == std::string::npos);
    CHECK(html.find("<img src=x") == std::string::npos);
    CHECK(html.find("<svg onload") == std::string::npos);
    CHECK(html.find("<SVG ONLOAD") == std::string::npos);
    CHECK(html.find("<b>team</b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;team&lt;/b&gt;") != std::string::npos);  // the list name, as text
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
  }
  SECTION("events.csv neutralises formulas; numbers stay numbers") {
    const std::string csv = slurp(dir / "report" / "events.csv");
    CHECK(csv.find(",\"=HYPERLINK") == std::string::npos);
    CHECK(csv.find(",=HYPERLINK") == std::string::npos);
    CHECK(csv.find("'=HYPERLINK") != std::string::npos);
    CHECK(csv.find(",\"+CMD") == std::string::npos);
    CHECK(csv.find(",\"@SUM") == std::string::npos);
    CHECK(csv.find(",130.3") != std::string::npos);  // a bare number
  }
  SECTION("the KML layer escapes markup twice: for XML and for Google Earth's HTML balloons") {
    const std::string kml = slurp(dir / "report" / "gis" / "events.kml");
    REQUIRE_FALSE(kml.empty());
    CHECK(kml.find("<script>") == std::string::npos);
    CHECK(kml.find("<img src") == std::string::npos);
    CHECK(kml.find("&lt;script&gt;") == std::string::npos);   // would be markup again in a balloon
    CHECK(kml.find("&amp;lt;script&amp;gt;alert(1)") != std::string::npos);
    CHECK(kml.find("&amp;lt;SVG ONLOAD=ALERT(1)") != std::string::npos);
  }
  SECTION("JSON lines parse and carry the text unchanged") {
    std::ifstream in(dir / "events.jsonl");
    bool seen = false;
    for (std::string line; std::getline(in, line);) {
      const auto j = nlohmann::json::parse(line);
      if (j.at("mmsi") == 273000111) seen |= j.at("name").get<std::string>().starts_with("<script>alert(1)");
    }
    CHECK(seen);
  }
  SECTION("headless Chromium: no script ran, nothing fetched, no console errors") {
    const std::string url = "file://" + (dir / "report" / "index.html").string();
    CHECK(run_chromium({"--user-data-dir=" + (dir / "p1").string(), "--dump-dom", url}, dir / "dom.html", dir / "dom.err") == 0);
    CHECK(run_chromium({"--user-data-dir=" + (dir / "p2").string(), "--log-net-log=" + (dir / "net.json").string(),
                        "--screenshot=" + (dir / "shot.png").string(), "--window-size=1400,2000", url},
                       dir / "shot.out", dir / "shot.err") == 0);
    const std::string dom = slurp(dir / "dom.html");
    REQUIRE(dom.size() > 10'000);
    CHECK(dom.find("data-pwned=\"") == std::string::npos);  // the payload text names it; no element got it
    CHECK(dom.find("<title>pwned</title>") == std::string::npos);
    CHECK(count(dom, "<script") == 1);  // ours (hashed in the CSP)
    CHECK(count(dom, "<img") == 0);
    CHECK(dom.find("&lt;script&gt;alert(1)") != std::string::npos);
    CHECK(page_requests(nlohmann::json::parse(slurp(dir / "net.json"))) == 0);
    const std::string err = slurp(dir / "dom.err") + slurp(dir / "shot.err");
    CHECK(err.find(":CONSOLE") == std::string::npos);
    CHECK(err.find("Uncaught") == std::string::npos);
    CHECK(fs::file_size(dir / "shot.png") > 20'000);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}
