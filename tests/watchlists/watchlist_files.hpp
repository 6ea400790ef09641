// watchlist_files.hpp — where the watchlist tests find their data, and small helpers shared by them.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aiswatch/watchlists/entry.hpp"
#include "aiswatch/watchlists/load.hpp"

namespace wl_test {

// The real OFAC files bundled with aiswatch (watchlists/data/PROVENANCE.md).
inline const std::string kOfacSdn = AISWATCH_SOURCE_DIR "/watchlists/data/ofac_sdn_vessels_20240503.csv";
inline const std::string kOfacAlt = AISWATCH_SOURCE_DIR "/watchlists/data/ofac_alt_vessel_aliases_excerpt.csv";
// Hand-written fixtures in the published layouts (tests/data/watchlists/PROVENANCE.md).
inline const std::string kUk = AISWATCH_TEST_DATA_DIR "/watchlists/uk_sanctions_list_sample.csv";
inline const std::string kUn = AISWATCH_TEST_DATA_DIR "/watchlists/un_consolidated_sample.xml";
inline const std::string kFtm = AISWATCH_TEST_DATA_DIR "/watchlists/opensanctions_ftm_sample.jsonl";
inline const std::string kTeam = AISWATCH_TEST_DATA_DIR "/watchlists/team_watchlist_sample.csv";

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The file's lines without their line ends (CRLF or LF).
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

inline const aiswatch::watchlists::WatchlistEntry* find_entry(const std::vector<aiswatch::watchlists::WatchlistEntry>& entries,
                                                       const std::string& name) {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.name == name; });
  return it == entries.end() ? nullptr : &*it;
}

inline bool has_alias(const aiswatch::watchlists::WatchlistEntry& e, const std::string& name,
                      aiswatch::watchlists::AliasKind kind) {
  return std::any_of(e.aliases.begin(), e.aliases.end(), [&](const auto& a) { return a.name == name && a.kind == kind; });
}

inline aiswatch::watchlists::LoadedWatchlist load_text(const std::string& text, const std::string& name) {
  aiswatch::watchlists::WatchlistLoader loader;
  loader.add_text(text, name);
  return loader.finish();
}

}  // namespace wl_test
