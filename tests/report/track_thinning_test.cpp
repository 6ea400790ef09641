// TrackThinner: bounded, evenly spread, segment ends and pinned points kept.
#include <catch2/catch.hpp>

#include <set>

#include "aiswatch/report/track_thinning.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {
TrackPoint point(std::int64_t i, std::uint32_t segment) {
  return {.time = i * 10'000, .lat_deg = 40 + static_cast<double>(i) * 1e-4, .lon_deg = 130, .segment = segment};
}
}  // namespace

TEST_CASE("track thinning keeps the budget and the shape", "[report][thinning]") {
  SECTION("a short track is kept whole") {
    TrackThinner t(100);
    for (int i = 0; i < 50; ++i) t.add(point(i, 1));
    CHECK(t.added() == 50);
    CHECK(std::move(t).finish().size() == 50);
  }
  SECTION("100 000 fixes in 2000 points, evenly spread, first and last kept") {
    TrackThinner t(2000);
    for (int i = 0; i < 100'000; ++i) t.add(point(i, 1));
    const auto kept = std::move(t).finish();
    CHECK(kept.size() <= 2000);
    CHECK(kept.size() > 1000);
    CHECK(kept.front().time == 0);
    CHECK(kept.back().time == 99'999 * 10'000);
    // Time order, and no hole much larger than the stride (even spread).
    std::int64_t largest_step = 0;
    for (std::size_t i = 1; i < kept.size(); ++i) {
      REQUIRE(kept[i].time > kept[i - 1].time);
      largest_step = std::max(largest_step, kept[i].time - kept[i - 1].time);
    }
    CHECK(largest_step <= 64 * 10'000);  // stride 64 for 100 000 points in <= 2000
  }
  SECTION("both ends of every segment survive, so gaps are drawn between the right places") {
    TrackThinner t(200);
    std::set<std::int64_t> ends;
    std::int64_t i = 0;
    for (std::uint32_t seg = 1; seg <= 20; ++seg) {
      ends.insert(i * 10'000);
      for (int k = 0; k < 1000; ++k, ++i) t.add(point(i, seg));
      ends.insert((i - 1) * 10'000);
    }
    const auto kept = std::move(t).finish();
    CHECK(kept.size() <= 200);
    std::set<std::int64_t> times;
    for (const auto& p : kept) times.insert(p.time);
    for (const auto e : ends) {
      CAPTURE(e);
      CHECK(times.contains(e));
    }
  }
  SECTION("pinned points (event positions) survive") {
    TrackThinner t(100);
    for (int i = 0; i < 10'000; ++i) t.add(point(i, 1), i == 4321 || i == 777);
    const auto kept = std::move(t).finish();
    std::set<std::int64_t> times;
    for (const auto& p : kept) times.insert(p.time);
    CHECK(times.contains(4321 * 10'000));
    CHECK(times.contains(777 * 10'000));
  }
  SECTION("bad input: a budget below 4 is raised, pins beyond half the budget are thinned like the rest") {
    TrackThinner t(1);
    for (int i = 0; i < 1000; ++i) t.add(point(i, static_cast<std::uint32_t>(i)), true);  // every point a segment end
    CHECK(std::move(t).finish().size() <= 4);
  }
  SECTION("thin_track") {
    std::vector<TrackPoint> track;
    for (int i = 0; i < 5000; ++i) track.push_back(point(i, 1));
    CHECK(thin_track(track, 500).size() <= 500);
  }
}
