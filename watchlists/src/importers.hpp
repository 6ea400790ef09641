// importers.hpp — one parse function per list format, and what they share (private to watchlists/).
//
// Each parser reads a whole file's bytes, appends entries to ParsedFile and reports problems through
// ParseContext; none of them throws for bad rows (load.cpp throws for unusable files).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "aiswatch/watchlists/entry.hpp"
#include "aiswatch/watchlists/load.hpp"

namespace aiswatch::watchlists::detail {

// An alt.csv row, joined to its SDN entry by ent_num once every file is read.
struct OfacAliasRow {
  std::uint32_t ent_num = 0;
  EntryAlias alias;
  std::string file;
  std::size_t line = 0;
};

struct ParsedFile {
  std::vector<WatchlistEntry> entries;
  std::vector<OfacAliasRow> ofac_aliases;
  std::unordered_set<std::uint32_t> ofac_non_vessels;  // SDN ent_nums of people/companies (their aliases are not orphans)
};

class ParseContext {
 public:
  ParseContext(std::string file, LoadReport& report, FileReport& file_report)
      : file_(std::move(file)), report_(report), stats_(file_report) {}

  const std::string& file() const noexcept { return file_; }
  FileReport& stats() noexcept { return stats_; }
  std::string source(std::size_t line) const;

  void problem(std::size_t line, LoadProblem p, std::string detail);  // a field dropped or kept with a warning
  void skip(std::size_t line, LoadProblem p, std::string detail);     // the whole record dropped

  // Parse helpers that report what they cannot take. Empty input means "not given": no issue.
  void take_imo(std::string_view raw, std::size_t line, WatchlistEntry& e);
  void take_mmsi(std::string_view raw, std::size_t line, WatchlistEntry& e);
  std::string country(std::string_view raw, std::size_t line);  // alpha-2, "" when none or unknown

  // Text in a UTF-8 format: invalid bytes are decoded as latin-1 and reported once per record.
  std::string utf8_field(std::string_view raw, std::size_t line);

 private:
  std::string file_;
  LoadReport& report_;
  FileReport& stats_;
  std::size_t last_encoding_line_ = 0;
};

// Returns true when a record has a name, IMO or MMSI (otherwise it is skipped with missing_identity).
bool has_identity(const WatchlistEntry& e) noexcept;

void parse_ofac_sdn(std::string_view text, ParseContext& ctx, ParsedFile& out);
void parse_ofac_alt(std::string_view text, ParseContext& ctx, ParsedFile& out);
void parse_uk_sanctions_list(std::string_view text, ParseContext& ctx, ParsedFile& out);
void parse_un_consolidated_xml(std::string_view text, ParseContext& ctx, ParsedFile& out);
void parse_opensanctions_ftm(std::string_view text, ParseContext& ctx, ParsedFile& out);
void parse_team_csv(std::string_view text, ParseContext& ctx, ParsedFile& out);

// How many of the team CSV's column names a header has (format detection).
std::size_t team_csv_known_columns(const std::vector<std::string>& header);

// OFAC Remarks: "Vessel Registration Identification IMO 9179842; MMSI 273382620; f.k.a. 'ALPHA'; …"
void parse_ofac_remarks(std::string_view remarks, std::size_t line, ParseContext& ctx, WatchlistEntry& e);

// IMO numbers quoted in free text ("IMO Number: 5342883", "(IMO) Number: 1790183", "IMO 5434358").
std::vector<std::uint32_t> imo_numbers_in_text(std::string_view text);

}  // namespace aiswatch::watchlists::detail
