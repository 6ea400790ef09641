// kalman.cpp — textbook linear Kalman filter (Bar-Shalom, "Estimation with Applications to Tracking
// and Navigation", 6.2: discretised continuous white-noise acceleration model).
#include "aiswatch/ais/kalman.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace aiswatch::ais {
namespace {

using Vec4 = Eigen::Matrix<double, 4, 1>;
using Mat4 = Eigen::Matrix<double, 4, 4>;

constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kChi2TwoDof95Sqrt = 2.4477468306808161;  // sqrt(chi2_2(0.95) = 5.991)

double position_sigma(const KalmanConfig& cfg, const KalmanFix& fix) {
  return fix.accuracy_high ? cfg.position_sigma_high_m : cfg.position_sigma_low_m;
}

void propagate(const KalmanConfig& cfg, double dt_s, Vec4& x, Mat4& p) {
  if (dt_s <= 0) return;
  Mat4 f = Mat4::Identity();
  f(0, 2) = f(1, 3) = dt_s;
  const double q = cfg.accel_sigma_mps2 * cfg.accel_sigma_mps2;
  const double dt2 = dt_s * dt_s;
  Mat4 noise = Mat4::Zero();
  noise(0, 0) = noise(1, 1) = q * dt2 * dt_s / 3;
  noise(0, 2) = noise(2, 0) = noise(1, 3) = noise(3, 1) = q * dt2 / 2;
  noise(2, 2) = noise(3, 3) = q * dt_s;
  x = f * x;
  p = f * p * f.transpose() + noise;
}

}  // namespace

EastNorth velocity_from_sog_cog(double sog_kn, double cog_deg) noexcept {
  const double v = sog_kn * kMetresPerSecondPerKnot;
  const double c = cog_deg * kDegToRad;
  return {v * std::sin(c), v * std::cos(c)};
}

KalmanTrack::KalmanTrack(const KalmanConfig& cfg, const KalmanFix& first)
    : lat0_deg_(first.lat_deg), lon0_deg_(first.lon_deg), time_(first.time) {
  Eigen::Map<Vec4> x(x_.data());
  Eigen::Map<Mat4> p(p_.data());
  x.setZero();
  p.setZero();
  const double sp = position_sigma(cfg, first);
  p(0, 0) = p(1, 1) = sp * sp;
  double sv = cfg.initial_speed_sigma_mps;
  if (first.sog_kn && first.cog_deg) {
    const EastNorth v = velocity_from_sog_cog(*first.sog_kn, *first.cog_deg);
    x(2) = v.east_m;
    x(3) = v.north_m;
    sv = cfg.speed_sigma_mps + *first.sog_kn * kMetresPerSecondPerKnot * cfg.course_sigma_deg * kDegToRad;
  } else if (first.sog_kn && *first.sog_kn < 0.5f) {
    sv = cfg.speed_sigma_mps;  // stopped: velocity known to be ~0 even without a course
  }
  p(2, 2) = p(3, 3) = sv * sv;
}

void KalmanTrack::update(const KalmanConfig& cfg, const KalmanFix& fix) {
  if (fix.time < time_) return;
  Eigen::Map<Vec4> x(x_.data());
  Eigen::Map<Mat4> p(p_.data());
  Vec4 xs = x;
  Mat4 ps = p;
  propagate(cfg, static_cast<double>(fix.time - time_) / 1000.0, xs, ps);
  time_ = fix.time;

  const LocalFrame frame(lat0_deg_, lon0_deg_);
  const EastNorth z_pos = frame.to_local(fix.lat_deg, fix.lon_deg);
  const double sp = position_sigma(cfg, fix);

  if (fix.sog_kn && fix.cog_deg) {
    // Position and velocity measured together: H = I.
    const EastNorth z_vel = velocity_from_sog_cog(*fix.sog_kn, *fix.cog_deg);
    const double cross = *fix.sog_kn * kMetresPerSecondPerKnot * cfg.course_sigma_deg * kDegToRad;
    const double sv2 = cfg.speed_sigma_mps * cfg.speed_sigma_mps + cross * cross;
    const Vec4 z(z_pos.east_m, z_pos.north_m, z_vel.east_m, z_vel.north_m);
    Mat4 r = Mat4::Zero();
    r(0, 0) = r(1, 1) = sp * sp;
    r(2, 2) = r(3, 3) = sv2;
    const Mat4 k = ps * (ps + r).inverse();
    xs += k * (z - xs);
    ps = (Mat4::Identity() - k) * ps;
  } else {
    // Position only: H = [I 0].
    const Eigen::Vector2d z(z_pos.east_m, z_pos.north_m);
    Eigen::Matrix2d s = ps.topLeftCorner<2, 2>();
    s(0, 0) += sp * sp;
    s(1, 1) += sp * sp;
    const Eigen::Matrix<double, 4, 2> k = ps.leftCols<2>() * s.inverse();
    xs += k * (z - xs.head<2>());
    ps -= k * ps.topRows<2>();
  }
  p = (ps + ps.transpose()) * 0.5;  // keep it symmetric against rounding

  // Re-anchor at the filtered position so the next hop is again measured from (0, 0).
  const LatLon anchor = frame.to_geo(xs(0), xs(1));
  lat0_deg_ = anchor.lat_deg;
  lon0_deg_ = anchor.lon_deg;
  x = xs;
  x(0) = x(1) = 0;
}

KinematicEstimate KalmanTrack::make_estimate(UnixMillis t, const State& x, const Covariance& p) const {
  const LatLon pos = LocalFrame(lat0_deg_, lon0_deg_).to_geo(x[0], x[1]);
  KinematicEstimate e;
  e.time = t;
  e.lat_deg = pos.lat_deg;
  e.lon_deg = pos.lon_deg;
  e.east_mps = x[2];
  e.north_mps = x[3];
  const double speed = std::hypot(x[2], x[3]);
  e.sog_kn = speed / kMetresPerSecondPerKnot;
  if (speed > 1e-6) {
    e.cog_deg = std::atan2(x[2], x[3]) / kDegToRad;
    if (e.cog_deg < 0) e.cog_deg += 360;
  }
  // Largest eigenvalue of the 2x2 position covariance: a circle that covers the error ellipse.
  const double a = p[0], b = p[4], c = p[5];  // column-major: (0,0), (0,1), (1,1)
  const double lambda = (a + c) / 2 + std::sqrt(((a - c) / 2) * ((a - c) / 2) + b * b);
  e.radius95_m = kChi2TwoDof95Sqrt * std::sqrt(std::max(lambda, 0.0));
  return e;
}

KinematicEstimate KalmanTrack::estimate() const { return make_estimate(time_, x_, p_); }

KinematicEstimate KalmanTrack::predict(const KalmanConfig& cfg, UnixMillis t) const {
  if (t <= time_) return estimate();
  Vec4 x = Eigen::Map<const Vec4>(x_.data());
  Mat4 p = Eigen::Map<const Mat4>(p_.data());
  propagate(cfg, static_cast<double>(t - time_) / 1000.0, x, p);
  State xs;
  Covariance ps;
  Eigen::Map<Vec4>(xs.data()) = x;
  Eigen::Map<Mat4>(ps.data()) = p;
  return make_estimate(t, xs, ps);
}

}  // namespace aiswatch::ais
