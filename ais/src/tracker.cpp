// tracker.cpp — per-MMSI state, hygiene (duplicates, order, jumps, segments), identity history,
// lazy Kalman filters and eviction. See tracker.hpp for the rules.
#include "aiswatch/ais/tracker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/ais/local_frame.hpp"

namespace aiswatch::ais {
namespace {

constexpr double kKnotsPerMetrePerSecond = 3600.0 / 1852.0;

std::string flag_text(std::uint32_t mmsi) {
  const auto flag = flag_of(mmsi);
  return flag ? std::string(flag->alpha2) : std::string("unknown");
}

std::string draught_text(float draught_m) { return fmt::format("{:.1f}", draught_m); }

}  // namespace

const char* to_string(PositionOutcome outcome) noexcept {
  switch (outcome) {
    case PositionOutcome::accepted: return "accepted";
    case PositionOutcome::late: return "late";
    case PositionOutcome::duplicate: return "duplicate";
    case PositionOutcome::too_old: return "too_old";
    case PositionOutcome::invalid_mmsi: return "invalid_mmsi";
    case PositionOutcome::implausible_time: return "implausible_time";
  }
  return "accepted";
}

const char* to_string(StaticOutcome outcome) noexcept {
  switch (outcome) {
    case StaticOutcome::applied: return "applied";
    case StaticOutcome::late: return "late";
    case StaticOutcome::duplicate: return "duplicate";
    case StaticOutcome::invalid_mmsi: return "invalid_mmsi";
    case StaticOutcome::implausible_time: return "implausible_time";
  }
  return "applied";
}

Tracker::Tracker(TrackerConfig config) : config_(config) {
  assert(config_.identity_history_max > 0);
  assert(config_.sweep_interval_ms > 0 && config_.clock_tick_ms > 0);
}

void Tracker::add_observer(TrackObserver& observer) { observers_.push_back(&observer); }

void Tracker::remove_observer(TrackObserver& observer) {
  observers_.erase(std::remove(observers_.begin(), observers_.end(), &observer), observers_.end());
}

const Vessel* Tracker::find(std::uint32_t mmsi) const noexcept {
  if (mmsi == 0) return nullptr;
  const auto i = index_.find(mmsi);
  return i ? &vessels_[*i] : nullptr;
}

Vessel& Tracker::find_or_add(std::uint32_t mmsi, UnixMillis time) {
  if (const auto i = index_.find(mmsi)) return vessels_[*i];
  index_.insert_or_assign(mmsi, static_cast<std::uint32_t>(vessels_.size()));
  Vessel& v = vessels_.emplace_back();
  v.mmsi = mmsi;
  v.mmsi_class = classify_mmsi(mmsi);
  v.first_seen = v.last_seen = time;
  if (const auto kept = evicted_at_.find(mmsi)) {
    resume(v, evicted_[*kept]);
    evicted_at_.erase(mmsi);
  }
  return v;
}

// A vessel back from eviction continues from its summary: detectors see the dark period as one long gap
// from its last fix, and an identity changed while dark is recorded as a change.
void Tracker::resume(Vessel& v, const VesselSummary& s) {
  ++stats_.resumed;
  v.first_seen = s.first_seen;
  v.last = s.last;
  v.counts = s.counts;
  Identity& id = v.identity;
  id.imo = s.imo;
  id.name.assign(s.name);
  id.callsign.assign(s.callsign);
  id.destination.assign(s.destination);
  id.ship_type = s.ship_type;
  id.draught_m = s.draught_m;
  id.length_m = s.length_m;
}

// ---- clock, sweep, eviction -------------------------------------------------------------------------

void Tracker::advance_to(UnixMillis now) { advance_clock(now); }

void Tracker::restore(std::span<const VesselSummary> vessels, std::optional<UnixMillis> clock) {
  for (const VesselSummary& s : vessels) {
    if (s.mmsi == 0 || s.mmsi > kMaxAisMmsi || index_.find(s.mmsi)) continue;
    if (evicted_.size() >= config_.evicted_kept_max) {
      ++stats_.evicted_not_kept;
      continue;
    }
    evicted_at_.insert_or_assign(s.mmsi, static_cast<std::uint32_t>(evicted_.size()));
    evicted_.push_back(s);
  }
  if (clock) advance_clock(*clock);
}

std::vector<const VesselSummary*> Tracker::dormant() const {
  std::vector<const VesselSummary*> out;
  for (const VesselSummary& s : evicted_) {
    const auto at = evicted_at_.find(s.mmsi);
    if (at && &evicted_[*at] == &s) out.push_back(&s);
  }
  return out;
}

bool Tracker::accept_time(UnixMillis time, std::uint32_t mmsi) {
  if (!clock_ || time - *clock_ <= config_.max_time_jump_ms) {
    advance_clock(time);
    return true;
  }
  const bool confirmed = jump_candidate_ && jump_candidate_->mmsi != mmsi &&
                         std::abs(time - jump_candidate_->time) <= config_.time_jump_confirm_ms;
  if (!confirmed) {
    jump_candidate_ = JumpCandidate{time, mmsi};
    ++stats_.implausible_time;
    return false;
  }
  jump_candidate_.reset();
  ++stats_.clock_jumps;
  advance_clock(time);
  return true;
}

void Tracker::advance_clock(UnixMillis time) {
  if (!clock_) {
    clock_ = time;
    last_sweep_ = last_tick_ = time;
    return;
  }
  if (time <= *clock_) return;
  clock_ = time;
  if (time - last_sweep_ >= config_.sweep_interval_ms) {
    last_sweep_ = time;
    sweep();
  }
  if (time - last_tick_ >= config_.clock_tick_ms) {
    last_tick_ = time;
    for (TrackObserver* o : observers_) o->on_time(time);
  }
}

void Tracker::sweep() {
  const UnixMillis now = *clock_;
  for (std::size_t i = 0; i < vessels_.size();) {
    Vessel& v = vessels_[i];
    if (config_.evict_after_ms > 0 && now - v.last_seen > config_.evict_after_ms) {
      evict_at(i);  // moves the last vessel into i: look at i again
      continue;
    }
    if (v.kalman && now - v.kalman->time() > config_.kalman_idle_ms) {
      v.kalman.reset();
      ++stats_.kalman_dropped;
    }
    ++i;
  }
}

void Tracker::evict_at(std::size_t position) {
  VesselSummary summary = summarise(vessels_[position]);
  for (TrackObserver* o : observers_) o->on_evicted(summary);
  ++stats_.evicted;
  if (evicted_.size() < config_.evicted_kept_max) {
    evicted_at_.insert_or_assign(summary.mmsi, static_cast<std::uint32_t>(evicted_.size()));
    evicted_.push_back(std::move(summary));
  }
  else
    ++stats_.evicted_not_kept;

  index_.erase(vessels_[position].mmsi);
  if (position + 1 != vessels_.size()) {
    vessels_[position] = std::move(vessels_.back());
    index_.insert_or_assign(vessels_[position].mmsi, static_cast<std::uint32_t>(position));
  }
  vessels_.pop_back();
}

// ---- positions -------------------------------------------------------------------------------------

Tracker::Step Tracker::measure_step(const TrackPoint& previous, const PositionReport& report) const {
  Step step;
  step.gap_ms = report.time - previous.time;
  step.distance_m = distance_m(previous.lat_deg, previous.lon_deg, report.lat_deg, report.lon_deg);
  // At least one second: AIS times have whole-second resolution, two fixes in one second are not 0 s apart.
  const double seconds = std::max(static_cast<double>(std::abs(step.gap_ms)) / 1000.0, 1.0);
  step.implied_speed_kn = step.distance_m / seconds * kKnotsPerMetrePerSecond;
  step.suspect = step.implied_speed_kn > config_.max_speed_kn && step.distance_m > config_.min_jump_m;
  return step;
}

PositionOutcome Tracker::on_position(const PositionReport& report) {
  ++stats_.positions;
  if (report.mmsi == 0 || report.mmsi > kMaxAisMmsi) {
    ++stats_.invalid_mmsi;
    return PositionOutcome::invalid_mmsi;
  }
  assert(report.lat_deg >= -90 && report.lat_deg <= 90 && report.lon_deg >= -180 && report.lon_deg <= 180);
  if (!accept_time(report.time, report.mmsi)) return PositionOutcome::implausible_time;
  Vessel& v = find_or_add(report.mmsi, report.time);
  v.last_seen = std::max(v.last_seen, report.time);

  if (report.payload_hash != 0 &&
      v.recent.seen_before(report.payload_hash, report.time, config_.duplicate_window_ms)) {
    ++v.counts.duplicates;
    ++stats_.duplicates;
    return PositionOutcome::duplicate;
  }

  TrackPoint current{.time = report.time,
                     .lat_deg = report.lat_deg,
                     .lon_deg = report.lon_deg,
                     .sog_kn = report.sog_kn,
                     .cog_deg = report.cog_deg,
                     .heading_deg = report.heading_deg,
                     .nav_status = report.nav_status};
  std::optional<TrackPoint> previous = v.last;
  if (previous && previous->time - report.time > config_.reorder_window_ms) {
    ++v.counts.too_old;
    ++stats_.too_old;
    return PositionOutcome::too_old;
  }
  UpdateFlags flags{.first_fix = !previous};
  std::optional<std::int64_t> gap_ms;
  std::optional<double> distance, implied_kn;
  if (previous) {
    const Step step = measure_step(*previous, report);
    gap_ms = step.gap_ms;
    distance = step.distance_m;
    implied_kn = step.implied_speed_kn;
    flags.suspect = current.suspect = step.suspect;
    if (step.suspect) {
      ++v.counts.suspect;
      ++stats_.suspect;
    }
  }

  if (previous && *gap_ms < 0) {
    flags.late = true;
    current.segment = previous->segment;
    ++v.counts.late;
    ++stats_.late;
    const PositionUpdate update{report, current, &*previous, gap_ms, distance, implied_kn, flags};
    for (TrackObserver* o : observers_) o->on_position(v, update);
    return PositionOutcome::late;
  }

  if (previous) {
    flags.new_segment = *gap_ms > config_.segment_gap_ms;
    current.segment = previous->segment + (flags.new_segment ? 1 : 0);
    if (flags.new_segment) ++stats_.new_segments;
  }
  v.last = current;
  ++v.counts.positions;
  ++stats_.accepted;
  step_kalman(v, report, current, flags.suspect, implied_kn);

  const PositionUpdate update{report, *v.last, previous ? &*previous : nullptr, gap_ms, distance, implied_kn,
                              flags};
  for (TrackObserver* o : observers_) o->on_position(v, update);
  return PositionOutcome::accepted;
}

void Tracker::step_kalman(Vessel& v, const PositionReport& report, const TrackPoint& current, bool suspect,
                          std::optional<double> implied_speed_kn) {
  // Without SOG, judge "moving" from the displacement since the previous fix.
  const double speed_kn = current.sog_kn ? *current.sog_kn : implied_speed_kn.value_or(0.0);
  const bool moving = speed_kn >= config_.moving_threshold_kn;
  if (moving) v.last_moving = current.time;
  if (!config_.kalman) return;

  if (suspect && v.kalman) {
    // A jump the model cannot explain: start again from the new position rather than average it in.
    v.kalman.reset();
    ++stats_.kalman_dropped;
  }
  const KalmanFix fix{.time = current.time,
                      .lat_deg = current.lat_deg,
                      .lon_deg = current.lon_deg,
                      .accuracy_high = report.position_accuracy_high,
                      .sog_kn = current.sog_kn,
                      .cog_deg = current.cog_deg};
  if (v.kalman) {
    v.kalman->update(config_.kalman_noise, fix);
    if (!moving && v.last_moving && current.time - *v.last_moving > config_.kalman_idle_ms) {
      v.kalman.reset();
      ++stats_.kalman_dropped;
    }
  } else if (moving) {
    v.kalman = std::make_unique<KalmanTrack>(config_.kalman_noise, fix);
    ++stats_.kalman_built;
  }
}

std::optional<KinematicEstimate> Tracker::estimate(const Vessel& vessel, UnixMillis t) const {
  if (vessel.kalman) return vessel.kalman->predict(config_.kalman_noise, t);
  if (!vessel.last) return std::nullopt;
  const TrackPoint& p = *vessel.last;
  const KalmanTrack fresh(config_.kalman_noise, KalmanFix{.time = p.time,
                                                          .lat_deg = p.lat_deg,
                                                          .lon_deg = p.lon_deg,
                                                          .sog_kn = p.sog_kn,
                                                          .cog_deg = p.cog_deg});
  return fresh.predict(config_.kalman_noise, t);
}

// ---- identity --------------------------------------------------------------------------------------

StaticOutcome Tracker::on_static(const StaticReport& report) {
  ++stats_.statics;
  if (report.mmsi == 0 || report.mmsi > kMaxAisMmsi) {
    ++stats_.invalid_mmsi;
    return StaticOutcome::invalid_mmsi;
  }
  if (!accept_time(report.time, report.mmsi)) return StaticOutcome::implausible_time;
  Vessel& v = find_or_add(report.mmsi, report.time);
  v.last_seen = std::max(v.last_seen, report.time);

  if (report.payload_hash != 0 &&
      v.recent.seen_before(report.payload_hash, report.time, config_.duplicate_window_ms)) {
    ++v.counts.duplicates;
    ++stats_.statics_duplicates;
    return StaticOutcome::duplicate;
  }
  // An older report than the identity in force would flip it back and forth: count it, keep the newer.
  if (v.identity.time && report.time < *v.identity.time) {
    ++stats_.statics_late;
    return StaticOutcome::late;
  }
  apply_identity(v, report);
  ++v.counts.statics;
  ++stats_.statics_applied;
  for (TrackObserver* o : observers_) o->on_static(v, report);
  commit_changes(v);
  return StaticOutcome::applied;
}

void Tracker::apply_identity(Vessel& v, const StaticReport& r) {
  Identity& id = v.identity;
  // Each field: a change is recorded only when a known value is replaced by a different one (the first
  // value is not a change); absent fields never erase known ones.
  auto change = [&](IdentityField field, std::string before, std::string after) {
    record_change(IdentityChange{.field = field, .time = r.time, .before = std::move(before),
                                    .after = std::move(after)},
                  r.raw);
  };
  auto text_field = [&](IdentityField field, auto& stored, const std::optional<std::string_view>& incoming) {
    if (!incoming || incoming->empty() || stored.same_as(*incoming)) return;
    std::string before(stored.view());
    stored.assign(*incoming);
    if (!before.empty()) change(field, std::move(before), std::string(stored.view()));
  };
  text_field(IdentityField::name, id.name, r.name);
  text_field(IdentityField::callsign, id.callsign, r.callsign);
  text_field(IdentityField::destination, id.destination, r.destination);

  if (r.imo && *r.imo != 0 && id.imo != r.imo) {
    const std::optional<std::uint32_t> before = id.imo;
    id.imo = r.imo;
    if (before) change(IdentityField::imo, fmt::format("{}", *before), fmt::format("{}", *r.imo));
    if (is_valid_imo(*r.imo)) check_imo_owner(v, *r.imo, r);
  }
  if (r.ship_type && id.ship_type != r.ship_type) {
    const auto before = id.ship_type;
    id.ship_type = r.ship_type;
    if (before) change(IdentityField::ship_type, fmt::format("{}", *before), fmt::format("{}", *r.ship_type));
  }
  // Draught is broadcast in 0.1 m steps; compare in those steps so float noise is not a change.
  if (r.draught_m && (!id.draught_m || std::lround(*id.draught_m * 10) != std::lround(*r.draught_m * 10))) {
    const auto before = id.draught_m;
    id.draught_m = r.draught_m;
    if (before) change(IdentityField::draught, draught_text(*before), draught_text(*r.draught_m));
  }
  if (r.to_bow_m) id.to_bow_m = r.to_bow_m;
  if (r.to_stern_m) id.to_stern_m = r.to_stern_m;
  if (r.to_port_m) id.to_port_m = r.to_port_m;
  if (r.to_starboard_m) id.to_starboard_m = r.to_starboard_m;
  if (r.length_m) id.length_m = r.length_m;
  if (r.beam_m) id.beam_m = r.beam_m;
  if (r.eta) id.eta = r.eta;
  id.time = r.time;
}

void Tracker::check_imo_owner(Vessel& v, std::uint32_t imo, const StaticReport& r) {
  const auto owner = imo_owner_.find(imo);
  imo_owner_.insert_or_assign(imo, v.mmsi);
  if (!owner || *owner == v.mmsi) return;
  const std::string before_flag = flag_text(*owner), after_flag = flag_text(v.mmsi);
  IdentityChange c{.time = r.time, .other_mmsi = *owner};
  if (before_flag != after_flag) {
    c.field = IdentityField::flag;
    c.before = before_flag;
    c.after = after_flag;
  } else {
    c.field = IdentityField::mmsi;
    c.before = fmt::format("{}", *owner);
    c.after = fmt::format("{}", v.mmsi);
  }
  record_change(std::move(c), r.raw);
}

void Tracker::record_change(IdentityChange change, std::span<const RawRef> raw) {
  const std::size_t records = std::min(raw.size(), config_.raw_records_max);
  change.raw.reserve(records);
  for (std::size_t i = 0; i < records; ++i)
    change.raw.push_back(RawCopy{std::string(raw[i].text.substr(0, config_.raw_text_max)), raw[i].rx_time});
  pending_.push_back(std::move(change));
}

void Tracker::commit_changes(Vessel& v) {
  if (pending_.empty()) return;
  if (!v.history) v.history = std::make_unique<IdentityHistory>();
  IdentityHistory& h = *v.history;
  for (IdentityChange& change : pending_) {
    h.latest.push_back(std::move(change));
    if (h.latest.size() > config_.identity_history_max) {
      h.latest.pop_front();
      ++h.dropped;
    }
    ++stats_.identity_changes;
    for (TrackObserver* o : observers_) o->on_identity_change(v, h.latest.back());
  }
  pending_.clear();
}

}  // namespace aiswatch::ais
