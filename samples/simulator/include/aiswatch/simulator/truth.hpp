// truth.hpp — the ground truth of a simulated log: which events a detector must find (with tolerant
// time windows), which vessels must get no flagged event, and the facts behind them (dark periods,
// coverage gaps, draught and identity changes, spoofed transmissions). Written as JSON next to the log;
// the format is documented in docs/simulator.md ("Ground truth").
//
//   GroundTruth truth = simulation.truth();
//   std::ofstream("demo.truth.json") << to_json(truth);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aiswatch/ais/time.hpp"

namespace aiswatch::simulator {

struct TruthVessel {
  std::string scenario;  // empty for background traffic
  std::string id;
  std::string role;
  std::vector<std::uint32_t> mmsis;  // every MMSI it broadcasts (identity changes add one)
  std::optional<std::uint32_t> imo;
  std::vector<std::string> names;    // every name it broadcasts
  std::string callsign;
  std::string flag;                  // ISO alpha-2 from the first MMSI's MID ("" when unknown)
  bool class_b = false;
  bool decoy = false;                // must get no flagged event
};

struct TruthEvent {
  std::string scenario;
  std::string vessel, other_vessel;  // scenario vessel ids (for people reading the file)
  std::string phase;                 // the step label the window is anchored to
  std::string type;
  std::uint32_t mmsi = 0;
  std::optional<std::uint32_t> other_mmsi;
  std::vector<std::uint32_t> also_mmsi;  // the event may name the vessel by one of these instead
  std::string zone, zone_country;
  std::vector<std::string> zone_aliases;
  UnixMillis start_min_ms = 0, start_max_ms = 0;  // the event's start must fall in this window
  std::optional<bool> flagged;
  std::string min_severity;
  bool required = true;
  std::string requires_input;
  std::string why;
  std::string evidence_json;
};

// A stretch of time a scripted vessel is silent in the log on purpose.
struct TruthSilence {
  std::string scenario, vessel;
  std::uint32_t mmsi = 0;
  std::string kind;  // "ais_off" (transponder off) or "no_coverage" (sending, but nobody hears)
  UnixMillis start_ms = 0, end_ms = 0;
};

// A change of broadcast identity or voyage data of a scripted vessel.
struct TruthChange {
  std::string scenario, vessel;
  std::uint32_t mmsi = 0;  // MMSI before the change
  std::string field;       // draught_m, name, mmsi, imo, callsign, destination, ship_type
  std::string before, after;
  UnixMillis time_ms = 0;  // when the step that makes it begins
};

struct TruthStats {
  std::uint64_t vessels = 0, transmissions = 0, received = 0, sentences = 0, spoofed = 0;
  std::uint64_t by_type[28] = {};
};

struct GroundTruth {
  std::string generator;
  std::uint64_t seed = 0;
  UnixMillis start_ms = 0, end_ms = 0;
  std::vector<std::string> scenarios;   // names, in order
  std::vector<std::string> inputs;      // extra input files the expectations need (watch zones, …)
  std::string options_json;             // simulation options, as JSON text
  std::vector<TruthVessel> vessels;     // scripted vessels
  std::vector<TruthEvent> events;
  std::vector<std::uint32_t> decoy_mmsis;
  std::vector<std::uint32_t> background_mmsis;
  std::vector<TruthSilence> silences;
  std::vector<TruthChange> changes;
  TruthStats stats;
};

// Pretty JSON with a fixed key order: the same truth always gives the same bytes.
std::string to_json(const GroundTruth& truth);

}  // namespace aiswatch::simulator
