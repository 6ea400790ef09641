#include "aiswatch/detectors/vessel_matches.hpp"

#include <string_view>

#include "aiswatch/watchlists/identity.hpp"

namespace aiswatch::detectors {

namespace {

// FNV-1a over the identity fields matching uses, folded to 32 bits (never 0: the map's empty key), so an
// unchanged identity is not matched again. A collision (1 in 4e9 per change) would skip one re-match.
std::uint32_t fingerprint(const ais::Vessel& v) {
  std::uint64_t h = 1469598103934665603ULL;
  auto add = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0x1f;
    h *= 1099511628211ULL;
  };
  add(v.identity.name.view());
  add(v.identity.callsign.view());
  const std::uint32_t imo = v.identity.imo.value_or(0);
  add(std::string_view(reinterpret_cast<const char*>(&imo), sizeof imo));  // NOLINT: bytes of an int
  const std::uint32_t changes = v.history ? v.history->total() : 0;       // former names come from here
  add(std::string_view(reinterpret_cast<const char*>(&changes), sizeof changes));  // NOLINT
  const auto folded = static_cast<std::uint32_t>(h ^ (h >> 32));
  return folded == 0 ? 1 : folded;
}

}  // namespace

VesselMatches::VesselMatches(const watchlists::WatchlistIndex* index, const watchlists::FlagsOfConcern& flags)
    : index_(index), flags_(flags) {}

const watchlists::MatchResult* VesselMatches::find(std::uint32_t mmsi) const {
  const auto it = by_mmsi_.find(mmsi);
  return it == by_mmsi_.end() ? nullptr : &it->second;
}

bool VesselMatches::flag_of_concern(const ais::Vessel& vessel) const {
  const auto flag = vessel.flag();
  return flag && flags_.flag_of_concern(flag->alpha2);
}

void VesselMatches::on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) {
  // Identity only changes through static reports; a position matters only when the vessel is new
  // (an MMSI-only list entry matches before any static report arrives).
  if (update.flags.first_fix && !identity_seen_.find(vessel.mmsi)) rematch(vessel);
}

void VesselMatches::on_static(const ais::Vessel& vessel, const ais::StaticReport& /*report*/) { rematch(vessel); }

void VesselMatches::on_evicted(const ais::VesselSummary& summary) {
  if (summary.mmsi != 0) identity_seen_.erase(summary.mmsi);
}

void VesselMatches::rematch(const ais::Vessel& vessel) {
  const std::uint32_t fp = fingerprint(vessel);
  if (const auto seen = identity_seen_.find(vessel.mmsi); seen && *seen == fp) return;
  identity_seen_.insert_or_assign(vessel.mmsi, fp);
  if (!index_) return;
  watchlists::MatchResult r = index_->match(watchlists::identity_of(vessel));
  if (r.matches.empty()) {
    by_mmsi_.erase(vessel.mmsi);
  } else {
    by_mmsi_.insert_or_assign(vessel.mmsi, std::move(r));
  }
}

}  // namespace aiswatch::detectors
