// simulation.hpp — runs scenarios and background traffic together and produces the NMEA log (through
// a sink, in delivery order) and its ground truth.
//
// Deterministic: the same scenarios, lanes file, options and seed give the same lines and truth. Each
// vessel draws its noise from its own random stream (derived from the seed and its name), so adding a
// vessel or a scenario leaves the others' messages unchanged.
//
//   Simulation sim(scenarios, SeaLanes::load(lanes_file), {.seed = 42, .background_vessels = 300});
//   NmeaFileSink out("demo.nmea.gz");                          // output.hpp
//   GroundTruth truth = sim.run(out);
//   out.close();
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/simulator/reception.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/sea_lanes.hpp"
#include "aiswatch/simulator/track.hpp"
#include "aiswatch/simulator/transmitter.hpp"
#include "aiswatch/simulator/truth.hpp"

namespace aiswatch::simulator {

inline constexpr UnixMillis kDefaultStartMs = 1710028800000;  // 2024-03-10T00:00:00Z

struct SimulationOptions {
  std::uint64_t seed = 1;
  UnixMillis start_ms = kDefaultStartMs;
  std::optional<DurationMs> duration_ms;  // default: the longest scenario
  std::size_t background_vessels = 0;
  bool hostile_text = false;              // scripted vessels get hostile names/destinations (hostile_text.hpp)
  ReportingOptions reporting;
  ReceptionOptions reception;
};

// Receives the simulation's output. Lines come in delivery order (see docs/simulator.md).
class SimulationSink {
 public:
  virtual ~SimulationSink() = default;
  virtual void line(std::string_view nmea) = 0;
  // Every message sent, heard or not, in transmission order (for tests and statistics).
  virtual void transmission(const Transmission& /*tx*/) {}
};

struct SimulatedVessel {
  std::string scenario;  // empty for background traffic
  VesselSpec spec;
  Track track;
  bool decoy = false;
};

class Simulation {
 public:
  // Builds every track. Throws ScenarioError for routes the lanes cannot make, MMSIs used by two
  // scenarios, alongside partners that form a cycle, …
  Simulation(std::vector<Scenario> scenarios, SeaLanes lanes, SimulationOptions options);

  UnixMillis start_ms() const noexcept { return options_.start_ms; }
  UnixMillis end_ms() const noexcept { return end_ms_; }
  const std::vector<SimulatedVessel>& vessels() const noexcept { return vessels_; }
  const SeaLanes& lanes() const noexcept { return lanes_; }

  // Sends everything to the sink and returns the ground truth (with counts of what was sent).
  GroundTruth run(SimulationSink& sink) const;

 private:
  GroundTruth make_truth() const;

  std::vector<Scenario> scenarios_;
  SeaLanes lanes_;
  SimulationOptions options_;
  ReceiverNetwork network_;
  UnixMillis end_ms_ = 0;
  std::vector<SimulatedVessel> vessels_;
};

}  // namespace aiswatch::simulator
