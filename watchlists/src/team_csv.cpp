// A team's own list: UTF-8 CSV with a header naming its columns, in any order:
//   imo,mmsi,name,callsign,flag,list,program,note
// Each row needs an IMO, an MMSI or a name. `list` defaults to the file's name without extension;
// `program` may hold several programs separated by ';'; `flag` is an alpha-2 code or a country name.
// Unknown columns are reported and ignored.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "csv_reader.hpp"
#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {
namespace {

enum TeamColumn : std::size_t { imo, mmsi, name, callsign, flag, list, program, note, kTeamColumnCount };
constexpr std::array<std::string_view, kTeamColumnCount> kTeamColumns = {"imo", "mmsi", "name", "callsign",
                                                                         "flag", "list", "program", "note"};
constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

std::string list_name_from(std::string_view file) {
  std::string base = base_name(file);
  if (const auto dot = base.rfind('.'); dot != std::string::npos && dot > 0) base.erase(dot);
  return base;
}

}  // namespace

std::size_t team_csv_known_columns(const std::vector<std::string>& header) {
  std::size_t known = 0;
  for (const auto& h : header) {
    known += std::any_of(kTeamColumns.begin(), kTeamColumns.end(),
                         [&](std::string_view c) { return iequals(c, trim(h)); }) ? 1 : 0;
  }
  return known;
}

void parse_team_csv(std::string_view text, ParseContext& ctx, ParsedFile& out) {
  CsvReader csv(text);
  CsvRecord rec;
  if (csv.next(rec) != CsvStatus::record) return;
  const std::size_t header_line = rec.line;
  const std::vector<std::string> header = rec.fields;
  std::array<std::size_t, kTeamColumnCount> col;
  col.fill(kNoColumn);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view h = trim(header[i]);
    const auto known = std::find_if(kTeamColumns.begin(), kTeamColumns.end(), [&](std::string_view c) { return iequals(c, h); });
    if (known == kTeamColumns.end()) {
      ctx.problem(header_line, LoadProblem::unknown_column, fmt::format("column '{}' ignored", printable(h)));
    } else {
      col[static_cast<std::size_t>(known - kTeamColumns.begin())] = i;
    }
  }
  const std::string default_list = list_name_from(ctx.file());

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
    const auto field = [&](TeamColumn c) -> std::string {
      return col[c] == kNoColumn ? std::string{} : ctx.utf8_field(trim(rec.fields[col[c]]), rec.line);
    };
    WatchlistEntry e;
    e.list = field(list);
    if (e.list.empty()) e.list = default_list;
    e.entry_id = fmt::format("{}:{}", base_name(ctx.file()), rec.line);
    e.name = field(name);
    ctx.take_imo(field(imo), rec.line, e);
    ctx.take_mmsi(field(mmsi), rec.line, e);
    if (std::string cs = field(callsign); !cs.empty()) e.callsigns.push_back(std::move(cs));
    e.flag = ctx.country(field(flag), rec.line);
    const std::string programs = field(program);
    for (std::string_view rest = programs; !rest.empty();) {
      const auto semi = rest.find(';');
      if (const auto one = trim(rest.substr(0, semi)); !one.empty()) e.programs.emplace_back(one);
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    }
    e.note = field(note);
    e.source = ctx.source(rec.line);
    if (!has_identity(e)) {
      ctx.skip(rec.line, LoadProblem::missing_identity, "row without name, IMO or MMSI");
      continue;
    }
    out.entries.push_back(std::move(e));
    ++ctx.stats().entries;
  }
}

}  // namespace aiswatch::watchlists::detail
