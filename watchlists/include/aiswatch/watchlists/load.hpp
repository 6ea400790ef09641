// load.hpp — read sanctions-list files in their published formats, detected from content.
//
// Bad rows are skipped and reported (file:line and a reason) while the rest loads; a file that can't
// be used at all (missing, unreadable, empty, unknown format) throws WatchlistError naming it.
// OFAC's alt.csv (aliases) attaches to SDN entries by ent_num when both files are given, in any order:
//   LoadedWatchlist wl = load_watchlists({"sdn.csv", "alt.csv", "team.csv"});
//   for (const LoadIssue& i : wl.report.issues) log(to_string(i));   // "sdn.csv:17: wrong field count: …"
//   WatchlistIndex index(std::move(wl.entries));
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/watchlists/entry.hpp"

namespace aiswatch::watchlists {

// A file that can't be used at all; the message names the file (and line when there is one).
class WatchlistError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Why a row (or one of its fields) was not taken as it stood.
enum class LoadProblem : std::uint8_t {
  truncated_row,       // the file ends inside a quoted field or an element
  wrong_field_count,   // a CSV row with fewer or more fields than the format has
  bad_encoding,        // bytes that are not valid UTF-8 (decoded as latin-1), or UTF-8 in a latin-1 file
  bad_json,            // a JSON line that does not parse or is not an entity object
  bad_xml,             // malformed XML (mismatched or unterminated tag)
  bad_id,              // an entry id that is missing or not the number the format has
  missing_identity,    // a vessel row without name, IMO or MMSI
  bad_imo,             // an IMO that is not 7 digits (field dropped)
  imo_check_digit,     // an IMO whose check digit is wrong (kept, never matched)
  bad_mmsi,            // an MMSI that is not 9 digits (field dropped)
  unknown_country,     // a flag that is neither a known country name nor an ISO alpha-2 code
  unknown_column,      // a header column the format does not have (ignored)
  missing_column,      // a header without a column the format needs
  orphan_alias,        // an OFAC alt.csv row whose ent_num matches no loaded SDN vessel
  bad_alias_row,       // an alt.csv row with an unknown alt_type or no name
};
inline constexpr std::size_t kLoadProblemCount = 16;

const char* to_string(LoadProblem p) noexcept;

struct LoadIssue {
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when the issue is about the whole file
  LoadProblem problem = LoadProblem::wrong_field_count;
  bool row_skipped = false;  // true: nothing of the row was loaded; false: a field was dropped or kept
  std::string detail;        // printable ASCII (list text is escaped), at most ~120 characters
};

// "file:line: problem: detail" (printable; list text already escaped).
std::string to_string(const LoadIssue& issue);

struct FileReport {
  std::string file;
  ListFormat format = ListFormat::team_csv;
  std::size_t records = 0;         // rows / JSON lines / XML records read
  std::size_t entries = 0;         // vessel entries loaded from this file
  std::size_t not_vessels = 0;     // records that are people, companies, … (not an error)
  std::size_t skipped = 0;         // records dropped because of a problem
  std::size_t aliases = 0;         // alt.csv rows read (ofac_alt only)
  std::size_t aliases_attached = 0;
};

// "sdn.csv: OFAC SDN CSV, 851 entries from 851 records (0 skipped, 0 not vessels)" — for the CLI's stderr.
std::string to_string(const FileReport& file);

struct LoadReport {
  static constexpr std::size_t kMaxStoredIssues = 1000;  // a hostile file can't fill memory with issues

  std::vector<FileReport> files;
  std::vector<LoadIssue> issues;  // the first kMaxStoredIssues; the counts cover all of them
  std::size_t issue_count = 0;
  std::size_t rows_skipped = 0;

  void add(LoadIssue issue);  // counts it; stores it while there is room
  std::size_t count(LoadProblem p) const noexcept;

 private:
  std::array<std::size_t, kLoadProblemCount> counts_{};
};

struct LoadedWatchlist {
  std::vector<WatchlistEntry> entries;
  LoadReport report;
};

// Which format `text` is in, judged from its first records; nullopt when none fits.
std::optional<ListFormat> detect_format(std::string_view text);

// Collects several files, then joins OFAC alt.csv rows to SDN entries by ent_num.
class WatchlistLoader {
 public:
  WatchlistLoader();
  ~WatchlistLoader();
  WatchlistLoader(const WatchlistLoader&) = delete;
  WatchlistLoader& operator=(const WatchlistLoader&) = delete;

  // Throws WatchlistError when the file is missing, unreadable, empty or of no known format.
  void add_file(const std::filesystem::path& path);
  // Same, from memory; `name` stands for the file in issues and entry sources.
  void add_text(std::string_view text, std::string name);

  // Attaches aliases, reports orphans and hands everything over; the loader is empty afterwards.
  LoadedWatchlist finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

LoadedWatchlist load_watchlist(const std::filesystem::path& path);
LoadedWatchlist load_watchlists(std::span<const std::filesystem::path> paths);

}  // namespace aiswatch::watchlists
