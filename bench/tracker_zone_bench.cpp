// Tracker updates with zone lookup (issue 3's target: ≥ 5 M updates/s per core with zone lookup, over
// ≥ 1 M position reports across ≥ 100 k vessels): a real Tracker fed 1 M synthetic reports of 100 k
// vessels in East Asian waters (70 % under way, 20 % berthed at real ports of the bundled layers, 10 %
// drifting), ten rounds 10 s apart, with an observer that asks the bundled ZoneSet which zones hold every
// accepted fix (`zones_at`: harbour circles, DPRK waters, STS hotspots). Also the tracker alone, the zone
// lookup alone, and the steady state (vessels already known, as in a long replay).
//
//   build/<dir>/bench/tracker_zone_bench --benchmark_counters_tabular=true --benchmark_repetitions=3
// The bundled zones are loaded once (~1 s, outside the timings).
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <random>
#include <vector>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/geo/reference_layers.hpp"

namespace {

using aiswatch::UnixMillis;
namespace ais = aiswatch::ais;
namespace geo = aiswatch::geo;

constexpr UnixMillis kT0 = 1'709'251'200'000;  // 2024-03-01
constexpr std::uint32_t kVessels = 100'000;
constexpr int kRounds = 10;

struct World {
  geo::ZoneSet zones = geo::load_zones({});
  std::vector<ais::PositionReport> feed;

  World() {
    std::vector<geo::LatLon> ports;
    for (const geo::Zone& z : zones.zones())
      if (z.is_port() && z.port_lat_deg && *z.port_lat_deg > 25 && *z.port_lat_deg < 45 && *z.port_lon_deg > 118 &&
          *z.port_lon_deg < 142)
        ports.push_back({*z.port_lat_deg, *z.port_lon_deg});
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> lat(26, 44), lon(119, 141), course(0, 360), speed(5, 20), unit(0, 1);
    struct Ship {
      double lat, lon, cog, sog;
    };
    std::vector<Ship> ships(kVessels);
    for (std::uint32_t i = 0; i < kVessels; ++i) {
      const double kind = unit(rng);
      if (kind < 0.2) {
        const geo::LatLon p = ports[i % ports.size()];
        ships[i] = {p.lat_deg + (unit(rng) - 0.5) * 0.01, p.lon_deg + (unit(rng) - 0.5) * 0.01, 0, 0};
      } else {
        ships[i] = {lat(rng), lon(rng), course(rng), kind < 0.3 ? 1.0 : speed(rng)};
      }
    }
    feed.reserve(static_cast<std::size_t>(kVessels) * kRounds);
    for (int round = 0; round < kRounds; ++round) {
      for (std::uint32_t i = 0; i < kVessels; ++i) {
        Ship& s = ships[i];
        const double step_m = s.sog * 1852.0 / 3600.0 * 10.0;
        s.lat += step_m * std::cos(s.cog * std::numbers::pi / 180) / 111'000;
        s.lon += step_m * std::sin(s.cog * std::numbers::pi / 180) / (111'000 * std::cos(s.lat * std::numbers::pi / 180));
        ais::PositionReport r;
        r.mmsi = 200'000'000 + i * 37;
        r.time = kT0 + round * 10'000 + i % 10'000;
        r.lat_deg = s.lat;
        r.lon_deg = s.lon;
        r.sog_kn = static_cast<float>(s.sog);
        r.cog_deg = static_cast<float>(s.cog);
        r.payload_hash = (static_cast<std::uint64_t>(r.mmsi) << 20) ^ static_cast<std::uint64_t>(round) ^ 0x5555;
        feed.push_back(r);
      }
    }
  }
};

World& world() {
  static World w;
  return w;
}

// The zone lookup a detector makes per fix; counts hits so the work cannot be optimised away.
class ZoneLookup final : public ais::TrackObserver {
 public:
  explicit ZoneLookup(const geo::ZoneSet& zones) : zones_(zones) {}
  void on_position(const ais::Vessel&, const ais::PositionUpdate& u) override {
    zones_.zones_at({u.current.lat_deg, u.current.lon_deg}, scratch_);
    hits += scratch_.size();
  }
  std::uint64_t hits = 0;

 private:
  const geo::ZoneSet& zones_;
  std::vector<const geo::Zone*> scratch_;
};

// range(0): 0 tracker alone, 1 tracker + zone lookup. range(1): 0 from empty (100 k vessels created in
// the run), 1 steady (the vessels already known: one warm-up pass outside the timing).
void BM_Tracker(benchmark::State& state) {
  World& w = world();
  const bool zones = state.range(0) == 1;
  const bool steady = state.range(1) == 1;
  std::uint64_t hits = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto tracker = std::make_unique<ais::Tracker>();
    ZoneLookup lookup(w.zones);
    if (zones) tracker->add_observer(lookup);
    if (steady) {
      // Warm-up: the same fleet a day earlier, so every vessel exists and each fix continues a track.
      for (ais::PositionReport r : w.feed) {
        r.time -= 86'400'000;
        r.payload_hash ^= 0xABCDEF;
        tracker->on_position(r);
      }
    }
    lookup.hits = 0;
    state.ResumeTiming();
    for (const ais::PositionReport& r : w.feed) tracker->on_position(r);
    state.PauseTiming();
    hits += lookup.hits;
    tracker.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.feed.size()));
  state.counters["zone_hits"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
  state.SetLabel(std::string(zones ? "tracker + zones_at" : "tracker alone") + (steady ? ", steady" : ", from empty"));
}

// The lookup alone over the same fixes.
void BM_ZonesAt(benchmark::State& state) {
  World& w = world();
  std::vector<const geo::Zone*> out;
  std::uint64_t hits = 0;
  for (auto _ : state) {
    for (const ais::PositionReport& r : w.feed) {
      w.zones.zones_at({r.lat_deg, r.lon_deg}, out);
      hits += out.size();
    }
  }
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.feed.size()));
}

}  // namespace

BENCHMARK(BM_Tracker)->ArgsProduct({{0, 1}, {0, 1}})->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ZonesAt)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
