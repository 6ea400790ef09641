// review_cli_test.cpp — the review workflow through the real binary, as a sanctions team runs it:
// `replay --cases` records the events, `review` dismisses one and confirms another, the next
// `replay --cases` no longer flags the dismissed one (same evidence) and its report shows both decisions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../live/subprocess.hpp"

namespace fs = std::filesystem;
using aiswatch::live::test::aiswatch_binary;
using aiswatch::live::test::Subprocess;

namespace {

const std::string kSource = AISWATCH_SOURCE_DIR;
const std::string kDemo = kSource + "/samples/demo/demo.nmea.gz";
const std::string kOfac = kSource + "/watchlists/data/ofac_sdn_vessels_20240503.csv";

std::vector<nlohmann::json> read_events(const fs::path& file) {
  std::ifstream in(file);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

const nlohmann::json* find_id(const std::vector<nlohmann::json>& events, const std::string& id) {
  for (const auto& e : events)
    if (e.at("id") == id) return &e;
  return nullptr;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("review workflow: replay --cases, review, replay again: dismissed is not re-flagged", "[app][review]") {
  char pattern[] = "/tmp/aiswatch-review-XXXXXX";
  REQUIRE(mkdtemp(pattern) != nullptr);
  const fs::path dir = pattern;
  const std::string cases = (dir / "cases.sqlite").string();
  auto replay = [&](const std::string& tag) {
    Subprocess p({aiswatch_binary(), "replay", kDemo, "--watchlist", kOfac, "--cases", cases, "--events",
                  (dir / (tag + ".jsonl")).string(), "--report", (dir / tag).string(), "--gis-format", "none"});
    REQUIRE(p.wait(std::chrono::seconds(120)) == 0);
    return p.stderr_text();
  };
  replay("first");
  const auto first = read_events(dir / "first.jsonl");
  // Pick two flagged events of different vessels: one to dismiss, one to confirm.
  std::string dismissed, confirmed;
  for (const auto& e : first) {
    if (!e.at("flagged").get<bool>() || e.at("type") == "watchlist_match") continue;
    if (dismissed.empty()) {
      dismissed = e.at("id");
    } else if (e.at("mmsi") != find_id(first, dismissed)->at("mmsi")) {
      confirmed = e.at("id");
      break;
    }
  }
  REQUIRE_FALSE(dismissed.empty());
  REQUIRE_FALSE(confirmed.empty());

  Subprocess d({aiswatch_binary(), "review", dismissed, "--status", "dismissed", "--note", "known route", "--reviewer",
                "ana", "--cases", cases});
  REQUIRE(d.wait() == 0);
  Subprocess c({aiswatch_binary(), "review", confirmed, "--status", "confirmed", "--note", "sent to OFAC desk",
                "--reviewer", "bo", "--cases", cases});
  REQUIRE(c.wait() == 0);

  const std::string err = replay("second");
  INFO(err);
  CHECK(err.find("1 dismissed earlier with the same evidence") != std::string::npos);
  const auto second = read_events(dir / "second.jsonl");
  REQUIRE(second.size() == first.size());
  const nlohmann::json* was_dismissed = find_id(second, dismissed);
  const nlohmann::json* was_confirmed = find_id(second, confirmed);
  REQUIRE(was_dismissed != nullptr);
  REQUIRE(was_confirmed != nullptr);
  CHECK_FALSE(was_dismissed->at("flagged").get<bool>());
  CHECK(was_confirmed->at("flagged").get<bool>());
  std::size_t flagged_first = 0, flagged_second = 0;
  for (const auto& e : first) flagged_first += e.at("flagged").get<bool>() ? 1 : 0;
  for (const auto& e : second) flagged_second += e.at("flagged").get<bool>() ? 1 : 0;
  CHECK(flagged_second + 1 == flagged_first);

  const std::string html = slurp(dir / "second" / "index.html");
  CHECK(html.find("known route") != std::string::npos);
  CHECK(html.find("sent to OFAC desk") != std::string::npos);
  CHECK(html.find("<b>ana</b>") != std::string::npos);

  Subprocess list({aiswatch_binary(), "review", "--list", "--cases", cases});
  CHECK(list.wait() == 0);
  std::error_code ec;
  fs::remove_all(dir, ec);
}
