#include "importers.hpp"

#include <fmt/format.h>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/watchlists/country.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {

std::string ParseContext::source(std::size_t line) const { return fmt::format("{}:{}", file_, line); }

void ParseContext::problem(std::size_t line, LoadProblem p, std::string detail) {
  report_.add({.file = file_, .line = line, .problem = p, .row_skipped = false, .detail = std::move(detail)});
}

void ParseContext::skip(std::size_t line, LoadProblem p, std::string detail) {
  ++stats_.skipped;
  report_.add({.file = file_, .line = line, .problem = p, .row_skipped = true, .detail = std::move(detail)});
}

void ParseContext::take_imo(std::string_view raw, std::size_t line, WatchlistEntry& e) {
  raw = trim(raw);
  if (raw.empty() || iequals(raw, "N/A") || iequals(raw, "Unknown")) return;
  const auto imo = parse_imo(raw);
  if (!imo) {
    problem(line, LoadProblem::bad_imo, fmt::format("'{}' is not a 7-digit IMO number (dropped)", printable(raw)));
    return;
  }
  if (!ais::is_valid_imo(*imo)) {
    problem(line, LoadProblem::imo_check_digit,
            fmt::format("IMO {} fails its check digit (kept, never matched)", *imo));
  }
  e.imo = imo;
}

void ParseContext::take_mmsi(std::string_view raw, std::size_t line, WatchlistEntry& e) {
  raw = trim(raw);
  if (raw.empty() || iequals(raw, "N/A")) return;
  const auto mmsi = parse_mmsi(raw);
  if (!mmsi) {
    problem(line, LoadProblem::bad_mmsi, fmt::format("'{}' is not a 9-digit MMSI (dropped)", printable(raw)));
    return;
  }
  e.mmsi = mmsi;
}

std::string ParseContext::country(std::string_view raw, std::size_t line) {
  raw = trim(raw);
  if (is_no_country(raw)) return {};
  if (const auto iso2 = country_to_iso2(raw)) return std::string(*iso2);
  problem(line, LoadProblem::unknown_country, fmt::format("unknown country '{}' (flag dropped)", printable(raw)));
  return {};
}

std::string ParseContext::utf8_field(std::string_view raw, std::size_t line) {
  bool was_latin1 = false;
  std::string text = to_utf8(raw, was_latin1);
  if (was_latin1 && last_encoding_line_ != line) {
    last_encoding_line_ = line;
    problem(line, LoadProblem::bad_encoding, fmt::format("invalid UTF-8 '{}' read as latin-1", printable(raw, 40)));
  }
  return text;
}

bool has_identity(const WatchlistEntry& e) noexcept { return !e.name.empty() || e.imo || e.mmsi; }

}  // namespace aiswatch::watchlists::detail
