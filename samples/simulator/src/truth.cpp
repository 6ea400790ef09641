#include "aiswatch/simulator/truth.hpp"

#include <nlohmann/json.hpp>

namespace aiswatch::simulator {

using ojson = nlohmann::ordered_json;

namespace {

ojson optional_u32(const std::optional<std::uint32_t>& v) { return v ? ojson(*v) : ojson(nullptr); }

}  // namespace

std::string to_json(const GroundTruth& t) {
  ojson j;
  j["format"] = "aiswatch-simulator-truth";
  j["version"] = 1;
  j["generator"] = t.generator;
  j["seed"] = t.seed;
  j["start"] = format_iso8601(t.start_ms);
  j["end"] = format_iso8601(t.end_ms);
  j["scenarios"] = t.scenarios;
  j["inputs"] = t.inputs;
  j["options"] = t.options_json.empty() ? ojson::object() : ojson::parse(t.options_json);
  j["rules"] = {
      "Every event in expected_events with required=true must be found: same type, mmsi (or one of also_mmsi), "
      "other_mmsi when given, start within [start_min, start_max], zone matching zone or a zone_alias "
      "(case-insensitive) when given, flagged as given (absent: either), severity >= min_severity.",
      "Pair events (encounter, dark_transfer) match with mmsi and other_mmsi in either order.",
      "An event with required=false may be missing; when it is found it must match like a required one.",
      "An expectation with requires=\"watchlist\" or \"zones\" applies only when that input is given (see inputs).",
      "No vessel in decoy_mmsis or background_mmsis may get any flagged event."};

  ojson vessels = ojson::array();
  for (const auto& v : t.vessels)
    vessels.push_back({{"scenario", v.scenario}, {"id", v.id}, {"role", v.role}, {"mmsi", v.mmsis},
                       {"imo", optional_u32(v.imo)}, {"names", v.names}, {"callsign", v.callsign},
                       {"flag", v.flag}, {"class", v.class_b ? "B" : "A"}, {"decoy", v.decoy}});
  j["vessels"] = vessels;

  ojson events = ojson::array();
  for (const auto& e : t.events) {
    ojson o;
    o["scenario"] = e.scenario;
    o["vessel"] = e.vessel;
    o["other_vessel"] = e.other_vessel;
    o["phase"] = e.phase;
    o["type"] = e.type;
    o["mmsi"] = e.mmsi;
    o["other_mmsi"] = optional_u32(e.other_mmsi);
    o["also_mmsi"] = e.also_mmsi;
    o["zone"] = e.zone;
    o["zone_aliases"] = e.zone_aliases;
    o["zone_country"] = e.zone_country;
    o["start_min"] = format_iso8601(e.start_min_ms);
    o["start_max"] = format_iso8601(e.start_max_ms);
    o["flagged"] = e.flagged ? ojson(*e.flagged) : ojson(nullptr);
    o["min_severity"] = e.min_severity;
    o["required"] = e.required;
    o["requires"] = e.requires_input;
    o["why"] = e.why;
    o["evidence"] = e.evidence_json.empty() ? ojson::object() : ojson::parse(e.evidence_json);
    events.push_back(std::move(o));
  }
  j["expected_events"] = events;
  j["decoy_mmsis"] = t.decoy_mmsis;
  j["background_mmsis"] = t.background_mmsis;

  ojson silences = ojson::array();
  for (const auto& s : t.silences)
    silences.push_back({{"scenario", s.scenario}, {"vessel", s.vessel}, {"mmsi", s.mmsi}, {"kind", s.kind},
                        {"start", format_iso8601(s.start_ms)}, {"end", format_iso8601(s.end_ms)},
                        {"hours", static_cast<double>(s.end_ms - s.start_ms) / 3'600'000.0}});
  j["silences"] = silences;
  ojson changes = ojson::array();
  for (const auto& c : t.changes)
    changes.push_back({{"scenario", c.scenario}, {"vessel", c.vessel}, {"mmsi", c.mmsi}, {"field", c.field},
                       {"before", c.before}, {"after", c.after}, {"time", format_iso8601(c.time_ms)}});
  j["changes"] = changes;

  ojson by_type = ojson::object();
  for (int type = 1; type < 28; ++type)
    if (t.stats.by_type[type] != 0) by_type[std::to_string(type)] = t.stats.by_type[type];
  j["stats"] = {{"vessels", t.stats.vessels},       {"transmissions", t.stats.transmissions},
                {"received", t.stats.received},     {"sentences", t.stats.sentences},
                {"spoofed", t.stats.spoofed},       {"messages_by_type", by_type}};
  return j.dump(2) + "\n";
}

}  // namespace aiswatch::simulator
