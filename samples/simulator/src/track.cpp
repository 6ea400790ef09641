#include "aiswatch/simulator/track.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>
#include <variant>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <fmt/format.h>

namespace aiswatch::simulator {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kTidePeriodS = 12.42 * 3600.0;  // semi-diurnal tide: anchored ships swing with it
// Closing in on a new station (next to a partner, a loiter area) slowly, so a slow period stays slow:
// the closing speed plus twice a drifting partner's (≤ 0.5 kn) stays below 2 kn.
constexpr double kClosingSpeedMps = 1.0 * kMetresPerSecondPerKnot;
constexpr double kMaxClosingS = 120 * 60.0;

double wrap360(double deg) {
  deg = std::fmod(deg, 360.0);
  return deg < 0 ? deg + 360.0 : deg;
}

// A small east/north displacement in metres (local flat frame; the offsets here stay within a few km).
geo::LatLon offset_by(geo::LatLon p, double east_m, double north_m) {
  const auto mpd = geo::metres_per_degree(p.lat_deg);
  return {p.lat_deg + north_m / mpd.lat_m, p.lon_deg + east_m / mpd.lon_m};
}

struct Leg {
  GeographicLib::GeodesicLine line;
  double s0 = 0, length = 0, cap_mps = 0;
};

// A stretch of uniform acceleration along the route.
struct Phase {
  double t0_s = 0, s0 = 0, v0 = 0, acc = 0, duration_s = 0;
};

struct Stationary {
  geo::LatLon p;
  double heading_deg = 0;
};
struct Anchored {
  geo::LatLon anchor;
  double radius_m = 0, theta0 = 0, swing_rad = 0;
};
struct Route {
  std::vector<Leg> legs;
  std::vector<Phase> phases;
  double crab_deg = 0;  // heading − course: wind and current
};
struct Wander {
  geo::LatLon center;
  double ax = 0, ay = 0, wx = 0, wy = 0;
};
struct Drift {
  geo::LatLon start;
  double ve = 0, vn = 0, wobble_m = 0, w = 0, heading_deg = 0;
};
struct Alongside {
  const Track* partner = nullptr;
  double offset_m = 0, wobble_m = 0, w = 0;
};
using Motion = std::variant<Stationary, Anchored, Route, Wander, Drift, Alongside>;

// Closing in from where the previous step ended to where this step's motion is.
struct Closing {
  geo::LatLon from;
  double duration_s = 0;
};

double route_length(const Route& r) { return r.legs.empty() ? 0 : r.legs.back().s0 + r.legs.back().length; }

// Distance along the route and speed (m/s) at t seconds into it.
std::pair<double, double> route_progress(const Route& r, double t) {
  auto it = std::upper_bound(r.phases.begin(), r.phases.end(), t, [](double x, const Phase& p) { return x < p.t0_s; });
  const Phase& p = it == r.phases.begin() ? r.phases.front() : *std::prev(it);
  const double tau = std::clamp(t - p.t0_s, 0.0, p.duration_s);
  const double s = p.s0 + p.v0 * tau + 0.5 * p.acc * tau * tau;
  return {std::min(s, route_length(r)), std::max(0.0, p.v0 + p.acc * tau)};
}

// Position and forward azimuth at distance s along the route.
std::pair<geo::LatLon, double> route_point(const Route& r, double s) {
  auto it = std::upper_bound(r.legs.begin(), r.legs.end(), s, [](double x, const Leg& l) { return x < l.s0; });
  const Leg& leg = it == r.legs.begin() ? r.legs.front() : *std::prev(it);
  double lat = 0, lon = 0, azi = 0;
  leg.line.Position(std::clamp(s - leg.s0, 0.0, leg.length), lat, lon, azi);
  return {{lat, lon}, wrap360(azi)};
}

// Trapezoidal speed profiles per run of legs with the same speed limit (see track.hpp).
std::vector<Phase> plan_phases(const std::vector<Leg>& legs, double v_start, double v_end) {
  struct Zone {
    double s0, length, cap;
  };
  std::vector<Zone> zones;
  for (const Leg& l : legs) {
    if (!zones.empty() && zones.back().cap == l.cap_mps) zones.back().length += l.length;
    else zones.push_back({l.s0, l.length, l.cap_mps});
  }
  std::vector<Phase> phases;
  double t = 0;
  auto add = [&](double s0, double v0, double v1, double length) {
    if (length <= 0) return;
    Phase p{t, s0, v0, 0, 0};
    if (std::fabs(v1 - v0) < 1e-9) {
      p.duration_s = length / std::max(v0, 1e-3);
    } else {
      p.acc = (v1 * v1 - v0 * v0) / (2 * length);
      p.duration_s = (v1 - v0) / p.acc;
    }
    t += p.duration_s;
    phases.push_back(p);
  };
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const Zone& z = zones[i];
    const double c = z.cap;
    const double u = std::min(c, i == 0 ? v_start : std::min(c, zones[i - 1].cap));
    const double w = std::min(c, i + 1 == zones.size() ? v_end : std::min(c, zones[i + 1].cap));
    const double a = kAccelerationMps2;
    const double d_up = (c * c - u * u) / (2 * a);
    const double d_down = (c * c - w * w) / (2 * a);
    if (d_up + d_down <= z.length) {
      add(z.s0, u, c, d_up);
      add(z.s0 + d_up, c, c, z.length - d_up - d_down);
      add(z.s0 + z.length - d_down, c, w, d_down);
    } else {
      const double peak = std::sqrt(a * z.length + 0.5 * (u * u + w * w));
      if (peak >= std::max(u, w)) {
        const double d1 = (peak * peak - u * u) / (2 * a);
        add(z.s0, u, peak, d1);
        add(z.s0 + d1, peak, w, z.length - d1);
      } else {
        add(z.s0, u, w, z.length);  // too short to follow the profile: change speed evenly over it
      }
    }
  }
  if (phases.empty()) phases.push_back(Phase{0, 0, 0, 0, 0});
  return phases;
}

struct Compiled {
  TrackSegment info;
  Motion motion;
  std::optional<Closing> closing;
};

geo::LatLon motion_position(const Motion& m, double t, UnixMillis abs_ms) {
  return std::visit(
      [&](const auto& x) -> geo::LatLon {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Stationary>) {
          return x.p;
        } else if constexpr (std::is_same_v<T, Anchored>) {
          const double theta = x.theta0 + x.swing_rad * std::sin(kTwoPi * t / kTidePeriodS);
          return offset_by(x.anchor, x.radius_m * std::sin(theta), x.radius_m * std::cos(theta));
        } else if constexpr (std::is_same_v<T, Route>) {
          return route_point(x, route_progress(x, t).first).first;
        } else if constexpr (std::is_same_v<T, Wander>) {
          return offset_by(x.center, x.ax * std::sin(x.wx * t), x.ay * std::sin(x.wy * t));
        } else if constexpr (std::is_same_v<T, Drift>) {
          const double wob = x.wobble_m * std::sin(x.w * t);
          return offset_by(x.start, x.ve * t + wob, x.vn * t + 0.5 * wob);
        } else {
          const KinematicState p = x.partner->state_at(abs_ms);
          const double side = wrap360(p.heading_deg + 90.0) * std::numbers::pi / 180.0;
          const double d = x.offset_m + x.wobble_m * std::sin(x.w * t);
          return offset_by(p.position, d * std::sin(side), d * std::cos(side));
        }
      },
      m);
}

geo::LatLon compiled_position(const Compiled& c, UnixMillis t) {
  const double rel = static_cast<double>(t - c.info.start_ms) / 1000.0;
  geo::LatLon p = motion_position(c.motion, rel, t);
  if (c.closing && rel < c.closing->duration_s) {
    const double f = rel / c.closing->duration_s;
    p = {c.closing->from.lat_deg + f * (p.lat_deg - c.closing->from.lat_deg),
         c.closing->from.lon_deg + f * (p.lon_deg - c.closing->from.lon_deg)};
  }
  return p;
}

double motion_duration_s(const Motion& m) {
  if (const auto* r = std::get_if<Route>(&m)) return r->phases.back().t0_s + r->phases.back().duration_s;
  return 0;
}

}  // namespace

struct Track::Impl {
  std::vector<TrackSegment> infos;
  std::vector<Compiled> segments;
};

Track::Track() : impl_(std::make_unique<Impl>()) {}
Track::Track(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Track::~Track() = default;
Track::Track(Track&&) noexcept = default;
Track& Track::operator=(Track&&) noexcept = default;

UnixMillis Track::begin_ms() const noexcept { return impl_->infos.empty() ? 0 : impl_->infos.front().start_ms; }
UnixMillis Track::end_ms() const noexcept { return impl_->infos.empty() ? 0 : impl_->infos.back().end_ms; }
std::span<const TrackSegment> Track::segments() const noexcept { return impl_->infos; }

std::size_t Track::segment_at(UnixMillis t) const {
  assert(!impl_->infos.empty());
  const auto& v = impl_->infos;
  auto it = std::upper_bound(v.begin(), v.end(), t, [](UnixMillis x, const TrackSegment& s) { return x < s.start_ms; });
  return it == v.begin() ? 0 : static_cast<std::size_t>(std::prev(it) - v.begin());
}

geo::LatLon Track::position_at(UnixMillis t) const { return compiled_position(impl_->segments[segment_at(t)], t); }

KinematicState Track::state_at(UnixMillis t) const {
  const std::size_t index = segment_at(t);
  const Compiled& c = impl_->segments[index];
  KinematicState s;
  s.nav_status = c.info.nav_status;
  s.position = position_at(t);
  const bool closing = c.closing && static_cast<double>(t - c.info.start_ms) / 1000.0 < c.closing->duration_s;
  if (const auto* r = std::get_if<Route>(&c.motion); r != nullptr && !closing) {
    const auto [dist, v] = route_progress(*r, static_cast<double>(t - c.info.start_ms) / 1000.0);
    s.sog_kn = v / kMetresPerSecondPerKnot;
    s.cog_deg = route_point(*r, dist).second;
    s.heading_deg = wrap360(s.cog_deg + r->crab_deg);
    return s;
  }
  // Other motions: velocity from positions 5 s either side, kept inside the segment.
  const UnixMillis t0 = std::max(c.info.start_ms, t - 5000);
  const UnixMillis t1 = std::min(c.info.end_ms, t + 5000);
  if (t1 > t0) {
    const geo::LatLon a = position_at(t0), b = position_at(t1);
    const double d = geo::distance_m(a, b);
    s.sog_kn = d / (static_cast<double>(t1 - t0) / 1000.0) / kMetresPerSecondPerKnot;
    s.cog_deg = d > 1e-3 ? geo::initial_bearing_deg(a, b) : 0.0;
  }
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Stationary>) {
          s.heading_deg = x.heading_deg;
        } else if constexpr (std::is_same_v<T, Anchored>) {
          const double rel = static_cast<double>(t - c.info.start_ms) / 1000.0;
          const double theta = x.theta0 + x.swing_rad * std::sin(kTwoPi * rel / kTidePeriodS);
          s.heading_deg = wrap360(theta * 180.0 / std::numbers::pi + 180.0);  // bow towards the anchor
        } else if constexpr (std::is_same_v<T, Drift>) {
          s.heading_deg = x.heading_deg;
        } else if constexpr (std::is_same_v<T, Alongside>) {
          s.heading_deg = x.partner->state_at(t).heading_deg;
        } else {
          s.heading_deg = s.cog_deg;
        }
      },
      c.motion);
  return s;
}

Track build_track(const VesselSpec& spec, TrackBuildOptions options) {
  assert(options.lanes != nullptr);
  const SeaLanes& lanes = *options.lanes;
  Rng& rng = options.rng;
  auto impl = std::make_unique<Track::Impl>();
  auto fail = [&](std::size_t step, const std::string& what) {
    throw ScenarioError(fmt::format("vessel '{}' step {}: {}", spec.id, step + 1, what));
  };
  auto port_named = [&](std::size_t step, const std::string& name) -> const LanePort* {
    const LanePort* p = lanes.find_port(name);
    if (p == nullptr) fail(step, fmt::format("no port '{}' in the sea-lanes file", name));
    return p;
  };

  UnixMillis t = options.start_ms + spec.appear_ms;
  std::optional<geo::LatLon> pos;      // where the vessel is when the next step begins
  const LanePort* at_port = nullptr;   // the port whose berth it is at
  double speed_mps = 0;                // speed at the end of the previous step
  const auto& geod = GeographicLib::Geodesic::WGS84();

  for (std::size_t i = 0; i < spec.steps.size() && t < options.end_ms; ++i) {
    const Step& st = spec.steps[i];
    Compiled c;
    c.info.start_ms = t;
    c.info.step = i;
    c.info.kind = st.kind;
    c.info.ais_on = st.ais_on;
    c.info.received = st.received;
    c.info.report_at = st.report_at;
    c.info.report_radius_m = st.report_radius_m;
    std::optional<geo::LatLon> start_here;  // where this step's motion starts (for closing in)

    switch (st.kind) {
      case StepKind::moor:
      case StepKind::anchor: {
        const LanePort* port = st.port.empty() ? nullptr : port_named(i, st.port);
        geo::LatLon p = st.at ? *st.at : port ? port->berth() : pos.value_or(geo::LatLon{});
        if (port) at_port = port;
        c.info.port = at_port ? at_port->name : std::string();
        if (st.kind == StepKind::moor) {
          c.motion = Stationary{p, rng.uniform(0.0, 360.0)};
          c.info.nav_status = st.nav_status.value_or(5);
        } else {
          const double r = st.radius_m > 0 ? st.radius_m : 80.0;
          c.motion = Anchored{p, r, rng.uniform(0.0, kTwoPi), rng.uniform(0.6, 1.4)};
          c.info.nav_status = st.nav_status.value_or(1);
        }
        start_here = motion_position(c.motion, 0, t);
        speed_mps = 0;
        break;
      }
      case StepKind::sail: {
        std::vector<geo::LatLon> pts;
        std::vector<bool> harbour;  // point belongs to a port approach
        if (pos) {
          pts.push_back(*pos);
          harbour.push_back(at_port != nullptr);
        }
        const bool leaving = at_port != nullptr && st.leave_port && pos;
        if (leaving) {
          for (std::size_t k = 1; k < at_port->approach.size(); ++k) {
            pts.push_back(at_port->approach[k]);
            harbour.push_back(true);
          }
          pts.push_back(lanes.node(at_port->node));
          harbour.push_back(false);
        }
        for (const auto& v : st.via) {
          pts.push_back(v);
          harbour.push_back(false);
        }
        if (!st.to_port.empty()) {
          const LanePort* to = port_named(i, st.to_port);
          std::vector<std::size_t> nodes;
          if (leaving && st.via.empty()) {
            nodes = lanes.shortest_path(at_port->node, to->node);
            if (!nodes.empty()) nodes.erase(nodes.begin());  // its first node is already in pts
          } else {
            if (pts.empty()) fail(i, "a sail step to a port needs a start position");
            nodes = lanes.shortest_path(lanes.nearest_node(pts.back()), to->node);
          }
          if (nodes.empty() && !(leaving && st.via.empty() && at_port->node == to->node))
            fail(i, fmt::format("the sea lanes do not connect to port '{}'", to->name));
          for (std::size_t n : nodes) {
            pts.push_back(lanes.node(n));
            harbour.push_back(false);
          }
          for (auto it = to->approach.rbegin(); it != to->approach.rend(); ++it) {
            pts.push_back(*it);
            harbour.push_back(true);
          }
          at_port = to;
        } else {
          at_port = nullptr;
        }
        // Drop repeated points (a via point on a lane node, …).
        std::vector<geo::LatLon> route_pts;
        std::vector<bool> route_harbour;
        for (std::size_t k = 0; k < pts.size(); ++k) {
          if (!route_pts.empty() && geo::distance_m(route_pts.back(), pts[k]) < 1.0) continue;
          route_pts.push_back(pts[k]);
          route_harbour.push_back(harbour[k]);
        }
        if (route_pts.size() < 2) fail(i, "the route has no length");
        Route r;
        const double cruise = st.speed_kn * kMetresPerSecondPerKnot;
        const double harbour_cap = std::min(cruise, kHarbourSpeedKn * kMetresPerSecondPerKnot);
        double s = 0;
        for (std::size_t k = 0; k + 1 < route_pts.size(); ++k) {
          const auto& a = route_pts[k];
          const auto& b = route_pts[k + 1];
          Leg leg{geod.InverseLine(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg), s, 0, 0};
          leg.length = leg.line.Distance();
          leg.cap_mps = route_harbour[k] || route_harbour[k + 1] ? harbour_cap : cruise;
          s += leg.length;
          r.legs.push_back(std::move(leg));
        }
        // End at rest before a stationary step, at the next step's pace otherwise.
        double v_end = 0;
        if (i + 1 < spec.steps.size()) {
          const Step& next = spec.steps[i + 1];
          if (next.kind == StepKind::sail) v_end = std::min(cruise, next.speed_kn * kMetresPerSecondPerKnot);
          else if (next.kind != StepKind::moor && next.kind != StepKind::anchor)
            v_end = std::min(cruise, std::max(0.3, next.speed_kn) * kMetresPerSecondPerKnot);
        }
        // A vessel whose script starts with a sail is already under way (background ships mid-voyage).
        const double v_start = impl->segments.empty() ? cruise : std::min(speed_mps, cruise);
        r.phases = plan_phases(r.legs, v_start, v_end);
        r.crab_deg = rng.uniform(-2.5, 2.5);
        speed_mps = v_end;
        c.info.nav_status = st.nav_status.value_or(0);
        c.info.port = at_port ? at_port->name : std::string();
        c.motion = std::move(r);
        start_here = route_pts.front();
        break;
      }
      case StepKind::loiter: {
        const geo::LatLon center = st.at ? *st.at : pos.value_or(geo::LatLon{});
        const double radius = st.radius_m > 0 ? st.radius_m : 500.0;
        const double vmax = (st.speed_kn > 0 ? st.speed_kn : 0.8) * kMetresPerSecondPerKnot;
        // Amplitudes up to 0.7 r per axis keep the figure inside the circle (0.7·√2 < 1).
        const double ax = radius * rng.uniform(0.45, 0.7), ay = radius * rng.uniform(0.45, 0.7);
        // |v| ≤ ax·wx + ay·wy = vmax / 1.5 + vmax / 2.5 < vmax
        c.motion = Wander{center, ax, ay, vmax / (1.5 * ax), vmax / (2.5 * ay)};
        c.info.nav_status = st.nav_status.value_or(0);
        at_port = nullptr;
        start_here = center;
        speed_mps = vmax / 2;
        break;
      }
      case StepKind::drift: {
        const geo::LatLon start = st.at ? *st.at : pos.value_or(geo::LatLon{});
        const double v = st.speed_kn * kMetresPerSecondPerKnot;
        const double course = st.course_deg * std::numbers::pi / 180.0;
        const double w = kTwoPi / rng.uniform(1800.0, 3600.0);
        c.motion = Drift{start, v * std::sin(course), v * std::cos(course), std::min(30.0, 0.2 * v / w), w,
                         rng.uniform(0.0, 360.0)};
        c.info.nav_status = st.nav_status.value_or(0);
        at_port = nullptr;
        start_here = start;
        speed_mps = v;
        break;
      }
      case StepKind::alongside: {
        const Track* partner = nullptr;
        if (options.tracks != nullptr)
          if (const auto it = options.tracks->find(st.partner); it != options.tracks->end()) partner = it->second;
        if (partner == nullptr) fail(i, fmt::format("partner '{}' is not built", st.partner));
        c.motion = Alongside{partner, st.offset_m, std::min(20.0, 0.1 * st.offset_m), kTwoPi / rng.uniform(1200.0, 2400.0)};
        c.info.nav_status = st.nav_status.value_or(0);
        at_port = nullptr;
        start_here = motion_position(c.motion, 0, t);
        speed_mps = st.speed_kn * kMetresPerSecondPerKnot;
        break;
      }
    }

    if (pos && start_here) {
      const double gap_m = geo::distance_m(*pos, *start_here);
      if (gap_m > 1.0) c.closing = Closing{*pos, std::min(kMaxClosingS, gap_m / kClosingSpeedMps)};
    }
    const double route_s = motion_duration_s(c.motion);
    UnixMillis end = st.duration ? t + *st.duration : options.end_ms;
    if (st.kind == StepKind::sail) end = t + static_cast<UnixMillis>(std::llround(route_s * 1000.0));
    c.info.end_ms = std::min(end, options.end_ms);
    if (c.info.end_ms <= c.info.start_ms) c.info.end_ms = c.info.start_ms + 1;
    // Where the step leaves the vessel (a truncated last step leaves it wherever the simulation ends).
    pos = compiled_position(c, c.info.end_ms);
    impl->infos.push_back(c.info);
    impl->segments.push_back(std::move(c));
    t = end;
  }
  if (impl->segments.empty()) throw ScenarioError(fmt::format("vessel '{}' appears after the end of the simulation", spec.id));
  return Track(std::move(impl));
}

}  // namespace aiswatch::simulator
