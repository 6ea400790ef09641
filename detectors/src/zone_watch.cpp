// zone_watch — geofence alerts for the watched zones of the configured kinds (default: the desk's own
// --zones files, kind user). zone_entry at the first fix inside (also a vessel first seen inside);
// zone_exit once `exit_min_fixes` consecutive fixes spanning `exit_min_minutes` lie outside, stamped at
// the first of them — so a vessel sailing along the boundary does not flap. Both flagged; severity from
// the zone's "severity" property, else the configured default.
//
// Per update: nothing when no zone is watched; otherwise one zones_at() (grid lookup) and a scan of the
// few zones the vessel is in.
#include "aiswatch/detectors/zone_watch.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "common.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

struct Inside {
  const geo::Zone* zone = nullptr;
  UnixMillis entered = 0;
  std::uint32_t outside_fixes = 0;
  UnixMillis first_outside = 0;
  std::optional<geo::LatLon> first_outside_at;
  RawKeep exit_raw{2};
};

struct VesselZones {
  std::vector<Inside> inside;
};

std::vector<geo::ZoneKind> parse_kinds(const std::string& text) {
  std::vector<geo::ZoneKind> kinds;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item.empty()) continue;
    const auto kind = geo::zone_kind_from_string(item);
    if (!kind) throw ConfigError(fmt::format("zone_watch.kinds: unknown zone kind '{}'", item));
    kinds.push_back(*kind);
  }
  return kinds;
}

class ZoneWatchDetector final : public Detector {
 public:
  explicit ZoneWatchDetector(const DetectorContext& context)
      : Detector(context), cfg_(context.config.zone_watch), kinds_(parse_kinds(cfg_.kinds)) {
    if (!severity_from_string(cfg_.severity))
      throw ConfigError(fmt::format("zone_watch.severity: unknown severity '{}'", cfg_.severity));
    for (const geo::Zone& z : context.zones.zones()) {
      if (!watches(z)) continue;
      any_ = true;
      if (const auto s = z.property("severity"); s && !severity_from_string(*s))
        throw ConfigError(fmt::format("{}: zone '{}' has an unknown severity '{}'", z.source, z.id, *s));
    }
  }

  [[nodiscard]] const char* name() const noexcept override { return "zone_watch"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (!any_ || u.flags.late) return;
    const geo::LatLon here = latlon(u.current);
    ctx_.zones.zones_at(here, hits_);
    VesselZones* state = states_.find(vessel.mmsi);

    if (state) {
      for (std::size_t i = 0; i < state->inside.size();) {
        Inside& in = state->inside[i];
        if (std::find(hits_.begin(), hits_.end(), in.zone) != hits_.end()) {
          in.outside_fixes = 0;
          ++i;
          continue;
        }
        if (in.outside_fixes++ == 0) {
          in.first_outside = u.current.time;
          in.first_outside_at = here;
          in.exit_raw.clear();
          in.exit_raw.add(u.raw(), 2);
        }
        const bool long_enough = u.current.time - in.first_outside >= std::llround(cfg_.exit_min_minutes * 60'000.0);
        if (in.outside_fixes >= static_cast<std::uint32_t>(std::max<std::int64_t>(1, cfg_.exit_min_fixes)) &&
            long_enough) {
          emit_exit(vessel, in);
          state->inside.erase(state->inside.begin() + static_cast<std::ptrdiff_t>(i));
          continue;
        }
        ++i;
      }
    }
    for (const geo::Zone* z : hits_) {
      if (!watches(*z)) continue;
      if (state && std::any_of(state->inside.begin(), state->inside.end(), [&](const Inside& in) { return in.zone == z; }))
        continue;
      if (!state) state = &states_.get_or_add(vessel.mmsi);
      state->inside.push_back(Inside{.zone = z, .entered = u.current.time});
      emit_entry(vessel, u, *z);
    }
    if (state && state->inside.empty()) states_.erase(vessel.mmsi);
  }

  void on_evicted(const ais::VesselSummary& summary) override { states_.erase(summary.mmsi); }

 private:
  bool watches(const geo::Zone& z) const {
    return z.watched && std::find(kinds_.begin(), kinds_.end(), z.kind) != kinds_.end();
  }

  Severity severity_of(const geo::Zone& z) const {
    if (const auto s = z.property("severity"))
      if (const auto parsed = severity_from_string(*s)) return *parsed;
    return severity_from_string(cfg_.severity).value_or(Severity::medium);
  }

  Event base(const ais::Vessel& vessel, EventType type, const geo::Zone& z, UnixMillis t) const {
    Event e{.type = type, .mmsi = vessel.mmsi, .start = t, .end = t};
    e.zone = z.name;
    e.zone_country = z.country_iso2;
    e.flagged = true;
    e.severity = severity_of(z);
    e.add_evidence("zone_id", z.id);
    e.add_evidence("zone_kind", std::string(geo::to_string(z.kind)));
    if (!z.source.empty()) e.add_evidence("zone_source", z.source);
    return e;
  }

  void emit_entry(const ais::Vessel& vessel, const ais::PositionUpdate& u, const geo::Zone& z) {
    Event e = base(vessel, EventType::zone_entry, z, u.current.time);
    set_position(e, latlon(u.current));
    const bool first_seen_inside = !u.previous;
    e.add_evidence("first_seen_inside", first_seen_inside);
    if (u.previous && u.gap_ms) e.add_evidence("previous_fix_minutes_before", round_to(*u.gap_ms / 60'000.0, 1));
    if (const auto sog = u.current.sog_kn) e.add_evidence("sog_kn", round_to(*sog, 1));
    e.reasons.push_back(first_seen_inside ? fmt::format("first seen inside watched zone {}", z.name)
                                          : fmt::format("entered watched zone {}", z.name));
    add_raw(e, u.raw());
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
  }

  void emit_exit(const ais::Vessel& vessel, const Inside& in) {
    Event e = base(vessel, EventType::zone_exit, *in.zone, in.first_outside);
    if (in.first_outside_at) set_position(e, *in.first_outside_at);
    e.add_evidence("entered", format_iso8601(in.entered));
    e.add_evidence("inside_h", round_to(hours(in.first_outside - in.entered), 2));
    e.reasons.push_back(fmt::format("left watched zone {} after {:.1f} h", in.zone->name, hours(in.first_outside - in.entered)));
    add_raw(e, in.exit_raw.records());
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
  }

  const ZoneWatchConfig& cfg_;
  std::vector<geo::ZoneKind> kinds_;
  bool any_ = false;
  PerVessel<VesselZones> states_;
  std::vector<const geo::Zone*> hits_;
};

}  // namespace

std::unique_ptr<Detector> make_zone_watch_detector(const DetectorContext& ctx) {
  return std::make_unique<ZoneWatchDetector>(ctx);
}

}  // namespace aiswatch::detectors
