// case_file.cpp — see case_file.hpp. SQLite's C API behind two small RAII types; every SQLite error is
// turned into a ReportError naming the case file at this boundary.
#include "aiswatch/report/case_file.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cassert>
#include <cstdlib>
#include <utility>

#include "aiswatch/report/error.hpp"

namespace aiswatch::report {

namespace {

constexpr int kApplicationId = 0x41495357;  // "AISW": marks the file as an aiswatch case file
constexpr int kBusyTimeoutMs = 30'000;      // a concurrent `review` waits this long for the write lock

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS events(
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  mmsi        INTEGER NOT NULL,
  other_mmsi  INTEGER,
  name        TEXT NOT NULL,
  start       TEXT NOT NULL,
  "end"       TEXT NOT NULL,
  flagged     INTEGER NOT NULL,
  severity    TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  first_seen  TEXT NOT NULL,
  last_seen   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_mmsi ON events(mmsi);
CREATE INDEX IF NOT EXISTS events_other_mmsi ON events(other_mmsi);
CREATE TABLE IF NOT EXISTS decisions(
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT,
  mmsi        INTEGER,
  status      TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed', 'needs-info')),
  note        TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  CHECK ((event_id IS NULL) <> (mmsi IS NULL))
);
CREATE INDEX IF NOT EXISTS decisions_event ON decisions(event_id);
CREATE INDEX IF NOT EXISTS decisions_mmsi ON decisions(mmsi);
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const std::string& file, const char* sql) : db_(db), file_(&file) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, std::string_view text) {
    check(sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT), "bind");
  }
  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v), "bind"); }
  void bind_null(int i) { check(sqlite3_bind_null(stmt_, i), "bind"); }
  template <class T>
  void bind_optional(int i, const std::optional<T>& v) {
    if (v) bind(i, static_cast<std::int64_t>(*v));
    else bind_null(i);
  }

  // True while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail("step");
    return false;
  }
  void run_and_reset() {
    step();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<std::uint32_t> optional_u32(int col) const {
    if (is_null(col)) return std::nullopt;
    return static_cast<std::uint32_t>(integer(col));
  }

 private:
  void check(int rc, const char* what) {
    if (rc != SQLITE_OK) fail(what);
  }
  [[noreturn]] void fail(const char* what) const {
    throw ReportError(fmt::format("case file {}: {} failed: {}", *file_, what, sqlite3_errmsg(db_)));
  }

  sqlite3* db_;
  const std::string* file_;
  sqlite3_stmt* stmt_ = nullptr;
};

UnixMillis parse_time(const std::string& text) { return parse_iso8601(text).value_or(0); }

}  // namespace

struct CaseFile::Impl {
  std::filesystem::path file;
  std::string name;  // file as text, for messages
  sqlite3* db = nullptr;

  ~Impl() { sqlite3_close_v2(db); }

  [[noreturn]] void fail(std::string_view what) const {
    throw ReportError(fmt::format("case file {}: {}: {}", name, what, db ? sqlite3_errmsg(db) : "out of memory"));
  }
  void exec(const char* sql, std::string_view what) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : sqlite3_errmsg(db);
      sqlite3_free(message);
      throw ReportError(fmt::format("case file {}: {}: {}", name, what, text));
    }
  }
  std::int64_t pragma_int(const char* sql) {
    Statement s(db, name, sql);
    return s.step() ? s.integer(0) : 0;
  }

  // One write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy timeout),
  // so concurrent writers queue instead of failing half-way; any exception rolls back.
  template <class F>
  void write_transaction(F&& body) {
    exec("BEGIN IMMEDIATE", "cannot start a write transaction");
    try {
      body();
      exec("COMMIT", "cannot commit");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  void initialise() {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    exec("PRAGMA journal_mode=WAL", "cannot switch to WAL journal");
    exec("PRAGMA synchronous=FULL", "cannot set synchronous mode");
    write_transaction([&] {
      const std::int64_t app_id = pragma_int("PRAGMA application_id");
      const std::int64_t tables = pragma_int("SELECT count(*) FROM sqlite_master");
      if (app_id != kApplicationId && (app_id != 0 || tables != 0))
        throw ReportError(fmt::format("{} is a SQLite database but not an aiswatch case file", name));
      const std::int64_t version = pragma_int("PRAGMA user_version");
      if (version > kCaseFileSchemaVersion)
        throw ReportError(fmt::format("case file {} has schema version {}, newer than this aiswatch ({})", name,
                                      version, kCaseFileSchemaVersion));
      exec(kSchema, "cannot create the case file tables");
      exec(fmt::format("PRAGMA application_id={}", kApplicationId).c_str(), "cannot mark the case file");
      exec(fmt::format("PRAGMA user_version={}", kCaseFileSchemaVersion).c_str(), "cannot set the schema version");
    });
  }
};

CaseFile::CaseFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CaseFile::~CaseFile() = default;
CaseFile::CaseFile(CaseFile&&) noexcept = default;
CaseFile& CaseFile::operator=(CaseFile&&) noexcept = default;

const std::filesystem::path& CaseFile::path() const noexcept { return impl_->file; }

CaseFile CaseFile::open(const std::filesystem::path& file, OpenMode mode) {
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  impl->name = file.string();
  std::error_code ec;
  if (mode == OpenMode::existing_only && !std::filesystem::exists(file, ec))
    throw ReportError(fmt::format("no case file at {}", impl->name));
  const int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::create_if_missing ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(impl->name.c_str(), &impl->db, flags, nullptr) != SQLITE_OK)
    impl->fail("cannot open");
  sqlite3_extended_result_codes(impl->db, 1);
  impl->initialise();
  return CaseFile(std::move(impl));
}

void CaseFile::record_events(std::span<const detectors::Event> events, UnixMillis seen_at) {
  if (events.empty()) return;
  const std::string seen = format_iso8601(seen_at);
  impl_->write_transaction([&] {
    Statement s(impl_->db, impl_->name, R"sql(
      INSERT INTO events(id, type, mmsi, other_mmsi, name, start, "end", flagged, severity, fingerprint,
                         first_seen, last_seen)
      VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
      ON CONFLICT(id) DO UPDATE SET type = excluded.type, mmsi = excluded.mmsi,
        other_mmsi = excluded.other_mmsi, name = excluded.name, start = excluded.start, "end" = excluded."end",
        flagged = excluded.flagged, severity = excluded.severity, fingerprint = excluded.fingerprint,
        last_seen = excluded.last_seen)sql");
    for (const auto& e : events) {
      s.bind(1, e.id);
      s.bind(2, detectors::to_string(e.type));
      s.bind(3, std::int64_t{e.mmsi});
      s.bind_optional(4, e.other_mmsi);
      s.bind(5, e.name);
      s.bind(6, format_iso8601(e.start));
      s.bind(7, format_iso8601(e.end));
      s.bind(8, std::int64_t{e.flagged ? 1 : 0});
      s.bind(9, detectors::to_string(e.severity));
      s.bind(10, evidence_fingerprint(e));
      s.bind(11, seen);
      s.run_and_reset();
    }
  });
}

namespace {
constexpr const char* kEventColumns =
    R"sql(SELECT id, type, mmsi, other_mmsi, name, start, "end", flagged, severity, fingerprint, first_seen,
          last_seen FROM events )sql";

KnownEvent read_event(const Statement& s) {
  return KnownEvent{.id = s.text(0),
                    .type = s.text(1),
                    .mmsi = static_cast<std::uint32_t>(s.integer(2)),
                    .other_mmsi = s.optional_u32(3),
                    .name = s.text(4),
                    .start = parse_time(s.text(5)),
                    .end = parse_time(s.text(6)),
                    .flagged = s.integer(7) != 0,
                    .severity = s.text(8),
                    .evidence_fingerprint = s.text(9),
                    .first_seen = parse_time(s.text(10)),
                    .last_seen = parse_time(s.text(11))};
}
}  // namespace

std::optional<KnownEvent> CaseFile::find_event(std::string_view id) const {
  Statement s(impl_->db, impl_->name, fmt::format("{} WHERE id = ?1", kEventColumns).c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_event(s);
}

std::vector<KnownEvent> CaseFile::events_of_vessel(std::uint32_t mmsi) const {
  Statement s(impl_->db, impl_->name,
              fmt::format("{} WHERE mmsi = ?1 OR other_mmsi = ?1 ORDER BY start, id", kEventColumns).c_str());
  s.bind(1, std::int64_t{mmsi});
  std::vector<KnownEvent> out;
  while (s.step()) out.push_back(read_event(s));
  return out;
}

ReviewDecision CaseFile::decide(const DecisionRequest& request, UnixMillis now) {
  assert(request.event_id.empty() != !request.vessel_mmsi.has_value());
  ReviewDecision d{.event_id = request.event_id,
                   .vessel_mmsi = request.vessel_mmsi,
                   .status = request.status,
                   .note = request.note,
                   .reviewer = request.reviewer,
                   .decided_at = now};
  impl_->write_transaction([&] {
    // Looked up inside the transaction, so the fingerprint is the one current when the decision is stored.
    if (d.is_event_decision()) {
      const auto known = find_event(d.event_id);
      if (!known)
        throw ReportError(fmt::format("case file {}: no event with id '{}' (run replay with --cases {} first)",
                                      impl_->name, d.event_id, impl_->name));
      d.evidence_fingerprint = known->evidence_fingerprint;
    } else if (events_of_vessel(*d.vessel_mmsi).empty()) {
      throw ReportError(fmt::format("case file {}: no event involves MMSI {} (run replay with --cases {} first)",
                                    impl_->name, *d.vessel_mmsi, impl_->name));
    }
    Statement s(impl_->db, impl_->name, R"sql(
      INSERT INTO decisions(event_id, mmsi, status, note, reviewer, decided_at, fingerprint)
      VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    if (d.is_event_decision()) s.bind(1, d.event_id);
    else s.bind_null(1);
    s.bind_optional(2, d.vessel_mmsi);
    s.bind(3, to_string(d.status));
    s.bind(4, d.note);
    s.bind(5, d.reviewer);
    s.bind(6, format_iso8601(d.decided_at));
    s.bind(7, d.evidence_fingerprint);
    s.step();
    d.seq = sqlite3_last_insert_rowid(impl_->db);
  });
  return d;
}

std::vector<ReviewDecision> CaseFile::history() const {
  Statement s(impl_->db, impl_->name,
              "SELECT seq, event_id, mmsi, status, note, reviewer, decided_at, fingerprint FROM decisions ORDER BY seq");
  std::vector<ReviewDecision> out;
  while (s.step()) {
    ReviewDecision d{.seq = s.integer(0),
                     .event_id = s.text(1),
                     .vessel_mmsi = s.optional_u32(2),
                     .status = review_status_from_string(s.text(3)).value_or(ReviewStatus::needs_info),
                     .note = s.text(4),
                     .reviewer = s.text(5),
                     .decided_at = parse_time(s.text(6)),
                     .evidence_fingerprint = s.text(7)};
    out.push_back(std::move(d));
  }
  return out;
}

std::string reviewer_from_environment() {
  for (const char* var : {"AISWATCH_REVIEWER", "USER", "LOGNAME"}) {
    const char* v = std::getenv(var);
    if (v && *v) return v;
  }
  return "unknown";
}

}  // namespace aiswatch::report
