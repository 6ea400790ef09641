// Where a replay's time goes, stage by stage, on real-shaped input held in memory: NMEA lines → observations
// (framing, tag blocks, reassembly, payload decode), + tracker, + track store, + every detector with the
// OFAC list (the whole DetectionPipeline). The difference between rows is what a stage adds per message.
//
//   bench/replay_bench.sh               # once: generates build/bench/fleet.nmea (10 k vessels, 20 h)
//   build/<dir>/bench/pipeline_stages_bench --benchmark_counters_tabular=true
// Reads the first 2 M lines of $AISWATCH_BENCH_NMEA (default build/bench/fleet.nmea) into memory (outside
// the timings); zones, land and the list are loaded once too.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/detectors/registry.hpp"
#include "aiswatch/pipeline/detection_pipeline.hpp"
#include "aiswatch/pipeline/nmea_observations.hpp"
#include "aiswatch/pipeline/resources.hpp"
#include "aiswatch/pipeline/track_store.hpp"

namespace {

using namespace aiswatch;

constexpr std::size_t kLines = 2'000'000;

struct Input {
  std::vector<std::string> lines;
  std::unique_ptr<pipeline::Resources> resources;
  std::string error;

  Input() {
    const char* env = std::getenv("AISWATCH_BENCH_NMEA");
    const std::filesystem::path file = env ? env : std::filesystem::path(AISWATCH_SOURCE_DIR) / "build/bench/fleet.nmea";
    if (!std::filesystem::exists(file)) {
      error = file.string() + " missing: run bench/replay_bench.sh once";
      return;
    }
    ais::LineReader reader(file.string());
    while (lines.size() < kLines) {
      const auto line = reader.next_line();
      if (!line) break;
      lines.emplace_back(*line);
    }
    const std::filesystem::path list =
        std::filesystem::path(AISWATCH_SOURCE_DIR) / "watchlists" / "data" / "ofac_sdn_vessels_20240503.csv";
    resources = std::make_unique<pipeline::Resources>(pipeline::Resources::load({.watchlists = {list}}));
  }
};

Input& input() {
  static Input in;
  return in;
}

// stage: 0 decode only, 1 + tracker, 2 + tracker + track store, 3 the whole DetectionPipeline.
void BM_Stage(benchmark::State& state) {
  Input& in = input();
  if (!in.error.empty()) {
    state.SkipWithError(in.error.c_str());
    return;
  }
  const auto stage = state.range(0);
  std::uint64_t observations = 0;
  for (auto _ : state) {
    state.PauseTiming();
    pipeline::NmeaObservations nmea;
    auto tracker = std::make_unique<ais::Tracker>(pipeline::PipelineOptions::default_tracker_config());
    auto tracks = std::make_unique<pipeline::TrackStore>();
    if (stage == 2) tracker->add_observer(*tracks);
    std::unique_ptr<pipeline::DetectionPipeline> whole;
    if (stage == 3) whole = std::make_unique<pipeline::DetectionPipeline>(*in.resources);
    state.ResumeTiming();
    for (const std::string& line : in.lines) {
      const pipeline::Observation* o = nmea.feed_line(line, std::nullopt);
      if (o == nullptr) continue;
      ++observations;
      if (stage == 3) {
        whole->feed(*o);
      } else if (stage >= 1) {
        if (o->position) tracker->on_position(*o->position);
        if (o->identity) tracker->on_static(*o->identity);
      }
    }
    if (whole) whole->finish();
    state.PauseTiming();
    whole.reset();
    tracker.reset();
    tracks.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(observations));
  state.counters["lines"] = static_cast<double>(in.lines.size());
  static const char* const kLabels[] = {"decode only", "+ tracker", "+ tracker + track store", "whole pipeline"};
  state.SetLabel(kLabels[stage]);
}

// The whole pipeline with one detector (range(0): its index in detector_registry()); beside BM_Stage/2
// (no detector) the difference is that detector's cost on this input.
void BM_OneDetector(benchmark::State& state) {
  Input& in = input();
  if (!in.error.empty()) {
    state.SkipWithError(in.error.c_str());
    return;
  }
  const auto registry = detectors::detector_registry();
  const auto which = static_cast<std::size_t>(state.range(0));
  const std::vector<std::string> names{std::string(registry[which].name)};
  for (auto _ : state) {
    state.PauseTiming();
    pipeline::NmeaObservations nmea;
    auto whole = std::make_unique<pipeline::DetectionPipeline>(*in.resources, pipeline::PipelineOptions{.detectors = names});
    state.ResumeTiming();
    for (const std::string& line : in.lines)
      if (const pipeline::Observation* o = nmea.feed_line(line, std::nullopt)) whole->feed(*o);
    whole->finish();
    state.PauseTiming();
    whole.reset();
    state.ResumeTiming();
  }
  state.SetLabel(names.front());
}

}  // namespace

BENCHMARK(BM_Stage)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_OneDetector)->DenseRange(0, 8)->Unit(benchmark::kMillisecond)->Iterations(2);

BENCHMARK_MAIN();
