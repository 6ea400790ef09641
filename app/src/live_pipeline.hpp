// live_pipeline.hpp — the decode → track → detect pipeline behind `aiswatch live`: a LineConsumer that
// decodes each stream (reassembly per source), feeds the same DetectionPipeline replay uses, writes every
// event the moment it is emitted (EventOutput, webhook), refreshes the report, saves and restores
// --state, and reloads watchlists and zones on SIGHUP.
//
// Time: a message's time is the one its line carries (tag block c:, trailing epoch, $PGHP) — the same as
// in replay, so a live run and a replay of the same sentences give the same events. Only messages without
// any time are stamped on receipt; their vessels' events then say so (evidence time_basis "receipt"), and
// on a feed of such messages the data clock follows the wall clock on every tick, so a vessel falling
// silent is noticed while nothing arrives.
//
// Threads: on_line/on_tick/on_finish come from LiveService's one consumer thread; the HTTP queries
// (vessel_json, events_since_json, append_metrics) from the io thread. One mutex guards the pipeline.
//
//   LivePipeline p(options, std::move(resources), ring, output);
//   p.restore_state();                         // --state: vessels and alerted ids of the last run
//   LiveService service(io, settings, p, log);
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "aiswatch/live/event_ring.hpp"
#include "aiswatch/live/line_consumer.hpp"
#include "aiswatch/live/live_service.hpp"
#include "aiswatch/pipeline/detection_pipeline.hpp"
#include "aiswatch/pipeline/nmea_observations.hpp"
#include "aiswatch/pipeline/resources.hpp"
#include "aiswatch/report/review.hpp"
#include "event_output.hpp"

namespace aiswatch::app {

struct LivePipelineOptions {
  pipeline::ResourceOptions resources;   // what SIGHUP reloads
  pipeline::PipelineOptions pipeline;
  std::optional<std::filesystem::path> state_file;
  std::optional<std::filesystem::path> report_dir;
  std::string gis_format = "GPKG";
  std::optional<std::filesystem::path> cases;
  std::int64_t report_every_ms = 60'000;     // stderr summary, report refresh and state save; 0: never
  std::string aiswatch_version = "unknown";
  bool quiet = false;
};

// Alert latency: from the socket read that delivered the sentence completing an event's evidence to the
// event written to --events/stdout (queue wait + decode + track + detect + write), per event emitted while
// a line was processed (events of quiet-feed clock ticks have no such sentence and are not counted).
class LatencyHistogram {
 public:
  static constexpr std::size_t kBuckets = 5000;  // 1 ms each; later ones land in the last
  void add(std::int64_t ms) noexcept;
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  // The smallest bucket with at least fraction q of the samples at or below it (ms); 0 when empty.
  [[nodiscard]] std::int64_t quantile(double q) const noexcept;
  [[nodiscard]] std::int64_t max() const noexcept { return max_; }
  [[nodiscard]] std::int64_t sum() const noexcept { return sum_; }

 private:
  std::array<std::uint64_t, kBuckets> buckets_{};
  std::uint64_t count_ = 0;
  std::int64_t sum_ = 0;
  std::int64_t max_ = 0;
};

struct LivePipelineStats {
  std::uint64_t lines = 0;
  std::uint64_t observations = 0;
  std::uint64_t receipt_stamped = 0;
  std::uint64_t events = 0, flagged = 0;
  std::uint64_t alerts = 0;            // flagged events written as alerts
  std::uint64_t suppressed_known = 0;  // already alerted before a restart, same evidence
  std::uint64_t dismissed = 0;         // dismissed in review, same evidence: not flagged
  std::uint64_t reloads = 0, reload_failures = 0;
  std::uint64_t reports_written = 0, states_saved = 0;
  LatencyHistogram latency;
};

class LivePipeline final : public live::LineConsumer, public pipeline::EventListener {
 public:
  LivePipeline(LivePipelineOptions options, pipeline::Resources resources, live::EventRing& ring, EventOutput& output);
  ~LivePipeline() override;

  void attach(const live::LiveService& service) { service_ = &service; }
  // Each alert's JSON line (flagged events, no newline), e.g. to a WebhookClient. Set before start.
  void set_alert_hook(std::function<void(const std::string&)> hook) { alert_hook_ = std::move(hook); }

  // --state: restores vessels and alerted ids when the file exists. Throws pipeline::StateError.
  void restore_state();
  // SIGHUP (any thread): reload watchlists, zones and config in the background; swapped in on the
  // consumer thread when loaded (a failure keeps the old ones and is logged).
  void request_reload();

  // LineConsumer (consumer thread).
  void on_line(std::string_view line, UnixMillis received, std::string_view source) override;
  void on_stream_end(std::string_view source) override;
  void on_tick(UnixMillis now) override;
  void on_finish() override;

  // HTTP (io thread).
  [[nodiscard]] std::optional<std::string> vessel_json(std::uint32_t mmsi) const;
  [[nodiscard]] std::string events_since_json(UnixMillis since, std::size_t max_events) const;
  void append_metrics(std::string& out) const;

  [[nodiscard]] LivePipelineStats stats() const;
  [[nodiscard]] ais::DecodeStats decode_stats() const;
  // One summary line on stderr (unless quiet).
  void print_summary(UnixMillis now) const;

 private:
  struct Stream {
    pipeline::NmeaObservations nmea;
    UnixMillis last_line_ms = 0;
  };
  using Streams = std::map<std::string, std::unique_ptr<Stream>, std::less<>>;

  void on_event(detectors::Event& e) override;
  Stream& stream_for(std::string_view source, UnixMillis received);
  Streams::iterator retire(Streams::iterator it);
  void periodic(UnixMillis now);
  void write_report(UnixMillis now);
  void save_state(UnixMillis now);
  void swap_resources_if_loaded();
  void log(const std::string& line) const;

  LivePipelineOptions options_;
  std::unique_ptr<pipeline::Resources> resources_;
  std::unique_ptr<pipeline::DetectionPipeline> pipeline_;
  live::EventRing& ring_;
  EventOutput& output_;
  const live::LiveService* service_ = nullptr;
  std::function<void(const std::string&)> alert_hook_;

  mutable std::mutex mutex_;  // pipeline_, resources_, streams_, stats_ against the HTTP readers
  Streams streams_;
  ais::DecodeStats retired_;
  LivePipelineStats stats_;
  std::unordered_set<std::uint32_t> receipt_vessels_;  // vessels with a position stamped on receipt
  UnixMillis last_receipt_stamp_ms_ = 0;
  std::unordered_map<std::string, std::string> alerted_;  // event id -> fingerprint (bounded)
  std::deque<std::string> alerted_order_;
  std::vector<report::ReviewDecision> decisions_;         // latest per subject, from --cases
  std::deque<detectors::Event> kept_;  // newest events, for the report and /events?since= (survives reloads)
  UnixMillis last_periodic_ms_ = 0;
  std::optional<UnixMillis> line_received_;  // the line being processed (for alert latency)
  std::string json_scratch_;

  std::atomic<bool> reload_requested_{false};
  std::future<pipeline::Resources> reloading_;
};

}  // namespace aiswatch::app
