// Pair detectors' cost per position update: the tracker alone, then with encounter, dark_transfer and both
// attached, over a synthetic East Asian fleet shaped like real traffic — most messages from ships under way,
// ships moored in ports reporting every 3 min, a slow offshore fleet (anchored, drifting, loitering) with
// pairs lying together and vessels going dark. The difference to the tracker-only run is what the
// detectors add per update.
//
//   build/<dir>/bench/pair_bench --benchmark_counters_tabular=true
// Zones and land are the bundled layers (loaded once, ~1 s, outside the timings).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <random>
#include <vector>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/dark_transfer.hpp"
#include "aiswatch/detectors/encounter.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/watchlists/flags.hpp"

namespace {

using aiswatch::UnixMillis;
using namespace aiswatch;

constexpr UnixMillis kT0 = 1'709'251'200'000;  // 2024-03-01
constexpr double kDegToRad = std::numbers::pi / 180;

const geo::ZoneSet& zones() {
  static const geo::ZoneSet z = geo::load_zones({});
  return z;
}
const geo::Land& land() {
  static const geo::Land l = geo::Land::load();
  return l;
}

struct NullSink : detectors::EventSink {
  std::size_t events = 0;
  void emit(detectors::Event) override { ++events; }
};

// Ports of the region where the moored fleet lies (inside their harbour circles).
constexpr std::array<std::array<double, 2>, 6> kPorts = {{{35.10, 129.03}, {31.23, 121.49}, {36.07, 120.32},
                                                          {38.93, 121.65}, {34.65, 135.20}, {43.11, 131.89}}};

// `hours` of traffic from `vessels` ships, in time order: 70 % under way (one report a minute), 20 % moored
// in ports (every 3 min), 10 % slow offshore in the East China Sea and Yellow Sea (every 3 min; half of them
// in pairs 200 m apart, one in ten silent for 8 h in the middle).
std::vector<ais::PositionReport> fleet(std::uint32_t vessels, int hours) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  struct Ship {
    std::uint32_t mmsi;
    double lat, lon, sog, cog;
    std::int64_t every_ms;
    std::int64_t phase_ms;
    bool goes_dark;
  };
  std::vector<Ship> ships;
  for (std::uint32_t i = 0; i < vessels; ++i) {
    const double kind = u(rng);
    Ship s{412'000'000 + i * 7, 0, 0, 0, 0, 60'000, static_cast<std::int64_t>(u(rng) * 60'000), false};
    if (kind < 0.7) {  // under way across the region
      s.lat = 26 + 16 * u(rng), s.lon = 120 + 12 * u(rng), s.sog = 8 + 10 * u(rng), s.cog = 360 * u(rng);
    } else if (kind < 0.9) {  // moored in a port
      const auto& p = kPorts[i % kPorts.size()];
      s.lat = p[0] + 0.02 * (u(rng) - 0.5), s.lon = p[1] + 0.02 * (u(rng) - 0.5), s.sog = 0.1, s.cog = 0;
      s.every_ms = 180'000, s.phase_ms = static_cast<std::int64_t>(u(rng) * 180'000);
    } else {  // slow offshore, some in pairs, some going dark
      s.lat = 28 + 10 * u(rng), s.lon = 122 + 4 * u(rng), s.sog = 0.3 + 1.2 * u(rng), s.cog = 360 * u(rng);
      s.every_ms = 180'000, s.phase_ms = static_cast<std::int64_t>(u(rng) * 180'000);
      s.goes_dark = u(rng) < 0.1;
      if (u(rng) < 0.5) {
        Ship partner = s;
        partner.mmsi = 413'000'000 + i * 7;
        partner.lon += 200.0 / (111'000 * std::cos(s.lat * kDegToRad));
        partner.goes_dark = false;
        ships.push_back(partner);
      }
    }
    ships.push_back(s);
  }
  std::vector<ais::PositionReport> feed;
  const std::int64_t end = static_cast<std::int64_t>(hours) * 3'600'000;
  for (const Ship& s : ships) {
    for (std::int64_t t = s.phase_ms; t < end; t += s.every_ms) {
      if (s.goes_dark && t > end / 3 && t < end / 3 + 8 * 3'600'000) continue;
      const double m = s.sog * 1852.0 / 3600.0 * static_cast<double>(t) / 1000.0;
      ais::PositionReport r;
      r.mmsi = s.mmsi;
      r.time = kT0 + t;
      r.lat_deg = std::clamp(s.lat + m * std::cos(s.cog * kDegToRad) / 111'000, -89.0, 89.0);
      r.lon_deg = s.lon + m * std::sin(s.cog * kDegToRad) / (111'000 * std::cos(s.lat * kDegToRad));
      r.sog_kn = static_cast<float>(s.sog);
      r.cog_deg = static_cast<float>(s.cog);
      r.payload_hash = (static_cast<std::uint64_t>(r.mmsi) << 24) ^ static_cast<std::uint64_t>(t / 1000);
      feed.push_back(r);
    }
  }
  std::stable_sort(feed.begin(), feed.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  return feed;
}

enum Attach { kNone = 0, kEncounter = 1, kDark = 2, kBoth = 3 };

void run(benchmark::State& state, Attach attach) {
  const auto vessels = static_cast<std::uint32_t>(state.range(0));
  const std::vector<ais::PositionReport> feed = fleet(vessels, 12);
  zones();
  land();
  std::size_t events = 0;
  for (auto _ : state) {
    ais::Tracker tracker(ais::TrackerConfig{.kalman = false});
    watchlists::FlagsOfConcern flags;
    detectors::VesselMatches matches(nullptr, flags);
    detectors::DetectorConfig config;
    NullSink sink;
    detectors::DetectorContext ctx{zones(), land(), nullptr, flags, config, sink, tracker, matches};
    detectors::EncounterDetector encounter(ctx, config.encounter);
    detectors::DarkTransferDetector dark(ctx, config.dark_transfer);
    if (attach & kEncounter) tracker.add_observer(encounter);
    if (attach & kDark) tracker.add_observer(dark);
    for (const auto& r : feed) tracker.on_position(r);
    encounter.finish(feed.back().time);
    dark.finish(feed.back().time);
    events = sink.events;
    benchmark::DoNotOptimize(events);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * feed.size()));
  state.counters["messages"] = static_cast<double>(feed.size());
  state.counters["events"] = static_cast<double>(events);
}

}  // namespace

BENCHMARK_CAPTURE(run, tracker_only, kNone)->Arg(3'000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(run, with_encounter, kEncounter)->Arg(3'000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(run, with_dark_transfer, kDark)->Arg(3'000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(run, with_both, kBoth)->Arg(3'000)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

BENCHMARK_MAIN();
