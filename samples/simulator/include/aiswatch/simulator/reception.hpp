// reception.hpp — who hears a transmission: coast stations within radio range (up to two, so some
// messages arrive twice, as from overlapping receivers), else a satellite that hears only a share.
//
// Stations come from the world file (the "stations" list of samples/scenarios/lanes/east_asia.json):
// notional receivers at real coastal places, not the positions of actual AIS networks.
//
//   ReceiverNetwork net(lanes.stations(), {});
//   std::vector<const Station*> heard_by;
//   net.receivers(p, rng, heard_by);   // 0, 1 or 2 stations; satellite when no coast station is in range
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/simulator/rng.hpp"

namespace aiswatch::simulator {

struct Station {
  std::string id;       // goes into the tag block s: field
  geo::LatLon position;
  double range_m = 0;
  bool satellite = false;
};

struct ReceptionOptions {
  double drop_probability = 0.03;      // a coast station in range misses a message (interference, load)
  double satellite_probability = 0.5;  // share of messages the satellite hears where no coast station can
  std::int64_t max_latency_ms = 4000;  // feed delay per line: c: times may step back by up to this
};

class ReceiverNetwork {
 public:
  ReceiverNetwork(std::vector<Station> coast_stations, ReceptionOptions options);

  // Clears `out`, then adds the stations that hear a message sent at p (nearest first).
  void receivers(geo::LatLon p, Rng& rng, std::vector<const Station*>& out) const;
  // Whether any coast station is in range of p (a satellite-only area otherwise).
  bool coast_coverage(geo::LatLon p) const;
  const ReceptionOptions& options() const noexcept { return options_; }
  std::span<const Station> coast_stations() const noexcept { return coast_; }
  const Station& satellite() const noexcept { return satellite_; }

 private:
  std::vector<Station> coast_;
  Station satellite_{"SAT", {0, 0}, 0, true};
  ReceptionOptions options_;
};

}  // namespace aiswatch::simulator
