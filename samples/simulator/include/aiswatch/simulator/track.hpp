// track.hpp — a vessel's script compiled into a continuous true track: where it is, how fast and where
// it heads at any time, plus which step it is in (transponder on/off, coverage, identity).
//
// Motion per step:
//   moor       fixed at the berth; nav status 5
//   anchor     swings on a circle of the anchor radius with the tide (12.42 h period); nav status 1
//   sail       along geodesic legs; speeds ramp with a constant acceleration (kAccelerationMps2); legs
//              of a port approach are limited to kHarbourSpeedKn; ends at rest before a moor/anchor step
//   loiter     wanders on a Lissajous figure inside the radius, never faster than the step's speed
//   drift      steady drift along course_deg at speed_kn with a small wobble
//   alongside  keeps station beside the partner vessel at offset_m (starboard side), small wobble
// A step that starts away from where the previous one ended closes the distance first (at 1 kn,
// faster only when that would take over 2 h).
//
//   Track t = build_track(spec, {.lanes = &lanes, .start_ms = t0, .end_ms = t1, .rng = rng, .tracks = &done});
//   KinematicState s = t.state_at(t0 + 3'600'000);   // s.position, s.sog_kn, s.cog_deg, s.nav_status
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/simulator/rng.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/sea_lanes.hpp"

namespace aiswatch::simulator {

inline constexpr double kAccelerationMps2 = 0.005;  // ≈ 0.6 kn per minute: 0 → 12 kn in about 20 min
inline constexpr double kHarbourSpeedKn = 7.0;      // speed limit on port approaches
inline constexpr double kMetresPerSecondPerKnot = 1852.0 / 3600.0;

struct KinematicState {
  geo::LatLon position;     // true position
  double sog_kn = 0;
  double cog_deg = 0;       // 0..360
  double heading_deg = 0;   // 0..360
  std::uint8_t nav_status = 15;
};

class Track;

// One compiled step.
struct TrackSegment {
  UnixMillis start_ms = 0, end_ms = 0;
  std::size_t step = 0;   // index into VesselSpec::steps
  StepKind kind = StepKind::moor;
  bool ais_on = true;
  bool received = true;
  std::uint8_t nav_status = 15;
  std::string port;       // the port a moor/anchor step is at, or a sail step ends at
  std::optional<geo::LatLon> report_at;
  double report_radius_m = 0;
};

struct TrackBuildOptions {
  const SeaLanes* lanes = nullptr;
  UnixMillis start_ms = 0;  // scenario start (the vessel appears appear_ms later)
  UnixMillis end_ms = 0;    // simulation end: steps lasting "until the end" stop here
  Rng rng{0};               // for headings and wobble phases
  const std::map<std::string, const Track*>* tracks = nullptr;  // already built vessels (alongside partners)
};

class Track {
 public:
  Track();
  ~Track();
  Track(Track&&) noexcept;
  Track& operator=(Track&&) noexcept;

  UnixMillis begin_ms() const noexcept;
  UnixMillis end_ms() const noexcept;
  std::span<const TrackSegment> segments() const noexcept;
  // Index of the segment containing t (the last one for t == end). Precondition: begin <= t <= end.
  std::size_t segment_at(UnixMillis t) const;
  KinematicState state_at(UnixMillis t) const;
  geo::LatLon position_at(UnixMillis t) const;

  struct Impl;

 private:
  explicit Track(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend Track build_track(const VesselSpec&, TrackBuildOptions);
};

// Throws ScenarioError (naming the vessel and step) for a route the sea lanes cannot make, an unknown
// port, or an alongside partner that is not built yet.
Track build_track(const VesselSpec& spec, TrackBuildOptions options);

}  // namespace aiswatch::simulator
