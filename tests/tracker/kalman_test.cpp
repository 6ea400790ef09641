// Kalman filter on synthetic tracks (truth from GeographicLib, noise from a fixed seed) and the local
// plane it uses, checked against GeographicLib.
#include <catch2/catch.hpp>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/LocalCartesian.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "aiswatch/ais/kalman.hpp"
#include "aiswatch/ais/local_frame.hpp"

using namespace aiswatch::ais;
using aiswatch::UnixMillis;
using GeographicLib::Geodesic;

namespace {

constexpr UnixMillis kT0 = 1'641'168'000'000;

struct Truth {
  UnixMillis time;
  double lat, lon, sog_kn, cog_deg;
};

// A ship at constant speed; `turn_at` (index) switches its course by `turn_deg`.
std::vector<Truth> straight_then_turn(int n, int step_s, double sog_kn, double cog_deg, int turn_at = -1,
                                      double turn_deg = 0) {
  std::vector<Truth> out;
  double lat = 35.0, lon = 129.5, cog = cog_deg;
  for (int i = 0; i < n; ++i) {
    if (i == turn_at) cog = std::fmod(cog + turn_deg + 360, 360);
    out.push_back({kT0 + static_cast<UnixMillis>(i) * step_s * 1000, lat, lon, sog_kn, cog});
    double lat2 = 0, lon2 = 0;
    Geodesic::WGS84().Direct(lat, lon, cog, sog_kn * 1852.0 / 3600.0 * step_s, lat2, lon2);
    lat = lat2;
    lon = lon2;
  }
  return out;
}

double error_m(double lat1, double lon1, double lat2, double lon2) {
  double s = 0;
  Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s);
  return s;
}

// Noisy AIS-like fixes of the truth: position sigma_m in east/north, SOG/COG jitter.
std::vector<KalmanFix> observe(const std::vector<Truth>& truth, double sigma_m, bool with_velocity,
                               unsigned seed = 7) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> pos(0, sigma_m), sog(0, 0.2), cog(0, 2.0);
  std::vector<KalmanFix> out;
  for (const Truth& t : truth) {
    const GeographicLib::LocalCartesian frame(t.lat, t.lon, 0);
    double lat = 0, lon = 0, h = 0;
    frame.Reverse(pos(rng), pos(rng), 0, lat, lon, h);
    KalmanFix f{.time = t.time, .lat_deg = lat, .lon_deg = lon};
    if (with_velocity) {
      f.sog_kn = static_cast<float>(t.sog_kn + sog(rng));
      f.cog_deg = static_cast<float>(std::fmod(t.cog_deg + cog(rng) + 360, 360));
    }
    out.push_back(f);
  }
  return out;
}

struct Errors {
  double raw_rms = 0, filtered_rms = 0;
  double inside95 = 0;  // share of filtered estimates whose 95 % radius covers the truth
};

Errors run(const std::vector<Truth>& truth, const std::vector<KalmanFix>& fixes, int skip) {
  const KalmanConfig cfg;
  KalmanTrack track(cfg, fixes[0]);
  double raw = 0, filtered = 0;
  int n = 0, inside = 0;
  for (std::size_t i = 1; i < fixes.size(); ++i) {
    track.update(cfg, fixes[i]);
    if (static_cast<int>(i) < skip) continue;
    const KinematicEstimate e = track.estimate();
    const double ef = error_m(e.lat_deg, e.lon_deg, truth[i].lat, truth[i].lon);
    const double er = error_m(fixes[i].lat_deg, fixes[i].lon_deg, truth[i].lat, truth[i].lon);
    filtered += ef * ef;
    raw += er * er;
    if (ef <= e.radius95_m) ++inside;
    ++n;
  }
  return {std::sqrt(raw / n), std::sqrt(filtered / n), static_cast<double>(inside) / n};
}

}  // namespace

TEST_CASE("Kalman: straight line with noise, error reduced against the raw fixes", "[kalman]") {
  const auto truth = straight_then_turn(180, 10, 12.0, 45.0);  // 30 minutes at 12 kn, a fix every 10 s
  SECTION("position and SOG/COG") {
    const Errors e = run(truth, observe(truth, 30.0, true), 10);
    CAPTURE(e.raw_rms, e.filtered_rms, e.inside95);
    CHECK(e.raw_rms > 35);                      // sqrt(2) * 30 m
    CHECK(e.filtered_rms < 0.5 * e.raw_rms);
    CHECK(e.inside95 > 0.85);                   // the stated uncertainty is honest
  }
  SECTION("position only") {
    const Errors e = run(truth, observe(truth, 30.0, false), 20);
    CAPTURE(e.raw_rms, e.filtered_rms);
    CHECK(e.filtered_rms < 0.6 * e.raw_rms);
  }
  SECTION("velocity estimate matches the truth") {
    const auto fixes = observe(truth, 30.0, false);
    const KalmanConfig cfg;
    KalmanTrack track(cfg, fixes[0]);
    for (std::size_t i = 1; i < fixes.size(); ++i) track.update(cfg, fixes[i]);
    CHECK(track.estimate().sog_kn == Approx(12.0).margin(0.6));
    CHECK(track.estimate().cog_deg == Approx(45.0).margin(4.0));
  }
}

TEST_CASE("Kalman: a 90 degree turn is followed within a few fixes", "[kalman]") {
  const auto truth = straight_then_turn(120, 10, 14.0, 0.0, 60, 90.0);
  const auto fixes = observe(truth, 15.0, true);
  const KalmanConfig cfg;
  KalmanTrack track(cfg, fixes[0]);
  double worst_after_settle = 0;
  for (std::size_t i = 1; i < fixes.size(); ++i) {
    track.update(cfg, fixes[i]);
    if (i >= 66) {  // one minute after the turn
      worst_after_settle = std::max(worst_after_settle,
                                    error_m(track.estimate().lat_deg, track.estimate().lon_deg, truth[i].lat, truth[i].lon));
      CHECK(track.estimate().cog_deg == Approx(90.0).margin(6.0));
    }
  }
  CHECK(worst_after_settle < 40.0);
}

TEST_CASE("Kalman: prediction across a gap, uncertainty grows with time", "[kalman]") {
  const auto truth = straight_then_turn(100, 10, 10.0, 120.0);
  const auto fixes = observe(truth, 20.0, true);
  const KalmanConfig cfg;
  KalmanTrack track(cfg, fixes[0]);
  for (std::size_t i = 1; i < 40; ++i) track.update(cfg, fixes[i]);  // then silence
  double previous_radius = track.estimate().radius95_m;
  for (const std::size_t i : {45u, 60u, 80u, 99u}) {
    const KinematicEstimate p = track.predict(cfg, truth[i].time);
    CAPTURE(i, p.radius95_m);
    CHECK(p.radius95_m > previous_radius);
    CHECK(error_m(p.lat_deg, p.lon_deg, truth[i].lat, truth[i].lon) < p.radius95_m);
    previous_radius = p.radius95_m;
  }
  // Going back in time gives the last estimate, not an extrapolation.
  CHECK(track.predict(cfg, truth[10].time).time == track.time());
}

TEST_CASE("local plane against GeographicLib", "[kalman][geodesy]") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> lat0(-70, 70), lon0(-180, 180), bearing(0, 360), dist(1, 20'000);
  for (int i = 0; i < 2000; ++i) {
    const double la = lat0(rng), lo = lon0(rng), az = bearing(rng), s = dist(rng);
    double lat2 = 0, lon2 = 0;
    Geodesic::WGS84().Direct(la, lo, az, s, lat2, lon2);
    CAPTURE(la, lo, az, s);
    REQUIRE(distance_m(la, lo, lat2, lon2) == Approx(s).epsilon(1e-3));
    const LocalFrame frame(la, lo);
    const EastNorth en = frame.to_local(lat2, lon2);
    const LatLon back = frame.to_geo(en.east_m, en.north_m);
    REQUIRE(back.lat_deg == Approx(lat2).margin(1e-9));
    REQUIRE(back.lon_deg == Approx(lon2).margin(1e-9));
  }
  SECTION("long distances use the geodesic") {
    double s = 0;
    Geodesic::WGS84().Inverse(38.7, 125.2, 43.1, 131.9, s);  // Nampo to Vladivostok, straight
    CHECK(distance_m(38.7, 125.2, 43.1, 131.9) == Approx(s).epsilon(1e-9));
  }
  SECTION("across the antimeridian") {
    CHECK(distance_m(0, 179.99, 0, -179.99) == Approx(2226.4).epsilon(1e-3));
  }
}
