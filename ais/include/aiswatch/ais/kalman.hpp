// kalman.hpp — constant-velocity Kalman filter for one vessel, in a local east/north plane.
//
// State: position and velocity (east, north) in metres and m/s. The plane is re-anchored at the
// filtered position after every update (LocalFrame, see local_frame.hpp), so the displacement it
// linearises over is one fix-to-fix hop and the plane error stays far below GPS noise. Measurements:
// the position (sigma from the AIS accuracy flag) and, when both are present, SOG/COG as a velocity.
// Process noise is white acceleration (sigma `accel_sigma_mps2`), so uncertainty grows with the gap.
// The state is kept in plain arrays (Eigen maps them in kalman.cpp) so this header stays light.
//
//   KalmanTrack track(cfg, fix);                 // from the first moving fix
//   track.update(cfg, next_fix);
//   KinematicEstimate e = track.predict(cfg, t); // e.lat_deg, e.lon_deg, e.radius95_m
#pragma once

#include <array>
#include <optional>

#include "aiswatch/ais/local_frame.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais {

struct KalmanConfig {
  double accel_sigma_mps2 = 0.05;       // manoeuvring ships rarely exceed ~0.1 m/s^2
  double position_sigma_high_m = 10;    // AIS position accuracy flag set (DGNSS, < 10 m)
  double position_sigma_low_m = 30;     // flag clear (> 10 m); CSV rows carry no flag
  double speed_sigma_mps = 0.2;         // SOG resolution and jitter
  double course_sigma_deg = 3;          // COG jitter, scaled by speed into a cross-track sigma
  double initial_speed_sigma_mps = 5;   // velocity unknown at start when SOG/COG are missing
};

// One fix as the filter sees it.
struct KalmanFix {
  UnixMillis time = 0;
  double lat_deg = 0, lon_deg = 0;
  bool accuracy_high = false;
  std::optional<float> sog_kn, cog_deg;
};

struct KinematicEstimate {
  UnixMillis time = 0;
  double lat_deg = 0, lon_deg = 0;
  double east_mps = 0, north_mps = 0;
  double sog_kn = 0, cog_deg = 0;       // from the velocity (cog 0 when stopped)
  double radius95_m = 0;                // 95 % of the position probability lies within this radius
};

class KalmanTrack {
 public:
  KalmanTrack(const KalmanConfig& cfg, const KalmanFix& first);

  // Fixes must come in time order (the tracker only feeds in-order fixes); an older one is ignored.
  void update(const KalmanConfig& cfg, const KalmanFix& fix);

  [[nodiscard]] KinematicEstimate estimate() const;  // at the time of the last update
  // Extrapolated to `t` (>= the last update; earlier times give the last estimate).
  [[nodiscard]] KinematicEstimate predict(const KalmanConfig& cfg, UnixMillis t) const;
  [[nodiscard]] UnixMillis time() const noexcept { return time_; }

 private:
  using State = std::array<double, 4>;        // east, north (m, from the anchor), v_east, v_north (m/s)
  using Covariance = std::array<double, 16>;  // 4x4, column-major

  [[nodiscard]] KinematicEstimate make_estimate(UnixMillis t, const State& x, const Covariance& p) const;

  double lat0_deg_, lon0_deg_;   // anchor: the filtered position (state east/north are 0 there)
  UnixMillis time_;
  State x_{};
  Covariance p_{};
};

// Velocity (east, north) in m/s from SOG/COG.
EastNorth velocity_from_sog_cog(double sog_kn, double cog_deg) noexcept;

inline constexpr double kMetresPerSecondPerKnot = 1852.0 / 3600.0;

}  // namespace aiswatch::ais
