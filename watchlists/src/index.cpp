// Matching: each identity field is looked up in its own hash index, the hits are merged per entry, and
// each entry gets the strongest field that agreed, with corroboration and conflicts adjusting the
// confidence (docs/watchlists.md "Confidence").
#include "aiswatch/watchlists/index.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/watchlists/normalize.hpp"

namespace aiswatch::watchlists {
namespace {

constexpr std::size_t kMinNameKey = 2;  // one-character names identify nothing

// Which of a vessel's identity fields agreed with one entry.
struct Agreement {
  bool imo = false, mmsi = false, name = false, callsign = false;
  bool name_was_former = false;   // AIS name == a name the list says the vessel had (f.k.a.)
  bool former_was_name = false;   // a name the vessel broadcast before == a listed name
  std::string former_name;        // the name that agreed, for the detail text
};

}  // namespace

WatchlistIndex::WatchlistIndex(std::vector<WatchlistEntry> entries) : entries_(std::move(entries)) {
  callsign_keys_.resize(entries_.size());
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    const WatchlistEntry& e = entries_[i];
    if (e.imo && ais::is_valid_imo(*e.imo)) by_imo_[*e.imo].push_back(i);
    if (e.mmsi) by_mmsi_[*e.mmsi].push_back(i);
    for (const std::string& cs : e.callsigns)
      if (std::string key = normalize_callsign(cs); !key.empty()) callsign_keys_[i].push_back(std::move(key));
    if (!e.name_is_vessel_name) continue;
    const auto add_name = [i](auto& index, std::string key) {
      if (key.size() < kMinNameKey) return;
      auto& postings = index[std::move(key)];
      if (postings.empty() || postings.back() != i) postings.push_back(i);
    };
    add_name(by_name_, vessel_name_key(e.name));
    for (const EntryAlias& a : e.aliases)
      add_name(a.kind == AliasKind::fka ? by_former_name_ : by_name_, vessel_name_key(a.name));
  }
}

MatchResult WatchlistIndex::match(const VesselIdentity& vessel) const {
  MatchResult result;
  std::optional<std::uint32_t> imo;
  if (vessel.imo && *vessel.imo != 0) {
    result.imo = ais::is_valid_imo(*vessel.imo) ? ImoStatus::valid : ImoStatus::invalid_check_digit;
    if (result.imo == ImoStatus::valid) imo = vessel.imo;
  }

  std::map<std::uint32_t, Agreement> hits;  // ordered: deterministic output before the final sort
  const auto each = [](const auto& index, const auto& key, auto&& fn) {
    if (const auto it = index.find(key); it != index.end())
      for (const std::uint32_t i : it->second) fn(i);
  };
  if (imo) each(by_imo_, *imo, [&](std::uint32_t i) { hits[i].imo = true; });
  if (vessel.mmsi != 0) each(by_mmsi_, vessel.mmsi, [&](std::uint32_t i) { hits[i].mmsi = true; });
  if (const std::string key = vessel_name_key(vessel.name); key.size() >= kMinNameKey) {
    each(by_name_, key, [&](std::uint32_t i) { hits[i].name = true; });
    each(by_former_name_, key, [&](std::uint32_t i) {
      hits[i].name_was_former = true;
      hits[i].former_name = vessel.name;
    });
  }
  for (const std::string& former : vessel.former_names) {
    const std::string key = vessel_name_key(former);
    if (key.size() < kMinNameKey || key == vessel_name_key(vessel.name)) continue;
    const auto mark = [&](std::uint32_t i) {
      if (!hits[i].former_was_name) hits[i].former_name = former;
      hits[i].former_was_name = true;
    };
    each(by_name_, key, mark);
    each(by_former_name_, key, mark);
  }
  const std::string callsign = normalize_callsign(vessel.callsign);

  for (auto& [index, agreed] : hits) {
    const WatchlistEntry& e = entries_[index];
    agreed.callsign = !callsign.empty() && std::find(callsign_keys_[index].begin(), callsign_keys_[index].end(),
                                                     callsign) != callsign_keys_[index].end();
    // Both IMOs known, valid and different: an IMO stays with a hull for life, so this is most likely
    // another ship (or a spoofed IMO, which is why such matches are kept, at a low confidence).
    const bool imo_conflict = imo && e.imo && ais::is_valid_imo(*e.imo) && *e.imo != *imo;
    const bool former = agreed.name_was_former || agreed.former_was_name;

    WatchlistMatch m{.list = e.list, .entry = e.entry_id, .name = e.name, .imo = e.imo};
    if (agreed.imo) {
      m.matched_on = MatchedOn::imo;
      m.confidence = e.imo_from_free_text        ? MatchConfidence::imo_free_text
                     : (agreed.mmsi || agreed.name) ? MatchConfidence::imo_corroborated
                                                    : MatchConfidence::imo;
      m.detail = e.imo_from_free_text ? fmt::format("IMO {} (quoted in the list's comments on {})", *imo, e.name)
                                      : fmt::format("IMO {}", *imo);
    } else if (agreed.mmsi) {
      m.matched_on = MatchedOn::mmsi;
      m.confidence = imo_conflict                       ? MatchConfidence::mmsi_imo_conflict
                     : (agreed.name || agreed.callsign) ? MatchConfidence::mmsi_corroborated
                                                        : MatchConfidence::mmsi;
      m.detail = fmt::format("MMSI {}", vessel.mmsi);
    } else if (agreed.name && agreed.callsign) {
      m.matched_on = MatchedOn::name_callsign;
      m.confidence = MatchConfidence::name_callsign;
      m.detail = fmt::format("name {} and call sign {}", vessel.name, vessel.callsign);
    } else if (former) {
      m.matched_on = MatchedOn::former_name;
      m.confidence = MatchConfidence::former_name;
      m.detail = agreed.name_was_former ? fmt::format("name {} (listed as a former name)", agreed.former_name)
                                        : fmt::format("former name {}", agreed.former_name);
    } else {
      m.matched_on = MatchedOn::name;
      m.confidence = MatchConfidence::name;
      m.detail = fmt::format("name {}", vessel.name);
    }
    if (imo_conflict) {
      if (m.matched_on != MatchedOn::mmsi) m.confidence = std::min(m.confidence, MatchConfidence::imo_conflict_cap);
      m.detail += fmt::format("; broadcast IMO {} differs from listed IMO {}", *imo, *e.imo);
    }
    if (e.programs.empty()) {
      result.matches.push_back(std::move(m));
    } else {
      for (const std::string& program : e.programs) {
        result.matches.push_back(m);
        result.matches.back().program = program;
      }
    }
  }
  std::stable_sort(result.matches.begin(), result.matches.end(), [](const WatchlistMatch& a, const WatchlistMatch& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    if (a.list != b.list) return a.list < b.list;
    if (a.entry != b.entry) return a.entry < b.entry;
    return a.program < b.program;
  });
  return result;
}

}  // namespace aiswatch::watchlists
