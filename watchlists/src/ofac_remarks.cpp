// OFAC SDN Remarks: the only place the list gives a vessel's IMO, MMSI, former names and other flags.
// Parts are separated by "; " and each starts with a fixed phrase (seen in the 2024-05-03 file):
//   Vessel Registration Identification IMO 9179842      (also "... 8606173", "... RS 150443 (Russia)")
//   Identification Number IMO 9339301
//   MMSI 273382620
//   f.k.a. 'ALPHA' / a.k.a. 'SEASTAR III' / n.k.a. 'X'
//   Former Vessel Flag Malta / alt. Former Vessel Flag Tuvalu / Other Vessel Flag Tanzania
//   Other Vessel Call Sign 5IM713
// Everything else ("Linked To: …", "Vessel Year of Build 1984", secondary-sanctions text) is ignored.
#include <fmt/format.h>

#include "aiswatch/ais/imo.hpp"
#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {
namespace {

bool take_prefix(std::string_view& s, std::string_view prefix) noexcept {
  if (!istarts_with(s, prefix)) return false;
  s = trim(s.substr(prefix.size()));
  return true;
}

// The leading run of digits ("9256860 (Russia)" -> "9256860").
std::string_view leading_digits(std::string_view s) noexcept {
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return s.substr(0, n);
}

std::string quoted_name(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '\'') s.remove_prefix(1);
  if (!s.empty() && s.back() == '\'') s.remove_suffix(1);
  return std::string(trim(s));
}

void add_alias(WatchlistEntry& e, std::string name, AliasKind kind) {
  if (name.empty()) return;
  for (const EntryAlias& a : e.aliases)
    if (a.name == name && a.kind == kind) return;
  e.aliases.push_back({std::move(name), kind});
}

void add_registration(std::string_view rest, std::size_t line, ParseContext& ctx, WatchlistEntry& e) {
  if (take_prefix(rest, "IMO")) {
    const auto digits = leading_digits(rest);
    ctx.take_imo(digits.empty() ? rest : digits, line, e);
    return;
  }
  // A bare 7-digit number with a valid check digit is an IMO number written without "IMO"
  // (RYONG GUN BONG: "Vessel Registration Identification 8606173."); anything else is a national
  // registration number (BONU 5: "15411 (Malta)"), which AIS never carries.
  const auto digits = leading_digits(rest);
  if (digits.size() == 7 && digits.size() == trim(rest.substr(0, rest.find('('))).size()) {
    if (const auto imo = parse_imo(digits); imo && ais::is_valid_imo(*imo)) e.imo = imo;
  }
}

}  // namespace

void parse_ofac_remarks(std::string_view remarks, std::size_t line, ParseContext& ctx, WatchlistEntry& e) {
  while (!remarks.empty()) {
    const auto semi = remarks.find(';');
    std::string_view part = trim(remarks.substr(0, semi));
    remarks = semi == std::string_view::npos ? std::string_view{} : remarks.substr(semi + 1);
    if (!part.empty() && part.back() == '.' && !istarts_with(part, "Linked To")) part.remove_suffix(1);
    take_prefix(part, "alt.");

    if (take_prefix(part, "Vessel Registration Identification") || take_prefix(part, "Identification Number")) {
      add_registration(part, line, ctx, e);
    } else if (take_prefix(part, "MMSI")) {
      const auto digits = leading_digits(part);
      ctx.take_mmsi(digits.empty() ? part : digits, line, e);
    } else if (take_prefix(part, "f.k.a.")) {
      add_alias(e, quoted_name(part), AliasKind::fka);
    } else if (take_prefix(part, "a.k.a.") || take_prefix(part, "n.k.a.")) {
      add_alias(e, quoted_name(part), AliasKind::aka);
    } else if (take_prefix(part, "Former Vessel Flag") || take_prefix(part, "Other Vessel Flag")) {
      if (std::string iso2 = ctx.country(part, line); !iso2.empty()) e.other_flags.push_back(std::move(iso2));
    } else if (take_prefix(part, "Other Vessel Call Sign")) {
      if (!part.empty()) e.callsigns.emplace_back(part);
    }
  }
}

}  // namespace aiswatch::watchlists::detail
