// The SQLite case file: create, record events, decide, history, errors naming the file, concurrent
// writers in separate processes, and a writer killed mid-transaction.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sqlite3.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "aiswatch/report/case_file.hpp"
#include "aiswatch/report/error.hpp"
#include "fixtures.hpp"
#include "temp_dir.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {
std::vector<detectors::Event> sample_events(std::size_t n, std::uint32_t first_mmsi = 273000000) {
  std::vector<detectors::Event> events;
  for (std::size_t i = 0; i < n; ++i) {
    auto e = test::make_event(detectors::EventType::ais_gap, first_mmsi + static_cast<std::uint32_t>(i),
                              "2018-11-01T03:00:00Z", "2018-11-01T17:30:00Z");
    e.id = detectors::make_event_id(e);
    events.push_back(std::move(e));
  }
  return events;
}

std::string sqlite_scalar(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(s) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

const UnixMillis kNow = test::t("2024-05-01T10:00:00Z");
}  // namespace

TEST_CASE("case file: record, decide, history", "[report][cases]") {
  test::TempDir dir;
  const auto file = dir.path / "cases.sqlite";
  const auto events = sample_events(3);

  SECTION("valid: created when missing, decisions appended, latest wins, survives reopening") {
    {
      CaseFile cases = CaseFile::open(file);
      CHECK(std::filesystem::exists(file));
      cases.record_events(events, kNow);
      const auto known = cases.find_event(events[0].id);
      REQUIRE(known);
      CHECK(known->mmsi == events[0].mmsi);
      CHECK(known->type == "ais_gap");
      CHECK(known->evidence_fingerprint == evidence_fingerprint(events[0]));
      CHECK(known->flagged);
      CHECK(known->first_seen == kNow);

      const auto d1 = cases.decide({.event_id = events[0].id, .status = ReviewStatus::needs_info, .note = "ask",
                                    .reviewer = "ana"}, kNow);
      CHECK(d1.seq == 1);
      CHECK(d1.evidence_fingerprint == evidence_fingerprint(events[0]));
      cases.decide({.event_id = events[0].id, .status = ReviewStatus::dismissed, .note = "known", .reviewer = "bo"},
                   kNow + 60'000);
      cases.decide({.vessel_mmsi = events[1].mmsi, .status = ReviewStatus::confirmed, .note = "shuttle",
                    .reviewer = "ana"}, kNow + 120'000);
    }
    CaseFile again = CaseFile::open(file, OpenMode::existing_only);
    const auto history = again.history();
    REQUIRE(history.size() == 3);
    CHECK(history[0].status == ReviewStatus::needs_info);
    CHECK(history[1].reviewer == "bo");
    CHECK(history[1].decided_at == kNow + 60'000);
    CHECK(history[2].vessel_mmsi == events[1].mmsi);
    CHECK(history[2].event_id.empty());
    const auto latest = latest_decisions(history);
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].status == ReviewStatus::dismissed);
    CHECK(latest[0].note == "known");

    // WAL journal and our application id are in the file itself.
    CHECK(sqlite_scalar(file, "PRAGMA journal_mode") == "wal");
    CHECK(sqlite_scalar(file, "PRAGMA application_id") == std::to_string(0x41495357));
  }
  SECTION("record_events again updates the fingerprint and keeps first_seen") {
    CaseFile cases = CaseFile::open(file);
    cases.record_events(events, kNow);
    auto grown = events;
    grown[0].end += 3'600'000;
    cases.record_events(grown, kNow + 1000);
    const auto known = cases.find_event(events[0].id);
    REQUIRE(known);
    CHECK(known->evidence_fingerprint == evidence_fingerprint(grown[0]));
    CHECK(known->first_seen == kNow);
    CHECK(known->last_seen == kNow + 1000);
    CHECK(cases.events_of_vessel(events[2].mmsi).size() == 1);
  }
  SECTION("hostile notes and reviewer names are stored as given") {
    CaseFile cases = CaseFile::open(file);
    cases.record_events(events, kNow);
    for (const auto& hostile : test::kHostile)
      cases.decide({.event_id = events[0].id, .status = ReviewStatus::confirmed, .note = hostile, .reviewer = hostile}, kNow);
    const auto history = cases.history();
    REQUIRE(history.size() == test::kHostile.size());
    for (std::size_t i = 0; i < history.size(); ++i) CHECK(history[i].note == test::kHostile[i]);
  }
  SECTION("bad input: unknown event id or MMSI is refused and nothing is stored") {
    CaseFile cases = CaseFile::open(file);
    cases.record_events(events, kNow);
    CHECK_THROWS_WITH(cases.decide({.event_id = "0123456789abcdef", .status = ReviewStatus::dismissed, .note = "x",
                                    .reviewer = "ana"}, kNow),
                      Catch::Contains("no event with id '0123456789abcdef'") && Catch::Contains(file.string()));
    CHECK_THROWS_WITH(cases.decide({.vessel_mmsi = 1, .status = ReviewStatus::dismissed, .note = "x", .reviewer = "a"}, kNow),
                      Catch::Contains("no event involves MMSI 1"));
    CHECK(cases.history().empty());
  }
}

TEST_CASE("case file: unusable files are errors naming the file", "[report][cases]") {
  test::TempDir dir;
  SECTION("missing with existing_only") {
    CHECK_THROWS_WITH(CaseFile::open(dir.path / "none.sqlite", OpenMode::existing_only),
                      Catch::Contains("no case file at") && Catch::Contains("none.sqlite"));
    CHECK_FALSE(std::filesystem::exists(dir.path / "none.sqlite"));
  }
  SECTION("not a SQLite file") {
    const auto f = dir.path / "notes.txt";
    std::ofstream(f) << "this is not a database, just some text long enough to have a header page\n";
    CHECK_THROWS_WITH(CaseFile::open(f), Catch::Contains(f.string()));
  }
  SECTION("another application's SQLite database") {
    const auto f = dir.path / "other.sqlite";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(f.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK_THROWS_WITH(CaseFile::open(f), Catch::Contains("not an aiswatch case file"));
  }
  SECTION("a directory that does not exist") {
    CHECK_THROWS_WITH(CaseFile::open(dir.path / "no" / "such" / "cases.sqlite"), Catch::Contains("cannot open"));
  }
}

TEST_CASE("case file: concurrent writers in separate processes all persist", "[report][cases][slow]") {
  test::TempDir dir;
  const auto file = dir.path / "cases.sqlite";
  const auto events = sample_events(4);
  CaseFile::open(file).record_events(events, kNow);

  constexpr int kProcesses = 4;
  constexpr int kDecisionsEach = 25;
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int status = 0;
      try {
        for (int i = 0; i < kDecisionsEach; ++i) {
          // A fresh connection each time, as separate `aiswatch review` calls would.
          CaseFile cases = CaseFile::open(file);
          cases.decide({.event_id = events[static_cast<std::size_t>(i) % events.size()].id,
                        .status = ReviewStatus::confirmed,
                        .note = fmt::format("process {} decision {}", p, i),
                        .reviewer = fmt::format("r{}", p)},
                       kNow + i);
        }
      } catch (...) {
        status = 1;
      }
      _exit(status);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto history = CaseFile::open(file).history();
  CHECK(history.size() == kProcesses * kDecisionsEach);
  std::set<std::string> notes;
  for (const auto& d : history) notes.insert(d.note);
  CHECK(notes.size() == kProcesses * kDecisionsEach);
}

TEST_CASE("case file: a writer killed mid-transaction leaves a consistent file", "[report][cases][slow]") {
  test::TempDir dir;
  const auto file = dir.path / "cases.sqlite";
  CaseFile::open(file).record_events(sample_events(1), kNow);
  const auto big = sample_events(20'000, 300000000);

  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    CaseFile cases = CaseFile::open(file);
    for (;;) cases.record_events(big, kNow);  // killed somewhere inside one of these transactions
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, SIGKILL);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status));

  CaseFile cases = CaseFile::open(file);  // recovers the WAL
  CHECK(sqlite_scalar(file, "PRAGMA integrity_check") == "ok");
  const std::string count = sqlite_scalar(file, "SELECT count(*) FROM events");
  CHECK((count == "1" || count == "20001"));  // all of a transaction or none of it
  cases.record_events(sample_events(1, 400000000), kNow);
  CHECK(cases.find_event(sample_events(1, 400000000)[0].id));
}

TEST_CASE("reviewer from the environment", "[report][cases]") {
  const char* saved = std::getenv("AISWATCH_REVIEWER");
  const std::string keep = saved ? saved : "";
  setenv("AISWATCH_REVIEWER", "desk-7", 1);
  CHECK(reviewer_from_environment() == "desk-7");
  unsetenv("AISWATCH_REVIEWER");
  CHECK_FALSE(reviewer_from_environment().empty());
  if (saved) setenv("AISWATCH_REVIEWER", keep.c_str(), 1);
}
