#include "aiswatch/watchlists/identity.hpp"

#include <algorithm>

namespace aiswatch::watchlists {

VesselIdentity identity_of(const ais::Vessel& vessel) {
  VesselIdentity id{.mmsi = vessel.mmsi,
                    .imo = vessel.identity.imo,
                    .name = std::string(vessel.identity.name.view()),
                    .callsign = std::string(vessel.identity.callsign.view())};
  if (const auto flag = vessel.flag()) id.flag = std::string(flag->alpha2);
  if (vessel.history) {
    for (const ais::IdentityChange& change : vessel.history->latest) {
      if (change.field != ais::IdentityField::name || change.before.empty() || change.before == id.name) continue;
      if (std::find(id.former_names.begin(), id.former_names.end(), change.before) == id.former_names.end())
        id.former_names.push_back(change.before);
    }
  }
  return id;
}

}  // namespace aiswatch::watchlists
