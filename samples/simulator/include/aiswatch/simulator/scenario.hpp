// scenario.hpp — a scripted scenario: vessels, the steps of their voyages, and the events a detector
// should (and must not) find. Scenarios are JSON files (samples/scenarios/*.json, format in
// docs/simulator.md) so users can write their own; positions are [lon, lat] as in GeoJSON.
//
//   Scenario s = load_scenario_file("samples/scenarios/rajin_shuttle.json");   // throws ScenarioError
//   for (const VesselSpec& v : s.vessels) …;
//   parse_duration("1h30m") == 5'400'000, parse_duration("end") == std::nullopt (until the end)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/simulator/messages.hpp"

namespace aiswatch::simulator {

using DurationMs = std::int64_t;

// A scenario file that cannot be used: the message names the file and the vessel/step/field.
class ScenarioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a transponder broadcasts about its ship (types 5, 19, 24).
struct Identity {
  std::uint32_t mmsi = 0;
  std::optional<std::uint32_t> imo;
  std::string name, callsign, destination;  // six-bit text (validated on load)
  std::uint8_t ship_type = 0;
  AisDimensions dimensions;
  std::optional<double> draught_m;
};

// Identity fields a step changes when it begins (unset: unchanged).
struct IdentityChange {
  std::optional<std::uint32_t> mmsi;
  std::optional<std::uint32_t> imo;
  std::optional<std::string> name, callsign, destination;
  std::optional<std::uint8_t> ship_type;
  std::optional<double> draught_m;

  bool empty() const noexcept {
    return !mmsi && !imo && !name && !callsign && !destination && !ship_type && !draught_m;
  }
  void apply_to(Identity& id) const;
};

enum class StepKind : std::uint8_t {
  moor,       // alongside a berth: stationary, nav status 5
  anchor,     // swinging at anchor, nav status 1
  sail,       // along waypoints and/or the sea lanes to a port, with acceleration and speed limits
  loiter,     // slow wandering within a radius (< 2 kn), e.g. waiting for a transfer partner
  drift,      // drifting with a current at a steady slow speed
  alongside,  // side by side with another vessel (ship-to-ship transfer)
};

const char* to_string(StepKind kind) noexcept;

struct Step {
  StepKind kind = StepKind::moor;
  std::string label;                   // for expectations ("phase") and logs
  std::optional<DurationMs> duration;  // nullopt: until the end of the simulation
  std::string port;                    // moor/anchor: at this port's berth (sea-lanes file)
  std::optional<geo::LatLon> at;       // moor/anchor/loiter/drift: here (default: where the vessel is)
  std::vector<geo::LatLon> via;        // sail: waypoints, in order
  std::string to_port;                 // sail: then on through the sea lanes to this port's berth
  bool leave_port = true;              // sail from a berth: first out along the port's approach
  double speed_kn = 0;                 // sail: cruise speed; loiter/drift/alongside: typical speed
  double course_deg = 0;               // drift: direction of the drift
  double radius_m = 0;                 // anchor: swing radius; loiter: wander radius
  std::string partner;                 // alongside: the other vessel's id
  double offset_m = 0;                 // alongside: distance between the two hulls' positions
  bool ais_on = true;                  // false: the transponder is off (dark period)
  bool received = true;                // false: on, but no receiver hears it (coverage gap)
  std::optional<std::uint8_t> nav_status;
  IdentityChange set;                  // applied when the step begins
  // Spoofed position: the transponder reports positions around this point instead of the true ones
  // (a teleport, positions on land, or a circle when report_radius_m > 0).
  std::optional<geo::LatLon> report_at;
  double report_radius_m = 0;
};

// A time window in which no receiver hears the vessel although it transmits (satellite revisit gaps,
// reception holes), relative to the scenario start.
struct CoverageGap {
  DurationMs from_ms = 0;
  DurationMs duration_ms = 0;
};

struct VesselSpec {
  std::string id;
  std::string role;           // free text for the truth file: suspect, partner, decoy, background…
  bool class_b = false;
  bool long_range = false;    // also sends type 27 when only satellites hear it
  Identity identity;
  DurationMs appear_ms = 0;   // when its script starts, after the scenario start
  std::string clone_of;       // a second transmitter broadcasting another vessel's identity
  std::vector<CoverageGap> coverage_gaps;
  std::vector<Step> steps;
};

// One expected (or explicitly not expected) detector event.
struct Expectation {
  std::string type;            // event type as in the events contract (port_call, ais_gap, …)
  std::string vessel;          // vessel id
  std::string other;           // partner vessel id for pair events
  std::string phase;           // label of the step the window is anchored to
  bool anchor_end = false;     // anchor the window at the step's end instead of its start
  DurationMs window_before_ms = 0, window_after_ms = 0;  // start must fall in [anchor-before, anchor+after]
  std::string zone;
  std::vector<std::string> zone_aliases;
  std::string zone_country;
  std::optional<bool> flagged; // unset: either is acceptable
  std::string min_severity;    // empty: any
  bool required = true;        // false: may be found; if found it must match flagged/severity
  std::string requires_input;  // "watchlist", "zones": only expected when that input is given
  std::string why;
  std::string evidence_json;   // free-form hints for the checker, as JSON text ("" when none)
};

struct Scenario {
  std::string name;
  std::string description;
  DurationMs duration_ms = 0;
  std::vector<VesselSpec> vessels;
  std::vector<Expectation> expect;
  std::vector<std::string> decoys;   // vessel ids that must get no flagged event
  std::vector<std::string> inputs;   // extra inputs the expectations need (e.g. a watch-zone file)
  std::filesystem::path source;
};

// "90s", "30m", "6h", "2d", "1h30m"; "end" or "" → nullopt. Throws ScenarioError on anything else.
std::optional<DurationMs> parse_duration(std::string_view text);

Scenario parse_scenario(const nlohmann::json& doc, const std::string& source_name);
Scenario load_scenario_file(const std::filesystem::path& file);

// All *.json files directly in `dir` (not its subfolders), sorted by name.
std::vector<std::filesystem::path> list_scenario_files(const std::filesystem::path& dir);

}  // namespace aiswatch::simulator
