// transmitter.hpp — one vessel's AIS transponder: what it sends, when, and with what noise.
//
// Reporting intervals follow ITU-R M.1371-5 Table 1 (class A) and Table 2 (class B "CS"):
//   class A  moored/anchored ≤ 3 kn: 3 min; 0–14 kn: 10 s; 14–23 kn: 6 s; > 23 kn: 2 s
//   class B  ≤ 2 kn: 3 min; > 2 kn: 30 s
// To keep logs small, underway intervals are multiplied by `thinning` but never stretched beyond
// `max_underway_interval_ms` (default 60 s; never below the ITU value); the 3-minute stationary rate
// is kept. thinning = 1 gives the ITU rates. Every interval is jittered by ±10 %. Static data: type 5
// (class A) or 24A+24B (class B) every `static_interval_ms` (ITU: 6 min), within a minute of switching
// on and after an identity or voyage change; type 27 every 3 min from `long_range` vessels where no
// coast station hears them.
// Noise: GPS position error N(0, gps_sigma_m) per axis, SOG N(0, 0.1 kn), COG N(0, 1°) and random
// below 0.3 kn (as real receivers show for ships at rest), heading N(0, 0.5°).
//
//   Transmitter tx(index, spec, track, {}, rng.derive("tx/" + spec.id), &network);
//   while (tx.next_time() != kNever)
//     if (std::optional<Transmission> m = tx.pop()) handle(*m);   // nullopt: the transponder is off
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/simulator/bit_writer.hpp"
#include "aiswatch/simulator/reception.hpp"
#include "aiswatch/simulator/rng.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/track.hpp"

namespace aiswatch::simulator {

inline constexpr UnixMillis kNever = std::numeric_limits<UnixMillis>::max();

struct ReportingOptions {
  double thinning = 6;        // see above; 1 = ITU rates
  DurationMs max_underway_interval_ms = 60'000;
  double gps_sigma_m = 3;
  double sog_sigma_kn = 0.1;
  double cog_sigma_deg = 1.0;
  double heading_sigma_deg = 0.5;
  DurationMs static_interval_ms = 360'000;
  DurationMs long_range_interval_ms = 180'000;
};

// The identity a vessel broadcasts from a time on (identity changes, ETA of the current voyage).
struct IdentityPeriod {
  UnixMillis from_ms = 0;
  Identity identity;
  std::optional<UnixMillis> eta_ms;
};

// One message as sent (heard by anyone or not).
struct Transmission {
  UnixMillis time_ms = 0;
  std::size_t vessel = 0;       // index of the vessel in the simulation
  std::uint32_t mmsi = 0;
  std::uint8_t msg_type = 0;
  ArmouredPayload payload;
  geo::LatLon true_position;                 // where the ship really is
  std::optional<geo::LatLon> reported;       // the position a position message carries
  double reported_sog_kn = 0;
  bool spoofed = false;                      // reported position deliberately false
  bool in_coverage = true;                   // false in a scripted coverage gap: nobody hears it
  std::uint8_t heard_by = 0;                 // stations that received it (set by the simulation)
};

// The identity periods of a vessel: its identity, changed by each step's "set" when the step begins,
// and the ETA of its current or next voyage to a port.
std::vector<IdentityPeriod> identity_periods(const VesselSpec& spec, const Track& track);

class Transmitter {
 public:
  // `scenario_start_ms`: what the vessel's coverage gaps are relative to.
  Transmitter(std::size_t vessel_index, const VesselSpec& spec, const Track& track, ReportingOptions options,
              Rng rng, const ReceiverNetwork* network, UnixMillis scenario_start_ms = 0);

  UnixMillis next_time() const noexcept;  // kNever when the vessel has nothing more to send
  // The message due at next_time(), or nullopt when nothing goes out then (the transponder is off).
  // Precondition: next_time() != kNever.
  std::optional<Transmission> pop();

 private:
  enum class Kind : std::uint8_t { position, static_data, static_b_part, long_range };
  Kind next_kind() const noexcept;
  const IdentityPeriod& identity_at(UnixMillis t) const;
  bool on_at(UnixMillis t) const;
  bool heard_at(UnixMillis t, const TrackSegment& seg) const;
  void schedule_position(UnixMillis t, const KinematicState& s);
  std::optional<Transmission> make_position(UnixMillis t);
  std::optional<Transmission> make_static(UnixMillis t);
  std::optional<Transmission> make_static_b_part(UnixMillis t);
  std::optional<Transmission> make_long_range(UnixMillis t);
  geo::LatLon reported_position(UnixMillis t, const TrackSegment& seg, const KinematicState& s, bool& spoofed);
  std::uint32_t sotdma_state(UnixMillis t);
  Transmission start_transmission(UnixMillis t, std::uint32_t mmsi, geo::LatLon true_position, bool in_coverage) const;

  std::size_t index_;
  const VesselSpec* spec_;
  const Track* track_;
  ReportingOptions options_;
  Rng rng_;
  const ReceiverNetwork* network_;
  UnixMillis scenario_start_ms_ = 0;
  std::vector<IdentityPeriod> identities_;
  // Per-transponder traits, drawn once.
  bool rot_sensor_ = true, heading_sensor_ = true, dgps_ = false, so_unit_ = false;
  // Schedule.
  UnixMillis next_position_ = kNever, next_static_ = kNever, next_b_part_ = kNever, next_long_range_ = kNever;
  std::size_t static_identity_ = static_cast<std::size_t>(-1);  // identity period last sent as static data
  bool was_on_ = false;
  std::uint32_t slot_counter_ = 0;
};

}  // namespace aiswatch::simulator
