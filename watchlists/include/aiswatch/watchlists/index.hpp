// index.hpp — match a vessel's AIS identity against every loaded list entry.
//
// Built once from the loaded entries; match() is hash lookups only (IMO, MMSI, name keys), so it is
// cheap enough to call whenever a vessel's identity changes. The tracker supplies the identity: an IMO
// learned from a type 5 message stays with the MMSI, so position reports match IMO-only entries too.
//   WatchlistIndex index(load_watchlist("sdn.csv").entries);
//   MatchResult r = index.match({.mmsi = 273382620, .imo = 9179842, .name = "ANGARA"});
//   for (const WatchlistMatch& m : r.matches) ...   // strongest first, one per (entry, program)
//   if (r.imo == ImoStatus::invalid_check_digit) ... // broadcast IMO not used for matching
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "aiswatch/watchlists/entry.hpp"
#include "aiswatch/watchlists/match.hpp"

namespace aiswatch::watchlists {

// What AIS says about a vessel, as the tracker knows it now.
struct VesselIdentity {
  std::uint32_t mmsi = 0;                 // 0: unknown
  std::optional<std::uint32_t> imo;       // as broadcast (type 5 / CSV); validated by match()
  std::string name;                       // as broadcast, trailing '@'/spaces trimmed or not
  std::string callsign;
  std::string flag;                       // ISO alpha-2 (from the MID); not used for list matching
  std::vector<std::string> former_names;  // names this vessel broadcast before (tracker history)
};

enum class ImoStatus : std::uint8_t {
  absent,               // no IMO known (or 0)
  valid,                // check digit correct: used for matching
  invalid_check_digit,  // broadcast but wrong: not used for matching, worth a reason of its own
};

struct MatchResult {
  std::vector<WatchlistMatch> matches;  // by confidence, then list, entry, program
  ImoStatus imo = ImoStatus::absent;
  bool empty() const noexcept { return matches.empty(); }
};

// Confidence by what matched (docs/watchlists.md "Confidence" gives the reasons).
struct MatchConfidence {
  static constexpr double imo = 0.95;
  static constexpr double imo_corroborated = 0.99;   // IMO and MMSI or name agree too
  static constexpr double imo_free_text = 0.7;       // UN: an IMO found in a company's comments
  static constexpr double mmsi = 0.85;
  static constexpr double mmsi_corroborated = 0.9;   // MMSI and name agree
  static constexpr double mmsi_imo_conflict = 0.5;   // MMSI agrees, both IMOs known and different
  static constexpr double name_callsign = 0.75;
  static constexpr double former_name = 0.5;
  static constexpr double name = 0.35;
  static constexpr double imo_conflict_cap = 0.15;   // a name match where both IMOs are known and differ
};

class WatchlistIndex {
 public:
  WatchlistIndex() = default;
  explicit WatchlistIndex(std::vector<WatchlistEntry> entries);

  MatchResult match(const VesselIdentity& vessel) const;

  std::span<const WatchlistEntry> entries() const noexcept { return entries_; }
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  using Postings = std::vector<std::uint32_t>;  // entry indices
  std::vector<WatchlistEntry> entries_;
  std::unordered_map<std::uint32_t, Postings> by_imo_;
  std::unordered_map<std::uint32_t, Postings> by_mmsi_;
  std::unordered_map<std::string, Postings> by_name_;         // primary names and a.k.a.
  std::unordered_map<std::string, Postings> by_former_name_;  // f.k.a.
  std::vector<std::vector<std::string>> callsign_keys_;       // per entry, normalised
};

}  // namespace aiswatch::watchlists
