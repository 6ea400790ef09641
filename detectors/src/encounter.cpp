#include "aiswatch/detectors/encounter.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <optional>
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
#include "encounter_samples.hpp"
#include "pair_vessels.hpp"
#include "place.hpp"

namespace aiswatch::detectors {

namespace {

constexpr std::uint64_t kNoCell = std::numeric_limits<std::uint64_t>::max();
constexpr std::int64_t kSweepEveryMs = 60'000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPortSearchKm = 200;  // how far to look for the nearest port named in the evidence
constexpr std::size_t kMaxCachedCells = 1'000'000;  // port tests cached per grid cell (~50 MB at most)

std::int64_t ms_of_minutes(double m) { return std::llround(m * 60'000.0); }

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

// The latest fix of a vessel the detector follows (slow now, or part of a pair).
struct Followed {
  std::uint32_t mmsi = 0;
  UnixMillis time = 0;
  double lat = 0, lon = 0;
  double sog_kn = kNaN, cog_deg = kNaN;
  double speed_kn = kNaN;                 // SOG, else implied from the previous fix
  std::uint64_t cell = kNoCell;           // grid cell while in the grid
  std::uint64_t checked_cell = kNoCell;   // the cell the port test below is for
  bool cell_in_port = false;
  std::vector<std::uint64_t> pairs;       // keys of this vessel's pairs (open window or waiting episode)
};

struct Pair {
  std::array<std::uint32_t, 2> mmsi{};  // lower first
  bool open = false;
  Stretch window;
  std::optional<UnixMillis> apart_since;
  std::array<std::optional<UnixMillis>, 2> fast_since;
  std::optional<Stretch> episode;  // qualifying windows so far, merged, waiting for merge_gap_h to pass
  std::uint64_t seen_in_update = 0;
};

// A position compared with a partner's at one instant.
struct Comparison {
  UnixMillis time = 0;
  geo::LatLon mine, theirs;
  double distance_m = 0;
};

geo::LatLon dead_reckon(const Followed& f, UnixMillis t) {
  const double dt_s = static_cast<double>(t - f.time) / 1000.0;
  if (dt_s <= 0 || std::isnan(f.sog_kn) || std::isnan(f.cog_deg)) return {f.lat, f.lon};
  const double dist_m = f.sog_kn * kMsPerKnot * dt_s;
  const geo::MetresPerDegree k = geo::metres_per_degree(f.lat);
  const double rad = f.cog_deg * 3.14159265358979323846 / 180.0;
  return {f.lat + dist_m * std::cos(rad) / k.lat_m, f.lon + dist_m * std::sin(rad) / k.lon_m};
}

}  // namespace

struct EncounterDetector::State {
  State(const DetectorContext& context, EncounterConfig c)
      : ctx(context),
        config(c),
        places(context.zones, context.land),
        grid(std::max(c.cell_m, c.max_distance_m)),
        max_fix_age_ms(ms_of_minutes(c.max_fix_age_min)),
        max_joint_gap_ms(ms_of_hours(c.max_joint_gap_h)),
        grace_ms(ms_of_minutes(c.apart_grace_min)),
        merge_gap_ms(ms_of_hours(c.merge_gap_h)),
        min_window_ms(ms_of_hours(c.min_window_h)),
        min_duration_ms(ms_of_hours(c.min_duration_h)),
        search_m(c.max_distance_m + c.max_speed_kn * kMsPerKnot * c.max_fix_age_min * 60.0) {}

  const DetectorContext& ctx;
  EncounterConfig config;
  EncounterStats stats;
  Places places;
  CellGrid grid;
  std::int64_t max_fix_age_ms, max_joint_gap_ms, grace_ms, merge_gap_ms, min_window_ms, min_duration_ms;
  double search_m;  // neighbour search radius: the separation plus how far a slow partner drifts in max_fix_age

  std::vector<Followed> followed;
  std::vector<std::uint32_t> free_slots;
  ais::FlatU32Map slot_of;                                       // mmsi -> index in followed
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells;   // grid cell -> slots
  std::unordered_map<std::uint64_t, bool> cell_in_port;          // cached "every point of the cell is near a port"
  std::unordered_map<std::uint64_t, Pair> pairs;
  std::uint64_t update_count = 0;
  std::optional<UnixMillis> last_sweep;  // none before the first clock tick

  // ---- vessels and the grid ----

  std::uint32_t follow(std::uint32_t mmsi) {
    std::uint32_t slot;
    if (!free_slots.empty()) {
      slot = free_slots.back();
      free_slots.pop_back();
      followed[slot] = Followed{};
    } else {
      slot = static_cast<std::uint32_t>(followed.size());
      followed.emplace_back();
    }
    followed[slot].mmsi = mmsi;
    slot_of.insert_or_assign(mmsi, slot);
    return slot;
  }

  void unfollow(std::uint32_t slot) {
    Followed& f = followed[slot];
    assert(f.pairs.empty());
    leave_grid(slot);
    slot_of.erase(f.mmsi);
    f = Followed{};
    free_slots.push_back(slot);
  }

  void leave_grid(std::uint32_t slot) {
    Followed& f = followed[slot];
    if (f.cell == kNoCell) return;
    auto it = cells.find(f.cell);
    assert(it != cells.end());
    auto& members = it->second;
    members.erase(std::find(members.begin(), members.end(), slot));
    if (members.empty()) cells.erase(it);
    f.cell = kNoCell;
  }

  void enter_grid(std::uint32_t slot, std::uint64_t cell) {
    Followed& f = followed[slot];
    if (f.cell == cell) return;
    leave_grid(slot);
    cells[cell].push_back(slot);
    f.cell = cell;
  }

  // Conservative: true only when every point of the cell is within the port distance (the exact test on
  // the encounter's positions comes at emission), so harbours full of moored ships never fill the grid.
  bool cell_is_in_port(std::uint64_t cell) {
    if (auto it = cell_in_port.find(cell); it != cell_in_port.end()) return it->second;
    const CellGrid::Centre c = grid.centre_of(cell);
    const double km = (config.min_port_distance_km * 1000.0 - c.half_diagonal_m) / 1000.0;
    const bool in_port = km > 0 && places.zones().nearest_port({c.lat_deg, c.lon_deg}, km).has_value();
    if (cell_in_port.size() >= kMaxCachedCells) cell_in_port.clear();  // bounded memory; refills as needed
    cell_in_port.emplace(cell, in_port);
    return in_port;
  }

  // ---- comparisons ----

  // My latest fix against the partner's at a common instant: the partner dead-reckoned when its fix is
  // recent, else mine interpolated back to the partner's fix when that lies between my last two.
  std::optional<Comparison> compare(const Followed& me, const ais::TrackPoint* my_previous, const Followed& other) {
    ++stats.pair_checks;
    const std::int64_t dt = me.time - other.time;
    if (std::abs(dt) <= max_fix_age_ms) {
      const geo::LatLon mine{me.lat, me.lon};
      const geo::LatLon theirs = dead_reckon(other, me.time);
      return Comparison{me.time, mine, theirs, geo::approx_distance_m(mine, theirs)};
    }
    if (my_previous && other.time > my_previous->time && other.time < me.time &&
        me.time - my_previous->time <= max_joint_gap_ms) {
      const double f = static_cast<double>(other.time - my_previous->time) / static_cast<double>(me.time - my_previous->time);
      const geo::LatLon mine{my_previous->lat_deg + f * (me.lat - my_previous->lat_deg),
                             my_previous->lon_deg + f * geo::delta_lon_deg(my_previous->lon_deg, me.lon)};
      const geo::LatLon theirs{other.lat, other.lon};
      return Comparison{other.time, mine, theirs, geo::approx_distance_m(mine, theirs)};
    }
    return std::nullopt;
  }

  Pair& pair_of(std::uint32_t a_slot, std::uint32_t b_slot) {
    const std::uint32_t a = followed[a_slot].mmsi, b = followed[b_slot].mmsi;
    const std::uint64_t key = pair_key(a, b);
    auto [it, inserted] = pairs.try_emplace(key);
    if (inserted) {
      it->second.mmsi = {std::min(a, b), std::max(a, b)};
      followed[a_slot].pairs.push_back(key);
      followed[b_slot].pairs.push_back(key);
    }
    return it->second;
  }

  void observe(Pair& p, std::uint32_t my_slot, const Comparison& c, const ais::Vessel& vessel,
               const ais::PositionUpdate& update) {
    const Followed& me = followed[my_slot];
    const std::size_t s = me.mmsi == p.mmsi[0] ? 0 : 1;
    p.seen_in_update = update_count;
    if (c.distance_m <= config.max_distance_m) {
      if (!p.open) open_window(p, c.time, s, vessel);
      p.apart_since.reset();
      p.window.add_sample(c.time, midpoint(c.mine, c.theirs), c.distance_m);
      StretchSide& side = p.window.side[s];
      if (!std::isnan(me.speed_kn)) side.speed.add(me.speed_kn, config.max_speed_kn);
      ++side.fixes;
      const auto keep = static_cast<std::size_t>(std::max<std::int64_t>(config.max_raw_per_vessel, 0));
      for (const ais::RawRef& r : update.raw()) side.keep_raw(r.text, r.rx_time, (keep + 1) / 2, keep / 2);
    } else if (p.open && !p.apart_since) {
      p.apart_since = c.time;
    }
    if (!p.open) return;
    if (!std::isnan(me.speed_kn) && me.speed_kn >= config.max_speed_kn) {
      if (!p.fast_since[s]) p.fast_since[s] = me.time;
    } else {
      p.fast_since[s].reset();
    }
    const bool apart = p.apart_since && me.time - *p.apart_since >= grace_ms;
    const bool fast = p.fast_since[s] && me.time - *p.fast_since[s] >= grace_ms;
    if (apart || fast) close_window(p);
  }

  void open_window(Pair& p, UnixMillis t, std::size_t my_side, const ais::Vessel& vessel) {
    p.open = true;
    p.window = Stretch{};
    p.window.start = p.window.end = t;
    p.apart_since.reset();
    p.fast_since = {};
    p.window.side[my_side].draught_start_m = vessel.identity.draught_m;
    if (const ais::Vessel* other = ctx.tracker.find(p.mmsi[1 - my_side]))
      p.window.side[1 - my_side].draught_start_m = other->identity.draught_m;
    ++stats.windows_opened;
  }

  void close_window(Pair& p) {
    assert(p.open);
    p.open = false;
    p.apart_since.reset();
    p.fast_since = {};
    Stretch window = std::move(p.window);
    p.window = Stretch{};
    if (window.samples == 0 || window.end - window.start < min_window_ms) {
      ++stats.dropped_short;
      return;
    }
    if (p.episode && window.start - p.episode->end < merge_gap_ms) {
      p.episode->merge(std::move(window));
      ++stats.windows_merged;
      return;
    }
    if (p.episode) emit(p);  // the previous one is over for good
    p.episode = std::move(window);
  }

  // ---- sweeping and emitting ----

  bool episode_due(const Pair& p, UnixMillis now) const {
    if (!p.episode || now < p.episode->end + merge_gap_ms) return false;
    return !(p.open && p.window.start - p.episode->end < merge_gap_ms);  // an open window may still merge
  }

  void sweep(UnixMillis now, bool final_sweep) {
    // Pairs in key order, whatever the hash map's: closing a window may emit the pair's previous episode.
    std::vector<std::uint64_t> keys, due, idle;
    keys.reserve(pairs.size());
    for (const auto& entry : pairs) keys.push_back(entry.first);
    std::sort(keys.begin(), keys.end());
    for (std::uint64_t key : keys) {
      Pair& p = pairs.at(key);
      if (p.open && (final_sweep || now - p.window.end >= max_joint_gap_ms)) close_window(p);
      if (p.episode && (final_sweep || episode_due(p, now))) due.push_back(key);
      else if (!p.open && !p.episode) idle.push_back(key);
    }
    std::sort(due.begin(), due.end(), [&](std::uint64_t a, std::uint64_t b) {
      return std::pair(pairs.at(a).episode->start, a) < std::pair(pairs.at(b).episode->start, b);
    });
    for (std::uint64_t key : due) {
      Pair& p = pairs.at(key);
      emit(p);
      if (!p.open) idle.push_back(key);
    }
    for (std::uint64_t key : idle) drop_pair(key);
    // Vessels that went quiet leave the grid; those with nothing left to do are forgotten.
    for (std::uint32_t slot = 0; slot < followed.size(); ++slot) {
      Followed& f = followed[slot];
      if (f.mmsi == 0 || now - f.time < max_joint_gap_ms) continue;
      leave_grid(slot);
      if (f.pairs.empty()) unfollow(slot);
    }
  }

  void drop_pair(std::uint64_t key) {
    const Pair& p = pairs.at(key);
    for (std::uint32_t mmsi : p.mmsi) {
      if (const auto slot = slot_of.find(mmsi)) {
        auto& list = followed[*slot].pairs;
        list.erase(std::remove(list.begin(), list.end(), key), list.end());
      }
    }
    pairs.erase(key);
  }

  void emit(Pair& p);
};

// ---- the event ----

void EncounterDetector::State::emit(Pair& p) {
  assert(p.episode);
  Stretch ep = std::move(*p.episode);
  p.episode.reset();
  if (ep.end - ep.start < min_duration_ms) {
    ++stats.dropped_short;
    return;
  }
  if (!ep.side[0].speed.median_below() || !ep.side[1].speed.median_below()) {
    ++stats.dropped_fast;
    return;
  }
  const geo::LatLon mean = ep.mean();
  if (places.on_land(mean)) {
    ++stats.dropped_land;
    return;
  }
  for (const geo::LatLon q : {ep.first, ep.last, mean}) {
    if (places.near_port(q, config.min_port_distance_km)) {
      ++stats.dropped_port;
      return;
    }
  }

  std::array<const ais::Vessel*, 2> vessel = {ctx.tracker.find(p.mmsi[0]), ctx.tracker.find(p.mmsi[1])};
  const auto [primary, partner] = order_pair(p.mmsi[0], vessel[0], p.mmsi[1], vessel[1], ctx.matches);
  const std::size_t me = primary == p.mmsi[0] ? 0 : 1, other = 1 - me;

  Event e{.type = EventType::encounter, .mmsi = primary, .other_mmsi = partner, .start = ep.start, .end = ep.end};
  set_position(e, mean);
  const WatchedArea area = places.watched_area(mean);
  if (area.zone) {
    e.zone = area.zone->name;
    e.zone_country = area.zone->country_iso2;
  }
  const PortAndShore ps = places.port_and_shore(mean, kPortSearchKm);

  // Draught before (when the pair met) and now (the encounter is emitted merge_gap_h after it ended).
  std::array<std::optional<double>, 2> draught_change;
  for (std::size_t s = 0; s < 2; ++s) {
    const auto& before = ep.side[s].draught_start_m;
    const auto after = vessel[s] ? vessel[s]->identity.draught_m : std::nullopt;
    if (before && after) draught_change[s] = static_cast<double>(*after) - static_cast<double>(*before);
  }

  // Evidence, most telling first.
  const double hours = static_cast<double>(ep.end - ep.start) / kMsPerHour;
  e.add_evidence("duration_hours", round_to(hours, 2));
  if (auto d = ep.distance.median_m()) e.add_evidence("median_distance_m", round_to(*d, 0));
  if (auto d = ep.distance.min_m()) e.add_evidence("min_distance_m", round_to(*d, 0));
  if (auto v = ep.side[me].speed.median_kn()) e.add_evidence("median_speed_kn", round_to(*v, 2));
  if (auto v = ep.side[other].speed.median_kn()) e.add_evidence("partner_median_speed_kn", round_to(*v, 2));
  add_partner_evidence(e, partner, vessel[other]);
  if (vessel[me] && vessel[me]->identity.ship_type)
    e.add_evidence("ship_type", static_cast<std::int64_t>(*vessel[me]->identity.ship_type));
  for (const auto& [prefix, s] : {std::pair{std::string_view(""), me}, std::pair{std::string_view("partner_"), other}}) {
    if (ep.side[s].draught_start_m)
      e.add_evidence(fmt::format("{}draught_before_m", prefix), round_to(*ep.side[s].draught_start_m, 1));
    if (vessel[s] && vessel[s]->identity.draught_m)
      e.add_evidence(fmt::format("{}draught_after_m", prefix), round_to(*vessel[s]->identity.draught_m, 1));
  }
  e.add_evidence("distance_to_shore_km", round_to(ps.shore_m / 1000.0, 1));
  if (ps.nearest_port) {
    e.add_evidence("nearest_port", ps.nearest_port->zone->name);
    e.add_evidence("nearest_port_km", round_to(ps.nearest_port->distance_m / 1000.0, 2));
  }
  e.add_evidence("start_position", position_text(ep.first));
  e.add_evidence("end_position", position_text(ep.last));
  e.add_evidence("fixes", static_cast<std::int64_t>(ep.side[me].fixes));
  e.add_evidence("partner_fixes", static_cast<std::int64_t>(ep.side[other].fixes));
  e.add_evidence("windows", static_cast<std::int64_t>(ep.windows));

  // Flagging: where, who, and what changed (docs/detectors.md "encounter").
  const std::string me_label = vessel_label(primary, vessel[me]);
  const std::string partner_label = vessel_label(partner, vessel[other]);
  const bool both_fishing = is_fishing(vessel[0]) && is_fishing(vessel[1]);
  const bool tankers = is_tanker(vessel[0]) && is_tanker(vessel[1]);
  int signals = 0;
  e.reasons.push_back(fmt::format("{} and {} within {:.0f} m (median) for {:.1f} h, both below {:.0f} kn, {:.0f} km from shore",
                                  me_label, partner_label, ep.distance.median_m().value_or(0.0), hours,
                                  config.max_speed_kn, ps.shore_m / 1000.0));
  if (area.dprk_waters) {
    ++signals;
    e.reasons.push_back(fmt::format("in DPRK waters ({})", area.zone->name));
  } else if (area.sts_hotspot && !both_fishing) {
    ++signals;
    e.reasons.push_back(fmt::format("in ship-to-ship transfer hotspot '{}'", area.zone->name));
  }
  if (tankers && (area.dprk_waters || area.sts_hotspot || area.user_watched)) {
    ++signals;
    e.reasons.push_back("tanker–tanker pair (ship types 80–89) in a watched area");
  }
  bool draught = false;
  for (std::size_t s = 0; s < 2; ++s) {
    if (!draught_change[s] || std::abs(*draught_change[s]) < config.min_draught_change_m) continue;
    draught = true;
    e.reasons.push_back(fmt::format("{} draught {:.1f} → {:.1f} m across the encounter", s == me ? me_label : partner_label,
                                    static_cast<double>(*ep.side[s].draught_start_m),
                                    static_cast<double>(*vessel[s]->identity.draught_m)));
  }
  const bool concern = concern_of(p.mmsi[0], vessel[0], ctx.matches) > 0 || concern_of(p.mmsi[1], vessel[1], ctx.matches) > 0;
  if (signals > 0 || draught) {
    e.flagged = true;
    e.severity = draught && signals > 0 ? Severity::high : Severity::medium;
  } else if (concern) {
    // The vessel of concern is `mmsi` (order_pair); enrich adds the match or flag and raises the severity.
    e.flagged = true;
    e.severity = Severity::low;
  }

  // Raw records: each vessel's first and latest near the other, in time order.
  for (std::size_t s : {me, other}) {
    for (const auto& r : ep.side[s].first_raw) e.raw.push_back(r);
    for (auto& r : ep.side[s].latest_raw()) e.raw.push_back(std::move(r));
  }
  std::stable_sort(e.raw.begin(), e.raw.end(), [](const RawSentence& a, const RawSentence& b) {
    return a.rx_time.value_or(0) < b.rx_time.value_or(0);
  });
  if (e.raw.size() > kMaxRawPerEvent) e.raw.resize(kMaxRawPerEvent);

  ++stats.emitted;
  ctx.sink.emit(finish_event(std::move(e), vessel[me], ctx));
}

// ---- the detector ----

EncounterDetector::EncounterDetector(const DetectorContext& context, EncounterConfig config)
    : Detector(context), state_(std::make_unique<State>(context, config)) {}

EncounterDetector::~EncounterDetector() = default;

const EncounterStats& EncounterDetector::stats() const noexcept { return state_->stats; }
const EncounterConfig& EncounterDetector::config() const noexcept { return state_->config; }

void EncounterDetector::on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) {
  State& st = *state_;
  if (update.flags.late || update.flags.suspect || vessel.mmsi_class.kind != ais::MmsiKind::ship) return;
  const ais::TrackPoint& fix = update.current;
  const double speed = fix.sog_kn ? static_cast<double>(*fix.sog_kn) : update.implied_speed_kn.value_or(kNaN);
  const bool slow = speed < st.config.max_speed_kn;  // false for an unknown speed

  auto slot_found = st.slot_of.find(vessel.mmsi);
  if (!slot_found && !slow) return;  // the common case: moving traffic, one hash lookup
  const std::uint32_t slot = slot_found ? *slot_found : st.follow(vessel.mmsi);
  {
    Followed& f = st.followed[slot];
    f.time = fix.time;
    f.lat = fix.lat_deg;
    f.lon = fix.lon_deg;
    f.sog_kn = fix.sog_kn ? static_cast<double>(*fix.sog_kn) : kNaN;
    f.cog_deg = fix.cog_deg ? static_cast<double>(*fix.cog_deg) : kNaN;
    f.speed_kn = speed;
    if (!slow && f.pairs.empty()) {
      st.unfollow(slot);
      return;
    }
    if (slow) {
      const std::uint64_t cell = st.grid.cell_of(f.lat, f.lon);
      if (cell != f.checked_cell) {
        f.checked_cell = cell;
        f.cell_in_port = st.cell_is_in_port(cell);
      }
      if (f.cell_in_port) st.leave_grid(slot);
      else st.enter_grid(slot, cell);
    } else {
      st.leave_grid(slot);
    }
  }
  ++st.update_count;

  // The pairs this vessel is already in (the partner may be fast now, or out of the grid).
  const std::vector<std::uint64_t> mine = st.followed[slot].pairs;  // copy: closing may not, but be safe
  for (std::uint64_t key : mine) {
    auto it = st.pairs.find(key);
    if (it == st.pairs.end()) continue;
    Pair& p = it->second;
    const std::uint32_t other_mmsi = p.mmsi[0] == vessel.mmsi ? p.mmsi[1] : p.mmsi[0];
    const auto other_slot = st.slot_of.find(other_mmsi);
    if (!other_slot) continue;
    if (auto c = st.compare(st.followed[slot], update.previous, st.followed[*other_slot]))
      st.observe(p, slot, *c, vessel, update);
  }

  // New neighbours, found through the grid.
  const Followed& me = st.followed[slot];
  if (me.cell == kNoCell) return;
  ++st.stats.updates_in_grid;
  st.grid.for_each_near(me.lat, me.lon, st.search_m, [&](std::uint64_t cell) {
    auto it = st.cells.find(cell);
    if (it == st.cells.end()) return;
    for (std::uint32_t other : it->second) {
      if (other == slot) continue;
      auto existing = st.pairs.find(pair_key(vessel.mmsi, st.followed[other].mmsi));
      if (existing != st.pairs.end() && existing->second.seen_in_update == st.update_count) continue;
      const auto c = st.compare(st.followed[slot], update.previous, st.followed[other]);
      if (!c || (c->distance_m > st.config.max_distance_m && existing == st.pairs.end())) continue;
      Pair& p = existing != st.pairs.end() ? existing->second : st.pair_of(slot, other);
      st.observe(p, slot, *c, vessel, update);
    }
  });
}

void EncounterDetector::on_static(const ais::Vessel& /*vessel*/, const ais::StaticReport& /*report*/) {
  // Draught is read from the tracker's identity when a window opens and when the encounter is emitted.
}

void EncounterDetector::on_time(UnixMillis now) {
  State& st = *state_;
  if (st.last_sweep && now - *st.last_sweep < kSweepEveryMs) return;
  st.last_sweep = now;
  st.sweep(now, false);
}

void EncounterDetector::finish(UnixMillis end_of_data) { state_->sweep(end_of_data, true); }

std::unique_ptr<Detector> make_encounter_detector(const DetectorContext& context) {
  return std::make_unique<EncounterDetector>(context, context.config.encounter);
}

}  // namespace aiswatch::detectors
