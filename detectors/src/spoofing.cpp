// spoofing — false positions, one event per episode.
//
// An episode opens at a jump: a fix the tracker marked suspect (implied speed over its limit) that is
// at least `min_jump_km` from the fix before. The track before the jump is "home"; the fixes after it
// are "away" until a jump lands back near home (within `home_radius_km` plus the distance the vessel
// could have sailed at 30 kn since home was last seen — so a vessel under way stays home). While away,
// each fix is checked for land: on land, outside every port zone (harbour basins and berths are land at
// 1:10m) and more than `shore_tolerance_m` from water in every direction counts; `inland_m` inland counts
// at once, otherwise `on_land_min_fixes` consecutive ones are needed. On-land positions reached without a jump are not
// spoofing here: Natural Earth has no rivers or lakes, so barges and lake ships would be "on land".
//
// The episode ends `quiet_h` after its last jump once the track is home again, or `max_displaced_h`
// after its last jump wherever it is, or at eviction/finish. Classification:
//   * same MMSI in two places: at least `two_places_min_returns` jumps back home (two transmitters);
//   * teleport / on land: away for `persistent_min_fixes` fixes over `persistent_min_minutes` or more,
//     then back home (on land: positions on land reached by the jump);
// those are flagged (medium; high when away 2 h or more or 10+ returns). Real feeds are full of short
// bursts of bad fixes and of tracks whose *earlier* position was the bad one: a burst shorter than that,
// or a jump that never comes back, is recorded as info.
// Test and default MMSIs (MmsiKind::invalid) get one info event at their first fix.
#include "aiswatch/detectors/spoofing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/ais/mmsi.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "common.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

constexpr double kHomeDriftKn = 30;  // how far "home" may have moved since last seen there
constexpr std::int64_t kManyReturns = 10;

enum class Ground : std::uint8_t { water, coastal, inland, deep_inland };

struct Episode {
  UnixMillis start = 0;          // the first jump
  UnixMillis last_jump = 0;
  UnixMillis last_fix = 0;
  ais::TrackPoint home;          // latest fix on the home side
  ais::TrackPoint away;          // latest fix on the away side
  bool is_away = false;
  std::uint32_t jumps = 0, returns = 0;
  std::uint32_t away_fixes = 0, land_fixes = 0, land_run = 0;
  bool land_confirmed = false, deep_inland = false;
  double max_jump_m = 0, max_speed_kn = 0;
  std::int64_t away_ms = 0;      // time spent away (from each jump out to the jump back)
  UnixMillis away_since = 0;
  ais::TrackPoint first_away;
  RawKeep raw{8};
};

class SpoofingDetector final : public Detector {
 public:
  explicit SpoofingDetector(const DetectorContext& context) : Detector(context), cfg_(context.config.spoofing) {}

  [[nodiscard]] const char* name() const noexcept override { return "spoofing"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (u.flags.first_fix && cfg_.report_invalid_mmsi && vessel.mmsi_class.kind == ais::MmsiKind::invalid)
      report_invalid_mmsi(vessel, u);
    if (u.flags.late) return;
    // Aircraft fly faster than any ship: their "jumps" are flight.
    if (vessel.mmsi_class.kind == ais::MmsiKind::sar_aircraft) return;

    const bool jump = u.flags.suspect && u.previous && u.distance_m && *u.distance_m >= cfg_.min_jump_km * 1000.0;
    Episode* ep = episodes_.find(vessel.mmsi);
    if (ep && should_close(*ep, u.current.time)) {
      close(vessel.mmsi, &vessel);
      ep = nullptr;
    }
    if (!ep) {
      if (!jump) return;
      ep = &episodes_.get_or_add(vessel.mmsi);
      *ep = Episode{};
      ep->start = u.current.time;
      ep->home = *u.previous;
      ep->raw.add(u.raw(), 2);
    }
    ep->last_fix = u.current.time;
    if (!jump) {
      (ep->is_away ? ep->away : ep->home) = u.current;
      if (ep->is_away) count_away_fix(*ep, u);
      return;
    }

    ++ep->jumps;
    ep->last_jump = u.current.time;
    ep->max_jump_m = std::max(ep->max_jump_m, *u.distance_m);
    ep->max_speed_kn = std::max(ep->max_speed_kn, u.implied_speed_kn.value_or(0));
    const double drift_m = kHomeDriftKn * kMetresPerNm * std::max(0.0, hours(u.current.time - ep->home.time));
    const bool lands_home =
        geo::approx_distance_m(latlon(ep->home), latlon(u.current)) <= cfg_.home_radius_km * 1000.0 + drift_m;
    if (lands_home) {
      if (ep->is_away) {
        ++ep->returns;
        ep->away_ms += u.current.time - ep->away_since;
        ep->raw.add(u.raw(), 1);
      }
      ep->is_away = false;
      ep->home = u.current;
    } else {
      if (!ep->is_away) {
        ep->away_since = u.current.time;
        if (ep->away_fixes == 0) ep->first_away = u.current;
      }
      ep->is_away = true;
      ep->away = u.current;
      ep->land_run = 0;
      count_away_fix(*ep, u);
    }
  }

  void on_time(UnixMillis now) override {
    if (episodes_.empty()) return;
    closing_.clear();
    episodes_.for_each([&](std::uint32_t mmsi, Episode& ep) {
      if (should_close(ep, now)) closing_.push_back(mmsi);
    });
    for (const std::uint32_t mmsi : closing_) close(mmsi, ctx_.tracker.find(mmsi));
  }

  void on_evicted(const ais::VesselSummary& summary) override {
    if (episodes_.find(summary.mmsi)) close(summary.mmsi, nullptr);
  }

  void finish(UnixMillis /*end_of_data*/) override {
    std::vector<std::uint32_t> open;
    episodes_.for_each([&](std::uint32_t mmsi, Episode&) { open.push_back(mmsi); });
    for (const std::uint32_t mmsi : open) close(mmsi, ctx_.tracker.find(mmsi));
  }

 private:
  [[nodiscard]] bool should_close(const Episode& ep, UnixMillis now) const {
    const std::int64_t since_jump = now - ep.last_jump;
    if (since_jump >= ms_of_hours(cfg_.max_displaced_h)) return true;
    return !ep.is_away && since_jump >= ms_of_hours(cfg_.quiet_h);
  }

  void count_away_fix(Episode& ep, const ais::PositionUpdate& u) {
    ++ep.away_fixes;
    const Ground g = ground_at(latlon(u.current));
    if (g == Ground::inland || g == Ground::deep_inland) {
      ++ep.land_fixes;
      ++ep.land_run;
      if (g == Ground::deep_inland) ep.deep_inland = true;
      if (g == Ground::deep_inland || ep.land_run >= static_cast<std::uint32_t>(cfg_.on_land_min_fixes)) {
        if (!ep.land_confirmed) ep.raw.add(u.raw(), 1);
        ep.land_confirmed = true;
      }
    } else {
      ep.land_run = 0;
    }
  }

  // On land, and how far from water: probes in eight directions at the shore tolerance and inland distance.
  [[nodiscard]] Ground ground_at(geo::LatLon p) {
    if (!ctx_.land.on_land(p)) return Ground::water;
    ctx_.zones.zones_at(p, hits_);
    if (std::any_of(hits_.begin(), hits_.end(), [](const geo::Zone* z) { return z->is_port(); })) return Ground::coastal;
    auto all_land_at = [&](double r_m) {
      const geo::MetresPerDegree scale = geo::metres_per_degree(p.lat_deg);
      for (int i = 0; i < 8; ++i) {
        const double b = std::numbers::pi * i / 4;
        const geo::LatLon q{p.lat_deg + r_m * std::cos(b) / scale.lat_m, p.lon_deg + r_m * std::sin(b) / scale.lon_m};
        if (!ctx_.land.on_land(q)) return false;
      }
      return true;
    };
    if (!all_land_at(cfg_.shore_tolerance_m)) return Ground::coastal;
    return all_land_at(cfg_.inland_m) ? Ground::deep_inland : Ground::inland;
  }

  void close(std::uint32_t mmsi, const ais::Vessel* vessel) {
    std::optional<Episode> taken = episodes_.take(mmsi);
    if (!taken) return;
    Episode& ep = *taken;
    if (ep.is_away) ep.away_ms += ep.last_fix - ep.away_since;

    const bool two_places = ep.returns >= static_cast<std::uint32_t>(cfg_.two_places_min_returns);
    const bool on_land = ep.land_confirmed;
    const bool persistent = ep.returns >= 1 && ep.away_fixes >= static_cast<std::uint32_t>(cfg_.persistent_min_fixes) &&
                            ep.away_ms >= std::llround(cfg_.persistent_min_minutes * 60'000.0);
    const bool teleport = persistent && !on_land;

    Event e{.type = EventType::spoofing, .mmsi = mmsi, .start = ep.start, .end = ep.last_fix};
    set_position(e, latlon(ep.away_fixes ? ep.first_away : ep.home));
    e.add_evidence("jumps", std::int64_t{ep.jumps});
    e.add_evidence("returns", std::int64_t{ep.returns});
    e.add_evidence("max_jump_km", round_to(ep.max_jump_m / 1000.0, 1));
    e.add_evidence("max_implied_speed_kn", round_to(ep.max_speed_kn, 0));
    e.add_evidence("away_fixes", std::int64_t{ep.away_fixes});
    e.add_evidence("away_h", round_to(hours(ep.away_ms), 2));
    e.add_evidence("home_position", position_text(latlon(ep.home)));
    if (ep.away_fixes) e.add_evidence("away_position", position_text(latlon(ep.first_away)));
    e.add_evidence("on_land", on_land);
    if (ep.land_fixes) e.add_evidence("on_land_fixes", std::int64_t{ep.land_fixes});
    if (on_land) e.add_evidence("deep_inland", ep.deep_inland);
    e.add_evidence("same_mmsi_two_places", two_places);

    if (two_places) {
      e.reasons.push_back(fmt::format(
          "the same MMSI in two places: the track jumped {} times between positions up to {:.0f} km apart and came "
          "back {} times (two transmitters on one MMSI)",
          ep.jumps, ep.max_jump_m / 1000.0, ep.returns));
    }
    if (on_land && persistent) {
      e.reasons.push_back(fmt::format("positions on land ({} fixes{}) reached by a {:.0f} km jump", ep.land_fixes,
                                      ep.deep_inland ? fmt::format(", over {:.0f} m inland", cfg_.inland_m) : "",
                                      ep.max_jump_m / 1000.0));
    }
    if (teleport && !two_places) {
      e.reasons.push_back(fmt::format("teleport: jumped {:.0f} km (implied {:.0f} kn), {} fixes there over {:.1f} h, then back",
                                      ep.max_jump_m / 1000.0, ep.max_speed_kn, ep.away_fixes, hours(ep.away_ms)));
    }
    if (two_places || persistent) {
      e.flagged = true;
      e.severity = (hours(ep.away_ms) >= 2 || ep.returns >= kManyReturns) ? Severity::high : Severity::medium;
    } else {
      e.reasons.push_back(fmt::format("implausible jump of {:.0f} km (implied {:.0f} kn){}: {}", ep.max_jump_m / 1000.0,
                                      ep.max_speed_kn, on_land ? " onto land" : "",
                                      ep.returns ? "a short burst of bad fixes (GPS or reception glitch)"
                                                 : "never came back (the earlier position may be the bad one)"));
    }
    add_raw(e, ep.raw.records());
    ctx_.sink.emit(finish_event(std::move(e), vessel, ctx_));
  }

  void report_invalid_mmsi(const ais::Vessel& vessel, const ais::PositionUpdate& u) {
    Event e{.type = EventType::spoofing, .mmsi = vessel.mmsi, .start = u.current.time, .end = u.current.time};
    set_position(e, latlon(u.current));
    e.add_evidence("invalid_mmsi", true);
    e.add_evidence("mmsi_kind", std::string(ais::to_string(vessel.mmsi_class.kind)));
    e.reasons.push_back(fmt::format(
        "MMSI {:09d} is not a valid station number (test/default pattern or unallocated MID): identity unknown",
        vessel.mmsi));
    add_raw(e, u.raw());
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
  }

  const SpoofingConfig& cfg_;
  PerVessel<Episode> episodes_;
  std::vector<std::uint32_t> closing_;  // reused by on_time
  std::vector<const geo::Zone*> hits_;  // reused by zone queries
};

}  // namespace

std::unique_ptr<Detector> make_spoofing_detector(const DetectorContext& ctx) {
  return std::make_unique<SpoofingDetector>(ctx);
}

}  // namespace aiswatch::detectors
