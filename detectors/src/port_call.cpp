// port_call — GFW's port-visit state machine on the harbour zones, with the sanctions rules on top.
//
// States per vessel: outside any port (no state kept) or in a visit of one port zone. A visit begins at
// the first fix inside the harbour area and ends at the first fix farther than `exit_margin_m` beyond it
// (circles: distance to the reference point > radius + margin; polygons, which have no distance here:
// two consecutive fixes outside). While in port, SOG below `stop_speed_kn` begins a stop and above
// `move_speed_kn` ends it; a silence over `port_gap_h` is a port gap. GFW confidence: 1 entry/exit only,
// 2 stop/gap only, 3 entry or exit with stop/gap, 4 entry and exit with stop/gap. An entry is "observed"
// when the fix before the visit was outside and recent (not across a silence); an exit likewise. Where
// harbour circles overlap, the visit is labelled (as GFW does) by the port nearest its first stop.
#include "aiswatch/detectors/port_call.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "common.hpp"
#include "dprk_geo.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

struct PastCall {
  const geo::Zone* zone = nullptr;
  UnixMillis arrival = 0, departure = 0;
  bool inferred = false;  // "approach then gap": no fix in port
};

struct Visit {
  const geo::Zone* zone = nullptr;
  UnixMillis arrival = 0;       // first fix inside
  UnixMillis last_inside = 0;   // latest fix within the exit radius
  bool entry = false, exit = false, stop = false, gap = false;
  bool stopped = false;
  UnixMillis stop_begin = 0;
  std::int64_t stopped_ms = 0;
  std::int64_t longest_silence_ms = 0;
  std::uint32_t fixes = 0;
  std::uint32_t outside_fixes = 0;   // polygon zones: consecutive fixes outside
  std::optional<float> draught_arrival_m;
  std::optional<geo::LatLon> stop_at;
  double closest_m = -1;             // to the reference point (circles)
  RawKeep raw{6};
};

// A silence long enough for a DPRK call (reachability, as ais_gap computes it) that ended outside any
// port: not a call, but it makes the next shuttle-port call a possible shuttle leg.
struct DarkWindow {
  const geo::Zone* port = nullptr;  // the reachable DPRK port with the most slack
  UnixMillis off = 0, on = 0;
};

struct VesselPorts {
  std::optional<Visit> visit;
  std::deque<PastCall> calls;  // reported calls, oldest first, bounded
  std::optional<DarkWindow> dark_window;  // the latest one
};

std::uint8_t confidence_of(const Visit& v) {
  const bool entry_or_exit = v.entry || v.exit;
  if (v.stop || v.gap) return v.entry && v.exit ? 4 : entry_or_exit ? 3 : 2;
  return entry_or_exit ? 1 : 0;
}

std::string observed_list(const Visit& v) {
  std::vector<std::string_view> parts;
  if (v.entry) parts.emplace_back("entry");
  if (v.stop) parts.emplace_back("stop");
  if (v.gap) parts.emplace_back("port gap");
  if (v.exit) parts.emplace_back("exit");
  return parts.empty() ? std::string("fixes only") : fmt::format("{}", fmt::join(parts, ", "));
}

// Which 0.1° cells a harbour circle can touch, so the open sea (almost every update) skips the zone
// query. Conservative: a cell is marked when the circle's bounding box overlaps it. Polygon port zones
// (user files) have no extent here, so when there are any every update asks the ZoneSet.
class PortCells {
 public:
  explicit PortCells(const geo::ZoneSet& zones) : bits_(kRows * kCols, false) {
    for (const geo::Zone& z : zones.zones()) {
      if (!z.is_port()) continue;
      if (!z.radius_m || !z.port_lat_deg || !z.port_lon_deg) {
        all_ = true;
        continue;
      }
      const geo::MetresPerDegree scale = geo::metres_per_degree(*z.port_lat_deg);
      const double dlat = *z.radius_m / scale.lat_m, dlon = *z.radius_m / std::max(scale.lon_m, 1.0);
      for (int r = row(*z.port_lat_deg - dlat); r <= row(*z.port_lat_deg + dlat); ++r)
        for (double lon = *z.port_lon_deg - dlon; lon <= *z.port_lon_deg + dlon + kCellDeg; lon += kCellDeg)
          bits_[static_cast<std::size_t>(r) * kCols + col(std::min(lon, *z.port_lon_deg + dlon))] = true;
    }
  }
  [[nodiscard]] bool maybe_port(geo::LatLon p) const {
    return all_ || bits_[static_cast<std::size_t>(row(p.lat_deg)) * kCols + col(p.lon_deg)];
  }

 private:
  static constexpr double kCellDeg = 0.1;
  static constexpr int kRows = 1800, kCols = 3600;
  static int row(double lat) { return std::clamp(static_cast<int>(std::floor((lat + 90) / kCellDeg)), 0, kRows - 1); }
  static std::size_t col(double lon) {
    double wrapped = std::fmod(lon + 180.0, 360.0);
    if (wrapped < 0) wrapped += 360.0;
    return static_cast<std::size_t>(std::clamp(static_cast<int>(wrapped / kCellDeg), 0, kCols - 1));
  }
  std::vector<bool> bits_;
  bool all_ = false;
};

std::string port_label(const geo::Zone& z) {
  return z.country_iso2.empty() ? z.name : fmt::format("{} ({})", z.name, z.country_iso2);
}

class PortCallDetector final : public Detector {
 public:
  explicit PortCallDetector(const DetectorContext& context)
      : Detector(context), cfg_(context.config.port_call), dprk_(context.zones), port_cells_(context.zones) {}

  [[nodiscard]] const char* name() const noexcept override { return "port_call"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (u.flags.late) return;  // a late fix does not move the vessel
    const geo::LatLon here = latlon(u.current);
    const std::int64_t gap_ms = u.gap_ms.value_or(0);
    VesselPorts* state = states_.find(vessel.mmsi);

    if (state && state->visit) {
      Visit& visit = *state->visit;
      const bool silence = gap_ms > ms_of_hours(cfg_.port_gap_h);
      if (silence) visit.gap = true;
      visit.longest_silence_ms = std::max(visit.longest_silence_ms, gap_ms);
      if (still_inside(visit, here)) {
        visit.outside_fixes = 0;
        if (silence) visit.raw.add(u.raw(), 1);
        update_inside(visit, u);
        return;
      }
      visit.exit = !silence;  // heard leaving, not reappearing elsewhere after a silence in port
      if (visit.exit) visit.raw.add(u.raw(), 1);
      close_visit(vessel, *state, visit.exit ? u.current.time : visit.last_inside, false);
    } else if (u.previous && gap_ms >= ms_of_hours(cfg_.dark_call_min_gap_h)) {
      if (!check_approach_then_gap(vessel, *u.previous, u.current)) note_dark_window(vessel, *u.previous, u.current);
      state = states_.find(vessel.mmsi);  // either may have added it
    }

    const geo::Zone* port = port_at(here);
    if (!port) return;
    if (!state) state = &states_.get_or_add(vessel.mmsi);
    Visit& visit = state->visit.emplace();
    visit.zone = port;
    visit.arrival = u.current.time;
    visit.entry = u.previous && gap_ms <= ms_of_hours(cfg_.port_gap_h);
    visit.draught_arrival_m = vessel.identity.draught_m;
    visit.raw.add(u.raw(), 2);
    update_inside(visit, u);
  }

  void on_evicted(const ais::VesselSummary& summary) override {
    VesselPorts* state = states_.find(summary.mmsi);
    if (!state) return;
    if (state->visit) {
      state->visit->gap = true;  // evicted: silent for days inside the port
      close_visit(nullptr, summary.mmsi, *state, state->visit->last_inside, false);
    }
    states_.erase(summary.mmsi);
  }

  void finish(UnixMillis end_of_data) override {
    // Vessels last heard near (not in) a DPRK port and silent since: an open inferred call. Before the
    // open visits are closed, so a vessel silent inside a port is a port gap, not an inferred call.
    const std::int64_t min_gap = ms_of_hours(cfg_.dark_call_min_gap_h);
    for (const ais::Vessel& v : ctx_.tracker.vessels()) {
      if (!v.last || end_of_data - v.last->time < min_gap) continue;
      const VesselPorts* state = states_.find(v.mmsi);
      if (state && state->visit) continue;
      check_approach_then_gap(v, *v.last, std::nullopt, end_of_data);
    }
    states_.for_each([&](std::uint32_t mmsi, VesselPorts& state) {
      if (!state.visit) return;
      if (end_of_data - state.visit->last_inside > ms_of_hours(cfg_.port_gap_h)) state.visit->gap = true;
      close_visit(ctx_.tracker.find(mmsi), mmsi, state, state.visit->last_inside, true);
    });
  }

 private:
  // The port zone at p: the one whose reference point is nearest (circles can overlap), polygons first.
  const geo::Zone* port_at(geo::LatLon p) {
    if (!port_cells_.maybe_port(p)) return nullptr;
    ctx_.zones.zones_at(p, hits_);
    const geo::Zone* best = nullptr;
    double best_m = 0;
    for (const geo::Zone* z : hits_) {
      if (!z->is_port()) continue;
      const double d = (z->radius_m && z->port_lat_deg && z->port_lon_deg)
                           ? geo::approx_distance_m(p, {*z->port_lat_deg, *z->port_lon_deg})
                           : 0.0;
      if (!best || d < best_m) {
        best = z;
        best_m = d;
      }
    }
    return best;
  }

  bool still_inside(Visit& visit, geo::LatLon p) {
    const geo::Zone& z = *visit.zone;
    if (z.radius_m && z.port_lat_deg && z.port_lon_deg) {
      const double d = geo::approx_distance_m(p, {*z.port_lat_deg, *z.port_lon_deg});
      if (visit.closest_m < 0 || d < visit.closest_m) visit.closest_m = d;
      return d <= *z.radius_m + cfg_.exit_margin_m;
    }
    ctx_.zones.zones_at(p, hits_);
    if (std::find(hits_.begin(), hits_.end(), visit.zone) != hits_.end()) return true;
    return ++visit.outside_fixes < 2;  // no distance to a polygon: two fixes outside make an exit
  }

  void update_inside(Visit& visit, const ais::PositionUpdate& u) {
    ++visit.fixes;
    visit.last_inside = u.current.time;
    const std::optional<double> speed = speed_kn(u.current, u.implied_speed_kn);
    if (!speed) return;
    if (!visit.stopped && *speed < cfg_.stop_speed_kn) {
      visit.stopped = true;
      visit.stop_begin = u.current.time;
      if (!visit.stop) {
        visit.stop = true;
        visit.stop_at = latlon(u.current);
        visit.raw.add(u.raw(), 1);
        // GFW labels a visit by where it first stops: a ship that came in through a neighbour's harbour
        // circle (Kozmino next to Vostochnyy) is at the port whose reference point is nearest its berth.
        if (const geo::Zone* here = port_at(*visit.stop_at); here && here != visit.zone) {
          visit.zone = here;
          visit.closest_m = -1;
        }
      }
    } else if (visit.stopped && *speed > cfg_.move_speed_kn) {
      visit.stopped = false;
      visit.stopped_ms += u.current.time - visit.stop_begin;
    }
  }

  void close_visit(const ais::Vessel& vessel, VesselPorts& state, UnixMillis departure, bool open) {
    close_visit(&vessel, vessel.mmsi, state, departure, open);
  }

  void close_visit(const ais::Vessel* vessel, std::uint32_t mmsi, VesselPorts& state, UnixMillis departure,
                   bool open) {
    Visit visit = std::move(*state.visit);
    state.visit.reset();
    if (visit.stopped) visit.stopped_ms += std::max<std::int64_t>(0, departure - visit.stop_begin);
    const geo::Zone& zone = *visit.zone;
    const std::uint8_t confidence = confidence_of(visit);
    const bool dprk = zone.is_dprk_port();
    if (!dprk && !zone.shuttle_port && confidence < cfg_.min_confidence) return;  // a pass, not a call

    Event e{.type = EventType::port_call, .mmsi = mmsi, .start = visit.arrival, .end = departure};
    e.zone = zone.name;
    e.zone_country = zone.country_iso2;
    if (visit.stop_at) {
      set_position(e, *visit.stop_at);
    } else if (zone.port_lat_deg && zone.port_lon_deg) {
      set_position(e, {*zone.port_lat_deg, *zone.port_lon_deg});
    }
    e.add_evidence("port_id", zone.id);
    e.add_evidence("confidence", std::int64_t{confidence});
    e.add_evidence("observed", observed_list(visit));
    e.add_evidence("dwell_h", round_to(hours(departure - visit.arrival), 2));
    e.add_evidence("stopped_h", round_to(hours(visit.stopped_ms), 2));
    e.add_evidence("longest_silence_h", round_to(hours(visit.longest_silence_ms), 2));
    e.add_evidence("fixes_in_port", std::int64_t{visit.fixes});
    if (visit.closest_m >= 0) e.add_evidence("closest_to_port_point_m", std::round(visit.closest_m));
    if (visit.draught_arrival_m) e.add_evidence("draught_arrival_m", round_to(*visit.draught_arrival_m, 1));
    if (vessel && vessel->identity.draught_m)
      e.add_evidence("draught_departure_m", round_to(*vessel->identity.draught_m, 1));
    if (zone.approximate) e.add_evidence("zone_approximate", true);
    e.add_evidence("open", open);
    add_previous_port(e, state, visit.arrival);

    if (dprk) {
      e.flagged = true;
      e.severity = confidence >= 2 ? Severity::high : Severity::medium;
      e.reasons.push_back(confidence >= 2
                              ? fmt::format("call at a DPRK port: {}, GFW confidence {} ({})", port_label(zone),
                                            confidence, observed_list(visit))
                              : fmt::format("passed through the harbour area of DPRK port {} without stopping",
                                            port_label(zone)));
      if (const PastCall* shuttle = recent_call(state, visit.arrival, [](const geo::Zone& z) { return z.shuttle_port; })) {
        e.reasons.push_back(fmt::format("Russia–DPRK shuttle: {} → {}", shuttle->zone->name, zone.name));
        e.add_evidence("shuttle_leg", fmt::format("{} -> {}", shuttle->zone->name, zone.name));
      }
    } else if (zone.shuttle_port) {
      if (const PastCall* call = recent_call(state, visit.arrival, [](const geo::Zone& z) { return z.is_dprk_port(); })) {
        e.flagged = true;
        e.severity = Severity::medium;
        e.reasons.push_back(fmt::format("Russia–DPRK shuttle: {} → {} ({:.1f} days after leaving {})", call->zone->name,
                                        zone.name, hours(visit.arrival - call->departure) / 24.0, call->zone->name));
        e.add_evidence("shuttle_leg", fmt::format("{} -> {}", call->zone->name, zone.name));
      } else if (const DarkWindow* dark = recent_dark_window(state, visit.arrival)) {
        e.flagged = true;
        e.severity = Severity::medium;
        e.reasons.push_back(fmt::format(
            "possible Russia–DPRK shuttle leg: silent {:.1f} h ({:.1f} days before arriving), long enough for a call "
            "at {}",
            hours(dark->on - dark->off), hours(visit.arrival - dark->on) / 24.0, port_label(*dark->port)));
        e.add_evidence("shuttle_leg", fmt::format("possible: {} -> {}", dark->port->name, zone.name));
      } else {
        e.reasons.push_back(fmt::format("call at a Russia–DPRK shuttle port: {} (recorded for the voyage)", zone.name));
      }
    }
    add_raw(e, visit.raw.records());
    remember(state, {&zone, visit.arrival, departure, false});
    ctx_.sink.emit(finish_event(std::move(e), vessel, ctx_));
  }

  // "Approach then gap": the last fix before a long silence lies near a DPRK port (and the vessel does
  // not reappear inside that port, which would be a visit with AIS on).
  // Returns whether it reported an inferred call.
  bool check_approach_then_gap(const ais::Vessel& vessel, const ais::TrackPoint& off,
                               std::optional<ais::TrackPoint> on, std::optional<UnixMillis> open_until = {}) {
    if (!dprk_.any_ports()) return false;
    const auto near = dprk_.nearest_port(latlon(off), cfg_.dark_call_max_distance_km * 1000.0);
    if (!near) return false;
    if (on) {
      ctx_.zones.zones_at(latlon(*on), hits_);
      if (std::find(hits_.begin(), hits_.end(), near->port.zone) != hits_.end()) return false;
    }
    const UnixMillis end = on ? on->time : *open_until;
    const geo::Zone& zone = *near->port.zone;
    Event e{.type = EventType::port_call, .mmsi = vessel.mmsi, .start = off.time, .end = end};
    e.zone = zone.name;
    e.zone_country = zone.country_iso2;
    set_position(e, near->port.at);
    e.flagged = true;
    e.severity = Severity::medium;
    e.add_evidence("port_id", zone.id);
    e.add_evidence("inferred", std::string("approach then gap"));
    e.add_evidence("confidence", std::int64_t{0});
    e.add_evidence("last_fix_distance_km", round_to(near->distance_m / 1000.0, 1));
    e.add_evidence("last_fix", position_text(latlon(off)));
    e.add_evidence("silence_h", round_to(hours(end - off.time), 2));
    if (on) e.add_evidence("first_fix_after", position_text(latlon(*on)));
    e.add_evidence("open", !on);
    e.reasons.push_back(fmt::format(
        "approach then gap: last heard {:.1f} km from DPRK port {}, then silent {:.1f} h{} — possible dark call",
        near->distance_m / 1000.0, port_label(zone), hours(end - off.time), on ? "" : " (still silent)"));
    VesselPorts& state = states_.get_or_add(vessel.mmsi);
    add_previous_port(e, state, off.time);
    remember(state, {&zone, off.time, end, true});
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
    return true;
  }

  // A closed silence in which a DPRK port was reachable (ais_gap's speed and stay parameters): kept, not
  // reported — ais_gap reports the silence; this only makes the next shuttle-port call a possible leg.
  void note_dark_window(const ais::Vessel& vessel, const ais::TrackPoint& off, const ais::TrackPoint& on) {
    if (!dprk_.any_ports()) return;
    const AisGapConfig& gap = ctx_.config.ais_gap;
    const double speed = std::clamp<double>(off.sog_kn.value_or(0), gap.reach_speed_floor_kn, gap.reach_speed_cap_kn);
    const auto ports = dprk_.reachable(latlon(off), latlon(on), hours(on.time - off.time), speed, gap.reach_port_stay_h);
    if (ports.empty()) return;
    states_.get_or_add(vessel.mmsi).dark_window = DarkWindow{ports.front().port.zone, off.time, on.time};
  }

  void add_previous_port(Event& e, const VesselPorts& state, UnixMillis arrival) const {
    if (state.calls.empty()) return;
    const PastCall& prev = state.calls.back();
    e.add_evidence("previous_port", prev.zone->name);
    if (!prev.zone->country_iso2.empty()) e.add_evidence("previous_port_country", prev.zone->country_iso2);
    e.add_evidence("previous_departure", format_iso8601(prev.departure));
    e.add_evidence("voyage_h", round_to(hours(arrival - prev.departure), 1));
    std::vector<std::string> voyage;
    for (const PastCall& c : state.calls) voyage.push_back(c.zone->name);
    voyage.push_back(e.zone);
    e.add_evidence("voyage", fmt::format("{}", fmt::join(voyage, " -> ")));
  }

  template <class Pred>
  const PastCall* recent_call(const VesselPorts& state, UnixMillis arrival, Pred pred) const {
    const std::int64_t window = ms_of_hours(cfg_.shuttle_window_days * 24.0);
    for (auto it = state.calls.rbegin(); it != state.calls.rend(); ++it)
      if (pred(*it->zone) && arrival - it->departure <= window) return &*it;
    return nullptr;
  }

  const DarkWindow* recent_dark_window(const VesselPorts& state, UnixMillis arrival) const {
    if (!state.dark_window || state.dark_window->on > arrival) return nullptr;
    if (arrival - state.dark_window->on > ms_of_hours(cfg_.shuttle_window_days * 24.0)) return nullptr;
    // A call at any port after the silence and before this one explains it better.
    if (!state.calls.empty() && state.calls.back().departure >= state.dark_window->on) return nullptr;
    return &*state.dark_window;
  }

  void remember(VesselPorts& state, PastCall call) const {
    state.calls.push_back(call);
    while (state.calls.size() > static_cast<std::size_t>(std::max<std::int64_t>(1, cfg_.voyage_calls_kept)))
      state.calls.pop_front();
  }

  const PortCallConfig& cfg_;
  DprkGeo dprk_;
  PortCells port_cells_;
  PerVessel<VesselPorts> states_;
  std::vector<const geo::Zone*> hits_;  // reused by every zone query
};

}  // namespace

std::unique_ptr<Detector> make_port_call_detector(const DetectorContext& ctx) {
  return std::make_unique<PortCallDetector>(ctx);
}

}  // namespace aiswatch::detectors
