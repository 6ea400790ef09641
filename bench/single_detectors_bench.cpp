// Single-vessel detectors' cost per position update: a real Tracker fed 1 M synthetic reports of 10 k
// vessels in East Asian waters (70 % under way, 20 % berthed at real ports of the bundled layers, 10 %
// drifting slowly offshore, one round every 10 s), with the bundled zones, Natural Earth land and the real
// OFAC list. Compares the tracker alone with the tracker plus each detector and plus all seven.
//
//   build/<dir>/bench/single_detectors_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <memory>
#include <numbers>
#include <random>
#include <span>
#include <vector>

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
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/watchlists/load.hpp"

namespace {

using aiswatch::UnixMillis;
namespace ais = aiswatch::ais;
namespace det = aiswatch::detectors;
namespace geo = aiswatch::geo;

constexpr UnixMillis kT0 = 1'709'251'200'000;  // 2024-03-01
constexpr std::uint32_t kVessels = 10'000;
constexpr int kRounds = 100;

struct World {
  geo::ZoneSet zones = geo::load_zones({});
  geo::Land land = geo::Land::load();
  std::unique_ptr<aiswatch::watchlists::WatchlistIndex> index;
  aiswatch::watchlists::FlagsOfConcern flags;
  std::vector<ais::PositionReport> feed;

  World() {
    const std::filesystem::path list =
        std::filesystem::path(AISWATCH_SOURCE_DIR) / "watchlists" / "data" / "ofac_sdn_vessels_20240503.csv";
    index = std::make_unique<aiswatch::watchlists::WatchlistIndex>(
        aiswatch::watchlists::load_watchlists(std::span(&list, 1)).entries);
    std::vector<geo::LatLon> ports;
    for (const geo::Zone& z : zones.zones())
      if (z.is_port() && z.port_lat_deg && *z.port_lat_deg > 25 && *z.port_lat_deg < 45 && *z.port_lon_deg > 118 &&
          *z.port_lon_deg < 142)
        ports.push_back({*z.port_lat_deg, *z.port_lon_deg});
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lat(26, 44), lon(119, 141), course(0, 360), speed(5, 20), unit(0, 1);
    struct Ship {
      double lat, lon, cog, sog;
    };
    std::vector<Ship> ships(kVessels);
    for (std::uint32_t i = 0; i < kVessels; ++i) {
      const double kind = unit(rng);
      if (kind < 0.2) {
        const geo::LatLon p = ports[i % ports.size()];
        ships[i] = {p.lat_deg, p.lon_deg, 0, 0};
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

class NullSink : public det::EventSink {
 public:
  void emit(det::Event) override { ++events; }
  std::uint64_t events = 0;
};

using Factory = std::unique_ptr<det::Detector> (*)(const det::DetectorContext&);

// detectors: indexes into kFactories; -1 = tracker alone, -2 = all.
constexpr std::array<Factory, 7> kFactories = {det::make_port_call_detector,   det::make_ais_gap_detector,
                                              det::make_loitering_detector,   det::make_spoofing_detector,
                                              det::make_identity_change_detector, det::make_watchlist_match_detector,
                                              det::make_zone_watch_detector};

void run(benchmark::State& state) {
  World& w = world();
  const auto which = state.range(0);
  std::uint64_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    det::DetectorConfig config;
    NullSink sink;
    auto tracker = std::make_unique<ais::Tracker>();
    det::VesselMatches matches(w.index.get(), w.flags);
    det::DetectorContext ctx{w.zones, w.land, w.index.get(), w.flags, config, sink, *tracker, matches};
    std::vector<std::unique_ptr<det::Detector>> detectors;
    if (which != -1) tracker->add_observer(matches);
    for (std::size_t i = 0; i < kFactories.size(); ++i)
      if (which == -2 || static_cast<std::size_t>(which) == i) detectors.push_back(kFactories[i](ctx));
    for (auto& d : detectors) tracker->add_observer(*d);
    state.ResumeTiming();
    for (const ais::PositionReport& r : w.feed) tracker->on_position(r);
    for (auto& d : detectors) d->finish(w.feed.back().time);
    state.PauseTiming();
    events += sink.events;
    detectors.clear();
    tracker.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.feed.size()));
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.SetLabel(which == -1 ? "tracker alone" : which == -2 ? "all seven" : "tracker + one detector");
}

}  // namespace

// -1 tracker alone; 0 port_call, 1 ais_gap, 2 loitering, 3 spoofing, 4 identity_change, 5 watchlist_match,
// 6 zone_watch; -2 all seven (with VesselMatches).
BENCHMARK(run)->Arg(-1)->DenseRange(0, 6)->Arg(-2)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
