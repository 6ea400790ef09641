// Tracker speed and memory: updates/s over 1 M synthetic position reports across 100 k vessels (with
// and without Kalman filters), the steady state of an established fleet, CSV row parsing, and the bytes
// an idle vessel costs (glibc mallinfo2 before/after 1 M vessels).
//
//   build/<dir>/bench/tracker_bench --benchmark_counters_tabular=true
// Zone lookup is not included: it belongs to geo/ (bench/geo_bench.cpp measures it).
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "aiswatch/ais/csv_reader.hpp"
#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/tracker.hpp"

namespace {

using aiswatch::UnixMillis;
using namespace aiswatch::ais;

constexpr UnixMillis kT0 = 1'641'168'000'000;

// `vessels` ships on straight courses, each reporting `per_vessel` times, interleaved in time order
// (one round of all vessels every 10 s), as a real feed would deliver them.
std::vector<PositionReport> synthetic_feed(std::uint32_t vessels, int per_vessel, bool moving) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> lat(-60, 60), lon(-179, 179), course(0, 360), speed(5, 20);
  struct Ship {
    double lat, lon, cog, sog;
  };
  std::vector<Ship> ships(vessels);
  for (Ship& s : ships) s = {lat(rng), lon(rng), course(rng), moving ? speed(rng) : 0.0};
  std::vector<PositionReport> feed;
  feed.reserve(static_cast<std::size_t>(vessels) * static_cast<std::size_t>(per_vessel));
  for (int round = 0; round < per_vessel; ++round) {
    for (std::uint32_t i = 0; i < vessels; ++i) {
      Ship& s = ships[i];
      const double step_m = s.sog * 1852.0 / 3600.0 * 10.0;
      s.lat += step_m * std::cos(s.cog * std::numbers::pi / 180) / 111'000;
      s.lon += step_m * std::sin(s.cog * std::numbers::pi / 180) / (111'000 * std::cos(s.lat * std::numbers::pi / 180));
      PositionReport r;
      r.mmsi = 200'000'000 + i * 37;  // spread over many MIDs
      r.time = kT0 + round * 10'000 + i % 10'000;
      r.lat_deg = s.lat;
      r.lon_deg = s.lon;
      r.sog_kn = static_cast<float>(s.sog);
      r.cog_deg = static_cast<float>(s.cog);
      r.payload_hash = (static_cast<std::uint64_t>(r.mmsi) << 20) ^ static_cast<std::uint64_t>(round) ^ 0x5555;
      feed.push_back(r);
    }
  }
  return feed;
}

// 1 M reports across 100 k vessels into a fresh tracker: creation of every vessel included.
void BM_TrackerFeed(benchmark::State& state) {
  const bool kalman = state.range(0) != 0;
  const auto feed = synthetic_feed(100'000, 10, true);
  for (auto _ : state) {
    state.PauseTiming();
    auto tracker = std::make_unique<Tracker>(TrackerConfig{.kalman = kalman});
    state.ResumeTiming();
    for (const PositionReport& r : feed) tracker->on_position(r);
    benchmark::DoNotOptimize(tracker->size());
    state.PauseTiming();
    state.counters["kalman_filters"] = static_cast<double>(tracker->stats().kalman_built);
    tracker.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(feed.size()));
}
BENCHMARK(BM_TrackerFeed)->Arg(0)->Arg(1)->ArgName("kalman")->Unit(benchmark::kMillisecond)->Iterations(3);

// Established fleet: 100 k vessels already known, then 1 M more reports (the long-run state).
void BM_TrackerSteady(benchmark::State& state) {
  const bool kalman = state.range(0) != 0;
  const auto feed = synthetic_feed(100'000, 11, true);
  const std::size_t warm = 100'000;
  for (auto _ : state) {
    state.PauseTiming();
    auto tracker = std::make_unique<Tracker>(TrackerConfig{.kalman = kalman});
    for (std::size_t i = 0; i < warm; ++i) tracker->on_position(feed[i]);
    state.ResumeTiming();
    for (std::size_t i = warm; i < feed.size(); ++i) tracker->on_position(feed[i]);
    state.PauseTiming();
    tracker.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(feed.size() - warm));
}
BENCHMARK(BM_TrackerSteady)->Arg(0)->Arg(1)->ArgName("kalman")->Unit(benchmark::kMillisecond)->Iterations(3);

std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;  // small blocks in use + mmapped (large vectors)
}

// Bytes per idle vessel: 1 M distinct MMSIs, each with one stopped fix and a full static report.
void BM_IdleVesselBytes(benchmark::State& state) {
  constexpr std::uint32_t kVessels = 1'000'000;
  for (auto _ : state) {
    const std::size_t before = heap_in_use();
    auto tracker = std::make_unique<Tracker>();
    for (std::uint32_t i = 0; i < kVessels; ++i) {
      PositionReport p;
      p.mmsi = 200'000'000 + i * 7;
      p.time = kT0 + i;
      p.lat_deg = 10 + (i % 1000) * 0.01;
      p.lon_deg = 100 + (i / 1000) * 0.01;
      p.sog_kn = 0.0f;
      tracker->on_position(p);
      StaticReport s;
      s.mmsi = p.mmsi;
      s.time = p.time;
      s.name = "IDLE VESSEL NAME 20C";
      s.callsign = "ABCD123";
      s.destination = "SOME PORT FAR AWAY";
      s.imo = 9'000'000 + i;
      s.draught_m = 7.5f;
      tracker->on_static(s);
    }
    const std::size_t after = heap_in_use();
    benchmark::DoNotOptimize(tracker->size());
    state.counters["bytes_per_vessel"] = static_cast<double>(after - before) / kVessels;
    state.counters["sizeof_Vessel"] = static_cast<double>(sizeof(Vessel));
    state.counters["MB_for_1M"] = static_cast<double>(after - before) / 1e6;
  }
}
BENCHMARK(BM_IdleVesselBytes)->Unit(benchmark::kMillisecond)->Iterations(1);

// NOAA rows/s through the row parser (lines already in memory: parsing only).
void BM_CsvParseNoaa(benchmark::State& state) {
  LineReader reader(std::string(AISWATCH_SOURCE_DIR) +
                    "/samples/data/noaa_marinecadastre_AIS_2022_01_03_first99999.csv.gz");
  const std::string header(*reader.next_line());
  std::vector<std::string> lines;
  while (auto line = reader.next_line()) lines.emplace_back(*line);
  auto parser = CsvRowParser::from_header(header);
  for (auto _ : state) {
    std::size_t positions = 0;
    for (const std::string& line : lines) {
      auto row = parser->parse(line);
      positions += row && row->position ? 1 : 0;
    }
    benchmark::DoNotOptimize(positions);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(lines.size()));
}
BENCHMARK(BM_CsvParseNoaa)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
