// cmd_replay.cpp — `aiswatch replay [FILE...] [options]`: decode → track → detect over AIS logs (NMEA
// with or without tag blocks, gzip, NOAA/DMA CSV; several files merged in time order; stdin when no FILE),
// then events (--events), the watchlist report (--report DIR) and the review case file (--cases).
//
//   aiswatch replay samples/demo/demo.nmea.gz --watchlist watchlists/data/ofac_sdn_vessels_20240503.csv
//                   --events out/events.jsonl --report out/report
//
// A progress bar is drawn on a terminal; the summary (messages, rejects by reason, vessels, events by
// type, flagged) goes to stderr at the end. Exit 0 on success (rejected lines are counted, not fatal), 1
// for an unusable input file or option (the message names it), 2 on internal failure (main.cpp).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/time.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/pipeline/replay.hpp"
#include "aiswatch/report/error.hpp"
#include "progress_bar.hpp"
#include "run_options.hpp"

namespace {

using namespace aiswatch;

struct ReplayCliOptions {
  std::vector<std::string> files;
  app::RunCliOptions run;
};

std::string time_text(std::optional<UnixMillis> t) { return t ? format_iso8601(*t) : std::string("-"); }

void print_summary(const pipeline::ReplayResult& r, double seconds, bool detailed) {
  std::uint64_t messages = 0, rejected = 0, rows = 0;
  for (const auto& in : r.inputs) {
    messages += in.stats.decode.messages;
    rejected += in.stats.decode.rejects.total() + in.stats.csv.rejected;
    rows += in.stats.csv.rows;
  }
  std::uint64_t observations = 0;
  for (const auto& in : r.inputs) observations += in.stats.observations;
  fmt::print(stderr, "replay: {} input{}, {} AIS messages{}, {} rejected, {} vessels, {} .. {}, {:.1f} s ({} records/s)\n",
             r.inputs.size(), r.inputs.size() == 1 ? "" : "s", messages,
             rows != 0 ? fmt::format(" + {} CSV rows", rows) : std::string(), rejected, r.vessels,
             time_text(r.first_time), time_text(r.last_time), seconds,
             app::human_count(seconds > 0 ? static_cast<double>(observations) / seconds : 0));
  std::string by_type;
  for (std::size_t i = 0; i < pipeline::kEventTypeCount; ++i) {
    if (r.events.by_type[i] == 0) continue;
    by_type += fmt::format("{}{} {}", by_type.empty() ? "" : ", ", r.events.by_type[i],
                           detectors::to_string(static_cast<detectors::EventType>(i)));
    if (r.events.flagged_by_type[i] != 0) by_type += fmt::format(" ({} flagged)", r.events.flagged_by_type[i]);
  }
  fmt::print(stderr, "replay: {} events{}{}; {} flagged for review", r.events.total, by_type.empty() ? "" : ": ", by_type,
             r.flagged_after_review);
  if (r.review.suppressed != 0 || r.review.reflagged != 0) {
    fmt::print(stderr, " ({} dismissed earlier with the same evidence, {} re-flagged on new evidence)", r.review.suppressed,
               r.review.reflagged);
  }
  fmt::print(stderr, "\n");
  for (const auto& in : r.inputs) {
    if (in.stats.untimed != 0) {
      fmt::print(stderr, "replay: {}: {} messages carry no time (no tag block, trailing epoch or $PGHP) and were skipped\n",
                 in.path, in.stats.untimed);
    }
    for (const auto& issue : in.stats.csv.issues) {
      if (!detailed) break;
      fmt::print(stderr, "replay: {}\n", ais::format_issue(in.path, issue));
    }
  }
  if (detailed) {
    for (const auto& c : r.statistics) fmt::print(stderr, "  {}: {}\n", c.name, c.value);
  } else {
    for (const auto& c : r.statistics) {
      if (c.name.starts_with("rejected: ") || c.name.starts_with("CSV rows rejected: "))
        fmt::print(stderr, "  {}: {}\n", c.name, c.value);
    }
  }
  for (const auto& f : r.written) fmt::print(stderr, "replay: wrote {}\n", f.string());
}

void run_replay_command(const ReplayCliOptions& o, bool stats) {
  const auto started = std::chrono::steady_clock::now();
  pipeline::ReplayOptions ro;
  ro.inputs = o.files;
  ro.resources = o.run.resource_options();
  ro.aiswatch_version = AISWATCH_VERSION;
  try {
    ro.pipeline.filters = o.run.filter_options();
  } catch (const pipeline::OptionError& e) {
    fmt::print(stderr, "aiswatch replay: {}\n", e.what());
    throw CLI::RuntimeError(1);
  }
  ro.pipeline.detectors = o.run.detectors;
  if (!o.run.events.empty()) ro.events_out = o.run.events;
  if (!o.run.report.empty()) ro.report_dir = o.run.report;
  ro.gis_format = o.run.gis_format == "none" ? std::string() : o.run.gis_format;
  if (!o.run.cases.empty()) ro.cases = o.run.cases;

  const pipeline::Resources resources = app::load_resources_or_exit(o.run, "replay");
  if (o.run.print_config) {
    app::print_config(resources);
    return;
  }
  if (!ro.events_out && !ro.report_dir && !o.run.quiet) {
    fmt::print(stderr, "replay: no --events or --report given: only the summary is printed\n");
  }

  app::ProgressBar bar(!o.run.quiet && isatty(STDERR_FILENO) != 0);
  pipeline::ReplayResult result;
  try {
    result = pipeline::run_replay(ro, resources, [&](const pipeline::ReplayProgress& p) {
      if (p.done) {
        bar.finish();
        return;
      }
      bar.update(p.bytes_read, p.bytes_total, p.observations,
                 fmt::format("{} records  {} vessels  {} events  {} flagged", app::human_count(static_cast<double>(p.observations)),
                             p.vessels, p.events, p.flagged));
    });
  } catch (const ais::InputError& e) {
    bar.finish();
    fmt::print(stderr, "aiswatch replay: {}\n", e.what());
    throw CLI::RuntimeError(1);
  } catch (const report::ReportError& e) {
    bar.finish();
    fmt::print(stderr, "aiswatch replay: {}\n", e.what());
    throw CLI::RuntimeError(1);
  } catch (const detectors::ConfigError& e) {
    bar.finish();
    fmt::print(stderr, "aiswatch replay: {}\n", e.what());
    throw CLI::RuntimeError(1);
  }
  bar.finish();
  if (!o.run.quiet || stats) {
    print_summary(result, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), stats);
  }
}

}  // namespace

void register_replay_command(CLI::App& app) {
  auto options = std::make_shared<ReplayCliOptions>();
  auto stats = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("replay", "Decode, track and detect over AIS logs; write events and the watchlist report");
  cmd->add_option("FILE", options->files, "AIS log: NMEA (tag blocks, trailing times, $PGHP), NOAA/DMA CSV, gzip or not; '-' or none for stdin");
  app::add_run_options(*cmd, options->run);
  cmd->add_flag("--stats", *stats, "Every counter of the run on stderr (decode, rejects by reason, tracker, events)");
  cmd->callback([options, stats] { run_replay_command(*options, *stats); });
}
