// vessel.cpp — small helpers of the per-vessel state.
#include "aiswatch/ais/vessel.hpp"

#include <algorithm>

namespace aiswatch::ais {

std::optional<std::uint16_t> Identity::length_overall_m() const noexcept {
  if (to_bow_m && to_stern_m && *to_bow_m + *to_stern_m > 0)
    return static_cast<std::uint16_t>(*to_bow_m + *to_stern_m);
  return length_m;
}

std::optional<std::uint16_t> Identity::beam_overall_m() const noexcept {
  if (to_port_m && to_starboard_m && *to_port_m + *to_starboard_m > 0)
    return static_cast<std::uint16_t>(*to_port_m + *to_starboard_m);
  return beam_m;
}

const char* to_string(IdentityField field) noexcept {
  switch (field) {
    case IdentityField::name: return "name";
    case IdentityField::callsign: return "callsign";
    case IdentityField::imo: return "imo";
    case IdentityField::ship_type: return "ship_type";
    case IdentityField::draught: return "draught";
    case IdentityField::destination: return "destination";
    case IdentityField::flag: return "flag";
    case IdentityField::mmsi: return "mmsi";
  }
  return "name";
}

bool RecentPayloads::seen_before(std::uint64_t hash, UnixMillis time, std::int64_t window_ms) noexcept {
  const auto fold = static_cast<std::uint32_t>(hash ^ (hash >> 32)) | 1u;
  const auto second = static_cast<std::uint32_t>(std::max<UnixMillis>(time, 0) / 1000);
  // Whole seconds: allow one more second so rounding never splits a pair that is within the window.
  const std::int64_t window_s = window_ms / 1000 + 1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    // Either order: a second station may have stamped the copy slightly earlier.
    const std::int64_t dt = static_cast<std::int64_t>(second) - seconds_[i];
    if (hashes_[i] == fold && dt <= window_s && dt >= -window_s) return true;
  }
  hashes_[next_] = fold;
  seconds_[next_] = second;
  next_ = static_cast<std::uint8_t>((next_ + 1) % kSlots);
  return false;
}

VesselSummary summarise(const Vessel& vessel) {
  VesselSummary s;
  s.mmsi = vessel.mmsi;
  s.kind = vessel.mmsi_class.kind;
  s.flag = vessel.flag();
  s.imo = vessel.identity.imo;
  s.name = std::string(vessel.identity.name.view());
  s.callsign = std::string(vessel.identity.callsign.view());
  s.destination = std::string(vessel.identity.destination.view());
  s.ship_type = vessel.identity.ship_type;
  s.draught_m = vessel.identity.draught_m;
  s.length_m = vessel.identity.length_overall_m();
  s.first_seen = vessel.first_seen;
  s.last_seen = vessel.last_seen;
  s.last = vessel.last;
  s.counts = vessel.counts;
  s.segments = vessel.last ? vessel.last->segment + 1 : 0;
  s.identity_changes = vessel.history ? vessel.history->total() : 0;
  return s;
}

}  // namespace aiswatch::ais
