// to_observation.cpp — decoded messages to PositionReport / StaticReport (see to_observation.hpp for
// which types give which), and the payload hash used to drop the same message heard twice.
#include "aiswatch/ais/to_observation.hpp"

#include <cmath>
#include <cstring>
#include <variant>

namespace aiswatch::ais {

namespace {

// A real position: both coordinates present (not the 181/91 sentinels) and inside the globe. Values
// out of range are transmitter faults, not places.
bool usable_position(const std::optional<double>& lat, const std::optional<double>& lon) noexcept {
  return lat && lon && std::fabs(*lat) <= 90.0 && std::fabs(*lon) <= 180.0;
}

PositionReport base_position(const AisMessage& m, const AssembledSentence& s, UnixMillis time,
                             std::uint32_t station_id, double lat, double lon) noexcept {
  PositionReport p;
  p.mmsi = m.mmsi;
  p.time = time;
  p.lat_deg = lat;
  p.lon_deg = lon;
  p.msg_type = m.type;
  p.payload_hash = payload_hash(s.payload);
  p.station_id = station_id;
  p.input = InputKind::nmea;
  p.raw = s.raw;
  return p;
}

std::optional<std::uint8_t> defined_status(std::uint8_t status) noexcept {
  if (status == 15) return std::nullopt;  // "not defined (default)"
  return status;
}

// ROT_sensor = (ROT_AIS / 4.733)^2 °/min with ROT_AIS's sign (M.1371-5 Table 45). ±127 says only
// "more than 5° per 30 s, no turn indicator": no rate, so no value.
std::optional<float> rate_of_turn(const std::optional<std::int8_t>& rot_ais) noexcept {
  if (!rot_ais || *rot_ais == 127 || *rot_ais == -127) return std::nullopt;
  const double r = *rot_ais / 4.733;
  return static_cast<float>(*rot_ais < 0 ? -r * r : r * r);
}

template <class ClassB>
std::optional<PositionReport> class_b_position(const AisMessage& m, const ClassB& b, const AssembledSentence& s,
                                               UnixMillis time, std::uint32_t station_id) noexcept {
  if (!usable_position(b.lat_deg, b.lon_deg)) return std::nullopt;
  PositionReport p = base_position(m, s, time, station_id, *b.lat_deg, *b.lon_deg);
  p.sog_kn = b.sog_kn;
  p.cog_deg = b.cog_deg;
  p.heading_deg = b.heading_deg;
  p.class_b = true;
  p.position_accuracy_high = b.position_accuracy_high;
  return p;
}

StaticReport base_static(const AisMessage& m, const AssembledSentence& s, UnixMillis time,
                         std::uint32_t station_id) noexcept {
  StaticReport r;
  r.mmsi = m.mmsi;
  r.time = time;
  r.msg_type = m.type;
  r.payload_hash = payload_hash(s.payload);
  r.station_id = station_id;
  r.input = InputKind::nmea;
  r.raw = s.raw;
  return r;
}

template <std::size_t N>
std::optional<std::string_view> text(const SixBitText<N>& t) noexcept {
  if (t.empty()) return std::nullopt;
  return t.view();
}

void set_dimensions(StaticReport& r, const ShipDimensions& d) noexcept {
  r.to_bow_m = d.to_bow_m;
  r.to_stern_m = d.to_stern_m;
  r.to_port_m = d.to_port_m;
  r.to_starboard_m = d.to_starboard_m;
}

}  // namespace

std::optional<PositionReport> to_position_report(const AisMessage& m, const AssembledSentence& s, UnixMillis time,
                                                 std::uint32_t station_id) noexcept {
  if (const auto* a = std::get_if<ClassAPositionReport>(&m.body)) {
    if (!usable_position(a->lat_deg, a->lon_deg)) return std::nullopt;
    PositionReport p = base_position(m, s, time, station_id, *a->lat_deg, *a->lon_deg);
    p.sog_kn = a->sog_kn;
    p.cog_deg = a->cog_deg;
    p.heading_deg = a->heading_deg;
    p.nav_status = defined_status(a->nav_status);
    p.rot_deg_per_min = rate_of_turn(a->rot_ais);
    p.position_accuracy_high = a->position_accuracy_high;
    return p;
  }
  if (const auto* b = std::get_if<ClassBPositionReport>(&m.body)) return class_b_position(m, *b, s, time, station_id);
  if (const auto* b = std::get_if<ClassBExtendedReport>(&m.body)) return class_b_position(m, *b, s, time, station_id);
  if (const auto* l = std::get_if<LongRangePosition>(&m.body)) {
    if (!usable_position(l->lat_deg, l->lon_deg)) return std::nullopt;
    PositionReport p = base_position(m, s, time, station_id, *l->lat_deg, *l->lon_deg);
    if (l->sog_kn) p.sog_kn = static_cast<float>(*l->sog_kn);
    if (l->cog_deg) p.cog_deg = static_cast<float>(*l->cog_deg);
    p.nav_status = defined_status(l->nav_status);
    p.position_accuracy_high = l->position_accuracy_high;
    return p;
  }
  return std::nullopt;  // base stations, aids to navigation, SAR aircraft, binary and control messages
}

std::optional<StaticReport> to_static_report(const AisMessage& m, const AssembledSentence& s, UnixMillis time,
                                             std::uint32_t station_id) noexcept {
  if (const auto* v = std::get_if<StaticVoyageData>(&m.body)) {
    StaticReport r = base_static(m, s, time, station_id);
    r.imo = v->imo;
    r.callsign = text(v->callsign);
    r.name = text(v->shipname);
    r.destination = text(v->destination);
    r.ship_type = v->ship_type;
    r.draught_m = v->draught_m;
    set_dimensions(r, v->dimensions);
    const Eta not_available{};
    if (v->eta.month != not_available.month || v->eta.day != not_available.day ||
        v->eta.hour != not_available.hour || v->eta.minute != not_available.minute)
      r.eta = v->eta;
    return r;
  }
  if (const auto* e = std::get_if<ClassBExtendedReport>(&m.body)) {
    StaticReport r = base_static(m, s, time, station_id);
    r.name = text(e->shipname);
    r.ship_type = e->ship_type;
    set_dimensions(r, e->dimensions);
    r.class_b = true;
    return r;
  }
  if (const auto* a = std::get_if<StaticDataA>(&m.body)) {
    StaticReport r = base_static(m, s, time, station_id);
    r.name = text(a->shipname);
    r.class_b = true;
    return r;
  }
  if (const auto* b = std::get_if<StaticDataB>(&m.body)) {
    StaticReport r = base_static(m, s, time, station_id);
    r.callsign = text(b->callsign);
    r.ship_type = b->ship_type;
    if (!b->mothership_mmsi) set_dimensions(r, b->dimensions);
    r.class_b = true;
    return r;
  }
  return std::nullopt;
}

std::uint64_t payload_hash(std::string_view armoured) noexcept {
  // 8 bytes per step, multiply-xorshift mixing (the wyhash/murmur finaliser family): payloads are
  // 10-170 bytes, so this is a handful of multiplies; not for adversarial hash tables.
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = 0x243F6A8885A308D3ull ^ (armoured.size() * kMul);
  std::size_t i = 0;
  for (; i + 8 <= armoured.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, armoured.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  if (i < armoured.size()) std::memcpy(&tail, armoured.data() + i, armoured.size() - i);
  h = (h ^ tail) * kMul;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace aiswatch::ais
