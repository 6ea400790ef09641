// replay.cpp — one replay run: inputs → pipeline → events file, case file, report directory.
#include "aiswatch/pipeline/replay.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/reject.hpp"
#include "aiswatch/pipeline/merged_input.hpp"
#include "aiswatch/pipeline/report_model.hpp"
#include "aiswatch/report/case_file.hpp"
#include "aiswatch/report/error.hpp"
#include "aiswatch/report/event_json.hpp"
#include "aiswatch/report/report_writer.hpp"

namespace aiswatch::pipeline {

namespace {

UnixMillis wall_clock_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Events as JSON lines to a file (written whole, then renamed) or to stdout.
std::optional<std::filesystem::path> write_events(const std::string& target, const std::vector<detectors::Event>& events) {
  std::string out;
  out.reserve(events.size() * 1024);
  for (const detectors::Event& e : events) report::write_event_json(e, out);
  if (target == "-") {
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
      throw report::ReportError("--events -: cannot write to standard output");
    }
    return std::nullopt;
  }
  const std::filesystem::path file(target);
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
  }
  report::write_file_atomically(file, out);
  return file;
}

void add(std::vector<report::Counter>& out, std::string name, std::uint64_t value, bool even_if_zero = false) {
  if (value != 0 || even_if_zero) out.push_back({std::move(name), value});
}

}  // namespace

std::vector<report::Counter> run_statistics(const std::vector<InputSummary>& inputs, const DetectionPipeline& pipeline) {
  std::vector<report::Counter> out;
  ais::DecodeStats nmea;
  ais::CsvReadStats csv;
  std::uint64_t untimed = 0, cut = 0;
  bool any_nmea = false, any_csv = false;
  for (const InputSummary& in : inputs) {
    if (in.format == InputFormat::nmea) {
      any_nmea = true;
      nmea += in.stats.decode;
    } else {
      any_csv = true;
      csv.rows += in.stats.csv.rows;
      csv.positions += in.stats.csv.positions;
      csv.statics += in.stats.csv.statics;
      csv.rejected += in.stats.csv.rejected;
      for (std::size_t i = 0; i < csv.rejected_by_reason.size(); ++i)
        csv.rejected_by_reason[i] += in.stats.csv.rejected_by_reason[i];
    }
    untimed += in.stats.untimed;
    cut += in.stats.lines_cut;
  }
  if (any_nmea) {
    add(out, "NMEA lines read", nmea.lines, true);
    add(out, "AIS sentences", nmea.sentences, true);
    add(out, "AIS messages decoded", nmea.messages, true);
    add(out, "other NMEA sentences skipped", nmea.non_ais_skipped);
    add(out, "blank or comment lines", nmea.blank_or_comment);
    for (std::size_t t = 1; t < nmea.messages_by_type.size(); ++t)
      add(out, fmt::format("messages of type {}", t), nmea.messages_by_type[t]);
    add(out, "rejected (all reasons)", nmea.rejects.total(), true);
    for (std::size_t r = 0; r < ais::kRejectCount; ++r)
      add(out, fmt::format("rejected: {}", ais::to_string(static_cast<ais::Reject>(r))), nmea.rejects.by_reason[r]);
    add(out, "messages without a time in the data (skipped)", untimed);
  }
  if (any_csv) {
    add(out, "CSV rows read", csv.rows, true);
    add(out, "CSV rows rejected", csv.rejected, true);
    for (std::size_t r = 0; r < csv.rejected_by_reason.size(); ++r)
      add(out, fmt::format("CSV rows rejected: {}", ais::to_string(static_cast<ais::CsvRowError>(r))),
          csv.rejected_by_reason[r]);
  }
  add(out, "lines over the length cap", cut);
  const FilterStats& f = pipeline.filter().stats();
  add(out, "filtered out: outside --since/--until", f.outside_time);
  add(out, "filtered out: outside --bbox", f.outside_bbox);
  add(out, "filtered out: not in --mmsi", f.other_mmsi);
  const ais::TrackerStats& t = pipeline.tracker().stats();
  add(out, "position reports", t.positions, true);
  add(out, "positions accepted", t.accepted, true);
  add(out, "positions heard twice (counted once)", t.duplicates);
  add(out, "positions out of order (kept, flagged late)", t.late);
  add(out, "positions too old to use", t.too_old);
  add(out, "positions with an implausible jump (kept, suspect)", t.suspect);
  add(out, "reports with an invalid MMSI", t.invalid_mmsi);
  add(out, "reports with an implausible time", t.implausible_time);
  add(out, "static reports", t.statics, true);
  add(out, "identity changes", t.identity_changes);
  add(out, "vessels evicted after silence", t.evicted);
  add(out, "vessels", t.evicted + pipeline.tracker().size() - t.resumed, true);
  const EventCounts& e = pipeline.event_counts();
  add(out, "events", e.total, true);
  add(out, "flagged events", e.flagged, true);
  for (std::size_t i = 0; i < kEventTypeCount; ++i) {
    add(out, fmt::format("events: {}", detectors::to_string(static_cast<detectors::EventType>(i))), e.by_type[i]);
  }
  return out;
}

ReplayResult run_replay(const ReplayOptions& options, const Resources& resources, const ProgressCallback& progress) {
  ReplayResult result;
  std::vector<std::string> paths = options.inputs;
  if (paths.empty()) paths.push_back("-");

  // Open every input and the case file before any work, so a typo fails at once.
  MergedInput input(open_inputs(paths));
  std::optional<report::CaseFile> cases;
  if (options.cases) cases.emplace(report::CaseFile::open(*options.cases));

  DetectionPipeline pipeline(resources, options.pipeline);
  ReplayProgress p;
  p.bytes_total = input.size_bytes();
  std::uint64_t next_progress = options.progress_every;
  while (const Observation* o = input.next()) {
    pipeline.feed(*o);
    if (progress && ++p.observations >= next_progress) {
      next_progress += options.progress_every;
      p.bytes_read = input.bytes_read();
      p.vessels = pipeline.tracker().size();
      p.events = pipeline.event_counts().total;
      p.flagged = pipeline.event_counts().flagged;
      progress(p);
    }
  }
  input.finish();
  pipeline.finish();

  for (const auto& src : input.sources()) result.inputs.push_back({src->path(), src->format(), src->stats()});
  result.statistics = run_statistics(result.inputs, pipeline);
  result.events = pipeline.event_counts();
  result.first_time = pipeline.first_time();
  result.last_time = pipeline.last_time();
  result.vessels = pipeline.tracker().size() + pipeline.tracker().stats().evicted - pipeline.tracker().stats().resumed;

  std::vector<detectors::Event> events = pipeline.sorted_events();
  std::vector<report::ReviewDecision> history;
  if (cases) {
    cases->record_events(events, wall_clock_now());
    history = cases->history();
    result.review = report::apply_review(events, report::latest_decisions(history));
  }
  for (const detectors::Event& e : events) result.flagged_after_review += e.flagged ? 1 : 0;

  if (progress) {
    p.bytes_read = input.bytes_read();
    p.vessels = pipeline.tracker().size();
    p.events = pipeline.event_counts().total;
    p.flagged = result.flagged_after_review;
    p.done = true;
    progress(p);
  }

  if (options.events_out) {
    if (auto file = write_events(*options.events_out, events)) result.written.push_back(*file);
  }

  if (options.report_dir) {
    report::RunInfo run;
    run.aiswatch_version = options.aiswatch_version;
    run.generated_at = wall_clock_now();
    run.configuration = resources.settings();
    for (const std::string& path : paths) {
      if (path == "-") {
        run.inputs.push_back({.role = report::InputRole::input, .path = "-"});
      } else {
        run.inputs.push_back(report::describe_input(report::InputRole::input, path));
      }
    }
    for (report::InputFile& f : resources.reference_files()) run.inputs.push_back(std::move(f));
    if (options.cases) run.inputs.push_back({.role = report::InputRole::case_file, .path = options.cases->string()});
    run.statistics = result.statistics;
    run.messages = pipeline.observations();
    report::ReportModel model = build_report_model(pipeline, std::move(events), std::move(run));
    model.decisions = std::move(history);
    report::ReportOptions ro;
    ro.gis_format = options.gis_format;
    const report::ReportFiles files = report::write_report(model, ro, *options.report_dir);
    result.written.push_back(files.index_html);
    result.written.push_back(files.events_jsonl);
    result.written.push_back(files.events_csv);
    for (const auto& g : files.gis) result.written.push_back(g);
  }
  return result;
}

}  // namespace aiswatch::pipeline
