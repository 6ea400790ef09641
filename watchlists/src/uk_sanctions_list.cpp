// UK Sanctions List CSV (FCDO, UK-Sanctions-List.csv): a "Report Date: 03-May-2024" preamble, then a
// 58-column header and one row per name (and per address) of each designation. Ships have Designation
// Type "Ship"; a designation's rows share its Unique ID and are merged into one entry:
//   Name 6 (+ Name 1..5)  name; Name type "Primary name" / "Primary name variation" / "Alias"
//   IMO number            "IMO9179842" or "9179842"
//   Current believed flag of ship, Previous flags ("(1) Malta (2) Tuvalu")
//   Regime Name           program; Date Designated dd/mm/yyyy; Type of ship
// The header is found by content in the first lines, so a longer or missing preamble still loads.
#include <algorithm>
#include <array>
#include <unordered_map>

#include <fmt/format.h>

#include "csv_reader.hpp"
#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {
namespace {

// The published header, in order (checked against the 2024 and 2025 files' layout).
constexpr std::array<std::string_view, 58> kUkColumns = {
    "Last Updated", "Unique ID", "OFSI Group ID", "UN Reference Number", "Name 6", "Name 1", "Name 2",
    "Name 3", "Name 4", "Name 5", "Name type", "Alias strength", "Title", "Name non-latin script",
    "Non-latin script type", "Non-latin script language", "Regime Name", "Designation Type",
    "Designation source", "Sanctions Imposed", "Other Information", "UK Statement of Reasons",
    "Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5",
    "Address Line 6", "Address Postal Code", "Address Country", "Phone number", "Website", "Email address",
    "Date Designated", "D.O.B", "Nationality(/ies)", "National Identifier number",
    "National Identifier additional information", "Passport number", "Passport additional information",
    "Position", "Gender", "Town of birth", "Country of birth", "Type of entity", "Subsidiaries",
    "Parent company", "Business registration number (s)", "IMO number", "Current owner/operator (s)",
    "Previous owner/operator (s)", "Current believed flag of ship", "Previous flags", "Type of ship",
    "Tonnage of ship", "Length of ship", "Year Built", "Hull identification number (HIN)"};

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);
constexpr std::size_t kHeaderSearchRecords = 5;

struct Columns {
  std::size_t unique_id = kNoColumn, designation_type = kNoColumn, name_type = kNoColumn;
  std::array<std::size_t, 6> names{kNoColumn, kNoColumn, kNoColumn, kNoColumn, kNoColumn, kNoColumn};  // Name 1..6
  std::size_t regime = kNoColumn, date_designated = kNoColumn, imo = kNoColumn, flag = kNoColumn;
  std::size_t previous_flags = kNoColumn, ship_type = kNoColumn;
};

bool is_header(const std::vector<std::string>& fields) {
  bool id = false, type = false;
  for (const auto& f : fields) {
    id = id || trim(f) == "Unique ID";
    type = type || trim(f) == "Designation Type";
  }
  return id && type;
}

// "24/02/2022" or "24/02/2022 00:00:00" -> "2022-02-24"; "" when it is not a date.
std::string iso_date(std::string_view ddmmyyyy) {
  ddmmyyyy = trim(ddmmyyyy);
  if (ddmmyyyy.size() < 10 || ddmmyyyy[2] != '/' || ddmmyyyy[5] != '/') return {};
  const auto d = parse_uint(ddmmyyyy.substr(0, 2)), m = parse_uint(ddmmyyyy.substr(3, 2));
  const auto y = parse_uint(ddmmyyyy.substr(6, 4));
  if (!d || !m || !y || *d < 1 || *d > 31 || *m < 1 || *m > 12) return {};
  return fmt::format("{:04}-{:02}-{:02}", *y, *m, *d);
}

// "(1) Malta (2) Tuvalu", "Malta; Tuvalu", "Malta|Tuvalu" or one name.
std::vector<std::string_view> split_flags(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const bool numbered = i + 2 < s.size() && s[i] == '(' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
                          s.find(')', i) != std::string_view::npos;
    if (i == s.size() || s[i] == ';' || s[i] == '|' || numbered) {
      if (const auto one = trim(s.substr(start, i - start)); !one.empty()) out.push_back(one);
      if (numbered) i = s.find(')', i);
      start = i + 1;
    }
  }
  return out;
}

struct Designation {
  WatchlistEntry entry;
  std::size_t line = 0;       // its first row
  bool has_primary = false;
  bool imo_read = false;      // ship fields are read from the first row that has them, and reported once
  bool flags_read = false;
};

}  // namespace

void parse_uk_sanctions_list(std::string_view text, ParseContext& ctx, ParsedFile& out) {
  CsvReader csv(text);
  CsvRecord rec;
  std::vector<std::string> header;
  for (std::size_t n = 0; n < kHeaderSearchRecords && csv.next(rec) == CsvStatus::record; ++n) {
    if (is_header(rec.fields)) {
      header = rec.fields;
      break;
    }
  }
  if (header.empty()) {
    ctx.skip(rec.line, LoadProblem::missing_column, "no header with 'Unique ID' and 'Designation Type'");
    return;
  }
  const std::size_t header_line = rec.line;

  Columns col;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view h = trim(header[i]);
    if (std::find(kUkColumns.begin(), kUkColumns.end(), h) == kUkColumns.end()) {
      ctx.problem(header_line, LoadProblem::unknown_column, fmt::format("column '{}' ignored", printable(h)));
    }
    if (h == "Unique ID") col.unique_id = i;
    else if (h == "Designation Type") col.designation_type = i;
    else if (h == "Name type") col.name_type = i;
    else if (h.size() == 6 && h.substr(0, 5) == "Name " && h[5] >= '1' && h[5] <= '6') col.names[h[5] - '1'] = i;
    else if (h == "Regime Name") col.regime = i;
    else if (h == "Date Designated") col.date_designated = i;
    else if (h == "IMO number") col.imo = i;
    else if (h == "Current believed flag of ship") col.flag = i;
    else if (h == "Previous flags") col.previous_flags = i;
    else if (h == "Type of ship") col.ship_type = i;
  }
  for (const auto& [index, name] : {std::pair{col.names[5], "Name 6"}, std::pair{col.imo, "IMO number"},
                                    std::pair{col.regime, "Regime Name"}}) {
    if (index == kNoColumn) ctx.problem(header_line, LoadProblem::missing_column, fmt::format("no '{}' column", name));
  }

  std::vector<Designation> ships;
  std::unordered_map<std::string, std::size_t> by_id;
  for (CsvStatus status; (status = csv.next(rec)) != CsvStatus::end;) {
    ++ctx.stats().records;
    if (status == CsvStatus::unterminated_quote) {
      ctx.skip(rec.line, LoadProblem::truncated_row, "file ends inside a quoted field");
      continue;
    }
    if (rec.fields.size() != header.size()) {
      ctx.skip(rec.line, LoadProblem::wrong_field_count,
               fmt::format("{} fields, the header has {}", rec.fields.size(), header.size()));
      continue;
    }
    const auto field = [&](std::size_t index) -> std::string {
      return index == kNoColumn ? std::string{} : ctx.utf8_field(trim(rec.fields[index]), rec.line);
    };
    if (!iequals(field(col.designation_type), "Ship")) {
      ++ctx.stats().not_vessels;
      continue;
    }
    const std::string id = field(col.unique_id);
    if (id.empty()) {
      ctx.skip(rec.line, LoadProblem::bad_id, "ship row without a Unique ID");
      continue;
    }
    auto [it, inserted] = by_id.try_emplace(id, ships.size());
    if (inserted) {
      ships.emplace_back();
      ships.back().entry.list = "UK";
      ships.back().entry.entry_id = id;
      ships.back().entry.source = ctx.source(rec.line);
      ships.back().line = rec.line;
    }
    Designation& d = ships[it->second];
    WatchlistEntry& e = d.entry;

    std::string name;
    for (const std::size_t index : col.names) {
      if (const std::string part = field(index); !part.empty()) name += (name.empty() ? "" : " ") + part;
    }
    const std::string name_type = field(col.name_type);
    if (!name.empty()) {
      const bool primary = iequals(name_type, "Primary name") || (name_type.empty() && e.name.empty());
      if (primary && !d.has_primary) {
        if (!e.name.empty()) e.aliases.push_back({std::move(e.name), AliasKind::aka});
        e.name = std::move(name);
        d.has_primary = true;
      } else if (name != e.name) {
        if (e.name.empty()) e.name = std::move(name);
        else if (std::none_of(e.aliases.begin(), e.aliases.end(), [&](const EntryAlias& a) { return a.name == name; }))
          e.aliases.push_back({std::move(name), AliasKind::aka});
      }
    }
    if (const std::string imo = field(col.imo); !d.imo_read && !imo.empty()) {
      d.imo_read = true;
      ctx.take_imo(imo, rec.line, e);
    }
    const std::string flag = field(col.flag), previous = field(col.previous_flags);
    if (!d.flags_read && (!flag.empty() || !previous.empty())) {
      d.flags_read = true;
      if (const auto current = split_flags(flag); !current.empty()) e.flag = ctx.country(current.front(), rec.line);
      for (const auto one : split_flags(previous)) {
        std::string iso2 = ctx.country(one, rec.line);
        if (!iso2.empty() && std::find(e.other_flags.begin(), e.other_flags.end(), iso2) == e.other_flags.end())
          e.other_flags.push_back(std::move(iso2));
      }
    }
    if (std::string regime = field(col.regime);
        !regime.empty() && std::find(e.programs.begin(), e.programs.end(), regime) == e.programs.end()) {
      e.programs.push_back(std::move(regime));
    }
    if (const std::string date = iso_date(field(col.date_designated));
        !date.empty() && (e.listed_on.empty() || date < e.listed_on)) {
      e.listed_on = date;
    }
    if (e.vessel_type.empty()) e.vessel_type = field(col.ship_type);
  }

  for (Designation& d : ships) {
    if (!has_identity(d.entry)) {
      ctx.skip(d.line, LoadProblem::missing_identity,
               fmt::format("ship {} has no name or IMO number", printable(d.entry.entry_id)));
      continue;
    }
    out.entries.push_back(std::move(d.entry));
    ++ctx.stats().entries;
  }
}

}  // namespace aiswatch::watchlists::detail
