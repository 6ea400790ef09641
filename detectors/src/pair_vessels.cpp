#include "pair_vessels.hpp"

#include <fmt/format.h>

namespace aiswatch::detectors {

bool takes_part_in_pairs(std::uint32_t mmsi) noexcept {
  return ais::classify_mmsi(mmsi).kind == ais::MmsiKind::ship;
}

int concern_of(std::uint32_t mmsi, const ais::Vessel* vessel, const VesselMatches& matches) {
  if (const watchlists::MatchResult* r = matches.find(mmsi))
    for (const auto& m : r->matches)
      if (m.confidence >= kWatchlistedConfidence) return 2;
  return vessel && matches.flag_of_concern(*vessel) ? 1 : 0;
}

std::pair<std::uint32_t, std::uint32_t> order_pair(std::uint32_t a, const ais::Vessel* va, std::uint32_t b,
                                                   const ais::Vessel* vb, const VesselMatches& matches) {
  const int ca = concern_of(a, va, matches), cb = concern_of(b, vb, matches);
  if (ca != cb) return ca > cb ? std::pair{a, b} : std::pair{b, a};
  return a < b ? std::pair{a, b} : std::pair{b, a};
}

bool is_tanker(const ais::Vessel* vessel) noexcept {
  return vessel && vessel->identity.ship_type && *vessel->identity.ship_type >= 80 && *vessel->identity.ship_type <= 89;
}

bool is_fishing(const ais::Vessel* vessel) noexcept {
  return vessel && vessel->identity.ship_type && *vessel->identity.ship_type == 30;
}

std::string vessel_label(std::uint32_t mmsi, const ais::Vessel* vessel) {
  if (vessel && !vessel->identity.name.view().empty()) return fmt::format("{} ({})", vessel->identity.name.view(), mmsi);
  return fmt::format("{}", mmsi);
}

void add_partner_evidence(Event& e, std::uint32_t mmsi, const ais::Vessel* vessel) {
  e.add_evidence("partner_mmsi", static_cast<std::int64_t>(mmsi));
  if (!vessel) return;
  const ais::Identity& id = vessel->identity;
  if (!id.name.view().empty()) e.add_evidence("partner_name", std::string(id.name.view()));
  if (id.imo) e.add_evidence("partner_imo", static_cast<std::int64_t>(*id.imo));
  if (!id.callsign.view().empty()) e.add_evidence("partner_callsign", std::string(id.callsign.view()));
  if (const auto flag = vessel->flag()) e.add_evidence("partner_flag", std::string(flag->alpha2));
  if (id.ship_type) e.add_evidence("partner_ship_type", static_cast<std::int64_t>(*id.ship_type));
}

}  // namespace aiswatch::detectors
