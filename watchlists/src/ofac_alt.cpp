// OFAC alt.csv: one alias per row, joined to its sdn.csv entity by ent_num (load.cpp does the join).
//   ent_num, alt_num, alt_type ("aka", "fka", "nka"), alt_name, alt_remarks
// Same conventions as sdn.csv: no header, "-0- " for null, latin-1, CRLF.
#include <fmt/format.h>

#include "csv_reader.hpp"
#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {

void parse_ofac_alt(std::string_view text, ParseContext& ctx, ParsedFile& out) {
  constexpr std::size_t kAltFields = 5;
  CsvReader csv(text, QuotedLineBreaks::end_record);
  CsvRecord rec;
  for (CsvStatus status; (status = csv.next(rec)) != CsvStatus::end;) {
    ++ctx.stats().records;
    if (status == CsvStatus::unterminated_quote) {
      ctx.skip(rec.line, LoadProblem::truncated_row,
               fmt::format("row ends inside a quoted field after {} of {} fields", rec.fields.size(), kAltFields));
      continue;
    }
    if (rec.fields.size() != kAltFields) {
      ctx.skip(rec.line, LoadProblem::wrong_field_count,
               fmt::format("{} fields, expected {}", rec.fields.size(), kAltFields));
      continue;
    }
    const auto ent = parse_uint(trim(rec.fields[0]));
    if (!ent) {
      ctx.skip(rec.line, LoadProblem::bad_id, fmt::format("ent_num '{}' is not a number", printable(rec.fields[0])));
      continue;
    }
    const std::string_view type = trim(rec.fields[2]);
    AliasKind kind = AliasKind::aka;
    if (iequals(type, "fka")) {
      kind = AliasKind::fka;
    } else if (!iequals(type, "aka") && !iequals(type, "nka")) {
      ctx.skip(rec.line, LoadProblem::bad_alias_row, fmt::format("alt_type '{}' is not aka/fka/nka", printable(type)));
      continue;
    }
    const std::string_view raw_name = trim(rec.fields[3]);
    if (raw_name.empty() || raw_name == "-0-") {
      ctx.skip(rec.line, LoadProblem::bad_alias_row, "alias row without alt_name");
      continue;
    }
    bool was_latin1 = false;
    out.ofac_aliases.push_back({.ent_num = *ent,
                                .alias = {to_utf8(raw_name, was_latin1), kind},
                                .file = ctx.file(),
                                .line = rec.line});
    ++ctx.stats().aliases;
  }
}

}  // namespace aiswatch::watchlists::detail
