// `aiswatch review` end to end: the real binary, fork/exec'd, on a case file a run filled; then the
// next report: dismissed not flagged again for the same evidence, flagged again when it grows.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <set>
#include <sstream>

#include "aiswatch/report/case_file.hpp"
#include "aiswatch/report/html_report.hpp"
#include "scenario.hpp"
#include "temp_dir.hpp"

extern char** environ;

using namespace aiswatch;
using namespace aiswatch::report;

namespace {

const char* const kBinary = AISWATCH_BINARY_DIR "/app/aiswatch";

struct Run {
  int exit_code = -1;
  std::string out, err;
};

std::string read_all(int fd) {
  std::string s;
  std::array<char, 4096> buf{};
  ssize_t n = 0;
  while ((n = read(fd, buf.data(), buf.size())) > 0) s.append(buf.data(), static_cast<std::size_t>(n));
  close(fd);
  return s;
}

struct Child {
  pid_t pid = -1;
  int out = -1, err = -1;
};

// Starts the aiswatch binary with `args` (stdout/stderr captured), extra environment entries first.
Child start(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  int out[2], err[2];
  REQUIRE(pipe(out) == 0);
  REQUIRE(pipe(err) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  std::vector<std::string> argv_s = {kBinary};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s = env;
  for (char** e = environ; *e; ++e) env_s.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  Child c;
  REQUIRE(posix_spawn(&c.pid, kBinary, &actions, nullptr, argv.data(), envp.data()) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  c.out = out[0];
  c.err = err[0];
  return c;
}

Run finish(Child c) {
  Run r;
  r.out = read_all(c.out);
  r.err = read_all(c.err);
  int status = 0;
  REQUIRE(waitpid(c.pid, &status, 0) == c.pid);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

Run aiswatch_review(std::vector<std::string> args, const std::vector<std::string>& env = {}) {
  args.insert(args.begin(), "review");
  return finish(start(args, env));
}

// The events of the scenario as the detectors emit them (before any review).
std::vector<detectors::Event> detected_events() {
  ReportModel m = test::scenario_model();
  for (auto& e : m.events) {
    std::erase_if(e.reasons, [](const std::string& r) { return r.starts_with("dismissed in review"); });
    if (e.type == detectors::EventType::zone_entry) e.flagged = true;
  }
  return m.events;
}

const detectors::Event& find(const std::vector<detectors::Event>& events, detectors::EventType type) {
  for (const auto& e : events)
    if (e.type == type) return e;
  FAIL("no such event");
  return events.front();
}

}  // namespace

TEST_CASE("aiswatch review: mark, list, and the next report", "[report][review][cli]") {
  test::TempDir dir;
  const std::string cases = (dir.path / "cases.sqlite").string();
  const auto events = detected_events();
  CaseFile::open(cases).record_events(events, test::t("2024-05-01T00:00:00Z"));
  const detectors::Event& gap = find(events, detectors::EventType::ais_gap);

  SECTION("valid: dismiss an event, decide on a vessel, list them") {
    Run r = aiswatch_review({gap.id, "--status", "dismissed", "--note", "reception hole, known", "--cases", cases},
                            {"AISWATCH_REVIEWER=desk-7"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith(fmt::format("recorded #1: event {} dismissed by desk-7 at ", gap.id)));
    CHECK_THAT(r.out, Catch::Contains(fmt::format("(evidence {})", evidence_fingerprint(gap))));
    r = aiswatch_review({"--vessel", std::to_string(test::kChonMaSan), "--status", "needs-info", "--note",
                         test::kHostile[0] + "\x1b[2J", "--reviewer", "bo", "--cases", cases});
    CHECK(r.exit_code == 0);
    r = aiswatch_review({gap.id, "--status", "confirmed", "--note", "on second thought", "--reviewer", "ana", "--cases", cases});
    CHECK(r.exit_code == 0);

    r = aiswatch_review({"--list", "--cases", cases});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("\tconfirmed\tana\tevent " + gap.id + " (ais_gap of 273382620 SASCO ANGARA at "
                                      "2018-11-01T04:55:00Z)\ton second thought\n"));
    CHECK_THAT(r.out, Catch::Contains("needs-info\tbo\tvessel 445123000\t<script>alert(1)</script>\\x1b[2J\n"));
    CHECK(r.out.find('\x1b') == std::string::npos);  // the terminal escape is shown, not sent
    CHECK_THAT(r.err, Catch::Contains("2 decision(s) shown, 3 in the history"));

    r = aiswatch_review({"--list", "--history", "--json", "--cases", cases});
    CHECK(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<nlohmann::json> rows;
    while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0]["status"] == "dismissed");
    CHECK(rows[0]["reviewer"] == "desk-7");
    CHECK(rows[0]["event"]["type"] == "ais_gap");
    CHECK(rows[0]["evidence_fingerprint"] == evidence_fingerprint(gap));
    CHECK(rows[1]["event_id"].is_null());
    CHECK(rows[1]["mmsi"] == test::kChonMaSan);
    CHECK(rows[1]["note"] == test::kHostile[0] + "\x1b[2J");
  }

  SECTION("the next run: dismissed stays unflagged for the same evidence, flagged again when it grows") {
    REQUIRE(aiswatch_review({gap.id, "--status", "dismissed", "--note", "known hole", "--reviewer", "ana", "--cases", cases})
                .exit_code == 0);
    auto history = CaseFile::open(cases).history();

    auto same = detected_events();
    CHECK(apply_review(same, latest_decisions(history)).suppressed == 1);
    CHECK_FALSE(find(same, detectors::EventType::ais_gap).flagged);

    ReportModel m = test::scenario_model();
    m.events = same;
    m.decisions = history;
    const std::string html = render_html_report(m, {}, nullptr);
    CHECK_THAT(html, Catch::Contains("known hole</td><td>same evidence</td>"));
    CHECK_THAT(html, Catch::Contains("<span class=\"badge st-dismissed\">dismissed</span> by <b>ana</b>"));

    // A later run sees the same gap last longer: same id, more evidence.
    auto grown = detected_events();
    for (auto& e : grown) {
      if (e.type != detectors::EventType::ais_gap) continue;
      e.end += 6 * 3'600'000;
      e.evidence[0].value = 20.08;
    }
    CaseFile::open(cases).record_events(grown, test::t("2024-05-02T00:00:00Z"));
    const auto r = apply_review(grown, latest_decisions(history));
    CHECK(r.suppressed == 0);
    CHECK(r.reflagged == 1);
    CHECK(find(grown, detectors::EventType::ais_gap).flagged);
    m.events = grown;
    CHECK_THAT(render_html_report(m, {}, nullptr), Catch::Contains("known hole</td><td>evidence changed since</td>"));
    // And the listing says so too.
    CHECK_THAT(aiswatch_review({"--list", "--cases", cases}).out, Catch::Contains("; evidence changed since)"));
  }

  SECTION("bad input: unknown ids, missing notes, bad status, missing case file: exit 1 with a message") {
    Run r = aiswatch_review({"0123456789abcdef", "--status", "dismissed", "--note", "x", "--cases", cases});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("no event with id '0123456789abcdef'") && Catch::Contains(cases));
    r = aiswatch_review({gap.id, "--status", "dismissed", "--cases", cases});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("--note is required"));
    r = aiswatch_review({gap.id, "--status", "maybe", "--note", "x", "--cases", cases});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("--status must be confirmed, dismissed or needs-info"));
    r = aiswatch_review({"--list", "--cases", (dir.path / "none.sqlite").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("no case file at"));
    r = aiswatch_review({gap.id, "--status", "dismissed", "--note", "x", "--cases", (dir.path / "none.sqlite").string()});
    CHECK(r.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(dir.path / "none.sqlite"));
    r = aiswatch_review({"--list", gap.id, "--cases", cases});
    CHECK(r.exit_code == 1);
    r = aiswatch_review({"--status", "dismissed", "--note", "x", "--cases", cases});
    CHECK(r.exit_code == 1);
    r = aiswatch_review({"--list"});
    CHECK(r.exit_code == 1);  // --cases is required
    CHECK(CaseFile::open(cases).history().empty());
  }
}

TEST_CASE("aiswatch review: concurrent calls all persist", "[report][review][cli][slow]") {
  test::TempDir dir;
  const std::string cases = (dir.path / "cases.sqlite").string();
  const auto events = detected_events();
  CaseFile::open(cases).record_events(events, test::t("2024-05-01T00:00:00Z"));

  constexpr int kCalls = 8;  // started together, so they contend for the write lock
  std::vector<Child> children;
  for (int i = 0; i < kCalls; ++i)
    children.push_back(start({"review", events[static_cast<std::size_t>(i) % events.size()].id, "--status", "confirmed",
                              "--note", fmt::format("call {}", i), "--reviewer", fmt::format("r{}", i), "--cases", cases}));
  for (auto& c : children) {
    const Run r = finish(c);
    CAPTURE(r.err);
    CHECK(r.exit_code == 0);
  }
  const auto history = CaseFile::open(cases).history();
  CHECK(history.size() == kCalls);
  std::set<std::string> notes;
  for (const auto& d : history) notes.insert(d.note);
  CHECK(notes.size() == kCalls);
}
