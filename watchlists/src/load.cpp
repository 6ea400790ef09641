// Reading list files, dispatching to the importer for their format, and joining OFAC alt.csv aliases
// to their SDN entries by ent_num across files.
#include "aiswatch/watchlists/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>

#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists {

struct WatchlistLoader::State {
  LoadReport report;
  detail::ParsedFile parsed;
  std::size_t sdn_files = 0;
};

namespace {

std::string read_whole_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    throw WatchlistError(fmt::format("watchlist file {}: does not exist", path.string()));
  }
  if (std::filesystem::is_directory(status)) {
    throw WatchlistError(fmt::format("watchlist file {}: is a directory", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw WatchlistError(fmt::format("watchlist file {}: cannot open ({})", path.string(), std::strerror(errno)));
  std::string data;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) data.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw WatchlistError(fmt::format("watchlist file {}: read error", path.string()));
  return data;
}

void parse(ListFormat format, std::string_view text, detail::ParseContext& ctx, detail::ParsedFile& out) {
  switch (format) {
    case ListFormat::ofac_sdn: return detail::parse_ofac_sdn(text, ctx, out);
    case ListFormat::ofac_alt: return detail::parse_ofac_alt(text, ctx, out);
    case ListFormat::uk_sanctions_list: return detail::parse_uk_sanctions_list(text, ctx, out);
    case ListFormat::un_consolidated_xml: return detail::parse_un_consolidated_xml(text, ctx, out);
    case ListFormat::opensanctions_ftm: return detail::parse_opensanctions_ftm(text, ctx, out);
    case ListFormat::team_csv: return detail::parse_team_csv(text, ctx, out);
  }
}

}  // namespace

WatchlistLoader::WatchlistLoader() : state_(std::make_unique<State>()) {}
WatchlistLoader::~WatchlistLoader() = default;

void WatchlistLoader::add_file(const std::filesystem::path& path) { add_text(read_whole_file(path), path.string()); }

void WatchlistLoader::add_text(std::string_view text, std::string name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (detail::trim(text).empty()) throw WatchlistError(fmt::format("watchlist file {}: is empty", name));
  const auto format = detect_format(text);
  if (!format) {
    const std::string_view first = detail::trim(text.substr(0, text.find_first_of("\r\n")));
    throw WatchlistError(fmt::format(
        "watchlist file {}:1: unknown format (starts '{}'); expected OFAC sdn.csv or alt.csv, a UK Sanctions List "
        "CSV, the UN consolidated list XML, OpenSanctions FtM JSON lines, or a CSV with the header "
        "imo,mmsi,name,callsign,flag,list,program,note",
        name, detail::printable(first, 60)));
  }
  State& s = *state_;
  s.report.files.push_back({.file = name, .format = *format});
  detail::ParseContext ctx(std::move(name), s.report, s.report.files.back());
  parse(*format, text, ctx, s.parsed);
  if (*format == ListFormat::ofac_sdn) ++s.sdn_files;
}

LoadedWatchlist WatchlistLoader::finish() {
  State& s = *state_;
  LoadedWatchlist out{.entries = std::move(s.parsed.entries), .report = std::move(s.report)};

  std::unordered_map<std::uint32_t, std::vector<std::size_t>> sdn_entries;
  for (std::size_t i = 0; i < out.entries.size(); ++i) {
    if (out.entries[i].list != "OFAC SDN") continue;
    if (const auto id = detail::parse_uint(out.entries[i].entry_id)) sdn_entries[*id].push_back(i);
  }
  const auto file_stats = [&out](const std::string& file) -> FileReport* {
    for (FileReport& f : out.report.files)
      if (f.file == file && f.format == ListFormat::ofac_alt) return &f;
    return nullptr;
  };
  if (s.sdn_files == 0) {
    // Nothing to attach to: one issue per alt.csv, not one per row.
    for (const FileReport& f : out.report.files) {
      if (f.format == ListFormat::ofac_alt && f.aliases > 0) {
        out.report.add({.file = f.file, .line = 0, .problem = LoadProblem::orphan_alias, .row_skipped = false,
                        .detail = fmt::format("{} alias rows unused: no OFAC sdn.csv loaded with them", f.aliases)});
      }
    }
  } else {
    for (detail::OfacAliasRow& row : s.parsed.ofac_aliases) {
      const auto it = sdn_entries.find(row.ent_num);
      if (it == sdn_entries.end()) {
        if (s.parsed.ofac_non_vessels.contains(row.ent_num)) continue;  // a person's or company's alias
        out.report.add({.file = row.file, .line = row.line, .problem = LoadProblem::orphan_alias, .row_skipped = true,
                        .detail = fmt::format("ent_num {} is no SDN entry loaded ('{}')", row.ent_num,
                                              detail::printable(row.alias.name))});
        if (FileReport* f = file_stats(row.file)) ++f->skipped;
        continue;
      }
      for (const std::size_t i : it->second) {
        auto& aliases = out.entries[i].aliases;
        const bool known = std::any_of(aliases.begin(), aliases.end(), [&](const EntryAlias& a) {
          return a.name == row.alias.name && a.kind == row.alias.kind;
        });
        if (!known) aliases.push_back(row.alias);
      }
      if (FileReport* f = file_stats(row.file)) ++f->aliases_attached;
    }
  }
  state_ = std::make_unique<State>();
  return out;
}

LoadedWatchlist load_watchlist(const std::filesystem::path& path) {
  WatchlistLoader loader;
  loader.add_file(path);
  return loader.finish();
}

LoadedWatchlist load_watchlists(std::span<const std::filesystem::path> paths) {
  WatchlistLoader loader;
  for (const auto& p : paths) loader.add_file(p);
  return loader.finish();
}

}  // namespace aiswatch::watchlists
