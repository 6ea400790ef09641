// ais_gap — silences in a vessel's positions (GFW gaps and likely disabling) with the sanctions rules:
// near DPRK (>= 2 h), reachability of a DPRK port within the silence, draught change with no port in
// reach.
//
// A gap is found when the vessel is heard again (the tracker's gap from the previous fix), and reported
// once its draught after the gap is known: right away when a static report arrived since the last fix,
// otherwise at the vessel's first static report or `draught_wait_min` later (data time). Vessels still
// silent at finish() are reported as open gaps when they went silent near DPRK or are watchlisted (all of
// them with report_all_open_gaps). Live alerting on a gap still open is left to finish():
// an event is emitted once, with its final content, so replay and live give the same events.
//
// Per vessel, O(1) per update and no allocation once the vessel is known: fixes per hour over the last
// `history_h` hours (a 24-slot ring), the highest SOG over the last ~12 h (two 6-h buckets), the
// draught and static-report count at the latest fix, and that fix's raw record (for the OFF evidence).
#include "aiswatch/detectors/ais_gap.hpp"

#include <algorithm>
#include <cstring>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "common.hpp"
#include "dprk_geo.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kSpeedBucketMs = 6 * kHourMs;
constexpr std::size_t kHistorySlots = 24;  // history_h is capped at 24 h

// The latest fix's first record, kept inline so the per-fix copy touches no heap memory (a cache miss
// per fix on 10 k vessels); records longer than the buffer (rare: long CSV rows) spill to the heap.
class LastRecord {
 public:
  void assign(std::string_view s) {
    if (s.size() <= inline_.size()) {
      std::memcpy(inline_.data(), s.data(), s.size());
      size_ = static_cast<std::uint16_t>(s.size());
      spilled_ = false;
    } else {
      spill_.assign(s);
      spilled_ = true;
    }
  }
  [[nodiscard]] std::string_view view() const noexcept {
    return spilled_ ? std::string_view(spill_) : std::string_view(inline_.data(), size_);
  }
  [[nodiscard]] bool empty() const noexcept { return view().empty(); }

 private:
  std::array<char, 168> inline_{};
  std::uint16_t size_ = 0;
  bool spilled_ = false;
  std::string spill_;
};

struct Track {
  std::array<std::uint16_t, kHistorySlots> per_hour{};  // fixes per hour, ring indexed by hour
  std::int64_t newest_hour = -1;
  std::int64_t speed_bucket = -1;
  float sog_max_now = 0, sog_max_before = 0;  // this 6-h bucket and the one before
  float draught_m = std::numeric_limits<float>::quiet_NaN();  // at the latest fix
  std::uint32_t statics = 0;                  // vessel.counts.statics at the latest fix
  bool pending = false;                        // a closed gap waits for its draught
  LastRecord last_raw;  // the latest fix's first record: the OFF of the next gap
  std::optional<UnixMillis> last_raw_time;

  void add_fix(UnixMillis t, std::optional<float> sog) {
    const std::int64_t hour = t / kHourMs;
    if (hour > newest_hour) {
      const std::int64_t clear = std::min<std::int64_t>(hour - newest_hour, kHistorySlots);
      for (std::int64_t i = 1; i <= clear; ++i)
        per_hour[static_cast<std::size_t>((newest_hour + i) % kHistorySlots)] = 0;
      newest_hour = hour;
    }
    auto& slot = per_hour[static_cast<std::size_t>(hour % kHistorySlots)];
    if (slot < std::numeric_limits<std::uint16_t>::max()) ++slot;
    const std::int64_t bucket = t / kSpeedBucketMs;
    if (bucket != speed_bucket) {
      sog_max_before = bucket == speed_bucket + 1 ? sog_max_now : 0;
      sog_max_now = 0;
      speed_bucket = bucket;
    }
    if (sog) sog_max_now = std::max(sog_max_now, *sog);
  }

  // Fixes in the `hours` hours up to and including the hour of the latest fix.
  [[nodiscard]] std::uint32_t fixes_in_last(std::int64_t hours_back) const {
    std::uint32_t n = 0;
    for (std::int64_t i = 0; i < std::min<std::int64_t>(hours_back, kHistorySlots); ++i)
      if (newest_hour - i >= 0) n += per_hour[static_cast<std::size_t>((newest_hour - i) % kHistorySlots)];
    return n;
  }
  [[nodiscard]] float recent_sog_max() const { return std::max(sog_max_now, sog_max_before); }
};

// Everything known about a gap when it closes (or at finish), before the draught after it.
struct Gap {
  std::uint32_t mmsi = 0;
  ais::TrackPoint off, on;
  bool open = false;
  std::optional<float> draught_before_m;
  std::uint32_t statics_at_off = 0;
  std::uint32_t fixes_before = 0;
  float sog_before_kn = 0;
  std::vector<ais::RawCopy> raw;
  std::uint32_t resumed_as = 0;  // the hull (its IMO) came back under this MMSI
};

// An IMO broadcast by a new MMSI while its old MMSI is silent: the old MMSI's gap ends when the new one
// is first heard (identity laundering, re-flagging), not at the end of the data.
struct Handover {
  std::uint32_t old_mmsi = 0, new_mmsi = 0;
  ais::TrackPoint off;   // the old MMSI's last fix
  UnixMillis at = 0;     // when the new MMSI broadcast the IMO
};

class AisGapDetector final : public Detector {
 public:
  explicit AisGapDetector(const DetectorContext& context)
      : Detector(context), cfg_(context.config.ais_gap), dprk_(context.zones) {}

  [[nodiscard]] const char* name() const noexcept override { return "ais_gap"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (u.flags.late) return;
    if (!handovers_.empty()) close_handover(vessel, u);
    Track& track = tracks_.get_or_add(vessel.mmsi);
    if (track.pending) emit_pending(vessel.mmsi, &vessel, u.current.time, false);
    if (u.previous && u.gap_ms && *u.gap_ms >= ms_of_hours(std::min(cfg_.sensitive_min_gap_h, cfg_.min_gap_h))) {
      Gap gap{.mmsi = vessel.mmsi, .off = *u.previous, .on = u.current};
      if (!std::isnan(track.draught_m)) gap.draught_before_m = track.draught_m;
      gap.statics_at_off = track.statics;
      gap.fixes_before = track.fixes_in_last(std::llround(std::min<double>(cfg_.history_h, kHistorySlots)));
      gap.sog_before_kn = track.recent_sog_max();
      if (!track.last_raw.empty()) gap.raw.push_back({std::string(track.last_raw.view()), track.last_raw_time});
      for (const auto& r : u.raw()) gap.raw.push_back({std::string(r.text.substr(0, kMaxRawTextBytes)), r.rx_time});
      if (worth_reporting(gap)) {
        track.pending = true;
        pending_.push_back(std::move(gap));
        // A static report since the last fix already gave the draught after the silence.
        if (vessel.counts.statics > track.statics) emit_pending(vessel.mmsi, &vessel, u.current.time, true);
      }
    }
    track.add_fix(u.current.time, u.current.sog_kn);
    track.draught_m = vessel.identity.draught_m.value_or(std::numeric_limits<float>::quiet_NaN());
    track.statics = vessel.counts.statics;
    if (!u.raw().empty()) {
      track.last_raw.assign(u.raw().front().text.substr(0, kMaxRawTextBytes));
      track.last_raw_time = u.raw().front().rx_time;
    }
  }

  void on_static(const ais::Vessel& vessel, const ais::StaticReport& /*report*/) override {
    Track* track = tracks_.find(vessel.mmsi);
    if (track && track->pending) emit_pending(vessel.mmsi, &vessel, vessel.last_seen, true);
  }

  void on_time(UnixMillis now) override {
    if (pending_.empty()) return;
    for (std::size_t i = 0; i < pending_.size();) {
      if (now - pending_[i].on.time >= wait_ms()) {
        const std::uint32_t mmsi = pending_[i].mmsi;
        emit_pending(mmsi, ctx_.tracker.find(mmsi), now, true);
        continue;  // emit_pending removed it
      }
      ++i;
    }
  }

  void on_identity_change(const ais::Vessel& vessel, const ais::IdentityChange& change) override {
    if (change.field != ais::IdentityField::mmsi && change.field != ais::IdentityField::flag) return;
    const ais::Vessel* old = ctx_.tracker.find(change.other_mmsi);
    if (!old || !old->last || change.time - old->last->time < ms_of_hours(cfg_.min_gap_h)) return;
    handovers_.push_back({change.other_mmsi, vessel.mmsi, *old->last, change.time});
  }

  void on_evicted(const ais::VesselSummary& summary) override {
    if (Track* track = tracks_.find(summary.mmsi); track && track->pending)
      emit_pending(summary.mmsi, nullptr, summary.last_seen, true);
    tracks_.erase(summary.mmsi);
  }

  void finish(UnixMillis end_of_data) override {
    while (!pending_.empty()) emit_pending(pending_.front().mmsi, ctx_.tracker.find(pending_.front().mmsi), end_of_data, true);
    handovers_.clear();  // new MMSIs never heard in a position: their old MMSIs are ordinary open gaps
    const std::int64_t sensitive = ms_of_hours(std::min(cfg_.sensitive_min_gap_h, cfg_.min_gap_h));
    for (const ais::Vessel& v : ctx_.tracker.vessels()) {
      if (!v.last || end_of_data - v.last->time < sensitive) continue;
      Gap gap{.mmsi = v.mmsi, .off = *v.last, .on = *v.last, .open = true};
      gap.on.time = end_of_data;
      if (const Track* track = tracks_.find(v.mmsi)) {
        if (!std::isnan(track->draught_m)) gap.draught_before_m = track->draught_m;
        gap.fixes_before = track->fixes_in_last(std::llround(std::min<double>(cfg_.history_h, kHistorySlots)));
        gap.sog_before_kn = track->recent_sog_max();
        if (!track->last_raw.empty()) gap.raw.push_back({std::string(track->last_raw.view()), track->last_raw_time});
      }
      if (!worth_reporting(gap)) continue;
      if (handed_over_.contains(v.mmsi) && handed_over_.at(v.mmsi) == v.last->time) continue;  // reported
      if (!cfg_.report_all_open_gaps && !nearness(gap).near && !watchlisted(v.mmsi)) continue;
      emit(gap, &v, std::nullopt);
    }
  }

 private:
  // The first position of a new MMSI that took over a silent MMSI's IMO closes the old one's gap.
  void close_handover(const ais::Vessel& vessel, const ais::PositionUpdate& u) {
    for (std::size_t i = 0; i < handovers_.size();) {
      const Handover h = handovers_[i];
      if (h.new_mmsi != vessel.mmsi) {
        ++i;
        continue;
      }
      handovers_.erase(handovers_.begin() + static_cast<std::ptrdiff_t>(i));
      const ais::Vessel* old = ctx_.tracker.find(h.old_mmsi);
      if (!old || !old->last || old->last->time != h.off.time) continue;  // the old MMSI spoke again meanwhile
      Gap gap{.mmsi = h.old_mmsi, .off = h.off, .on = u.current, .resumed_as = vessel.mmsi};
      if (const Track* track = tracks_.find(h.old_mmsi)) {
        if (!std::isnan(track->draught_m)) gap.draught_before_m = track->draught_m;
        gap.fixes_before = track->fixes_in_last(std::llround(std::min<double>(cfg_.history_h, kHistorySlots)));
        gap.sog_before_kn = track->recent_sog_max();
        if (!track->last_raw.empty()) gap.raw.push_back({std::string(track->last_raw.view()), track->last_raw_time});
      }
      for (const auto& r : u.raw()) gap.raw.push_back({std::string(r.text.substr(0, kMaxRawTextBytes)), r.rx_time});
      if (!worth_reporting(gap)) continue;
      handed_over_.insert_or_assign(h.old_mmsi, h.off.time);
      emit(gap, old, vessel.identity.draught_m);
    }
  }

  [[nodiscard]] bool watchlisted(std::uint32_t mmsi) const {
    const watchlists::MatchResult* r = ctx_.matches.find(mmsi);
    return r && !r->matches.empty() && r->matches.front().confidence >= kWatchlistedConfidence;
  }

  [[nodiscard]] std::int64_t wait_ms() const { return std::llround(cfg_.draught_wait_min * 60'000.0); }

  // Near DPRK: the OFF or ON position within sensitive_distance_nm of DPRK waters or of a DPRK port.
  struct Nearness {
    std::optional<double> waters_m;  // from the nearer end
    std::optional<NearPort> port;
    bool near = false;
  };
  Nearness nearness(const Gap& gap) {
    Nearness n;
    const double max_m = cfg_.sensitive_distance_nm * kMetresPerNm;
    for (const geo::LatLon p : {latlon(gap.off), latlon(gap.on)}) {
      if (const auto w = dprk_.distance_to_waters_m(p, max_m); w && (!n.waters_m || *w < *n.waters_m)) n.waters_m = w;
      if (const auto port = dprk_.nearest_port(p, max_m); port && (!n.port || port->distance_m < n.port->distance_m))
        n.port = port;
      if (gap.open) break;  // an open gap has no ON position
    }
    n.near = n.waters_m.has_value() || n.port.has_value();
    return n;
  }

  bool worth_reporting(const Gap& gap) {
    const std::int64_t length = gap.on.time - gap.off.time;
    if (length >= ms_of_hours(cfg_.min_gap_h)) return true;
    return length >= ms_of_hours(cfg_.sensitive_min_gap_h) && nearness(gap).near;
  }

  void emit_pending(std::uint32_t mmsi, const ais::Vessel* vessel, UnixMillis now, bool force) {
    const auto it = std::find_if(pending_.begin(), pending_.end(), [&](const Gap& g) { return g.mmsi == mmsi; });
    if (it == pending_.end()) return;
    if (!force && now - it->on.time < wait_ms()) return;
    Gap gap = std::move(*it);
    pending_.erase(it);
    if (Track* track = tracks_.find(mmsi)) track->pending = false;
    std::optional<float> draught_after;
    if (vessel && vessel->counts.statics > gap.statics_at_off) draught_after = vessel->identity.draught_m;
    emit(gap, vessel, draught_after);
  }

  void emit(const Gap& gap, const ais::Vessel* vessel, std::optional<float> draught_after) {
    const double gap_h = hours(gap.on.time - gap.off.time);
    const geo::LatLon off = latlon(gap.off);
    const geo::LatLon on = latlon(gap.on);
    Event e{.type = EventType::ais_gap, .mmsi = gap.mmsi, .start = gap.off.time, .end = gap.on.time};
    set_position(e, off);
    e.add_evidence("gap_hours", round_to(gap_h, 2));
    e.add_evidence("open", gap.open);
    e.add_evidence("off_position", position_text(off));
    const double shore_off_m = ctx_.land.distance_to_shore_m(off);
    e.add_evidence("off_distance_from_shore_nm", round_to(nm_of_m(shore_off_m), 1));
    e.add_evidence("positions_before", std::int64_t{gap.fixes_before});
    e.add_evidence("positions_before_hours", std::min<double>(cfg_.history_h, kHistorySlots));
    if (gap.sog_before_kn > 0) e.add_evidence("sog_before_max_kn", round_to(gap.sog_before_kn, 1));

    double distance_m = 0;
    if (!gap.open) {
      distance_m = geo::distance_m(off, on);
      e.add_evidence("on_position", position_text(on));
      e.add_evidence("on_distance_from_shore_nm", round_to(nm_of_m(ctx_.land.distance_to_shore_m(on)), 1));
      e.add_evidence("distance_km", round_to(distance_m / 1000.0, 2));
      e.add_evidence("implied_speed_kn", round_to(nm_of_m(distance_m) / std::max(gap_h, 1e-6), 2));
    }
    if (const geo::Zone* z = zone_at(off, geo::ZoneKind::port)) e.add_evidence("starts_in_port", z->name);
    if (!gap.open)
      if (const geo::Zone* z = zone_at(on, geo::ZoneKind::port)) e.add_evidence("ends_in_port", z->name);
    if (const geo::Zone* z = zone_at(off, geo::ZoneKind::port); z) {
      e.zone = z->name;
      e.zone_country = z->country_iso2;
    } else if (const geo::Zone* w = first_watch_zone(off)) {
      e.zone = w->name;
      e.zone_country = w->country_iso2;
    }

    std::optional<double> draught_change;
    if (gap.draught_before_m) e.add_evidence("draught_before_m", round_to(*gap.draught_before_m, 1));
    if (draught_after) e.add_evidence("draught_after_m", round_to(*draught_after, 1));
    if (gap.draught_before_m && draught_after) {
      draught_change = round_to(*draught_after - *gap.draught_before_m, 1);
      e.add_evidence("draught_change_m", *draught_change);
    }

    // GFW's likely-disabling filter (without its reception-quality inputs, which need a raster).
    const bool disabling = gap_h >= cfg_.disabling_min_gap_h && nm_of_m(shore_off_m) > cfg_.disabling_min_shore_nm;
    e.add_evidence("likely_disabling", disabling);
    if (disabling) {
      e.severity = Severity::low;
      e.reasons.push_back(fmt::format("likely AIS disabling (GFW): silent {:.1f} h from {:.0f} nm offshore", gap_h,
                                      nm_of_m(shore_off_m)));
    }

    const Nearness near = nearness(gap);
    if (near.waters_m) e.add_evidence("dprk_waters_distance_nm", round_to(nm_of_m(*near.waters_m), 1));
    if (near.port) {
      e.add_evidence("nearest_dprk_port", near.port->port.zone->name);
      e.add_evidence("nearest_dprk_port_distance_nm", round_to(nm_of_m(near.port->distance_m), 1));
    }
    // How long the ship could have stopped, had it sailed straight on at its speed before the silence:
    // near zero is a coverage hole on passage; hours to spare leave time for a call or a transfer.
    if (!gap.open && gap.sog_before_kn >= 1.0) {
      e.add_evidence("time_to_spare_h", round_to(gap_h - nm_of_m(distance_m) / gap.sog_before_kn, 2));
    }
    if (near.near) {
      e.flagged = true;
      e.severity = std::max(e.severity, gap_h >= cfg_.disabling_min_gap_h ? Severity::high : Severity::medium);
      e.reasons.push_back(fmt::format("silent {:.1f} h {} within {:.0f} nm of {}", gap_h,
                                      gap.open ? "(still) starting" : "starting or ending", cfg_.sensitive_distance_nm,
                                      near.port ? "DPRK port " + near.port->port.zone->name : std::string("DPRK waters")));
    }

    // Reachability: out to a DPRK port, alongside, and back (or still there) within the silence.
    const double speed = std::clamp<double>(gap.sog_before_kn, cfg_.reach_speed_floor_kn, cfg_.reach_speed_cap_kn);
    if (gap_h >= cfg_.min_gap_h || near.near) {
      const std::vector<ReachablePort> ports = dprk_.reachable(off, gap.open ? std::nullopt : std::optional(on), gap_h,
                                                               speed, cfg_.reach_port_stay_h);
      if (!ports.empty()) {
        const ReachablePort& best = ports.front();
        std::vector<std::string_view> names;
        for (const ReachablePort& r : ports) names.push_back(r.port.zone->name);
        e.add_evidence("possible_dark_port_call", best.port.zone->name);
        e.add_evidence("reachable_dprk_ports", fmt::format("{}", fmt::join(names, ", ")));
        e.add_evidence("reach_route_nm", round_to(nm_of_m(best.route_m), 1));
        e.add_evidence("reach_speed_kn", round_to(speed, 1));
        e.add_evidence("reach_slack_h", round_to(best.slack_h, 1));
        e.reasons.push_back(fmt::format(
            "possible dark port call at {}: {:.0f} nm {} at {:.1f} kn plus {:.0f} h alongside fits the {:.1f} h silence "
            "with {:.1f} h to spare{}",
            port_label(*best.port.zone), nm_of_m(best.route_m), gap.open ? "out" : "there and back", speed,
            cfg_.reach_port_stay_h, gap_h, best.slack_h,
            ports.size() > 1 ? fmt::format(" (also within reach: {})", fmt::join(names.begin() + 1, names.end(), ", "))
                             : std::string()));
        if (!gap.open) {  // a gap still open at the end of the data may simply be the end of coverage
          e.flagged = true;
          e.severity = std::max(e.severity, Severity::medium);
        }
      }
    }

    if (draught_change && std::abs(*draught_change) >= cfg_.draught_change_m && gap_h >= cfg_.min_gap_h &&
        !gap.open && !port_in_reach(off, on, gap_h, speed)) {
      e.flagged = true;
      e.severity = std::max(e.severity, Severity::low);
      e.reasons.push_back(fmt::format("draught changed {:+.1f} m across the silence with no port in reach: cargo may "
                                      "have moved at sea",
                                      *draught_change));
    }
    if (gap.resumed_as) {
      e.add_evidence("resumed_as_mmsi", std::int64_t{gap.resumed_as});
      e.reasons.push_back(fmt::format("the hull (IMO {}) was next heard as MMSI {}: this MMSI's silence ended under a "
                                      "new identity",
                                      vessel && vessel->identity.imo ? fmt::format("{}", *vessel->identity.imo) : "?",
                                      gap.resumed_as));
    }
    if (e.reasons.empty())
      e.reasons.push_back(fmt::format("AIS silent {:.1f} h{}", gap_h, gap.open ? " (still silent at end of data)" : ""));

    add_raw(e, gap.raw);
    ctx_.sink.emit(finish_event(std::move(e), vessel, ctx_));
  }

  static std::string port_label(const geo::Zone& z) {
    return z.country_iso2.empty() ? z.name : fmt::format("{} ({})", z.name, z.country_iso2);
  }

  const geo::Zone* zone_at(geo::LatLon p, geo::ZoneKind kind) {
    ctx_.zones.zones_at(p, hits_);
    for (const geo::Zone* z : hits_)
      if (z->kind == kind) return z;
    return nullptr;
  }

  const geo::Zone* first_watch_zone(geo::LatLon p) {
    ctx_.zones.zones_at(p, hits_);
    for (const geo::Zone* z : hits_)
      if (z->kind == geo::ZoneKind::dprk_waters || z->kind == geo::ZoneKind::sts_hotspot) return z;
    return nullptr;
  }

  // Could any port have been visited (out, stay, back)? Checks the ports nearest the OFF and the ON
  // positions, which is where a port within reach would be.
  bool port_in_reach(geo::LatLon off, geo::LatLon on, double gap_h, double speed_kn) const {
    const double budget_m = (gap_h - cfg_.reach_port_stay_h) * speed_kn * kMetresPerNm;
    if (budget_m <= 0) return false;
    for (const geo::LatLon p : {off, on}) {
      const auto port = ctx_.zones.nearest_port(p, budget_m / 1000.0);
      if (!port || !port->zone->port_lat_deg || !port->zone->port_lon_deg) continue;
      const geo::LatLon at{*port->zone->port_lat_deg, *port->zone->port_lon_deg};
      if (geo::distance_m(off, at) + geo::distance_m(at, on) <= budget_m) return true;
    }
    return false;
  }

  const AisGapConfig& cfg_;
  DprkGeo dprk_;
  PerVessel<Track> tracks_;
  std::vector<Gap> pending_;
  std::vector<Handover> handovers_;                   // waiting for the new MMSI's first position
  std::unordered_map<std::uint32_t, UnixMillis> handed_over_;  // old MMSI -> last fix, gap already reported
  std::vector<const geo::Zone*> hits_;
};

}  // namespace

std::unique_ptr<Detector> make_ais_gap_detector(const DetectorContext& ctx) {
  return std::make_unique<AisGapDetector>(ctx);
}

}  // namespace aiswatch::detectors
