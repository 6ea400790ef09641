// report_model.cpp — the pipeline's state as report dossiers.
#include "aiswatch/pipeline/report_model.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace aiswatch::pipeline {

namespace {

report::IdentityChange to_report(const ais::IdentityChange& c) {
  report::IdentityChange out{.field = ais::to_string(c.field), .old_value = c.before, .new_value = c.after, .time = c.time};
  for (const ais::RawCopy& r : c.raw) {
    if (!out.raw.empty()) out.raw += '\n';
    out.raw += r.text;
  }
  return out;
}

report::VesselIdentity identity_of(const ais::Vessel& v) {
  report::VesselIdentity id;
  id.imo = v.identity.imo;
  id.name = std::string(v.identity.name.view());
  id.callsign = std::string(v.identity.callsign.view());
  id.destination = std::string(v.identity.destination.view());
  if (const auto flag = v.flag()) id.flag = std::string(flag->alpha2);
  id.ship_type = v.identity.ship_type;
  if (const auto l = v.identity.length_overall_m()) id.length_m = *l;
  if (const auto b = v.identity.beam_overall_m()) id.beam_m = *b;
  if (v.identity.draught_m) id.draught_m = *v.identity.draught_m;
  return id;
}

report::VesselIdentity identity_of(const ais::VesselSummary& s) {
  report::VesselIdentity id;
  id.imo = s.imo;
  id.name = s.name;
  id.callsign = s.callsign;
  id.destination = s.destination;
  if (s.flag) id.flag = std::string(s.flag->alpha2);
  id.ship_type = s.ship_type;
  if (s.length_m) id.length_m = *s.length_m;
  if (s.draught_m) id.draught_m = *s.draught_m;
  return id;
}

}  // namespace

report::VesselDossier make_dossier(std::uint32_t mmsi, const ais::Vessel* vessel, const ais::VesselSummary* summary,
                                   const DetectionPipeline& pipeline) {
  report::VesselDossier d{.mmsi = mmsi};
  if (vessel != nullptr) {
    d.identity = identity_of(*vessel);
    if (vessel->history) {
      std::set<std::uint32_t> related;
      for (const ais::IdentityChange& c : vessel->history->latest) {
        d.identity_history.push_back(to_report(c));
        if (c.other_mmsi != 0 && c.other_mmsi != mmsi) related.insert(c.other_mmsi);
      }
      d.identity_changes_dropped = vessel->history->dropped;
      d.related_mmsis.assign(related.begin(), related.end());
    }
  } else if (summary != nullptr) {
    d.identity = identity_of(*summary);
  }
  if (const watchlists::MatchResult* m = pipeline.matches().find(mmsi)) d.watchlist = m->matches;
  d.track = pipeline.tracks().track(mmsi);
  // The store samples; the vessel's latest fix is the tracker's, always drawn.
  const std::optional<ais::TrackPoint>& last = vessel != nullptr ? vessel->last : (summary ? summary->last : std::nullopt);
  if (last && (d.track.empty() || d.track.back().time < last->time)) {
    d.track.push_back({.time = last->time, .lat_deg = last->lat_deg, .lon_deg = last->lon_deg, .sog_kn = last->sog_kn,
                       .segment = last->segment});
  }
  d.positions_total = vessel != nullptr ? vessel->counts.positions : (summary ? summary->counts.positions : 0);
  return d;
}

report::ReportModel build_report_model(const DetectionPipeline& pipeline, std::vector<detectors::Event> events,
                                       report::RunInfo run) {
  report::ReportModel m;
  const ais::Tracker& tracker = pipeline.tracker();

  // Latest eviction summary per MMSI, for vessels the tracker no longer holds.
  std::unordered_map<std::uint32_t, const ais::VesselSummary*> evicted;
  for (const ais::VesselSummary& s : tracker.evicted()) evicted[s.mmsi] = &s;

  std::vector<std::uint32_t> mmsis = pipeline.tracks().mmsis();
  std::set<std::uint32_t> listed(mmsis.begin(), mmsis.end());
  for (const detectors::Event& e : events) {
    if (listed.insert(e.mmsi).second) mmsis.push_back(e.mmsi);
    if (e.other_mmsi && listed.insert(*e.other_mmsi).second) mmsis.push_back(*e.other_mmsi);
  }
  m.vessels.reserve(mmsis.size());
  for (std::uint32_t mmsi : mmsis) {
    const ais::Vessel* v = tracker.find(mmsi);
    const auto it = evicted.find(mmsi);
    m.vessels.push_back(make_dossier(mmsi, v, it == evicted.end() ? nullptr : it->second, pipeline));
  }

  if (!run.first_time) run.first_time = pipeline.first_time();
  if (!run.last_time) run.last_time = pipeline.last_time();
  if (run.messages == 0) run.messages = pipeline.observations();
  if (run.vessels == 0) run.vessels = tracker.size() + tracker.stats().evicted - tracker.stats().resumed;
  m.run = std::move(run);
  m.events = std::move(events);
  return m;
}

}  // namespace aiswatch::pipeline
