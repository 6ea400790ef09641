#include <fmt/format.h>

#include "aiswatch/watchlists/entry.hpp"
#include "aiswatch/watchlists/load.hpp"

namespace aiswatch::watchlists {

const char* to_string(ListFormat f) noexcept {
  switch (f) {
    case ListFormat::ofac_sdn: return "OFAC SDN CSV";
    case ListFormat::ofac_alt: return "OFAC alt.csv";
    case ListFormat::uk_sanctions_list: return "UK Sanctions List CSV";
    case ListFormat::un_consolidated_xml: return "UN consolidated XML";
    case ListFormat::opensanctions_ftm: return "OpenSanctions FtM JSON lines";
    case ListFormat::team_csv: return "team CSV";
  }
  return "unknown";
}

const char* to_string(LoadProblem p) noexcept {
  switch (p) {
    case LoadProblem::truncated_row: return "truncated row";
    case LoadProblem::wrong_field_count: return "wrong field count";
    case LoadProblem::bad_encoding: return "bad encoding";
    case LoadProblem::bad_json: return "bad JSON";
    case LoadProblem::bad_xml: return "bad XML";
    case LoadProblem::bad_id: return "bad entry id";
    case LoadProblem::missing_identity: return "no name, IMO or MMSI";
    case LoadProblem::bad_imo: return "bad IMO";
    case LoadProblem::imo_check_digit: return "IMO check digit";
    case LoadProblem::bad_mmsi: return "bad MMSI";
    case LoadProblem::unknown_country: return "unknown country";
    case LoadProblem::unknown_column: return "unknown column";
    case LoadProblem::missing_column: return "missing column";
    case LoadProblem::orphan_alias: return "alias without entry";
    case LoadProblem::bad_alias_row: return "bad alias row";
  }
  return "unknown";
}

std::string to_string(const LoadIssue& issue) {
  if (issue.line == 0) return fmt::format("{}: {}: {}", issue.file, to_string(issue.problem), issue.detail);
  return fmt::format("{}:{}: {}: {}{}", issue.file, issue.line, to_string(issue.problem), issue.detail,
                     issue.row_skipped ? " (row skipped)" : "");
}

std::string to_string(const FileReport& f) {
  if (f.format == ListFormat::ofac_alt) {
    return fmt::format("{}: {}, {} alias rows, {} attached ({} skipped)", f.file, to_string(f.format), f.aliases,
                       f.aliases_attached, f.skipped);
  }
  return fmt::format("{}: {}, {} entries from {} records ({} skipped, {} not vessels)", f.file, to_string(f.format),
                     f.entries, f.records, f.skipped, f.not_vessels);
}

void LoadReport::add(LoadIssue issue) {
  ++issue_count;
  ++counts_[static_cast<std::size_t>(issue.problem)];
  if (issue.row_skipped) ++rows_skipped;
  if (issues.size() < kMaxStoredIssues) issues.push_back(std::move(issue));
}

std::size_t LoadReport::count(LoadProblem p) const noexcept { return counts_[static_cast<std::size_t>(p)]; }

}  // namespace aiswatch::watchlists
