#include "aiswatch/simulator/truth_check.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aiswatch/simulator/scenario.hpp"

namespace aiswatch::simulator {

namespace {

int severity_rank(std::string_view s) {
  static constexpr std::array<std::string_view, 5> kOrder = {"info", "low", "medium", "high", "critical"};
  const auto it = std::find(kOrder.begin(), kOrder.end(), s);
  return it == kOrder.end() ? -1 : static_cast<int>(it - kOrder.begin());
}

bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Types whose zone is what the event is about: a wrong or missing zone is a different event.
bool zone_is_essential(std::string_view type) { return type == "port_call" || type == "zone_entry" || type == "zone_exit"; }

bool vessel_matches(const TruthEvent& e, const DetectedEvent& d) {
  auto is_vessel = [&](std::uint32_t m) {
    return m == e.mmsi || std::find(e.also_mmsi.begin(), e.also_mmsi.end(), m) != e.also_mmsi.end();
  };
  if (!e.other_mmsi) return is_vessel(d.mmsi);
  // Pair events match in either order.
  return (is_vessel(d.mmsi) && d.other_mmsi == e.other_mmsi) || (d.mmsi == *e.other_mmsi && d.other_mmsi && is_vessel(*d.other_mmsi));
}

std::string zone_problem(const TruthEvent& e, const DetectedEvent& d) {
  if (e.zone.empty()) return {};
  if (d.zone.empty()) return zone_is_essential(e.type) ? "no zone" : std::string();
  if (same_text(d.zone, e.zone)) return {};
  for (const auto& alias : e.zone_aliases)
    if (same_text(d.zone, alias)) return {};
  return fmt::format("zone '{}', expected '{}'", d.zone, e.zone);
}

std::string match_problem(const TruthEvent& e, const DetectedEvent& d) {
  std::string problems = zone_problem(e, d);
  auto add = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };
  if (e.flagged && d.flagged != *e.flagged) add(fmt::format("flagged {}, expected {}", d.flagged, *e.flagged));
  if (!e.min_severity.empty() && severity_rank(d.severity) < severity_rank(e.min_severity))
    add(fmt::format("severity '{}' below {}", d.severity, e.min_severity));
  return problems;
}

std::string describe(const TruthEvent& e) {
  return fmt::format("{} {} {}{} ({}/{} phase {}, start in {} .. {})", e.scenario, e.type, e.mmsi,
                     e.other_mmsi ? fmt::format("+{}", *e.other_mmsi) : std::string(), e.scenario, e.vessel, e.phase,
                     format_iso8601(e.start_min_ms), format_iso8601(e.start_max_ms));
}

}  // namespace

TruthCheckResult check_against_truth(const GroundTruth& truth, std::span<const DetectedEvent> found,
                                     TruthCheckOptions options) {
  TruthCheckResult r;
  for (const auto& e : truth.events) {
    if (e.requires_input == "watchlist" && !options.have_watchlist) continue;
    if (e.requires_input == "zones" && !options.have_zones) continue;
    const DetectedEvent* best = nullptr;
    std::string best_problem;
    for (const auto& d : found) {
      if (d.type != e.type || !vessel_matches(e, d) || d.start_ms < e.start_min_ms || d.start_ms > e.start_max_ms) continue;
      const std::string problem = match_problem(e, d);
      if (problem.empty()) {
        best = &d;
        best_problem.clear();
        break;
      }
      if (best == nullptr) best = &d, best_problem = problem;
    }
    if (best == nullptr) {
      if (e.required) r.missing.push_back(&e);
    } else if (!best_problem.empty()) {
      r.mismatched.push_back({&e, best, best_problem});
    } else {
      ++r.matched;
    }
  }
  std::set<std::uint32_t> innocent(truth.decoy_mmsis.begin(), truth.decoy_mmsis.end());
  innocent.insert(truth.background_mmsis.begin(), truth.background_mmsis.end());
  for (const auto& d : found)
    if (d.flagged && (innocent.count(d.mmsi) || (d.other_mmsi && innocent.count(*d.other_mmsi)))) r.flagged_innocent.push_back(&d);
  return r;
}

std::string TruthCheckResult::summary() const {
  std::string out = fmt::format("{} expected events matched, {} missing, {} mismatched, {} flagged decoy/background events\n",
                                matched, missing.size(), mismatched.size(), flagged_innocent.size());
  for (const auto* e : missing) out += fmt::format("  missing: {}\n", describe(*e));
  for (const auto& m : mismatched) out += fmt::format("  wrong: {}: {}\n", describe(*m.expected), m.why);
  for (const auto* d : flagged_innocent)
    out += fmt::format("  flagged innocent vessel: {} {} at {} ({})\n", d->type, d->mmsi, format_iso8601(d->start_ms), d->severity);
  return out;
}

GroundTruth truth_from_json(std::string_view text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ScenarioError(fmt::format("truth file: not valid JSON: {}", e.what()));
  }
  if (j.value("format", "") != "aiswatch-simulator-truth")
    throw ScenarioError("truth file: not an aiswatch-simulator-truth document");
  auto time_of = [](const nlohmann::json& v) {
    const auto t = v.is_string() ? parse_iso8601(v.get<std::string>()) : std::nullopt;
    if (!t) throw ScenarioError(fmt::format("truth file: bad time {}", v.dump()));
    return *t;
  };
  try {
    GroundTruth t;
    t.generator = j.value("generator", "");
    t.seed = j.value("seed", std::uint64_t{0});
    t.start_ms = time_of(j.at("start"));
    t.end_ms = time_of(j.at("end"));
    t.scenarios = j.value("scenarios", std::vector<std::string>{});
    t.inputs = j.value("inputs", std::vector<std::string>{});
    for (const auto& e : j.at("expected_events")) {
      TruthEvent te;
      te.scenario = e.value("scenario", "");
      te.vessel = e.value("vessel", "");
      te.other_vessel = e.value("other_vessel", "");
      te.phase = e.value("phase", "");
      te.type = e.at("type").get<std::string>();
      te.mmsi = e.at("mmsi").get<std::uint32_t>();
      if (!e.at("other_mmsi").is_null()) te.other_mmsi = e.at("other_mmsi").get<std::uint32_t>();
      te.also_mmsi = e.value("also_mmsi", std::vector<std::uint32_t>{});
      te.zone = e.value("zone", "");
      te.zone_aliases = e.value("zone_aliases", std::vector<std::string>{});
      te.zone_country = e.value("zone_country", "");
      te.start_min_ms = time_of(e.at("start_min"));
      te.start_max_ms = time_of(e.at("start_max"));
      if (!e.at("flagged").is_null()) te.flagged = e.at("flagged").get<bool>();
      te.min_severity = e.value("min_severity", "");
      te.required = e.value("required", true);
      te.requires_input = e.value("requires", "");
      te.why = e.value("why", "");
      if (e.contains("evidence") && !e["evidence"].empty()) te.evidence_json = e["evidence"].dump();
      t.events.push_back(std::move(te));
    }
    t.decoy_mmsis = j.at("decoy_mmsis").get<std::vector<std::uint32_t>>();
    t.background_mmsis = j.at("background_mmsis").get<std::vector<std::uint32_t>>();
    return t;
  } catch (const nlohmann::json::exception& e) {
    throw ScenarioError(fmt::format("truth file: {}", e.what()));
  }
}

}  // namespace aiswatch::simulator
