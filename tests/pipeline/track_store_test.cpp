// track_store_test.cpp — the report's track store through a real Tracker: sampling, segment ends kept
// across gaps, late fixes ignored, the per-vessel and global budgets.
#include <catch2/catch.hpp>

#include <algorithm>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/pipeline/track_store.hpp"

using namespace aiswatch;
using aiswatch::pipeline::TrackLimits;
using aiswatch::pipeline::TrackStore;

namespace {

constexpr UnixMillis kT0 = 1'709'251'200'000;  // 2024-03-01
constexpr std::int64_t kMinute = 60'000;

ais::PositionReport fix(std::uint32_t mmsi, UnixMillis t, double lat, double lon, std::uint64_t salt = 0) {
  ais::PositionReport r;
  r.mmsi = mmsi;
  r.time = t;
  r.lat_deg = lat;
  r.lon_deg = lon;
  r.sog_kn = 10.0F;
  r.payload_hash = (static_cast<std::uint64_t>(mmsi) << 32) ^ static_cast<std::uint64_t>(t) ^ salt;
  return r;
}

}  // namespace

TEST_CASE("track store: samples a steady track, keeps the first fix, stays in time order", "[pipeline][tracks]") {
  ais::Tracker tracker;
  TrackStore store(TrackLimits{.sample_every = 4});
  tracker.add_observer(store);
  for (int i = 0; i < 100; ++i) tracker.on_position(fix(273000001, kT0 + i * kMinute, 35.0 + i * 0.003, 129.0));
  const auto track = store.track(273000001);
  REQUIRE(track.size() >= 24);
  CHECK(track.size() <= 26);
  CHECK(track.front().time == kT0);
  CHECK(std::is_sorted(track.begin(), track.end(), [](const auto& a, const auto& b) { return a.time < b.time; }));
  CHECK(store.track(999999999).empty());
  CHECK(store.mmsis() == std::vector<std::uint32_t>{273000001});
}

TEST_CASE("track store: both ends of a gap are kept, with their segments", "[pipeline][tracks]") {
  ais::Tracker tracker;
  TrackStore store(TrackLimits{.sample_every = 16});
  tracker.add_observer(store);
  // 30 fixes a minute apart, then 5 h of silence (a new segment), then 30 more.
  for (int i = 0; i < 30; ++i) tracker.on_position(fix(273000002, kT0 + i * kMinute, 35.0 + i * 0.003, 129.0));
  const UnixMillis last_before = kT0 + 29 * kMinute;
  const UnixMillis first_after = last_before + 5 * 60 * kMinute;
  for (int i = 0; i < 30; ++i) tracker.on_position(fix(273000002, first_after + i * kMinute, 35.2 + i * 0.003, 129.1));
  const auto track = store.track(273000002);
  const auto at = [&](UnixMillis t) {
    return std::find_if(track.begin(), track.end(), [&](const auto& p) { return p.time == t; });
  };
  REQUIRE(at(last_before) != track.end());
  REQUIRE(at(first_after) != track.end());
  CHECK(at(first_after)->segment == at(last_before)->segment + 1);
  CHECK(std::is_sorted(track.begin(), track.end(), [](const auto& a, const auto& b) { return a.time < b.time; }));
}

TEST_CASE("track store: late fixes are not stored", "[pipeline][tracks]") {
  ais::Tracker tracker;
  TrackStore store(TrackLimits{.sample_every = 1});
  tracker.add_observer(store);
  tracker.on_position(fix(273000003, kT0, 35.0, 129.0));
  tracker.on_position(fix(273000003, kT0 + 2 * kMinute, 35.01, 129.0));
  tracker.on_position(fix(273000003, kT0 + kMinute, 35.005, 129.0));  // arrives late (another station)
  const auto track = store.track(273000003);
  REQUIRE(track.size() == 2);
  CHECK(track[1].time == kT0 + 2 * kMinute);
}

TEST_CASE("track store: per-vessel and global budgets bound the points", "[pipeline][tracks]") {
  ais::Tracker tracker;
  TrackStore store(TrackLimits{.sample_every = 1, .points_per_vessel = 64, .total_points = 2'000, .min_points_per_vessel = 16});
  tracker.add_observer(store);
  // 100 vessels x 1,000 fixes: 100,000 offered.
  for (int i = 0; i < 1000; ++i)
    for (std::uint32_t v = 0; v < 100; ++v)
      tracker.on_position(fix(273100000 + v, kT0 + i * kMinute, 30.0 + v * 0.1 + i * 0.001, 125.0));
  CHECK(store.points() <= 2'000 + 64);
  CHECK(store.points_per_vessel() < 64);  // the global budget halved everyone's
  CHECK(store.points_per_vessel() >= 16);
  for (std::uint32_t v = 0; v < 100; ++v) {
    const auto t = store.track(273100000 + v);
    REQUIRE_FALSE(t.empty());
    CHECK(t.size() <= store.points_per_vessel() + 1);
    CHECK(t.front().time == kT0);                        // the first fix is pinned
    CHECK(t.back().time > kT0 + 850 * kMinute);  // and spans the track (the latest fix is the tracker's)
  }
}
