// vessel_matches.hpp — each vessel's current watchlist matches, kept up to date as identities change.
//
// A tracker observer registered BEFORE the detectors: on every static report that changes identity (and
// on a vessel's first appearance) it re-matches the vessel against the loaded lists and flags of concern,
// so detectors and enrich() read matches with a hash lookup. (Which vessels already had their first
// watchlist_match event is the watchlist_match detector's own state.)
//   VesselMatches matches(index_or_null, flags);
//   tracker.add_observer(matches);              // first
//   const MatchResult* r = matches.find(273382620);
#pragma once

#include <cstdint>
#include <unordered_map>

#include "aiswatch/ais/flat_u32_map.hpp"
#include "aiswatch/ais/track_observer.hpp"
#include "aiswatch/watchlists/flags.hpp"
#include "aiswatch/watchlists/index.hpp"

namespace aiswatch::detectors {

class VesselMatches : public ais::TrackObserver {
 public:
  VesselMatches(const watchlists::WatchlistIndex* index, const watchlists::FlagsOfConcern& flags);

  // Named-list matches of the vessel (strongest first) and its IMO status; nullptr when none known.
  [[nodiscard]] const watchlists::MatchResult* find(std::uint32_t mmsi) const;
  // Whether the vessel's MID flag is a flag of concern (RU, KP, IR by default).
  [[nodiscard]] bool flag_of_concern(const ais::Vessel& vessel) const;
  [[nodiscard]] const watchlists::FlagsOfConcern& flags() const noexcept { return flags_; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) override;
  void on_static(const ais::Vessel& vessel, const ais::StaticReport& report) override;
  // Forgets the fingerprint (bounded memory over long live runs); the matches stay for the report and
  // for the vessel's return.
  void on_evicted(const ais::VesselSummary& summary) override;

 private:
  void rematch(const ais::Vessel& vessel);

  const watchlists::WatchlistIndex* index_;
  const watchlists::FlagsOfConcern& flags_;
  std::unordered_map<std::uint32_t, watchlists::MatchResult> by_mmsi_;   // only vessels with a match
  ais::FlatU32Map identity_seen_;  // mmsi -> 32-bit identity fingerprint (one probe per static report)
};

}  // namespace aiswatch::detectors
