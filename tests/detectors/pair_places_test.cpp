// The real places the pair-detector tests use are what the tests say they are, in the bundled layers, and
// the cell grid behind the neighbour searches never misses a neighbour.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "../../detectors/src/cell_grid.hpp"
#include "../../detectors/src/place.hpp"
#include "pair_harness.hpp"

using namespace pair_test;
using aiswatch::detectors::CellGrid;
using aiswatch::detectors::Places;

TEST_CASE("pair test places are where the tests assume", "[pair][places]") {
  const Places p(bundled_zones(), bundled_land());
  SECTION("East China Sea hotspot: open sea, an STS hotspot, far from ports") {
    const auto area = p.watched_area(places::kEastChinaSeaHotspot);
    REQUIRE(area.zone != nullptr);
    CHECK(area.sts_hotspot);
    CHECK_FALSE(area.dprk_waters);
    CHECK(area.zone->name == "East China Sea high seas east of Shanghai / Zhoushan");
    CHECK_FALSE(p.near_port(places::kEastChinaSeaHotspot, 50));
    CHECK(p.port_and_shore(places::kEastChinaSeaHotspot, 10).shore_m > 100'000);
  }
  SECTION("Korea Bay: an STS hotspot, outside DPRK waters, no port within 10 km, Nampo within a day's sail") {
    const auto area = p.watched_area(places::kKoreaBay);
    CHECK(area.sts_hotspot);
    CHECK_FALSE(area.dprk_waters);
    CHECK_FALSE(p.near_port(places::kKoreaBay, 10));
    const auto nampo = bundled_zones().nearest_port(places::kKoreaBay, 150);
    REQUIRE(nampo);
    CHECK(nampo->distance_m < 150'000);
  }
  SECTION("Busan and Vladivostok anchorages are inside harbour zones") {
    CHECK(p.near_port(places::kBusanAnchorage, 10));
    CHECK(p.near_port(places::kVladivostokAmurBay, 10));
    CHECK_FALSE(p.on_land(places::kBusanAnchorage));
    CHECK_FALSE(p.on_land(places::kVladivostokAmurBay));
  }
  SECTION("open Pacific: no port, no watched area") {
    CHECK_FALSE(p.near_port(places::kOpenPacific, 500));
    CHECK(p.watched_area(places::kOpenPacific).zone == nullptr);
  }
  SECTION("Midway: the only port for 1,000 km; 9.5 and 10.5 km north-west of it are open water") {
    const auto port = bundled_zones().nearest_port(places::kMidwayPort, 1);
    REQUIRE(port);
    CHECK(port->zone->name == "Midway Island");
    for (double km : {9.5, 10.5}) {
      const LatLon q = PairHarness::at(places::kMidwayPort, 315, km * 1000);
      CHECK_FALSE(p.on_land(q));
      const auto nearest = bundled_zones().nearest_port(q, 1000);
      REQUIRE(nearest);
      CHECK(nearest->zone->name == "Midway Island");
      CHECK(nearest->distance_m == Approx(km * 1000).margin(1));
    }
    CHECK(p.near_port(PairHarness::at(places::kMidwayPort, 315, 9'500), 10));
    CHECK_FALSE(p.near_port(PairHarness::at(places::kMidwayPort, 315, 10'500), 10));
  }
}

TEST_CASE("cell grid: every point within the radius is in a visited cell", "[pair][grid]") {
  const double cell_m = GENERATE(500.0, 1000.0, 2000.0);
  const CellGrid grid(cell_m);
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> lat(-89.0, 89.0), lon(-180.0, 180.0), bearing(0, 360), frac(0, 1);
  int points = 0, missed = 0, visited_twice = 0;
  for (int i = 0; i < 20'000; ++i) {
    // Near the poles and the antimeridian as well as anywhere.
    const LatLon a{i % 10 == 0 ? 85.0 + 4 * frac(rng) : lat(rng), i % 7 == 0 ? 179.99 : lon(rng)};
    const double radius = cell_m * (0.2 + 2 * frac(rng));
    const LatLon b = PairHarness::at(a, bearing(rng), radius * frac(rng));
    std::set<std::uint64_t> seen;
    bool twice = false;
    grid.for_each_near(a.lat_deg, a.lon_deg, radius, [&](std::uint64_t c) { twice |= !seen.insert(c).second; });
    ++points;
    if (twice && visited_twice++ < 5) WARN(fmt::format("a cell visited twice around {},{} at {:.0f} m", a.lat_deg, a.lon_deg, radius));
    if (!seen.count(grid.cell_of(b.lat_deg, b.lon_deg)) && missed++ < 5) {
      WARN(fmt::format("missed: {},{} -> {},{} at {:.0f} m", a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, radius));
    }
  }
  CHECK(points == 20'000);
  CHECK(missed == 0);
  CHECK(visited_twice == 0);
}

TEST_CASE("cell grid: cells are at least the asked size and their centres bound them", "[pair][grid]") {
  const CellGrid grid(1000);
  for (double lat : {0.0, 31.28, 43.1, 60.0, 75.0}) {
    const auto c = grid.cell_of(lat, 124.28);
    const auto centre = grid.centre_of(c);
    CHECK(grid.cell_of(centre.lat_deg, centre.lon_deg) == c);
    CHECK(centre.half_diagonal_m >= 0.5 * std::sqrt(2.0) * 1000);
    CHECK(centre.half_diagonal_m < 1.6 * 1000);  // not wildly larger either: rows are one cell tall
    // A point 999 m east of a cell's west edge-ish stays within two cells.
    const LatLon q = PairHarness::at({lat, 124.28}, 90, 999);
    const auto cq = grid.cell_of(q.lat_deg, q.lon_deg);
    CHECK((cq & 0xffffffffULL) - (c & 0xffffffffULL) <= 1);
  }
}
