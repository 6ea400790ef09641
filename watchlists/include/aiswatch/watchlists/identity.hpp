// identity.hpp — the tracker's vessel as the VesselIdentity that WatchlistIndex::match() takes.
//
// The tracker keeps what static messages said (IMO from a type 5, name, call sign) with the MMSI, so a
// vessel seen afterwards only in position reports still carries its IMO here; names it broadcast
// before (its identity history) become former names:
//   tracker.on_static(type5);  tracker.on_position(type1);
//   MatchResult r = index.match(identity_of(*tracker.find(mmsi)));
#pragma once

#include "aiswatch/ais/vessel.hpp"
#include "aiswatch/watchlists/index.hpp"

namespace aiswatch::watchlists {

// mmsi, imo, name, call sign and flag (alpha-2 of the MMSI's MID) as the tracker knows them now;
// former_names are the earlier names in the vessel's identity history (oldest first, no repeats).
VesselIdentity identity_of(const ais::Vessel& vessel);

}  // namespace aiswatch::watchlists
