// single_harness.hpp — drives the single-vessel detectors (port_call, ais_gap, loitering, spoofing,
// identity_change, watchlist_match, zone_watch) together through a real ais::Tracker and VesselMatches,
// with synthetic reports at real places, against the bundled zones and Natural Earth land (loaded once per
// test binary, shared with pair_harness.hpp).
//
//   SingleHarness h;
//   h.sail(273459120, kT0, kT0 + 3 * kHour, 10 * kSecond, places::kOffRajin, 10, 300);
//   h.identity(273459120, kT0, {.name = "KAPITAN GRIGORYEV", .imo = 9234185});
//   h.run();                                      // time order, then finish() of every detector
//   auto calls = h.events_of(EventType::port_call);
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/detectors/ais_gap.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/identity_change.hpp"
#include "aiswatch/detectors/loitering.hpp"
#include "aiswatch/detectors/port_call.hpp"
#include "aiswatch/detectors/spoofing.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/detectors/watchlist_match.hpp"
#include "aiswatch/detectors/zone_watch.hpp"
#include "aiswatch/watchlists/load.hpp"
#include "pair_harness.hpp"

namespace single_test {

using aiswatch::UnixMillis;
using aiswatch::geo::LatLon;
using pair_test::bundled_land;
using pair_test::bundled_zones;
using pair_test::evidence_number;
using pair_test::evidence_text;
using pair_test::kHour;
using pair_test::kMinute;
using pair_test::kSecond;
using pair_test::kT0;
namespace det = aiswatch::detectors;

// Real places, checked against the bundled layers in single_places_test.cpp.
namespace places {
inline const LatLon kNajinPort{42.233333, 130.3};          // WPI 60510 reference point (radius 3.5 km)
inline const LatLon kVostochnyyPort{42.75, 133.083333};    // WPI 60725 (radius 2.5 km), a shuttle port
inline const LatLon kNampoPort{38.716667, 125.4};          // WPI 60280
inline const LatLon kBusanPort{35.1, 129.05};              // inside Busan's harbour circle
inline const LatLon kKoreaBay{38.94, 124.22};              // STS hotspot, within 50 nm of DPRK waters
inline const LatLon kEastChinaSea{31.28, 124.28};          // STS hotspot ~100 nm off Shanghai
inline const LatLon kCentralYellowSea{35.5, 123.2};        // > 50 nm from DPRK waters, Nampo ~ 200 nm
inline const LatLon kOpenPacific{35.0, 150.0};             // > 1,000 km from any port
inline const LatLon kSeoulInland{37.62, 126.85};           // the spoofing scenario's landing point
inline const LatLon kOffDprkEastCoast{40.45, 129.35};      // inside DPRK waters, off Kimch'aek
}  // namespace places

struct Identity {
  std::string name, callsign, destination;
  std::optional<std::uint32_t> imo;
  std::optional<std::uint8_t> ship_type;
  std::optional<float> draught_m;
};

inline const aiswatch::watchlists::LoadedWatchlist& ofac_sdn() {
  static const aiswatch::watchlists::LoadedWatchlist list = [] {
    const std::filesystem::path file =
        std::filesystem::path(AISWATCH_SOURCE_DIR) / "watchlists" / "data" / "ofac_sdn_vessels_20240503.csv";
    return aiswatch::watchlists::load_watchlists(std::span(&file, 1));
  }();
  return list;
}

struct HarnessOptions {
  det::DetectorConfig config;
  bool watchlist = false;                              // the real OFAC SDN vessel rows
  const aiswatch::geo::ZoneSet* zones = nullptr;       // default: the bundled layers
};

// Built field by field: GCC 12 warns (maybe-uninitialized) on designated initialisers of this aggregate.
inline HarnessOptions with_config(const det::DetectorConfig& config) {
  HarnessOptions o;
  o.config = config;
  return o;
}
inline HarnessOptions with_watchlist() {
  HarnessOptions o;
  o.watchlist = true;
  return o;
}
inline HarnessOptions with_zones(const aiswatch::geo::ZoneSet& zones) {
  HarnessOptions o;
  o.zones = &zones;
  return o;
}

class SingleHarness {
 public:
  explicit SingleHarness(HarnessOptions options = {})
      : config_(options.config),
        index_(options.watchlist ? std::make_unique<aiswatch::watchlists::WatchlistIndex>(ofac_sdn().entries) : nullptr),
        matches_(index_.get(), flags_),
        ctx_{options.zones ? *options.zones : bundled_zones(), bundled_land(), index_.get(), flags_, config_, sink_,
             tracker_, matches_} {
    tracker_.add_observer(matches_);
    detectors_.push_back(det::make_port_call_detector(ctx_));
    detectors_.push_back(det::make_ais_gap_detector(ctx_));
    detectors_.push_back(det::make_loitering_detector(ctx_));
    detectors_.push_back(det::make_spoofing_detector(ctx_));
    detectors_.push_back(det::make_identity_change_detector(ctx_));
    detectors_.push_back(det::make_watchlist_match_detector(ctx_));
    detectors_.push_back(det::make_zone_watch_detector(ctx_));
    for (auto& d : detectors_) tracker_.add_observer(*d);
  }

  void position(std::uint32_t mmsi, UnixMillis t, LatLon p, std::optional<float> sog_kn, std::optional<float> cog_deg = {}) {
    Scheduled s{.time = t, .mmsi = mmsi, .pos = p, .sog = sog_kn, .cog = cog_deg};
    s.raw = fmt::format("!SIM,{},{},{:.5f},{:.5f}", mmsi, t / 1000, p.lat_deg, p.lon_deg);
    schedule_.push_back(std::move(s));
  }

  void identity(std::uint32_t mmsi, UnixMillis t, Identity id) {
    Scheduled s{.time = t, .mmsi = mmsi, .is_static = true, .id = std::move(id)};
    s.raw = fmt::format("!SIM5,{},{},{}", mmsi, t / 1000, s.id.name);
    schedule_.push_back(std::move(s));
  }

  // Reports every `every` in [from, to) at a fixed position.
  void stay(std::uint32_t mmsi, UnixMillis from, UnixMillis to, std::int64_t every, LatLon p, float sog_kn = 0.0F) {
    for (UnixMillis t = from; t < to; t += every) position(mmsi, t, p, sog_kn, 0.0F);
  }

  // Reports every `every` in [from, to) on a geodesic from `start`; returns the position at `to`.
  LatLon sail(std::uint32_t mmsi, UnixMillis from, UnixMillis to, std::int64_t every, LatLon start, double speed_kn,
              double course_deg) {
    for (UnixMillis t = from; t < to; t += every)
      position(mmsi, t, at(start, course_deg, metres(speed_kn, t - from)), static_cast<float>(speed_kn),
               static_cast<float>(course_deg));
    return at(start, course_deg, metres(speed_kn, to - from));
  }

  // Sails straight from `a` to `b` at `speed_kn`, reporting every `every`; returns the arrival time.
  UnixMillis sail_to(std::uint32_t mmsi, UnixMillis from, std::int64_t every, LatLon a, LatLon b, double speed_kn) {
    const double d = aiswatch::geo::distance_m(a, b);
    const double course = aiswatch::geo::initial_bearing_deg(a, b);
    const auto duration = static_cast<std::int64_t>(d / (speed_kn * det::kMsPerKnot) * 1000.0);
    sail(mmsi, from, from + duration, every, a, speed_kn, course);
    return from + duration;
  }

  static LatLon at(LatLon from, double bearing_deg, double distance_m) {
    return distance_m == 0 ? from : aiswatch::geo::destination(from, bearing_deg, distance_m);
  }
  static double metres(double speed_kn, std::int64_t ms) {
    return speed_kn * det::kMsPerKnot * static_cast<double>(ms) / 1000.0;
  }

  // Feeds everything in time order (ties in scheduling order), then advances the clock and calls finish()
  // at `end` (default: the last report).
  void run(std::optional<UnixMillis> end = std::nullopt) {
    std::stable_sort(schedule_.begin(), schedule_.end(),
                     [](const Scheduled& a, const Scheduled& b) { return a.time < b.time; });
    UnixMillis last = kT0;
    for (const Scheduled& s : schedule_) {
      const aiswatch::ais::RawRef raw{s.raw, s.time};
      last = std::max(last, s.time);
      if (s.is_static) {
        aiswatch::ais::StaticReport r{.mmsi = s.mmsi, .time = s.time, .imo = s.id.imo, .ship_type = s.id.ship_type,
                                      .draught_m = s.id.draught_m, .msg_type = 5};
        if (!s.id.name.empty()) r.name = s.id.name;
        if (!s.id.callsign.empty()) r.callsign = s.id.callsign;
        if (!s.id.destination.empty()) r.destination = s.id.destination;
        r.payload_hash = std::hash<std::string>{}(s.raw);
        r.raw = {&raw, 1};
        tracker_.on_static(r);
      } else {
        aiswatch::ais::PositionReport r{.mmsi = s.mmsi, .time = s.time, .lat_deg = s.pos.lat_deg,
                                        .lon_deg = s.pos.lon_deg, .sog_kn = s.sog, .cog_deg = s.cog, .msg_type = 1};
        r.payload_hash = std::hash<std::string>{}(s.raw);
        r.raw = {&raw, 1};
        tracker_.on_position(r);
      }
    }
    schedule_.clear();
    finish(end.value_or(last));
  }

  // Direct feeding (decoded input): reports go to the tracker at once; finish() ends the run.
  void feed(const aiswatch::ais::PositionReport& r) { tracker_.on_position(r); }
  void feed(const aiswatch::ais::StaticReport& r) { tracker_.on_static(r); }
  void finish(UnixMillis end) {
    tracker_.advance_to(end);
    for (auto& d : detectors_) d->finish(end);
  }

  [[nodiscard]] std::vector<det::Event> events_of(det::EventType type) const {
    std::vector<det::Event> out;
    for (const auto& e : sink_.events)
      if (e.type == type) out.push_back(e);
    return out;
  }
  [[nodiscard]] std::vector<det::Event> flagged() const {
    std::vector<det::Event> out;
    for (const auto& e : sink_.events)
      if (e.flagged) out.push_back(e);
    return out;
  }
  [[nodiscard]] const std::vector<det::Event>& events() const { return sink_.events; }
  [[nodiscard]] const aiswatch::ais::Tracker& tracker() const { return tracker_; }
  [[nodiscard]] const det::DetectorContext& context() const { return ctx_; }

 private:
  struct Scheduled {
    UnixMillis time = 0;
    std::uint32_t mmsi = 0;
    LatLon pos;
    std::optional<float> sog, cog;
    bool is_static = false;
    Identity id;
    std::string raw;
  };

  det::DetectorConfig config_;
  aiswatch::watchlists::FlagsOfConcern flags_;
  std::unique_ptr<aiswatch::watchlists::WatchlistIndex> index_;
  aiswatch::ais::Tracker tracker_;
  det::VesselMatches matches_;
  pair_test::CollectSink sink_;
  det::DetectorContext ctx_;
  std::vector<std::unique_ptr<det::Detector>> detectors_;
  std::vector<Scheduled> schedule_;
};

// One-line description of events for failure messages.
inline std::string describe(const std::vector<det::Event>& events) {
  std::string out;
  for (const auto& e : events)
    out += fmt::format("\n  {} mmsi={} {} zone='{}' flagged={} severity={} {}", det::to_string(e.type), e.mmsi,
                       aiswatch::format_iso8601(e.start), e.zone, e.flagged, det::to_string(e.severity),
                       e.reasons.empty() ? "" : e.reasons.front());
  return out;
}

}  // namespace single_test
