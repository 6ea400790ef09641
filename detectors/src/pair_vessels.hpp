// pair_vessels.hpp — what the pair detectors (encounter, dark_transfer) say about the two vessels: who
// may take part, which one the event is about (`mmsi`) and which is the partner (`other_mmsi`), and the
// partner's identity as evidence.
//
//   if (!takes_part_in_pairs(vessel)) return;              // AtoN, base stations, net buoys' odd numbers …
//   const auto [primary, partner] = order_pair(a, va, b, vb, ctx.matches);
//   add_partner_evidence(event, partner, tracker.find(partner));   // partner_name, partner_imo, …
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "aiswatch/ais/vessel.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/detectors/event.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"

namespace aiswatch::detectors {

// Ship stations only (MMSI class `ship`): aids to navigation, base stations, SARTs, child craft and
// numbers of no valid class (fishing-net buoys broadcast those) never make a pair event.
[[nodiscard]] bool takes_part_in_pairs(std::uint32_t mmsi) noexcept;

// 2: on a named watchlist (confidence >= kWatchlistedConfidence, enrich.hpp), 1: flies a flag of concern,
// 0: neither.
[[nodiscard]] int concern_of(std::uint32_t mmsi, const ais::Vessel* vessel, const VesselMatches& matches);

// (primary, partner): the vessel of greater concern first, otherwise the lower MMSI — deterministic for a
// given input, so the event id is too.
[[nodiscard]] std::pair<std::uint32_t, std::uint32_t> order_pair(std::uint32_t a, const ais::Vessel* va,
                                                                 std::uint32_t b, const ais::Vessel* vb,
                                                                 const VesselMatches& matches);

// ITU ship and cargo types 80–89.
[[nodiscard]] bool is_tanker(const ais::Vessel* vessel) noexcept;
// ITU type 30.
[[nodiscard]] bool is_fishing(const ais::Vessel* vessel) noexcept;

// "NAME (MMSI)" or "MMSI" when no name is known; for reasons (the report escapes it).
[[nodiscard]] std::string vessel_label(std::uint32_t mmsi, const ais::Vessel* vessel);

// partner_mmsi, partner_name, partner_imo, partner_callsign, partner_flag, partner_ship_type (known ones).
void add_partner_evidence(Event& e, std::uint32_t mmsi, const ais::Vessel* vessel);

}  // namespace aiswatch::detectors
