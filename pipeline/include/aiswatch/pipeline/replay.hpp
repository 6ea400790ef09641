// replay.hpp — `aiswatch replay` as a library call: read every input (merged in time order), decode →
// track → detect, then write the outputs: events as JSON lines (--events FILE|-), the report directory
// (--report DIR), and the review case file (--cases FILE: events recorded, decisions applied).
//
//   ReplayOptions o{.inputs = {"samples/demo/demo.nmea.gz"}, .report_dir = "out/report"};
//   o.resources.watchlists = {"watchlists/data/ofac_sdn_vessels_20240503.csv"};
//   Resources res = Resources::load(o.resources);
//   ReplayResult r = run_replay(o, res, [](const ReplayProgress& p) { draw_bar(p); });
//   for (const auto& c : r.statistics) fmt::print(stderr, "{}: {}\n", c.name, c.value);
//
// Time: replay uses only the times the data carries. NMEA messages without any time are counted
// ("untimed") and skipped: a made-up clock would fake gaps, dwell times and speeds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aiswatch/detectors/event.hpp"
#include "aiswatch/pipeline/detection_pipeline.hpp"
#include "aiswatch/pipeline/input_source.hpp"
#include "aiswatch/pipeline/resources.hpp"
#include "aiswatch/report/model.hpp"
#include "aiswatch/report/review.hpp"

namespace aiswatch::pipeline {

struct ReplayOptions {
  std::vector<std::string> inputs;               // paths, "-" for stdin (read once)
  ResourceOptions resources;                     // what Resources::load was given (for the report)
  PipelineOptions pipeline;
  std::optional<std::string> events_out;         // --events FILE, or "-" for stdout
  std::optional<std::filesystem::path> report_dir;
  std::string gis_format = "GPKG";               // --gis-format (any OGR vector driver; "" for none)
  std::optional<std::filesystem::path> cases;    // --cases FILE
  std::string aiswatch_version = "unknown";
  std::uint64_t progress_every = 1 << 14;        // observations between progress callbacks
};

struct ReplayProgress {
  std::uint64_t bytes_read = 0;
  std::optional<std::uint64_t> bytes_total;  // nullopt with stdin
  std::uint64_t observations = 0;
  std::size_t vessels = 0;
  std::uint64_t events = 0, flagged = 0;
  bool done = false;
};
using ProgressCallback = std::function<void(const ReplayProgress&)>;

struct InputSummary {
  std::string path;
  InputFormat format = InputFormat::nmea;
  InputStats stats;
};

struct ReplayResult {
  std::vector<InputSummary> inputs;
  std::vector<report::Counter> statistics;  // the run's counters, in display order (stderr and the report)
  EventCounts events;                       // as the detectors emitted them
  std::uint64_t flagged_after_review = 0;
  report::ReviewApplied review;
  std::size_t vessels = 0;
  std::optional<UnixMillis> first_time, last_time;
  std::vector<std::filesystem::path> written;  // files written (events, report files)
};

// Throws ais::InputError (unusable input file), report::ReportError (an output that cannot be written),
// and anything Resources or the detectors throw for bad configuration.
ReplayResult run_replay(const ReplayOptions& options, const Resources& resources, const ProgressCallback& progress = {});

// The statistics lines of a finished pipeline and its inputs (also used by live mode for its inputs).
std::vector<report::Counter> run_statistics(const std::vector<InputSummary>& inputs, const DetectionPipeline& pipeline);

}  // namespace aiswatch::pipeline
