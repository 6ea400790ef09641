// pair_harness.hpp — drives the pair detectors (encounter, dark_transfer) through a real ais::Tracker and
// VesselMatches with synthetic reports at real places, against the bundled zones and Natural Earth land
// (loaded once per test binary).
//
//   PairHarness h;
//   h.stay(413207550, t0, t0 + 6 * kHour, 3 * kMinute, {31.28, 124.28}, 0.3F);
//   h.identity(413207550, t0, {.name = "HAI XING YOU 9", .ship_type = 80, .draught_m = 4.2F});
//   h.run();                                   // feeds everything in time order, then finish()
//   REQUIRE(h.events().size() == 1);
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/dark_transfer.hpp"
#include "aiswatch/detectors/encounter.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/watchlists/flags.hpp"
#include "aiswatch/watchlists/index.hpp"

namespace pair_test {

using aiswatch::UnixMillis;
using aiswatch::geo::LatLon;
namespace det = aiswatch::detectors;

inline constexpr std::int64_t kSecond = 1000;
inline constexpr std::int64_t kMinute = 60 * kSecond;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline const UnixMillis kT0 = *aiswatch::parse_iso8601("2024-03-01T00:00:00Z");

inline const aiswatch::geo::ZoneSet& bundled_zones() {
  static const aiswatch::geo::ZoneSet zones = aiswatch::geo::load_zones({});
  return zones;
}
inline const aiswatch::geo::Land& bundled_land() {
  static const aiswatch::geo::Land land = aiswatch::geo::Land::load();
  return land;
}

// Real places (checked against the bundled layers in pair_places_test.cpp).
namespace places {
inline const LatLon kEastChinaSeaHotspot{31.28, 124.28};  // ~100 nm off Shanghai, STS hotspot
inline const LatLon kKoreaBay{38.94, 124.22};             // West Korea Bay STS hotspot, ~60 nm from Nampo
inline const LatLon kBusanAnchorage{35.082, 129.0373};    // inside Busan's harbour circle
inline const LatLon kVladivostokAmurBay{43.115, 131.84};   // inside Vladivostok's harbour circle
inline const LatLon kOpenPacific{35.0, 150.0};            // > 500 km from any port
inline const LatLon kMidwayPort{28.183333, -177.366667};  // WPI 56328, no other port within 1,000 km
}  // namespace places

struct Identity {
  std::string name;
  std::optional<std::uint32_t> imo;
  std::optional<std::uint8_t> ship_type;
  std::optional<float> draught_m;
};

class CollectSink : public det::EventSink {
 public:
  void emit(det::Event e) override { events.push_back(std::move(e)); }
  std::vector<det::Event> events;
};

class PairHarness {
 public:
  explicit PairHarness(det::DetectorConfig config = {}, std::vector<aiswatch::watchlists::WatchlistEntry> list = {})
      : config_(config),
        index_(list.empty() ? nullptr : std::make_unique<aiswatch::watchlists::WatchlistIndex>(std::move(list))),
        matches_(index_.get(), flags_),
        ctx_{bundled_zones(), bundled_land(), index_.get(), flags_, config_, sink_, tracker_, matches_},
        encounter_(ctx_, config_.encounter),
        dark_(ctx_, config_.dark_transfer) {
    tracker_.add_observer(matches_);
    tracker_.add_observer(encounter_);
    tracker_.add_observer(dark_);
  }

  // One position report; `raw` defaults to a text naming the vessel and time (checked in raw evidence).
  void position(std::uint32_t mmsi, UnixMillis t, LatLon p, std::optional<float> sog_kn, std::optional<float> cog_deg = {}) {
    Scheduled s{.time = t, .seq = seq_++, .mmsi = mmsi, .pos = p, .sog = sog_kn, .cog = cog_deg};
    s.raw = fmt::format("!SIM,{},{},{:.5f},{:.5f}", mmsi, t / 1000, p.lat_deg, p.lon_deg);
    schedule_.push_back(std::move(s));
  }

  // A static (type 5-like) report.
  void identity(std::uint32_t mmsi, UnixMillis t, Identity id) {
    Scheduled s{.time = t, .seq = seq_++, .mmsi = mmsi, .is_static = true, .id = std::move(id)};
    s.raw = fmt::format("!SIM5,{},{}", mmsi, t / 1000);
    schedule_.push_back(std::move(s));
  }

  // Reports every `every` in [from, to) at a fixed position (an anchored or drifting-in-place ship: a small
  // SOG, no course, so nothing dead-reckons it anywhere).
  void stay(std::uint32_t mmsi, UnixMillis from, UnixMillis to, std::int64_t every, LatLon p, float sog_kn = 0.2F) {
    for (UnixMillis t = from; t < to; t += every) position(mmsi, t, p, sog_kn);
  }

  // Reports every `every` in [from, to) moving from `start` at `speed_kn` on `course_deg`; returns where it ends.
  LatLon sail(std::uint32_t mmsi, UnixMillis from, UnixMillis to, std::int64_t every, LatLon start, double speed_kn,
              double course_deg) {
    LatLon p = start;
    for (UnixMillis t = from; t < to; t += every) {
      p = at(start, course_deg, speed_kn * det::kMsPerKnot * static_cast<double>(t - from) / 1000.0);
      position(mmsi, t, p, static_cast<float>(speed_kn), static_cast<float>(course_deg));
    }
    return at(start, course_deg, speed_kn * det::kMsPerKnot * static_cast<double>(to - from) / 1000.0);
  }

  static LatLon at(LatLon from, double bearing_deg, double metres) {
    return metres == 0 ? from : aiswatch::geo::destination(from, bearing_deg, metres);
  }

  // Feeds every scheduled report in time order (ties in scheduling order), then finish() at `end` (default:
  // one day after the last report, so every pending episode is due).
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
        r.payload_hash = std::hash<std::string>{}(s.raw);
        r.raw = {&raw, 1};
        tracker_.on_static(r);
      } else {
        aiswatch::ais::PositionReport r{.mmsi = s.mmsi, .time = s.time, .lat_deg = s.pos.lat_deg, .lon_deg = s.pos.lon_deg,
                                        .sog_kn = s.sog, .cog_deg = s.cog, .msg_type = 1};
        r.payload_hash = std::hash<std::string>{}(s.raw);
        r.raw = {&raw, 1};
        tracker_.on_position(r);
      }
    }
    schedule_.clear();
    const UnixMillis finish_at = end.value_or(last + 24 * kHour);
    tracker_.advance_to(finish_at);
    encounter_.finish(finish_at);
    dark_.finish(finish_at);
  }

  // Real input: reports straight to the tracker (in the caller's order), then finish() at `end`.
  void feed(const aiswatch::ais::PositionReport& r) { tracker_.on_position(r); }
  void feed(const aiswatch::ais::StaticReport& r) { tracker_.on_static(r); }
  void finish(UnixMillis end) {
    tracker_.advance_to(end);
    encounter_.finish(end);
    dark_.finish(end);
  }

  [[nodiscard]] std::vector<det::Event> events_of(det::EventType type) const {
    std::vector<det::Event> out;
    for (const auto& e : sink_.events)
      if (e.type == type) out.push_back(e);
    return out;
  }
  [[nodiscard]] const std::vector<det::Event>& events() const { return sink_.events; }
  [[nodiscard]] const det::EncounterDetector& encounter() const { return encounter_; }
  [[nodiscard]] const det::DarkTransferDetector& dark() const { return dark_; }
  [[nodiscard]] const aiswatch::ais::Tracker& tracker() const { return tracker_; }

 private:
  struct Scheduled {
    UnixMillis time = 0;
    std::uint64_t seq = 0;
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
  aiswatch::detectors::VesselMatches matches_;
  CollectSink sink_;
  det::DetectorContext ctx_;
  det::EncounterDetector encounter_;
  det::DarkTransferDetector dark_;
  std::vector<Scheduled> schedule_;
  std::uint64_t seq_ = 0;
};

// Evidence value as a double / int / string (throws in the test when missing or of another type).
inline double evidence_number(const det::Event& e, std::string_view key) {
  const det::EvidenceValue* v = e.find_evidence(key);
  if (!v) throw std::runtime_error(fmt::format("no evidence '{}'", key));
  if (const double* d = std::get_if<double>(v)) return *d;
  if (const std::int64_t* i = std::get_if<std::int64_t>(v)) return static_cast<double>(*i);
  throw std::runtime_error(fmt::format("evidence '{}' is not a number", key));
}
inline std::string evidence_text(const det::Event& e, std::string_view key) {
  const det::EvidenceValue* v = e.find_evidence(key);
  if (!v) throw std::runtime_error(fmt::format("no evidence '{}'", key));
  if (const std::string* s = std::get_if<std::string>(v)) return *s;
  throw std::runtime_error(fmt::format("evidence '{}' is not text", key));
}

}  // namespace pair_test
