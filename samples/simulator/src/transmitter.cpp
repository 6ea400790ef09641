#include "aiswatch/simulator/transmitter.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

#include "aiswatch/simulator/encoder.hpp"

namespace aiswatch::simulator {

namespace {

double wrap360(double deg) {
  deg = std::fmod(deg, 360.0);
  return deg < 0 ? deg + 360.0 : deg;
}

geo::LatLon offset_by(geo::LatLon p, double east_m, double north_m) {
  const auto mpd = geo::metres_per_degree(p.lat_deg);
  return {p.lat_deg + north_m / mpd.lat_m, p.lon_deg + east_m / mpd.lon_m};
}

std::uint8_t utc_second_of(UnixMillis t) {
  const std::int64_t s = (t / 1000) % 60;
  return static_cast<std::uint8_t>(s < 0 ? s + 60 : s);
}

AisEta eta_of(std::optional<UnixMillis> t) {
  if (!t) return {};
  const std::string iso = format_iso8601(*t);  // YYYY-MM-DDTHH:MM:SS…
  auto num = [&](std::size_t pos) { return static_cast<std::uint8_t>((iso[pos] - '0') * 10 + (iso[pos + 1] - '0')); };
  return {num(5), num(8), num(11), num(14)};
}

// ITU-R M.1371-5 Table 1 / Table 2 nominal reporting interval in ms.
DurationMs itu_interval_ms(bool class_b, const KinematicState& s) {
  if (class_b) return s.sog_kn <= 2.0 ? 180'000 : 30'000;
  const bool at_rest_status = s.nav_status == 1 || s.nav_status == 5;
  if (at_rest_status && s.sog_kn <= 3.0) return 180'000;
  if (s.sog_kn <= 14.0) return 10'000;
  if (s.sog_kn <= 23.0) return 6'000;
  return 2'000;
}

}  // namespace

Transmission Transmitter::start_transmission(UnixMillis t, std::uint32_t mmsi, geo::LatLon true_position, bool in_coverage) const {
  // Field by field: GCC 12 warns (maybe-uninitialized, a false positive) on designated initialisers here.
  Transmission tx;
  tx.time_ms = t;
  tx.vessel = index_;
  tx.mmsi = mmsi;
  tx.true_position = true_position;
  tx.in_coverage = in_coverage;
  return tx;
}

std::vector<IdentityPeriod> identity_periods(const VesselSpec& spec, const Track& track) {
  std::vector<IdentityPeriod> out;
  Identity id = spec.identity;
  const auto segs = track.segments();
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const Step& step = spec.steps[segs[i].step];
    step.set.apply_to(id);
    // ETA: arrival of this sail step, or of the next sail step that ends at a port.
    std::optional<UnixMillis> eta;
    for (std::size_t k = i; k < segs.size(); ++k)
      if (segs[k].kind == StepKind::sail && !spec.steps[segs[k].step].to_port.empty()) {
        eta = segs[k].end_ms;
        break;
      }
    if (i == 0 || !step.set.empty() || eta != out.back().eta_ms) out.push_back({segs[i].start_ms, id, eta});
  }
  return out;
}

Transmitter::Transmitter(std::size_t vessel_index, const VesselSpec& spec, const Track& track, ReportingOptions options,
                         Rng rng, const ReceiverNetwork* network, UnixMillis scenario_start_ms)
    : index_(vessel_index),
      spec_(&spec),
      track_(&track),
      options_(options),
      rng_(rng),
      network_(network),
      scenario_start_ms_(scenario_start_ms) {
  identities_ = identity_periods(spec, track);
  rot_sensor_ = rng_.chance(0.7);
  heading_sensor_ = spec.class_b ? rng_.chance(0.3) : rng_.chance(0.97);
  dgps_ = rng_.chance(0.3);
  so_unit_ = spec.class_b && rng_.chance(0.3);
  slot_counter_ = static_cast<std::uint32_t>(rng_.below(2250));
  // First messages a random moment after the script starts, as if the receiver just came in range.
  const UnixMillis begin = track.begin_ms();
  next_position_ = begin + static_cast<UnixMillis>(rng_.below(10'000));
  next_static_ = begin + static_cast<UnixMillis>(rng_.below(static_cast<std::uint64_t>(options_.static_interval_ms)));
  if (spec.long_range) next_long_range_ = begin + static_cast<UnixMillis>(rng_.below(static_cast<std::uint64_t>(options_.long_range_interval_ms)));
}

UnixMillis Transmitter::next_time() const noexcept {
  const UnixMillis t = std::min({next_position_, next_static_, next_b_part_, next_long_range_});
  return t >= track_->end_ms() ? kNever : t;
}

Transmitter::Kind Transmitter::next_kind() const noexcept {
  const UnixMillis t = next_time();
  if (t == next_b_part_) return Kind::static_b_part;
  if (t == next_position_) return Kind::position;
  if (t == next_static_) return Kind::static_data;
  return Kind::long_range;
}

const IdentityPeriod& Transmitter::identity_at(UnixMillis t) const {
  auto it = std::upper_bound(identities_.begin(), identities_.end(), t,
                             [](UnixMillis x, const IdentityPeriod& p) { return x < p.from_ms; });
  return it == identities_.begin() ? identities_.front() : *std::prev(it);
}

bool Transmitter::on_at(UnixMillis t) const { return track_->segments()[track_->segment_at(t)].ais_on; }

bool Transmitter::heard_at(UnixMillis t, const TrackSegment& seg) const {
  if (!seg.received) return false;
  return std::none_of(spec_->coverage_gaps.begin(), spec_->coverage_gaps.end(), [&](const CoverageGap& g) {
    const UnixMillis from = scenario_start_ms_ + g.from_ms;
    return t >= from && t < from + g.duration_ms;
  });
}

std::optional<Transmission> Transmitter::pop() {
  assert(next_time() != kNever);
  const UnixMillis t = next_time();
  // Switching on, or a new identity/voyage: static data within the next minute.
  const bool on = on_at(t);
  const std::size_t identity = static_cast<std::size_t>(&identity_at(t) - identities_.data());
  if (on && (!was_on_ || identity != static_identity_) && next_static_ > t + 60'000)
    next_static_ = t + 5'000 + static_cast<UnixMillis>(rng_.below(55'000));
  was_on_ = on;
  switch (next_kind()) {
    case Kind::position: return make_position(t);
    case Kind::static_data: return make_static(t);
    case Kind::static_b_part: return make_static_b_part(t);
    case Kind::long_range: return make_long_range(t);
  }
  return make_position(t);
}

void Transmitter::schedule_position(UnixMillis t, const KinematicState& s) {
  const DurationMs itu = itu_interval_ms(spec_->class_b, s);
  const double cap = static_cast<double>(std::max(itu, options_.max_underway_interval_ms));
  const double thinned = itu >= 180'000 ? static_cast<double>(itu)
                                        : std::clamp(static_cast<double>(itu) * options_.thinning, static_cast<double>(itu), cap);
  next_position_ = t + static_cast<UnixMillis>(thinned * rng_.uniform(0.9, 1.1));
}

geo::LatLon Transmitter::reported_position(UnixMillis t, const TrackSegment& seg, const KinematicState& s, bool& spoofed) {
  geo::LatLon p = s.position;
  spoofed = false;
  if (seg.report_at) {
    spoofed = true;
    p = *seg.report_at;
    if (seg.report_radius_m > 0) {
      // Circle spoofing: positions going round a circle at about 6 kn.
      const double period_s = 2 * std::numbers::pi * seg.report_radius_m / (6 * kMetresPerSecondPerKnot);
      const double a = 2 * std::numbers::pi * static_cast<double>(t - seg.start_ms) / 1000.0 / period_s;
      p = offset_by(p, seg.report_radius_m * std::sin(a), seg.report_radius_m * std::cos(a));
    }
  }
  return offset_by(p, options_.gps_sigma_m * rng_.normal(), options_.gps_sigma_m * rng_.normal());
}

std::uint32_t Transmitter::sotdma_state(UnixMillis t) {
  // SOTDMA communication state (ITU-R M.1371-5 §3.3.7.2.2): sync state 0 (UTC direct), slot time-out
  // counting down 7..0 frame by frame, and the sub-message the time-out selects.
  const auto timeout = static_cast<std::uint32_t>(7 - ((t / 60'000) % 8));
  std::uint32_t sub = 0;
  switch (timeout) {
    case 3: case 5: case 7: sub = static_cast<std::uint32_t>(rng_.below(40)); break;  // stations received
    case 2: case 4: case 6: sub = slot_counter_ = (slot_counter_ + 375) % 2250; break;  // slot number
    case 1: {                                                                           // UTC hour and minute
      const std::int64_t minutes = (t / 60'000) % 1440;
      sub = static_cast<std::uint32_t>(((minutes / 60) << 9) | ((minutes % 60) << 2));
      break;
    }
    default: sub = static_cast<std::uint32_t>(rng_.below(2250)); break;  // slot offset
  }
  return (timeout << 14) | sub;
}

std::optional<Transmission> Transmitter::make_position(UnixMillis t) {
  const std::size_t seg_index = track_->segment_at(t);
  const TrackSegment& seg = track_->segments()[seg_index];
  const KinematicState s = track_->state_at(t);
  schedule_position(t, s);
  if (!seg.ais_on) return std::nullopt;
  Transmission tx = start_transmission(t, identity_at(t).identity.mmsi, s.position, heard_at(t, seg));
  bool spoofed = false;
  const geo::LatLon p = reported_position(t, seg, s, spoofed);
  const bool at_rest = s.sog_kn < 0.3;
  const double sog = at_rest ? std::fabs(0.05 * rng_.normal()) : std::max(0.0, s.sog_kn + options_.sog_sigma_kn * rng_.normal());
  const std::optional<double> cog =
      at_rest ? (rng_.chance(0.5) ? std::optional<double>() : std::optional<double>(rng_.uniform(0.0, 359.9)))
              : std::optional<double>(wrap360(s.cog_deg + options_.cog_sigma_deg * rng_.normal()));
  const auto heading = [&]() -> std::optional<std::uint16_t> {
    if (!heading_sensor_) return std::nullopt;
    return static_cast<std::uint16_t>(std::lround(wrap360(s.heading_deg + options_.heading_sigma_deg * rng_.normal())) % 360);
  }();
  tx.reported = p;
  tx.reported_sog_kn = sog;
  tx.spoofed = spoofed;
  if (spec_->class_b) {
    if (so_unit_ && rng_.chance(0.15)) {
      // Extended class B report (type 19): position with name and type, as sent when interrogated.
      const Identity& id = identity_at(t).identity;
      tx.msg_type = 19;
      tx.payload = encode(ClassBExtendedPosition{.mmsi = tx.mmsi, .sog_kn = sog, .position_accuracy_high = dgps_,
                                                 .lat_deg = p.lat_deg, .lon_deg = p.lon_deg, .cog_deg = cog,
                                                 .heading_deg = heading, .utc_second = utc_second_of(t),
                                                 .name = id.name, .ship_type = id.ship_type, .dimensions = id.dimensions});
      return tx;
    }
    tx.msg_type = 18;
    // Class B "CS" units send a fixed communication state (selector 1, ITDMA-like 1100000000000000110).
    tx.payload = encode(ClassBPosition{.mmsi = tx.mmsi, .sog_kn = sog, .position_accuracy_high = dgps_,
                                       .lat_deg = p.lat_deg, .lon_deg = p.lon_deg, .cog_deg = cog,
                                       .heading_deg = heading, .utc_second = utc_second_of(t),
                                       .carrier_sense_unit = !so_unit_, .radio_status = (1U << 19) | 0x60006U});
    return tx;
  }
  const double pick = rng_.uniform();
  tx.msg_type = pick < 0.88 ? 1 : pick < 0.98 ? 3 : 2;
  std::uint32_t radio = sotdma_state(t);
  if (tx.msg_type == 3) {
    // ITDMA state: sync 0, slot increment, number of slots, keep flag.
    radio = (static_cast<std::uint32_t>(rng_.below(8192)) << 4) | (static_cast<std::uint32_t>(rng_.below(3)) << 1);
  }
  tx.payload = encode(ClassAPosition{.type = tx.msg_type, .mmsi = tx.mmsi, .nav_status = s.nav_status,
                                     .rot_deg_per_min = rot_sensor_ ? std::optional<double>(0.0) : std::nullopt,
                                     .sog_kn = sog, .position_accuracy_high = dgps_, .lat_deg = p.lat_deg,
                                     .lon_deg = p.lon_deg, .cog_deg = cog, .heading_deg = heading,
                                     .utc_second = utc_second_of(t), .radio_status = radio});
  return tx;
}

std::optional<Transmission> Transmitter::make_static(UnixMillis t) {
  next_static_ = t + options_.static_interval_ms + static_cast<UnixMillis>(rng_.between(-20'000, 20'000));
  const TrackSegment& seg = track_->segments()[track_->segment_at(t)];
  if (!seg.ais_on) return std::nullopt;
  const IdentityPeriod& period = identity_at(t);
  const Identity& id = period.identity;
  Transmission tx = start_transmission(t, id.mmsi, track_->position_at(t), heard_at(t, seg));
  static_identity_ = static_cast<std::size_t>(&period - identities_.data());
  if (spec_->class_b) {
    tx.msg_type = 24;
    tx.payload = encode(ClassBStaticA{.mmsi = id.mmsi, .name = id.name});
    next_b_part_ = t + 1'000 + static_cast<UnixMillis>(rng_.below(3'000));
    return tx;
  }
  tx.msg_type = 5;
  tx.payload = encode(StaticVoyageData{.mmsi = id.mmsi, .ais_version = 1, .imo = id.imo, .callsign = id.callsign,
                                       .name = id.name, .ship_type = id.ship_type, .dimensions = id.dimensions,
                                       .eta = eta_of(period.eta_ms), .draught_m = id.draught_m,
                                       .destination = id.destination});
  return tx;
}

std::optional<Transmission> Transmitter::make_static_b_part(UnixMillis t) {
  next_b_part_ = kNever;
  const TrackSegment& seg = track_->segments()[track_->segment_at(t)];
  if (!seg.ais_on) return std::nullopt;
  const Identity& id = identity_at(t).identity;
  Transmission tx = start_transmission(t, id.mmsi, track_->position_at(t), heard_at(t, seg));
  tx.msg_type = 24;
  tx.payload = encode(ClassBStaticB{.mmsi = id.mmsi, .ship_type = id.ship_type, .vendor_id = "SRT", .unit_model = 2,
                                    .serial_number = id.mmsi % 1'000'000, .callsign = id.callsign,
                                    .dimensions = id.dimensions});
  return tx;
}

std::optional<Transmission> Transmitter::make_long_range(UnixMillis t) {
  next_long_range_ = t + options_.long_range_interval_ms;
  const TrackSegment& seg = track_->segments()[track_->segment_at(t)];
  const KinematicState s = track_->state_at(t);
  if (!seg.ais_on || (network_ != nullptr && network_->coast_coverage(s.position))) return std::nullopt;
  Transmission tx = start_transmission(t, identity_at(t).identity.mmsi, s.position, heard_at(t, seg));
  bool spoofed = false;
  const geo::LatLon p = reported_position(t, seg, s, spoofed);
  tx.msg_type = 27;
  tx.reported = p;
  tx.reported_sog_kn = s.sog_kn;
  tx.spoofed = spoofed;
  tx.payload = encode(LongRangePosition{.mmsi = tx.mmsi, .position_accuracy_high = dgps_, .nav_status = s.nav_status,
                                        .lat_deg = p.lat_deg, .lon_deg = p.lon_deg, .sog_kn = s.sog_kn, .cog_deg = s.cog_deg});
  return tx;
}

}  // namespace aiswatch::simulator
