// Format detection from content, never from the file name: the first records decide.
#include <algorithm>
#include <array>

#include "aiswatch/watchlists/load.hpp"
#include "csv_reader.hpp"
#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists {
namespace {

using detail::iequals;
using detail::trim;

constexpr std::size_t kRecordsToLook = 5;  // a damaged first row must not hide the format

bool all_digits(std::string_view s) {
  s = trim(s);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looks_like_sdn_row(const std::vector<std::string>& f) {
  if (f.size() != 12 || !all_digits(f[0])) return false;
  const std::string_view type = trim(f[2]);
  for (const std::string_view t : {"vessel", "individual", "entity", "aircraft", "-0-"})
    if (iequals(type, t)) return true;
  return false;
}

bool looks_like_alt_row(const std::vector<std::string>& f) {
  if (f.size() != 5 || !all_digits(f[0]) || !all_digits(f[1])) return false;
  const std::string_view type = trim(f[2]);
  return iequals(type, "aka") || iequals(type, "fka") || iequals(type, "nka");
}

bool looks_like_uk_header(const std::vector<std::string>& f) {
  const auto has = [&](std::string_view name) {
    return std::any_of(f.begin(), f.end(), [&](const std::string& x) { return trim(x) == name; });
  };
  return has("Unique ID") && has("Designation Type");
}

bool looks_like_team_header(const std::vector<std::string>& f) {
  const auto has = [&](std::string_view name) {
    return std::any_of(f.begin(), f.end(), [&](const std::string& x) { return iequals(trim(x), name); });
  };
  return (has("imo") || has("mmsi") || has("name")) && detail::team_csv_known_columns(f) >= 2;
}

}  // namespace

std::optional<ListFormat> detect_format(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  const std::string_view head = trim(text.substr(0, 4096));
  if (head.empty()) return std::nullopt;
  if (head.front() == '<') {
    if (text.substr(0, 65536).find("<CONSOLIDATED_LIST") != std::string_view::npos) return ListFormat::un_consolidated_xml;
    return std::nullopt;
  }
  if (head.front() == '{') {
    // FtM lines can be long (many properties): look through the whole first line, up to 1 MB.
    const std::string_view body = text.substr(text.find('{'));
    const std::string_view first_line = body.substr(0, std::min(body.find('\n'), std::size_t{1} << 20));
    if (first_line.find("\"schema\"") != std::string_view::npos) return ListFormat::opensanctions_ftm;
    return std::nullopt;
  }
  detail::CsvReader csv(text, detail::QuotedLineBreaks::end_record);
  detail::CsvRecord rec;
  for (std::size_t n = 0; n < kRecordsToLook && csv.next(rec) != detail::CsvStatus::end; ++n) {
    if (looks_like_uk_header(rec.fields)) return ListFormat::uk_sanctions_list;
    if (n == 0 && looks_like_team_header(rec.fields)) return ListFormat::team_csv;
    if (looks_like_sdn_row(rec.fields)) return ListFormat::ofac_sdn;
    if (looks_like_alt_row(rec.fields)) return ListFormat::ofac_alt;
  }
  return std::nullopt;
}

}  // namespace aiswatch::watchlists
