// loitering — GFW's loitering: consecutive windows (`window_h`, GFW: hours) whose implied speed — the
// straight-line distance moved over the window — and mean reported SOG are both below `max_speed_kn`.
// An episode starts at a slow fix and ends at the end of the last slow window (a fast window, a silence
// over `max_fix_gap_h`, eviction or the end of the data). It is reported when it lasted `min_duration_h`,
// none of its start, end and mean position lies in a port zone, none is on land, and the mean of the
// distances from shore at its start and end is at least `min_shore_nm` (GFW averages over the event;
// two ends keep the land lookups at episode boundaries) — or, inside DPRK waters,
// `dprk_waters_min_shore_nm`.
//
// Per update: one hash probe for vessels not slow; for slow vessels a few additions, and one distance
// per window. Zone, land and shore questions are asked only when an episode ends.
#include "aiswatch/detectors/loitering.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "common.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

struct Episode {
  ais::TrackPoint start, anchor, end;   // first slow fix, start of the current window, end of the last slow one
  ais::TrackPoint latest;               // latest fix (in the current, unfinished window)
  double window_sog_sum = 0;
  std::uint32_t window_sog_n = 0;
  double sog_sum = 0;                   // over the slow windows
  std::uint32_t sog_n = 0;
  double path_m = 0;                    // sum of the windows' straight-line distances
  double max_window_kn = 0;
  double lat_sum = 0, dlon_sum = 0;     // window ends, for the mean position (longitude relative to start)
  std::uint32_t points = 0;
  std::uint32_t fixes = 0;
  std::optional<float> draught_start_m;
  RawKeep raw{4};
};

class LoiteringDetector final : public Detector {
 public:
  explicit LoiteringDetector(const DetectorContext& context) : Detector(context), cfg_(context.config.loitering) {}

  [[nodiscard]] const char* name() const noexcept override { return "loitering"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (u.flags.late) return;
    const ais::TrackPoint& p = u.current;
    const std::optional<double> speed = speed_kn(p, u.implied_speed_kn);
    const bool slow_fix = !speed || *speed < cfg_.max_speed_kn;
    Episode* ep = episodes_.find(vessel.mmsi);

    if (ep && u.gap_ms && *u.gap_ms > ms_of_hours(cfg_.max_fix_gap_h)) {  // the silence is a gap
      close_window(*ep);
      end_episode(vessel.mmsi, &vessel, false);
      ep = nullptr;
    }
    if (!ep) {
      if (slow_fix) start_episode(vessel, u);
      return;
    }
    ++ep->fixes;
    ep->latest = p;
    if (p.sog_kn) {
      ep->window_sog_sum += *p.sog_kn;
      ++ep->window_sog_n;
    }
    const std::int64_t dt = p.time - ep->anchor.time;
    if (dt < ms_of_hours(cfg_.window_h)) return;

    if (close_window(*ep)) {
      if (!ep->raw.full()) ep->raw.add(u.raw(), 1);
      return;
    }
    end_episode(vessel.mmsi, &vessel, false);
    if (slow_fix) start_episode(vessel, u);
  }

  void on_evicted(const ais::VesselSummary& summary) override {
    if (Episode* ep = episodes_.find(summary.mmsi)) {
      close_window(*ep);
      end_episode(summary.mmsi, nullptr, false);
    }
  }

  void finish(UnixMillis /*end_of_data*/) override {
    std::vector<std::uint32_t> open;
    episodes_.for_each([&](std::uint32_t mmsi, Episode& ep) {
      close_window(ep);
      open.push_back(mmsi);
    });
    for (const std::uint32_t mmsi : open) end_episode(mmsi, ctx_.tracker.find(mmsi), true);
  }

 private:
  // Judges the window from the anchor to the latest fix (a full window, or the unfinished last one when
  // the episode ends): slow windows extend the episode. Returns whether it was slow.
  bool close_window(Episode& ep) const {
    const std::int64_t dt = ep.latest.time - ep.anchor.time;
    if (dt <= 0) return true;
    const double moved_m = geo::approx_distance_m(latlon(ep.anchor), latlon(ep.latest));
    const double implied_kn = nm_of_m(moved_m) / hours(dt);
    const double mean_sog = ep.window_sog_n ? ep.window_sog_sum / ep.window_sog_n : implied_kn;
    if (implied_kn >= cfg_.max_speed_kn || mean_sog >= cfg_.max_speed_kn) return false;
    ep.path_m += moved_m;
    ep.max_window_kn = std::max(ep.max_window_kn, implied_kn);
    ep.sog_sum += ep.window_sog_sum;
    ep.sog_n += ep.window_sog_n;
    ep.lat_sum += ep.latest.lat_deg;
    ep.dlon_sum += geo::delta_lon_deg(ep.start.lon_deg, ep.latest.lon_deg);
    ++ep.points;
    ep.end = ep.anchor = ep.latest;
    ep.window_sog_sum = 0;
    ep.window_sog_n = 0;
    return true;
  }

  void start_episode(const ais::Vessel& vessel, const ais::PositionUpdate& u) {
    Episode& ep = episodes_.get_or_add(vessel.mmsi);
    ep = Episode{};
    ep.start = ep.anchor = ep.end = ep.latest = u.current;
    ep.lat_sum = u.current.lat_deg;
    ep.points = 1;
    ep.fixes = 1;
    if (u.current.sog_kn) {
      ep.window_sog_sum = *u.current.sog_kn;
      ep.window_sog_n = 1;
    }
    ep.draught_start_m = vessel.identity.draught_m;
    ep.raw.add(u.raw(), 2);
  }

  void end_episode(std::uint32_t mmsi, const ais::Vessel* vessel, bool open) {
    std::optional<Episode> taken = episodes_.take(mmsi);
    if (!taken) return;
    Episode& ep = *taken;
    const double duration_h = hours(ep.end.time - ep.start.time);
    if (duration_h < cfg_.min_duration_h) return;

    const geo::LatLon start = latlon(ep.start), end = latlon(ep.end);
    double mean_lon = ep.start.lon_deg + ep.dlon_sum / ep.points;
    if (mean_lon >= 180) mean_lon -= 360;
    if (mean_lon < -180) mean_lon += 360;
    const geo::LatLon mean{ep.lat_sum / ep.points, mean_lon};

    // Not in port, not on land; DPRK waters, hotspots and watched user zones from the mean position.
    const geo::Zone* dprk_waters = nullptr;
    const geo::Zone* hotspot = nullptr;
    const geo::Zone* watched_user = nullptr;
    for (const geo::LatLon p : {start, end, mean}) {
      ctx_.zones.zones_at(p, hits_);
      for (const geo::Zone* z : hits_) {
        if (z->is_port()) return;
        if (p.lat_deg != mean.lat_deg || p.lon_deg != mean.lon_deg) continue;
        if (z->kind == geo::ZoneKind::dprk_waters && !dprk_waters) dprk_waters = z;
        if (z->kind == geo::ZoneKind::sts_hotspot && !hotspot) hotspot = z;
        if (z->kind == geo::ZoneKind::user && z->watched && !watched_user) watched_user = z;
      }
    }
    const double shore_start_m = ctx_.land.distance_to_shore_m(start);
    const double shore_end_m = ctx_.land.distance_to_shore_m(end);
    if (shore_start_m <= 0 || shore_end_m <= 0) return;  // on land: bad positions, not loitering
    const double shore_nm = nm_of_m((shore_start_m + shore_end_m) / 2);
    const double min_shore = dprk_waters ? cfg_.dprk_waters_min_shore_nm : cfg_.min_shore_nm;
    if (shore_nm < min_shore) return;

    Event e{.type = EventType::loitering, .mmsi = mmsi, .start = ep.start.time, .end = ep.end.time};
    set_position(e, mean);
    e.add_evidence("duration_h", round_to(duration_h, 2));
    e.add_evidence("mean_implied_speed_kn", round_to(nm_of_m(ep.path_m) / std::max(duration_h, 1e-6), 2));
    e.add_evidence("max_window_speed_kn", round_to(ep.max_window_kn, 2));
    if (ep.sog_n) e.add_evidence("mean_sog_kn", round_to(ep.sog_sum / ep.sog_n, 2));
    e.add_evidence("start_position", position_text(start));
    e.add_evidence("end_position", position_text(end));
    e.add_evidence("distance_from_shore_start_nm", round_to(nm_of_m(shore_start_m), 1));
    e.add_evidence("distance_from_shore_end_nm", round_to(nm_of_m(shore_end_m), 1));
    e.add_evidence("distance_from_shore_nm", round_to(shore_nm, 1));
    e.add_evidence("fixes", std::int64_t{ep.fixes});
    if (ep.draught_start_m) e.add_evidence("draught_start_m", round_to(*ep.draught_start_m, 1));
    if (vessel && vessel->identity.draught_m) e.add_evidence("draught_end_m", round_to(*vessel->identity.draught_m, 1));
    e.add_evidence("open", open);

    const std::string summary =
        fmt::format("below {:.0f} kn for {:.1f} h, {:.0f} nm from shore", cfg_.max_speed_kn, duration_h, shore_nm);
    if (dprk_waters) {
      e.zone = dprk_waters->name;
      e.zone_country = dprk_waters->country_iso2;
      e.flagged = true;
      e.severity = Severity::medium;
      e.reasons.push_back(fmt::format("loitering in DPRK waters: {}", summary));
    } else if (hotspot) {
      e.zone = hotspot->name;
      e.zone_country = hotspot->country_iso2;
      e.flagged = true;
      e.severity = Severity::low;
      e.reasons.push_back(fmt::format("loitering in an STS hotspot ({}): {}", hotspot->name, summary));
    } else if (watched_user && vessel && ctx_.matches.flag_of_concern(*vessel)) {
      e.zone = watched_user->name;
      e.zone_country = watched_user->country_iso2;
      e.flagged = true;
      e.severity = Severity::low;
      e.reasons.push_back(fmt::format("flag of concern loitering in watched zone {}: {}", watched_user->name, summary));
    } else {
      if (watched_user) {
        e.zone = watched_user->name;
        e.zone_country = watched_user->country_iso2;
      }
      e.reasons.push_back("loitering: " + summary);
    }
    add_raw(e, ep.raw.records());
    ctx_.sink.emit(finish_event(std::move(e), vessel, ctx_));
  }

  const LoiteringConfig& cfg_;
  PerVessel<Episode> episodes_;
  std::vector<const geo::Zone*> hits_;
};

}  // namespace

std::unique_ptr<Detector> make_loitering_detector(const DetectorContext& ctx) {
  return std::make_unique<LoiteringDetector>(ctx);
}

}  // namespace aiswatch::detectors
