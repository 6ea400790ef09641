// OFAC SDN list, sdn.csv exactly as Treasury publishes it: no header, 12 columns
//   ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
//   Vess_owner, Remarks
// "-0- " for null, latin-1, CRLF, several programs packed as "IRAN] [NPWMD". Only SDN_Type "vessel"
// rows become entries; IMO, MMSI and former names live in Remarks (ofac_remarks.cpp).
#include <fmt/format.h>

#include "csv_reader.hpp"
#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {
namespace {

constexpr std::size_t kSdnFields = 12;
enum SdnField : std::size_t { ent_num, sdn_name, sdn_type, program, title, call_sign, vess_type, tonnage, grt,
                              vess_flag, vess_owner, remarks };

std::string_view null_to_empty(std::string_view field) {
  field = trim(field);
  return field == "-0-" ? std::string_view{} : field;
}

// "IRAN] [NPWMD] [IFSR" -> IRAN, NPWMD, IFSR.
std::vector<std::string> split_programs(std::string_view packed) {
  std::vector<std::string> out;
  while (!packed.empty()) {
    const auto sep = packed.find("] [");
    std::string_view one = trim(packed.substr(0, sep));
    while (!one.empty() && (one.front() == '[' || one.front() == ' ')) one.remove_prefix(1);
    while (!one.empty() && (one.back() == ']' || one.back() == ' ')) one.remove_suffix(1);
    if (!one.empty()) out.emplace_back(one);
    if (sep == std::string_view::npos) break;
    packed.remove_prefix(sep + 3);
  }
  return out;
}

// Treasury's files are latin-1; a file re-saved as UTF-8 is read as UTF-8. A file mixing both is
// reported once (each field is still decoded by what it is).
class OfacText {
 public:
  explicit OfacText(ParseContext& ctx) : ctx_(ctx) {}

  std::string decode(std::string_view raw, std::size_t line) {
    bool ascii = true;
    for (const char c : raw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(raw);
    const bool utf8 = is_valid_utf8(raw);
    (utf8 ? seen_utf8_ : seen_latin1_) = true;
    if (seen_utf8_ && seen_latin1_ && !reported_) {
      reported_ = true;
      ctx_.problem(line, LoadProblem::bad_encoding,
                   fmt::format("file mixes UTF-8 and latin-1 text ('{}'); each field decoded as what it is",
                               printable(raw, 40)));
    }
    return utf8 ? std::string(raw) : latin1_to_utf8(raw);
  }

 private:
  ParseContext& ctx_;
  bool seen_utf8_ = false;
  bool seen_latin1_ = false;
  bool reported_ = false;
};

}  // namespace

void parse_ofac_sdn(std::string_view text, ParseContext& ctx, ParsedFile& out) {
  CsvReader csv(text, QuotedLineBreaks::end_record);
  CsvRecord rec;
  OfacText decode(ctx);
  for (CsvStatus status; (status = csv.next(rec)) != CsvStatus::end;) {
    ++ctx.stats().records;
    if (status == CsvStatus::unterminated_quote) {
      ctx.skip(rec.line, LoadProblem::truncated_row,
               fmt::format("row ends inside a quoted field after {} of {} fields", rec.fields.size(), kSdnFields));
      continue;
    }
    if (rec.fields.size() != kSdnFields) {
      ctx.skip(rec.line, LoadProblem::wrong_field_count,
               fmt::format("{} fields, expected {}", rec.fields.size(), kSdnFields));
      continue;
    }
    const auto& f = rec.fields;
    const auto id = parse_uint(trim(f[ent_num]));
    if (!id) {
      ctx.skip(rec.line, LoadProblem::bad_id, fmt::format("ent_num '{}' is not a number", printable(f[ent_num])));
      continue;
    }
    if (!iequals(null_to_empty(f[sdn_type]), "vessel")) {
      ++ctx.stats().not_vessels;
      out.ofac_non_vessels.insert(*id);
      continue;
    }
    WatchlistEntry e;
    e.list = "OFAC SDN";
    e.entry_id = std::to_string(*id);
    e.name = decode.decode(null_to_empty(f[sdn_name]), rec.line);
    e.programs = split_programs(null_to_empty(f[program]));
    if (const auto cs = null_to_empty(f[call_sign]); !cs.empty()) e.callsigns.push_back(decode.decode(cs, rec.line));
    e.vessel_type = decode.decode(null_to_empty(f[vess_type]), rec.line);
    e.flag = ctx.country(decode.decode(null_to_empty(f[vess_flag]), rec.line), rec.line);
    e.source = ctx.source(rec.line);
    parse_ofac_remarks(decode.decode(null_to_empty(f[remarks]), rec.line), rec.line, ctx, e);
    if (!has_identity(e)) {
      ctx.skip(rec.line, LoadProblem::missing_identity, "vessel row without name, IMO or MMSI");
      continue;
    }
    out.entries.push_back(std::move(e));
    ++ctx.stats().entries;
  }
}

}  // namespace aiswatch::watchlists::detail
