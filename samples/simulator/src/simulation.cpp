#include "aiswatch/simulator/simulation.hpp"

#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aiswatch/simulator/background.hpp"
#include "aiswatch/simulator/flags.hpp"
#include "aiswatch/simulator/hostile_text.hpp"
#include "aiswatch/simulator/nmea_sentences.hpp"

namespace aiswatch::simulator {

namespace {

std::string vessel_key(const std::string& scenario, const std::string& id) { return scenario + "/" + id; }

// Vessels of one scenario in an order where every alongside partner comes before the vessel using it.
std::vector<const VesselSpec*> build_order(const Scenario& s) {
  std::vector<const VesselSpec*> order;
  std::set<std::string> done;
  while (order.size() < s.vessels.size()) {
    bool progress = false;
    for (const auto& v : s.vessels) {
      if (done.count(v.id)) continue;
      const bool ready = std::all_of(v.steps.begin(), v.steps.end(), [&](const Step& st) {
        return st.kind != StepKind::alongside || done.count(st.partner);
      });
      if (!ready) continue;
      order.push_back(&v);
      done.insert(v.id);
      progress = true;
    }
    if (!progress) throw ScenarioError(fmt::format("{}: alongside partners form a cycle", s.name));
  }
  return order;
}

struct Pending {
  UnixMillis deliver_ms = 0;
  std::uint64_t serial = 0;
  std::vector<std::string> lines;
  bool operator>(const Pending& o) const noexcept {
    return deliver_ms != o.deliver_ms ? deliver_ms > o.deliver_ms : serial > o.serial;
  }
};

struct StationCounters {
  unsigned sequence = 0;
  std::uint32_t group = 0;
};

std::string draught_text(const std::optional<double>& d) { return d ? fmt::format("{:.1f}", *d) : std::string(); }

}  // namespace

Simulation::Simulation(std::vector<Scenario> scenarios, SeaLanes lanes, SimulationOptions options)
    : scenarios_(std::move(scenarios)),
      lanes_(std::move(lanes)),
      options_(options),
      network_(lanes_.stations(), options.reception) {
  if (options_.hostile_text) apply_hostile_text(scenarios_);
  DurationMs duration = 0;
  for (const auto& s : scenarios_) duration = std::max(duration, s.duration_ms);
  if (options_.duration_ms) duration = *options_.duration_ms;
  if (duration <= 0) throw ScenarioError("nothing to simulate: give a scenario or a duration");
  end_ms_ = options_.start_ms + duration;

  std::size_t scripted = 0;
  TakenIdentities taken;
  std::map<std::uint32_t, std::string> owner;
  for (const auto& s : scenarios_) {
    scripted += s.vessels.size();
    for (const auto& v : s.vessels) {
      if (!v.clone_of.empty()) continue;
      std::vector<std::uint32_t> mmsis{v.identity.mmsi};
      for (const auto& st : v.steps)
        if (st.set.mmsi) mmsis.push_back(*st.set.mmsi);
      for (std::uint32_t m : mmsis) {
        const auto [it, fresh] = owner.emplace(m, vessel_key(s.name, v.id));
        if (!fresh && it->second != vessel_key(s.name, v.id))
          throw ScenarioError(fmt::format("MMSI {} is used by {} and {}", m, it->second, vessel_key(s.name, v.id)));
        taken.mmsis.insert(m);
      }
      if (v.identity.imo) taken.imos.insert(*v.identity.imo);
      for (const auto& st : v.steps)
        if (st.set.imo) taken.imos.insert(*st.set.imo);
    }
  }
  const Rng root(options_.seed);
  std::vector<VesselSpec> background =
      make_background(lanes_, options_.background_vessels, duration, root.derive("background"), taken);
  vessels_.reserve(scripted + background.size());  // tracks point at partners: no reallocation

  for (const auto& s : scenarios_) {
    std::map<std::string, const Track*> built;
    for (const VesselSpec* v : build_order(s)) {
      const bool decoy = std::find(s.decoys.begin(), s.decoys.end(), v->id) != s.decoys.end();
      Track track = build_track(*v, {.lanes = &lanes_, .start_ms = options_.start_ms, .end_ms = end_ms_,
                                     .rng = root.derive("track/" + vessel_key(s.name, v->id)), .tracks = &built});
      vessels_.push_back({s.name, *v, std::move(track), decoy});
      built[v->id] = &vessels_.back().track;
    }
  }
  for (auto& v : background) {
    Track track = build_track(v, {.lanes = &lanes_, .start_ms = options_.start_ms, .end_ms = end_ms_,
                                  .rng = root.derive("track/" + v.id), .tracks = nullptr});
    vessels_.push_back({"", std::move(v), std::move(track), false});
  }
}

GroundTruth Simulation::run(SimulationSink& sink) const {
  const Rng root(options_.seed);
  std::vector<Transmitter> transmitters;
  std::vector<Rng> reception_rngs;
  transmitters.reserve(vessels_.size());
  for (std::size_t i = 0; i < vessels_.size(); ++i) {
    const auto& v = vessels_[i];
    const std::string key = vessel_key(v.scenario, v.spec.id);
    transmitters.emplace_back(i, v.spec, v.track, options_.reporting, root.derive("tx/" + key), &network_, options_.start_ms);
    reception_rngs.push_back(root.derive("rx/" + key));
  }
  using Next = std::pair<UnixMillis, std::size_t>;
  std::priority_queue<Next, std::vector<Next>, std::greater<>> due;
  for (std::size_t i = 0; i < transmitters.size(); ++i)
    if (transmitters[i].next_time() != kNever) due.emplace(transmitters[i].next_time(), i);

  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> delivery;
  std::unordered_map<const Station*, StationCounters> counters;
  std::uint64_t serial = 0;
  TruthStats stats;
  stats.vessels = vessels_.size();
  std::vector<const Station*> heard_by;
  auto deliver_until = [&](UnixMillis t) {
    while (!delivery.empty() && delivery.top().deliver_ms <= t) {
      for (const auto& line : delivery.top().lines) sink.line(line);
      stats.sentences += delivery.top().lines.size();
      delivery.pop();
    }
  };

  while (!due.empty()) {
    const auto [t, i] = due.top();
    due.pop();
    std::optional<Transmission> tx = transmitters[i].pop();
    if (transmitters[i].next_time() != kNever) due.emplace(transmitters[i].next_time(), i);
    if (!tx) continue;
    // Everything sent from now on is delivered at or after t: what is due by then is final.
    deliver_until(t);
    ++stats.transmissions;
    ++stats.by_type[tx->msg_type];
    if (tx->spoofed) ++stats.spoofed;
    Rng& rng = reception_rngs[i];
    heard_by.clear();
    if (tx->in_coverage) network_.receivers(tx->true_position, rng, heard_by);  // reach depends on the real position
    tx->heard_by = static_cast<std::uint8_t>(heard_by.size());
    sink.transmission(*tx);
    if (heard_by.empty()) continue;
    ++stats.received;
    const char channel = rng.chance(0.5) ? 'A' : 'B';
    for (const Station* station : heard_by) {
      StationCounters& c = counters[station];
      Pending p;
      const bool multipart = tx->payload.text.size() > kMaxPayloadCharsPerSentence;
      if (multipart) {
        c.sequence = (c.sequence + 1) % 10;
        c.group = c.group % 99999 + 1;
      }
      append_sentences(tx->payload, {.channel = channel, .rx_time = tx->time_ms, .station = station->id,
                                     .sequence_id = c.sequence, .group_id = c.group},
                       p.lines);
      p.deliver_ms = tx->time_ms + static_cast<UnixMillis>(rng.below(static_cast<std::uint64_t>(network_.options().max_latency_ms) + 1));
      p.serial = serial++;
      delivery.push(std::move(p));
    }
  }
  deliver_until(kNever);

  GroundTruth truth = make_truth();
  truth.stats = stats;
  return truth;
}

GroundTruth Simulation::make_truth() const {
  GroundTruth t;
  t.generator = "aiswatch-simulate";
  t.seed = options_.seed;
  t.start_ms = options_.start_ms;
  t.end_ms = end_ms_;
  std::set<std::string> inputs;
  for (const auto& s : scenarios_) {
    t.scenarios.push_back(s.name);
    inputs.insert(s.inputs.begin(), s.inputs.end());
  }
  t.inputs.assign(inputs.begin(), inputs.end());
  nlohmann::ordered_json o;
  o["duration_hours"] = static_cast<double>(end_ms_ - options_.start_ms) / 3'600'000.0;
  o["background_vessels"] = options_.background_vessels;
  o["hostile_text"] = options_.hostile_text;
  o["thinning"] = options_.reporting.thinning;
  o["max_underway_interval_s"] = static_cast<double>(options_.reporting.max_underway_interval_ms) / 1000.0;
  o["static_interval_s"] = static_cast<double>(options_.reporting.static_interval_ms) / 1000.0;
  o["gps_sigma_m"] = options_.reporting.gps_sigma_m;
  o["drop_probability"] = options_.reception.drop_probability;
  o["satellite_probability"] = options_.reception.satellite_probability;
  o["max_latency_ms"] = options_.reception.max_latency_ms;
  t.options_json = o.dump();

  // Per scripted vessel: identity periods (MMSIs, names, changes) and silent stretches.
  std::map<std::string, std::vector<IdentityPeriod>> periods;
  for (const auto& v : vessels_) {
    if (v.scenario.empty()) {
      t.background_mmsis.push_back(v.spec.identity.mmsi);
      continue;
    }
    const auto ids = identity_periods(v.spec, v.track);
    periods[vessel_key(v.scenario, v.spec.id)] = ids;
    TruthVessel tv{v.scenario, v.spec.id, v.spec.role, {}, v.spec.identity.imo, {}, v.spec.identity.callsign,
                   std::string(flag_of_mmsi(v.spec.identity.mmsi)), v.spec.class_b, v.decoy};
    for (const auto& p : ids) {
      if (std::find(tv.mmsis.begin(), tv.mmsis.end(), p.identity.mmsi) == tv.mmsis.end()) tv.mmsis.push_back(p.identity.mmsi);
      if (std::find(tv.names.begin(), tv.names.end(), p.identity.name) == tv.names.end()) tv.names.push_back(p.identity.name);
    }
    if (v.decoy) t.decoy_mmsis.insert(t.decoy_mmsis.end(), tv.mmsis.begin(), tv.mmsis.end());
    t.vessels.push_back(tv);

    for (std::size_t k = 1; k < ids.size(); ++k) {
      const Identity& a = ids[k - 1].identity;
      const Identity& b = ids[k].identity;
      auto change = [&](const char* field, std::string before, std::string after) {
        if (before != after) t.changes.push_back({v.scenario, v.spec.id, a.mmsi, field, before, after, ids[k].from_ms});
      };
      change("mmsi", std::to_string(a.mmsi), std::to_string(b.mmsi));
      change("imo", a.imo ? std::to_string(*a.imo) : "", b.imo ? std::to_string(*b.imo) : "");
      change("name", a.name, b.name);
      change("callsign", a.callsign, b.callsign);
      change("ship_type", std::to_string(a.ship_type), std::to_string(b.ship_type));
      change("draught_m", draught_text(a.draught_m), draught_text(b.draught_m));
      change("destination", a.destination, b.destination);
    }
    for (const auto& g : v.spec.coverage_gaps) {
      const UnixMillis from = options_.start_ms + g.from_ms;
      if (from < end_ms_)
        t.silences.push_back({v.scenario, v.spec.id, ids.front().identity.mmsi, "no_coverage", from,
                              std::min(end_ms_, from + g.duration_ms)});
    }
    const auto segs = v.track.segments();
    for (std::size_t k = 0; k < segs.size(); ++k) {
      const char* kind = !segs[k].ais_on ? "ais_off" : !segs[k].received ? "no_coverage" : nullptr;
      if (kind == nullptr) continue;
      const auto mmsi = ids.front().identity.mmsi;
      if (!t.silences.empty() && t.silences.back().vessel == v.spec.id && t.silences.back().scenario == v.scenario &&
          t.silences.back().kind == kind && t.silences.back().end_ms == segs[k].start_ms) {
        t.silences.back().end_ms = segs[k].end_ms;
      } else {
        t.silences.push_back({v.scenario, v.spec.id, mmsi, kind, segs[k].start_ms, segs[k].end_ms});
      }
    }
  }

  // Expected events: windows anchored at the labelled step's start or end.
  auto find_vessel = [&](const std::string& scenario, const std::string& id) -> const SimulatedVessel* {
    for (const auto& v : vessels_)
      if (v.scenario == scenario && v.spec.id == id) return &v;
    return nullptr;
  };
  auto mmsi_at = [&](const SimulatedVessel& v, UnixMillis when) {
    const auto& ids = periods.at(vessel_key(v.scenario, v.spec.id));
    auto it = std::upper_bound(ids.begin(), ids.end(), when, [](UnixMillis x, const IdentityPeriod& p) { return x < p.from_ms; });
    return (it == ids.begin() ? ids.front() : *std::prev(it)).identity.mmsi;
  };
  for (const auto& s : scenarios_)
    for (const auto& e : s.expect) {
      const SimulatedVessel* v = find_vessel(s.name, e.vessel);
      const SimulatedVessel* other = e.other.empty() ? nullptr : find_vessel(s.name, e.other);
      if (v == nullptr) continue;
      const auto segs = v->track.segments();
      const auto seg = std::find_if(segs.begin(), segs.end(), [&](const TrackSegment& sg) { return v->spec.steps[sg.step].label == e.phase; });
      if (seg == segs.end()) continue;  // the simulation ends before that step
      const UnixMillis anchor = e.anchor_end ? seg->end_ms : seg->start_ms;
      TruthEvent te;
      te.scenario = s.name;
      te.vessel = e.vessel;
      te.other_vessel = e.other;
      te.phase = e.phase;
      te.type = e.type;
      te.mmsi = mmsi_at(*v, anchor);
      if (other) te.other_mmsi = mmsi_at(*other, anchor);
      for (const auto& p : periods.at(vessel_key(v->scenario, v->spec.id)))
        if (p.identity.mmsi != te.mmsi &&
            std::find(te.also_mmsi.begin(), te.also_mmsi.end(), p.identity.mmsi) == te.also_mmsi.end())
          te.also_mmsi.push_back(p.identity.mmsi);
      te.zone = e.zone;
      te.zone_aliases = e.zone_aliases;
      te.zone_country = e.zone_country;
      te.start_min_ms = anchor - e.window_before_ms;
      te.start_max_ms = anchor + e.window_after_ms;
      te.flagged = e.flagged;
      te.min_severity = e.min_severity;
      te.required = e.required;
      te.requires_input = e.requires_input;
      te.why = e.why;
      te.evidence_json = e.evidence_json;
      t.events.push_back(std::move(te));
    }
  std::sort(t.decoy_mmsis.begin(), t.decoy_mmsis.end());
  std::sort(t.background_mmsis.begin(), t.background_mmsis.end());
  return t;
}

}  // namespace aiswatch::simulator
