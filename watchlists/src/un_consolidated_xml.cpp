// UN Security Council consolidated list XML (<CONSOLIDATED_LIST> with <INDIVIDUALS> and <ENTITIES>).
// The list has no vessel records: designated ships' IMO numbers appear in the free text of an
// ENTITY's COMMENTS1 ("IMO Number: 5342883", "(IMO) Number: 1790183", "Company Number IMO 5434358").
// Each IMO found there becomes an entry named after the entity, with its REFERENCE_NUMBER as id and
// UN_LIST_TYPE as program. Such numbers are often the company's own IMO number, so these entries are
// marked imo_from_free_text and their names are not matched as ship names.
#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "importers.hpp"
#include "text.hpp"
#include "xml_scanner.hpp"

namespace aiswatch::watchlists::detail {
namespace {

struct UnRecord {
  std::size_t line = 0;
  bool is_entity = false;
  std::array<std::string, 4> names;  // FIRST_NAME .. FOURTH_NAME
  std::string reference, list_type, listed_on, comments;
  std::vector<std::string> aliases;
};

// Collapses the line breaks and indentation the UN file has inside names.
std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : trim(s)) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

constexpr std::array<std::string_view, 4> kNameElements = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"};

}  // namespace

std::vector<std::uint32_t> imo_numbers_in_text(std::string_view text) {
  std::vector<std::uint32_t> out;
  for (std::size_t at = text.find("IMO"); at != std::string_view::npos; at = text.find("IMO", at + 3)) {
    if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;  // part of a word
    std::size_t i = at + 3;
    // Between "IMO" and the digits: ")", ":", "#", ".", spaces, and the words "Number" / "No".
    for (std::size_t guard = 0; i < text.size() && guard < 8; ++guard) {
      while (i < text.size() && std::string_view(" \t\n):#.").find(text[i]) != std::string_view::npos) ++i;
      const std::string_view rest = text.substr(i);
      if (istarts_with(rest, "number")) i += 6;
      else if (istarts_with(rest, "no") && (rest.size() == 2 || !std::isalpha(static_cast<unsigned char>(rest[2])))) i += 2;
      else break;
    }
    std::size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    if (end - i == 7) {
      if (const auto imo = parse_uint(text.substr(i, 7)); imo && std::find(out.begin(), out.end(), *imo) == out.end())
        out.push_back(*imo);
    }
  }
  return out;
}

void parse_un_consolidated_xml(std::string_view text, ParseContext& ctx, ParsedFile& out) {
  XmlScanner xml(text);
  std::vector<std::pair<std::string, std::size_t>> open;  // element names and their lines
  UnRecord rec;
  bool in_record = false;
  std::size_t record_depth = 0;
  std::string* target = nullptr;  // the buffer the current text belongs to
  std::string alias;

  const auto finish_record = [&] {
    ++ctx.stats().records;
    const std::vector<std::uint32_t> imos = rec.is_entity ? imo_numbers_in_text(rec.comments) : std::vector<std::uint32_t>{};
    if (imos.empty()) {
      ++ctx.stats().not_vessels;
      return;
    }
    std::string name;
    for (const std::string& part : rec.names) {
      if (const std::string p = squeeze(part); !p.empty()) name += (name.empty() ? "" : " ") + p;
    }
    for (const std::uint32_t imo : imos) {
      WatchlistEntry e;
      e.list = "UN";
      e.entry_id = squeeze(rec.reference);
      e.name = ctx.utf8_field(name, rec.line);
      if (const std::string program = squeeze(rec.list_type); !program.empty()) e.programs.push_back(program);
      for (const std::string& a : rec.aliases) e.aliases.push_back({ctx.utf8_field(a, rec.line), AliasKind::aka});
      e.listed_on = squeeze(rec.listed_on);
      e.name_is_vessel_name = false;
      e.imo_from_free_text = true;
      e.source = ctx.source(rec.line);
      ctx.take_imo(std::to_string(imo), rec.line, e);
      out.entries.push_back(std::move(e));
      ++ctx.stats().entries;
    }
  };

  for (XmlToken t = xml.next();; t = xml.next()) {
    if (t == XmlToken::error) {
      ctx.skip(xml.line(), LoadProblem::bad_xml, fmt::format("{}; the rest of the file is not read", printable(xml.error(), 80)));
      return;
    }
    if (t == XmlToken::eof) break;
    if (t == XmlToken::text) {
      if (target) *target += xml.text();
      continue;
    }
    if (t == XmlToken::start) {
      const std::string_view name = xml.name();
      open.emplace_back(std::string(name), xml.line());
      target = nullptr;
      if (!in_record && (name == "ENTITY" || name == "INDIVIDUAL")) {
        in_record = true;
        record_depth = open.size();
        rec = UnRecord{.line = xml.line(), .is_entity = name == "ENTITY"};
      } else if (in_record && open.size() == record_depth + 1) {
        const auto n = std::find(kNameElements.begin(), kNameElements.end(), name);
        if (n != kNameElements.end()) target = &rec.names[static_cast<std::size_t>(n - kNameElements.begin())];
        else if (name == "REFERENCE_NUMBER") target = &rec.reference;
        else if (name == "UN_LIST_TYPE") target = &rec.list_type;
        else if (name == "LISTED_ON") target = &rec.listed_on;
        else if (name == "COMMENTS1") target = &rec.comments;
      } else if (in_record && name == "ALIAS_NAME") {
        alias.clear();
        target = &alias;
      }
      continue;
    }
    // XmlToken::end
    if (open.empty() || open.back().first != xml.name()) {
      ctx.skip(xml.line(), LoadProblem::bad_xml,
               fmt::format("</{}> does not close <{}>; the rest of the file is not read", printable(xml.name()),
                           open.empty() ? std::string{} : printable(open.back().first)));
      return;
    }
    if (in_record && xml.name() == "ALIAS_NAME") {
      if (std::string a = squeeze(alias); !a.empty()) rec.aliases.push_back(std::move(a));
    }
    if (in_record && open.size() == record_depth) {
      finish_record();
      in_record = false;
    }
    open.pop_back();
    target = nullptr;
  }
  if (!open.empty()) {
    const auto& [element, line] = in_record ? open[record_depth - 1] : open.back();
    ctx.skip(line, LoadProblem::truncated_row, fmt::format("file ends inside <{}> opened here", printable(element)));
  }
}

}  // namespace aiswatch::watchlists::detail
