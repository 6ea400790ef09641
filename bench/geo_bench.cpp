// geo_bench — speed of the geo layer's hot-path queries on the bundled reference layers.
//   build/<dir>/bench/geo_bench [--benchmark_filter=ZonesAt]
// Points are random (fixed seed): East Asia = 115–145E 25–50N (sea and land), world = 70S–70N.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"

namespace geo = aiswatch::geo;
using geo::LatLon;

namespace {

std::vector<LatLon> random_points(double lat0, double lat1, double lon0, double lon1, std::size_t n = 1 << 16) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> lat(lat0, lat1), lon(lon0, lon1);
  std::vector<LatLon> out(n);
  for (auto& p : out) p = {lat(rng), lon(rng)};
  return out;
}

// Points within 4 km of the reference point of every port in East Asia: a vessel in harbour.
std::vector<LatLon> harbour_points(const geo::ZoneSet& zones, std::size_t n = 1 << 16) {
  std::vector<LatLon> ports;
  for (const auto& z : zones.zones()) {
    if (z.is_port() && *z.port_lat_deg > 25 && *z.port_lat_deg < 50 && *z.port_lon_deg > 115 && *z.port_lon_deg < 145) {
      ports.push_back({*z.port_lat_deg, *z.port_lon_deg});
    }
  }
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, ports.size() - 1);
  std::uniform_real_distribution<double> bearing(0, 360), dist(0, 4'000);
  std::vector<LatLon> out(n);
  for (auto& p : out) p = geo::destination(ports[pick(rng)], bearing(rng), dist(rng));
  return out;
}

const geo::ZoneSet& zones() {
  static const geo::ZoneSet z = geo::load_zones({});
  return z;
}

const geo::Land& land() {
  static const geo::Land l = geo::Land::load();
  return l;
}

void run_zones_at(benchmark::State& state, const std::vector<LatLon>& points) {
  const auto& z = zones();
  std::vector<const geo::Zone*> hits;
  hits.reserve(16);
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    z.zones_at(points[i++ & (points.size() - 1)], hits);
    found += hits.size();
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["hits_per_query"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_ZonesAt_EastAsia(benchmark::State& state) { run_zones_at(state, random_points(25, 50, 115, 145)); }
void BM_ZonesAt_World(benchmark::State& state) { run_zones_at(state, random_points(-70, 70, -180, 180)); }
void BM_ZonesAt_InHarbour(benchmark::State& state) { run_zones_at(state, harbour_points(zones())); }
void BM_ZonesAt_KoreaBay(benchmark::State& state) { run_zones_at(state, random_points(37.5, 40, 123.5, 126)); }

void BM_NearestPort20km_EastAsia(benchmark::State& state) {
  const auto points = random_points(25, 50, 115, 145);
  const auto& z = zones();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(z.nearest_port(points[i++ & (points.size() - 1)], 20.0));
  state.SetItemsProcessed(state.iterations());
}

void run_land(benchmark::State& state, const std::vector<LatLon>& points, bool distance) {
  const auto& l = land();
  std::size_t i = 0;
  for (auto _ : state) {
    const LatLon p = points[i++ & (points.size() - 1)];
    if (distance) {
      benchmark::DoNotOptimize(l.distance_to_shore_m(p));
    } else {
      benchmark::DoNotOptimize(l.on_land(p));
    }
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DistanceToShore_EastAsia(benchmark::State& state) { run_land(state, random_points(25, 50, 115, 145), true); }
void BM_DistanceToShore_World(benchmark::State& state) { run_land(state, random_points(-70, 70, -180, 180), true); }
void BM_DistanceToShore_NearCoast(benchmark::State& state) { run_land(state, harbour_points(zones()), true); }
void BM_OnLand_EastAsia(benchmark::State& state) { run_land(state, random_points(25, 50, 115, 145), false); }

void BM_GeodesicDistance(benchmark::State& state) {
  const auto a = random_points(25, 50, 115, 145), b = random_points(25, 50, 115, 145);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ & (a.size() - 1);
    benchmark::DoNotOptimize(geo::distance_m(a[k], b[(k * 7) & (b.size() - 1)]));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ApproxDistance(benchmark::State& state) {
  const auto a = random_points(25, 50, 115, 145), b = random_points(25, 50, 115, 145);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ & (a.size() - 1);
    benchmark::DoNotOptimize(geo::approx_distance_m(a[k], b[(k * 7) & (b.size() - 1)]));
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_ZonesAt_EastAsia);
BENCHMARK(BM_ZonesAt_World);
BENCHMARK(BM_ZonesAt_InHarbour);
BENCHMARK(BM_ZonesAt_KoreaBay);
BENCHMARK(BM_NearestPort20km_EastAsia);
BENCHMARK(BM_DistanceToShore_EastAsia);
BENCHMARK(BM_DistanceToShore_World);
BENCHMARK(BM_DistanceToShore_NearCoast);
BENCHMARK(BM_OnLand_EastAsia);
BENCHMARK(BM_GeodesicDistance);
BENCHMARK(BM_ApproxDistance);
BENCHMARK_MAIN();
