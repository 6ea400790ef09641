#include "aiswatch/detectors/dark_transfer.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/ais/flat_u32_map.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/geo/geodesy.hpp"
#include "cell_grid.hpp"
#include "common.hpp"
#include "pair_vessels.hpp"
#include "place.hpp"

namespace aiswatch::detectors {

namespace {

constexpr std::uint64_t kNoCell = std::numeric_limits<std::uint64_t>::max();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kPruneEveryMs = 3'600'000;
constexpr double kPortSearchKm = 200;  // how far to look for the nearest port named in the evidence
constexpr std::size_t kMaxCachedCells = 1'000'000;  // port tests cached per grid cell (~50 MB at most)


// A slow position kept for partner searches (float degrees: ~1 m, plenty for a 2 km test).
struct SlowFix {
  UnixMillis time = 0;
  float lat = 0, lon = 0, sog_kn = 0;
};

// One vessel's recent slow positions away from ports, oldest first.
struct SlowTrack {
  std::uint32_t mmsi = 0;
  std::vector<SlowFix> fixes;
  std::size_t head = 0;                  // fixes before head are pruned
  std::uint64_t cell = kNoCell;          // cell of the latest kept fix
  std::uint64_t checked_cell = kNoCell;  // cell the exclusion below is for
  bool cell_excluded = false;
  UnixMillis last_time = 0;              // latest slow fix, kept or not
  RawSentence last_raw;                  // the record of that fix (evidence for the last position before a gap)
};

struct CellVisit {
  std::uint32_t slot = 0;
  UnixMillis last_time = 0;  // latest kept fix of that vessel in the cell
};

struct ClosedGap {
  std::uint32_t mmsi = 0;
  UnixMillis t0 = 0, t1 = 0;
  geo::LatLon off, on;  // last position before, first after
  bool slow_off = false, slow_on = false;
};

// Rule (a): another vessel stayed slow near the dark vessel's last or first position.
struct PartnerFinding {
  std::uint32_t mmsi = 0;
  bool near_first = false;  // near the first position after the gap (else the last before it)
  double min_km = 0, max_km = 0;
  UnixMillis first = 0, last = 0;  // its first and last slow fix within the radius during the gap
  std::uint32_t fixes = 0;
  double median_speed_kn = 0;
};

// Rule (c): another vessel was dark at the same time, vanishing and reappearing next to this one.
struct BothDarkFinding {
  ClosedGap other;
  double off_km = 0, on_km = 0;
  std::int64_t overlap_ms = 0;
};

struct Pending {
  std::uint32_t mmsi = 0;
  UnixMillis t0 = 0, t1 = 0, deadline = 0;
  geo::LatLon off, on;
  double sog_off = kNaN, sog_on = kNaN;
  std::optional<float> draught_before_m;
  std::optional<PartnerFinding> partner;
  std::optional<BothDarkFinding> both_dark;
  std::vector<RawSentence> raw;
  bool open = false;  // still dark at the end of the data: `on` and `t1` are the last position and the end
};

std::optional<float> parse_draught(const std::string& text) {
  float v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

// The draught in force before the gap: the `before` of the first draught change after the gap began
// (a type 5 may arrive just before the first position), else the identity's current value.
std::optional<float> draught_before_gap(const ais::Vessel& vessel, UnixMillis gap_start) {
  if (vessel.history)
    for (const ais::IdentityChange& c : vessel.history->latest)
      if (c.field == ais::IdentityField::draught && c.time > gap_start) return parse_draught(c.before);
  return vessel.identity.draught_m;
}

bool at_most(double value, double limit) { return !std::isnan(value) && value <= limit; }

}  // namespace

struct DarkTransferDetector::State {
  State(const DetectorContext& context, DarkTransferConfig c)
      : ctx(context),
        config(c),
        places(context.zones, context.land),
        grid(c.cell_m),  // any search radius works: larger ones just visit more cells
        min_gap_ms(ms_of_hours(c.min_gap_h)),
        min_short_gap_ms(ms_of_hours(std::min(c.min_gap_h, c.min_gap_watch_area_h))),
        history_ms(ms_of_hours(c.history_h)),
        interval_ms(std::llround(c.slow_fix_interval_min * 60'000.0)) {}

  const DetectorContext& ctx;
  DarkTransferConfig config;
  DarkTransferStats stats;
  Places places;
  CellGrid grid;
  std::int64_t min_gap_ms, min_short_gap_ms, history_ms, interval_ms;

  std::vector<SlowTrack> tracks;
  std::vector<std::uint32_t> free_slots;
  ais::FlatU32Map slot_of;
  std::unordered_map<std::uint64_t, std::vector<CellVisit>> visits;     // cell -> vessels with slow fixes there
  std::unordered_map<std::uint64_t, bool> cell_excluded;                // cached: no partner can be found here
  std::unordered_map<std::uint64_t, std::vector<ClosedGap>> gaps;       // cell of the last position -> gaps
  std::vector<Pending> pending;
  std::optional<UnixMillis> last_prune;  // none before the first clock tick
  std::vector<std::uint32_t> scratch_slots;
  std::vector<double> scratch_speeds;

  // ---- slow positions ----

  // Every point of the cell is so close to a port that a gap next to it is never considered (the gap's
  // own positions are tested exactly): its vessels can never be partners, so they are not kept.
  bool excluded(std::uint64_t cell) {
    if (auto it = cell_excluded.find(cell); it != cell_excluded.end()) return it->second;
    const CellGrid::Centre c = grid.centre_of(cell);
    const double km = config.min_port_distance_km - config.partner_max_distance_km - c.half_diagonal_m / 1000.0;
    const bool out = km > 0 && places.zones().nearest_port({c.lat_deg, c.lon_deg}, km).has_value();
    if (cell_excluded.size() >= kMaxCachedCells) cell_excluded.clear();  // bounded memory; refills as needed
    cell_excluded.emplace(cell, out);
    return out;
  }

  void keep_slow(const ais::Vessel& vessel, const ais::PositionUpdate& u, double speed_kn) {
    const ais::TrackPoint& fix = u.current;
    const std::uint64_t cell = grid.cell_of(fix.lat_deg, fix.lon_deg);
    auto found = slot_of.find(vessel.mmsi);
    if (!found && excluded(cell)) return;  // moored in port: not even a slot
    const std::uint32_t slot = found ? *found : new_track(vessel.mmsi);
    SlowTrack& t = tracks[slot];
    if (cell != t.checked_cell) {
      t.checked_cell = cell;
      t.cell_excluded = excluded(cell);
    }
    if (t.cell_excluded) return;
    t.last_time = fix.time;
    const auto raw = u.raw();
    if (!raw.empty()) {
      t.last_raw.text.assign(raw.front().text.substr(0, kMaxRawTextBytes));  // reuses capacity
      t.last_raw.rx_time = raw.front().rx_time;
    }
    const bool has_live = t.head < t.fixes.size();
    if (has_live && cell == t.cell && fix.time - t.fixes.back().time < interval_ms) return;
    t.fixes.push_back({fix.time, static_cast<float>(fix.lat_deg), static_cast<float>(fix.lon_deg), static_cast<float>(speed_kn)});
    ++stats.slow_fixes_kept;
    auto& list = visits[cell];
    auto it = std::find_if(list.begin(), list.end(), [&](const CellVisit& v) { return v.slot == slot; });
    if (it == list.end()) list.push_back({slot, fix.time});
    else it->last_time = fix.time;
    t.cell = cell;
  }

  std::uint32_t new_track(std::uint32_t mmsi) {
    std::uint32_t slot;
    if (!free_slots.empty()) {
      slot = free_slots.back();
      free_slots.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(tracks.size());
      tracks.emplace_back();
    }
    tracks[slot] = SlowTrack{};
    tracks[slot].mmsi = mmsi;
    slot_of.insert_or_assign(mmsi, slot);
    return slot;
  }

  // ---- partner searches ----

  // Rule (a) around one end of the gap: the best partner by time spent near (then closeness, then MMSI).
  std::optional<PartnerFinding> find_partner(std::uint32_t mmsi, UnixMillis t0, UnixMillis t1, geo::LatLon p,
                                             bool near_first) {
    const double radius_m = config.partner_max_distance_km * 1000.0;
    scratch_slots.clear();
    grid.for_each_near(p.lat_deg, p.lon_deg, radius_m, [&](std::uint64_t cell) {
      auto it = visits.find(cell);
      if (it == visits.end()) return;
      for (const CellVisit& v : it->second)
        if (v.last_time >= t0 && tracks[v.slot].mmsi != mmsi) scratch_slots.push_back(v.slot);
    });
    std::sort(scratch_slots.begin(), scratch_slots.end());
    scratch_slots.erase(std::unique(scratch_slots.begin(), scratch_slots.end()), scratch_slots.end());

    std::optional<PartnerFinding> best;
    for (std::uint32_t slot : scratch_slots) {
      const SlowTrack& w = tracks[slot];
      auto it = std::lower_bound(w.fixes.begin() + static_cast<std::ptrdiff_t>(w.head), w.fixes.end(), t0,
                                 [](const SlowFix& f, UnixMillis t) { return f.time < t; });
      PartnerFinding f{.mmsi = w.mmsi, .near_first = near_first};
      scratch_speeds.clear();
      for (; it != w.fixes.end() && it->time <= t1; ++it) {
        ++stats.candidates_checked;
        const double d = geo::approx_distance_m(p, {it->lat, it->lon});
        if (d > radius_m) continue;
        const double km = d / 1000.0;
        if (f.fixes == 0) f.first = it->time, f.min_km = f.max_km = km;
        f.last = it->time;
        f.min_km = std::min(f.min_km, km);
        f.max_km = std::max(f.max_km, km);
        ++f.fixes;
        scratch_speeds.push_back(it->sog_kn);
      }
      if (f.fixes == 0 || hours(f.last - f.first) < config.partner_min_presence_h) continue;
      auto mid = scratch_speeds.begin() + static_cast<std::ptrdiff_t>(scratch_speeds.size() / 2);
      std::nth_element(scratch_speeds.begin(), mid, scratch_speeds.end());
      f.median_speed_kn = *mid;
      const auto rank = [](const PartnerFinding& x) { return std::tuple(-(x.last - x.first), x.min_km, x.mmsi); };
      if (!best || rank(f) < rank(*best)) best = f;
    }
    return best;
  }

  // Rule (c): a closed gap of another vessel overlapping this one, vanishing and reappearing nearby, both
  // stopped at one end (ships sailing together through a coverage hole are not a transfer).
  std::optional<BothDarkFinding> find_both_dark(const ClosedGap& g) {
    const double radius_m = config.pair_max_distance_km * 1000.0;
    std::optional<BothDarkFinding> best;
    grid.for_each_near(g.off.lat_deg, g.off.lon_deg, radius_m, [&](std::uint64_t cell) {
      auto it = gaps.find(cell);
      if (it == gaps.end()) return;
      for (const ClosedGap& o : it->second) {
        ++stats.candidates_checked;
        if (o.mmsi == g.mmsi) continue;
        const std::int64_t overlap = std::min(g.t1, o.t1) - std::max(g.t0, o.t0);
        if (hours(overlap) < config.pair_min_overlap_h) continue;
        if (!((g.slow_off && o.slow_off) || (g.slow_on && o.slow_on))) continue;
        const double off_m = geo::approx_distance_m(g.off, o.off), on_m = geo::approx_distance_m(g.on, o.on);
        if (off_m > radius_m || on_m > radius_m) continue;
        BothDarkFinding f{o, off_m / 1000.0, on_m / 1000.0, overlap};
        const auto rank = [](const BothDarkFinding& x) { return std::tuple(-x.overlap_ms, x.off_km + x.on_km, x.other.mmsi); };
        if (!best || rank(f) < rank(*best)) best = f;
      }
    });
    return best;
  }

  // ---- gaps ----

  void gap_closed(const ais::Vessel& vessel, const ais::PositionUpdate& u) {
    const ais::TrackPoint& before = *u.previous;
    const ais::TrackPoint& after = u.current;
    const geo::LatLon off{before.lat_deg, before.lon_deg}, on{after.lat_deg, after.lon_deg};
    const std::int64_t gap = after.time - before.time;
    if (gap < min_gap_ms) {
      const WatchedArea a = places.watched_area(off), b = places.watched_area(on);
      if (!(a.dprk_waters || a.sts_hotspot || b.dprk_waters || b.sts_hotspot)) return;
    }
    ++stats.gaps_closed;
    if (places.on_land(off) || places.on_land(on)) return;  // bad positions are the spoofing detector's
    if (places.near_port(off, config.min_port_distance_km) || places.near_port(on, config.min_port_distance_km)) {
      ++stats.gaps_near_port;
      return;
    }
    Pending p{.mmsi = vessel.mmsi, .t0 = before.time, .t1 = after.time, .off = off, .on = on};
    p.sog_off = before.sog_kn ? static_cast<double>(*before.sog_kn) : kNaN;
    p.sog_on = after.sog_kn ? static_cast<double>(*after.sog_kn) : kNaN;
    const ClosedGap g{vessel.mmsi, p.t0, p.t1, off, on, at_most(p.sog_off, config.max_edge_speed_kn),
                      at_most(p.sog_on, config.max_edge_speed_kn)};

    std::optional<PartnerFinding> partner;
    if (g.slow_off) partner = find_partner(vessel.mmsi, p.t0, p.t1, off, false);
    if (g.slow_on) {
      auto at_on = find_partner(vessel.mmsi, p.t0, p.t1, on, true);
      if (at_on && (!partner || (at_on->last - at_on->first) > (partner->last - partner->first))) partner = at_on;
    }
    p.partner = partner;
    p.both_dark = find_both_dark(g);
    gaps[grid.cell_of(off.lat_deg, off.lon_deg)].push_back(g);

    p.draught_before_m = draught_before_gap(vessel, p.t0);
    if (auto slot = slot_of.find(vessel.mmsi); slot && g.slow_off && tracks[*slot].last_time == p.t0)
      p.raw.push_back(tracks[*slot].last_raw);
    for (const ais::RawRef& r : u.raw()) p.raw.push_back({std::string(r.text.substr(0, kMaxRawTextBytes)), r.rx_time});

    // A static report already received after the gap began carries the draught after it.
    if (vessel.identity.time && *vessel.identity.time > p.t0) {
      finalize(p, nullptr);
      return;
    }
    p.deadline = p.t1 + ms_of_hours(config.draught_wait_h);
    pending.push_back(std::move(p));
  }

  // No port within reach: nearest_port around the gap's midpoint within half the distance the vessel could
  // sail, leaving time alongside. A port P reachable by off -> P -> on lies within that radius of the
  // midpoint (|off P| + |P on| >= 2 |mid P|), so this never misses a reachable port; it may count one up to
  // half the gap's displacement too far as reachable, which only suppresses rule (b).
  struct Reach {
    double speed_kn = 0, radius_km = 0;
    std::optional<geo::PortDistance> port;
  };
  Reach reach(const Pending& p) const {
    Reach r;
    r.speed_kn = config.reach_speed_floor_kn;
    if (!std::isnan(p.sog_off)) r.speed_kn = std::max(r.speed_kn, p.sog_off);
    if (!std::isnan(p.sog_on)) r.speed_kn = std::max(r.speed_kn, p.sog_on);
    const double travel_s = static_cast<double>(p.t1 - p.t0) / 1000.0 - config.min_port_stay_h * 3600.0;
    if (travel_s <= 0) return r;
    r.radius_km = r.speed_kn * kMsPerKnot * travel_s / 2.0 / 1000.0;
    const geo::LatLon mid{0.5 * (p.off.lat_deg + p.on.lat_deg),
                          p.off.lon_deg + 0.5 * geo::delta_lon_deg(p.off.lon_deg, p.on.lon_deg)};
    r.port = places.zones().nearest_port(mid, r.radius_km);
    return r;
  }

  void finalize(Pending& p, const ais::Vessel* vessel);

  // Vessels still dark at the end of the data: rule (a) only (nothing reappeared to compare), by MMSI.
  void open_gaps(UnixMillis end) {
    std::vector<Pending> open;
    for (const ais::Vessel& v : ctx.tracker.vessels()) {
      if (!v.last || v.mmsi_class.kind != ais::MmsiKind::ship || end - v.last->time < min_short_gap_ms) continue;
      const ais::TrackPoint& f = *v.last;
      const geo::LatLon off{f.lat_deg, f.lon_deg};
      const double sog = f.sog_kn ? static_cast<double>(*f.sog_kn) : kNaN;
      if (!at_most(sog, config.max_edge_speed_kn)) continue;
      if (end - f.time < min_gap_ms) {
        const WatchedArea a = places.watched_area(off);
        if (!(a.dprk_waters || a.sts_hotspot)) continue;
      }
      if (places.on_land(off) || places.near_port(off, config.min_port_distance_km)) continue;
      auto partner = find_partner(v.mmsi, f.time, end, off, false);
      if (!partner) continue;
      Pending p{.mmsi = v.mmsi, .t0 = f.time, .t1 = end, .off = off, .on = off, .sog_off = sog};
      p.partner = partner;
      p.open = true;
      p.draught_before_m = v.identity.draught_m;
      if (auto slot = slot_of.find(v.mmsi); slot && tracks[*slot].last_time == p.t0) p.raw.push_back(tracks[*slot].last_raw);
      open.push_back(std::move(p));
    }
    std::sort(open.begin(), open.end(), [](const Pending& a, const Pending& b) { return std::tuple(a.t0, a.mmsi) < std::tuple(b.t0, b.mmsi); });
    for (Pending& p : open) finalize(p, nullptr);
  }

  void emit_due(UnixMillis now, bool all) {
    std::vector<Pending> due;
    for (auto it = pending.begin(); it != pending.end();) {
      if (all || it->deadline <= now) {
        due.push_back(std::move(*it));
        it = pending.erase(it);
      } else {
        ++it;
      }
    }
    std::sort(due.begin(), due.end(), [](const Pending& a, const Pending& b) {
      return std::tuple(a.deadline, a.mmsi, a.t0) < std::tuple(b.deadline, b.mmsi, b.t0);
    });
    for (Pending& p : due) finalize(p, nullptr);
  }

  void prune(UnixMillis now) {
    const UnixMillis cutoff = now - history_ms;
    for (auto it = visits.begin(); it != visits.end();) {
      auto& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(), [&](const CellVisit& v) { return v.last_time < cutoff; }),
                 list.end());
      it = list.empty() ? visits.erase(it) : std::next(it);
    }
    for (auto it = gaps.begin(); it != gaps.end();) {
      auto& list = it->second;
      list.erase(std::remove_if(list.begin(), list.end(), [&](const ClosedGap& g) { return g.t1 < cutoff; }), list.end());
      it = list.empty() ? gaps.erase(it) : std::next(it);
    }
    for (std::uint32_t slot = 0; slot < tracks.size(); ++slot) {
      SlowTrack& t = tracks[slot];
      if (t.mmsi == 0) continue;
      while (t.head < t.fixes.size() && t.fixes[t.head].time < cutoff) ++t.head;
      if (t.head == t.fixes.size() && t.last_time < cutoff) {  // nothing left: its visits were pruned above
        slot_of.erase(t.mmsi);
        t = SlowTrack{};
        free_slots.push_back(slot);
      } else if (t.head > 64 && t.head * 2 > t.fixes.size()) {
        t.fixes.erase(t.fixes.begin(), t.fixes.begin() + static_cast<std::ptrdiff_t>(t.head));
        t.head = 0;
      }
    }
  }
};

// ---- the event ----

void DarkTransferDetector::State::finalize(Pending& p, const ais::Vessel* vessel) {
  if (!vessel) vessel = ctx.tracker.find(p.mmsi);
  // Draught before and after the gap (NaN: unknown).
  const double before_m = p.draught_before_m ? static_cast<double>(*p.draught_before_m) : kNaN;
  const double after_m = vessel && vessel->identity.draught_m ? static_cast<double>(*vessel->identity.draught_m) : kNaN;
  const double change_m = after_m - before_m;
  const bool draught_moved = std::abs(change_m) >= config.min_draught_change_m;  // false for NaN
  const double displacement_km = geo::distance_m(p.off, p.on) / 1000.0;

  std::optional<Reach> r;
  bool by_draught = false;
  if (draught_moved && !p.open && displacement_km <= config.max_gap_displacement_km) {
    r = reach(p);
    by_draught = !r->port;
  }
  if (!p.partner && !p.both_dark && !by_draught) return;

  std::optional<std::uint32_t> other;
  if (p.both_dark) other = p.both_dark->other.mmsi;
  else if (p.partner) other = p.partner->mmsi;
  const ais::Vessel* other_vessel = other ? ctx.tracker.find(*other) : nullptr;

  Event e{.type = EventType::dark_transfer, .mmsi = p.mmsi, .other_mmsi = other, .start = p.t0, .end = p.t1};
  set_position(e, p.off);
  WatchedArea area = places.watched_area(p.off);
  if (!area.zone) area = places.watched_area(p.on);
  if (area.zone) {
    e.zone = area.zone->name;
    e.zone_country = area.zone->country_iso2;
  }
  e.flagged = true;
  e.severity = Severity::high;

  const std::string me = vessel_label(p.mmsi, vessel);
  const double gap_h = hours(p.t1 - p.t0);
  std::string rules;
  auto add_rule = [&](std::string_view rule) {
    if (!rules.empty()) rules += ',';
    rules += rule;
  };

  // Reasons, the strongest first.
  if (p.both_dark) {
    const BothDarkFinding& b = *p.both_dark;
    add_rule("both_dark");
    e.reasons.push_back(fmt::format("{} was dark at the same time ({:.1f} h overlap): they vanished {:.1f} km and reappeared "
                                    "{:.1f} km apart",
                                    vessel_label(b.other.mmsi, other_vessel), hours(b.overlap_ms), b.off_km, b.on_km));
  }
  if (p.partner) {
    const PartnerFinding& f = *p.partner;
    add_rule("partner");
    const ais::Vessel* pv = ctx.tracker.find(f.mmsi);
    e.reasons.push_back(fmt::format("{} stayed {:.1f}–{:.1f} km from {}'s {} position for {:.1f} h (median {:.1f} kn) while it was "
                                    "dark for {:.1f} h{}",
                                    vessel_label(f.mmsi, pv), f.min_km, f.max_km, me, f.near_first ? "first" : "last",
                                    hours(f.last - f.first), f.median_speed_kn, gap_h,
                                    p.open ? " (still dark at the end of the data)" : ""));
  }
  if (by_draught) {
    add_rule("draught");
    e.reasons.push_back(fmt::format("draught {:.1f} → {:.1f} m across a {:.1f} h gap that began and ended {:.1f} km apart, with no "
                                    "port within reach ({:.0f} km at {:.0f} kn leaving {:.0f} h alongside)",
                                    before_m, after_m, gap_h, displacement_km,
                                    r->radius_km, r->speed_kn, config.min_port_stay_h));
  } else if (draught_moved) {
    e.reasons.push_back(fmt::format("draught {:.1f} → {:.1f} m across the gap{}", before_m, after_m,
                                    r && r->port ? fmt::format(" (a call at {} was possible within it)", r->port->zone->name)
                                                 : std::string()));
  }
  if (area.dprk_waters) e.reasons.push_back(fmt::format("in DPRK waters ({})", area.zone->name));
  else if (area.sts_hotspot) e.reasons.push_back(fmt::format("in ship-to-ship transfer hotspot '{}'", area.zone->name));

  // Evidence.
  e.add_evidence("rules", rules);
  e.add_evidence("gap_hours", round_to(gap_h, 2));
  e.add_evidence("open", p.open);
  e.add_evidence("last_position", position_text(p.off));
  if (!std::isnan(p.sog_off)) e.add_evidence("last_sog_kn", round_to(p.sog_off, 1));
  if (!p.open) {
    e.add_evidence("first_position", position_text(p.on));
    e.add_evidence("gap_distance_km", round_to(displacement_km, 2));
    if (!std::isnan(p.sog_on)) e.add_evidence("first_sog_kn", round_to(p.sog_on, 1));
  }
  if (!std::isnan(before_m)) e.add_evidence("draught_before_m", round_to(before_m, 1));
  if (!std::isnan(after_m)) e.add_evidence("draught_after_m", round_to(after_m, 1));
  if (!std::isnan(change_m)) e.add_evidence("draught_change_m", round_to(change_m, 1));
  if (other) add_partner_evidence(e, *other, other_vessel);
  if (p.partner) {
    const PartnerFinding& f = *p.partner;
    if (f.mmsi != other) add_partner_evidence(e, f.mmsi, ctx.tracker.find(f.mmsi));  // (c) named another vessel
    e.add_evidence("partner_near", std::string(f.near_first ? "first position" : "last position"));
    e.add_evidence("partner_min_distance_km", round_to(f.min_km, 3));
    e.add_evidence("partner_max_distance_km", round_to(f.max_km, 3));
    e.add_evidence("partner_presence_hours", round_to(hours(f.last - f.first), 2));
    e.add_evidence("partner_fixes", static_cast<std::int64_t>(f.fixes));
    e.add_evidence("partner_median_speed_kn", round_to(f.median_speed_kn, 1));
  }
  if (p.both_dark) {
    const BothDarkFinding& b = *p.both_dark;
    e.add_evidence("partner_gap_start", format_iso8601(b.other.t0));
    e.add_evidence("partner_gap_end", format_iso8601(b.other.t1));
    e.add_evidence("partner_gap_overlap_hours", round_to(hours(b.overlap_ms), 2));
    e.add_evidence("vanish_distance_km", round_to(b.off_km, 3));
    e.add_evidence("reappear_distance_km", round_to(b.on_km, 3));
  }
  if (r) {
    e.add_evidence("reach_speed_kn", round_to(r->speed_kn, 1));
    e.add_evidence("reach_radius_km", round_to(r->radius_km, 1));
    if (r->port) e.add_evidence("reachable_port", r->port->zone->name);
  }
  const PortAndShore ps = places.port_and_shore(p.off, kPortSearchKm);
  e.add_evidence("distance_to_shore_km", round_to(ps.shore_m / 1000.0, 1));
  if (ps.nearest_port) {
    e.add_evidence("nearest_port", ps.nearest_port->zone->name);
    e.add_evidence("nearest_port_km", round_to(ps.nearest_port->distance_m / 1000.0, 2));
  }

  const auto max_raw = static_cast<std::size_t>(std::clamp<std::int64_t>(config.max_raw, 0, kMaxRawPerEvent));
  if (p.raw.size() > max_raw) p.raw.resize(max_raw);
  e.raw = std::move(p.raw);

  if (p.both_dark) ++stats.by_both_dark;
  else if (p.partner) ++stats.by_partner;
  else ++stats.by_draught;
  ++stats.emitted;
  ctx.sink.emit(finish_event(std::move(e), vessel, ctx));
}

// ---- the detector ----

DarkTransferDetector::DarkTransferDetector(const DetectorContext& context, DarkTransferConfig config)
    : Detector(context), state_(std::make_unique<State>(context, config)) {}

DarkTransferDetector::~DarkTransferDetector() = default;

const DarkTransferStats& DarkTransferDetector::stats() const noexcept { return state_->stats; }
const DarkTransferConfig& DarkTransferDetector::config() const noexcept { return state_->config; }

void DarkTransferDetector::on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) {
  State& st = *state_;
  if (update.flags.late || update.flags.suspect || vessel.mmsi_class.kind != ais::MmsiKind::ship) return;
  if (update.gap_ms && update.previous && *update.gap_ms >= st.min_short_gap_ms) st.gap_closed(vessel, update);
  const ais::TrackPoint& fix = update.current;
  const double speed = fix.sog_kn ? static_cast<double>(*fix.sog_kn) : update.implied_speed_kn.value_or(kNaN);
  if (speed < st.config.partner_max_speed_kn) st.keep_slow(vessel, update, speed);
}

void DarkTransferDetector::on_static(const ais::Vessel& vessel, const ais::StaticReport& report) {
  State& st = *state_;
  if (!report.draught_m) return;
  for (auto it = st.pending.begin(); it != st.pending.end(); ++it) {
    if (it->mmsi != vessel.mmsi) continue;
    Pending p = std::move(*it);
    st.pending.erase(it);
    for (const ais::RawRef& r : report.raw)
      p.raw.push_back({std::string(r.text.substr(0, kMaxRawTextBytes)), r.rx_time});
    st.finalize(p, &vessel);
    return;  // one static report answers one gap
  }
}

void DarkTransferDetector::on_time(UnixMillis now) {
  State& st = *state_;
  if (!st.pending.empty()) st.emit_due(now, false);
  if (!st.last_prune || now - *st.last_prune >= kPruneEveryMs) {
    st.last_prune = now;
    st.prune(now);
  }
}

void DarkTransferDetector::finish(UnixMillis end_of_data) {
  State& st = *state_;
  st.emit_due(0, true);
  st.open_gaps(end_of_data);
}

std::unique_ptr<Detector> make_dark_transfer_detector(const DetectorContext& context) {
  return std::make_unique<DarkTransferDetector>(context, context.config.dark_transfer);
}

}  // namespace aiswatch::detectors
