// live_pipeline.cpp — live mode's consumer: decode per stream, detect, alert, report, state, reload.
#include "live_pipeline.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "aiswatch/detectors/registry.hpp"
#include "aiswatch/live/log.hpp"
#include "aiswatch/pipeline/report_model.hpp"
#include "aiswatch/report/case_file.hpp"
#include "aiswatch/report/event_json.hpp"
#include "aiswatch/report/report_writer.hpp"

namespace aiswatch::app {

namespace {

constexpr UnixMillis kStreamExpiryMs = 10 * 60 * 1000;   // UDP senders have no "connection closed"
constexpr std::size_t kMaxStreams = 4096;                // bounds memory when feeders churn through ports
constexpr std::size_t kMaxAlertedKept = 500'000;         // ids remembered against re-alerting
constexpr std::size_t kMaxEventsKept = 100'000;          // for the report and /events?since=
constexpr UnixMillis kReceiptClockWindowMs = 10 * 60 * 1000;

UnixMillis wall_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void prometheus_line(std::string& out, std::string_view name, std::string_view help, std::string_view type, double value) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{} {}\n", name, help, name, type, name, value);
}

}  // namespace

void LatencyHistogram::add(std::int64_t ms) noexcept {
  if (ms < 0) ms = 0;
  ++buckets_[std::min<std::size_t>(static_cast<std::size_t>(ms), kBuckets - 1)];
  ++count_;
  sum_ += ms;
  max_ = std::max(max_, ms);
}

std::int64_t LatencyHistogram::quantile(double q) const noexcept {
  if (count_ == 0) return 0;
  const auto need = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBuckets; ++i) {
    seen += buckets_[i];
    if (seen >= need) return static_cast<std::int64_t>(i);
  }
  return static_cast<std::int64_t>(kBuckets - 1);
}

LivePipeline::LivePipeline(LivePipelineOptions options, pipeline::Resources resources, live::EventRing& ring,
                           EventOutput& output)
    : options_(std::move(options)),
      resources_(std::make_unique<pipeline::Resources>(std::move(resources))),
      ring_(ring),
      output_(output) {
  options_.pipeline.keep_events = false;
  pipeline_ = std::make_unique<pipeline::DetectionPipeline>(*resources_, options_.pipeline, this);
  if (options_.cases) {
    const report::CaseFile cases = report::CaseFile::open(*options_.cases);
    decisions_ = report::latest_decisions(cases.history());
  }
}

LivePipeline::~LivePipeline() = default;

void LivePipeline::log(const std::string& line) const {
  if (!options_.quiet) fmt::print(stderr, "{}\n", line);
}

void LivePipeline::restore_state() {
  if (!options_.state_file) return;
  std::error_code ec;
  if (!std::filesystem::exists(*options_.state_file, ec)) {
    log(fmt::format("live: --state {}: no saved state yet; starting afresh", live::log_safe(options_.state_file->string())));
    return;
  }
  pipeline::SavedState s = pipeline::load_state(*options_.state_file);
  const std::lock_guard lock(mutex_);
  pipeline_->restore(s);
  for (auto& [id, fp] : s.alerted) {
    alerted_order_.push_back(id);
    alerted_.emplace(id, std::move(fp));
  }
  log(fmt::format("live: restored {} vessels and {} alerted events from {} (saved {})", s.vessels.size(), alerted_.size(),
                  live::log_safe(options_.state_file->string()), format_iso8601(s.saved_at)));
}

void LivePipeline::request_reload() {
  bool expected = false;
  if (!reload_requested_.compare_exchange_strong(expected, true)) return;  // one reload at a time
  reloading_ = std::async(std::launch::async, [o = options_.resources] { return pipeline::Resources::load(o); });
}

void LivePipeline::swap_resources_if_loaded() {
  if (!reload_requested_.load() || !reloading_.valid()) return;
  if (reloading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  try {
    auto fresh = std::make_unique<pipeline::Resources>(reloading_.get());
    // Detectors hold references to the resources: rebuild the pipeline and carry every vessel over.
    const pipeline::SavedState carried = pipeline_->capture_state(wall_now());
    auto next = std::make_unique<pipeline::DetectionPipeline>(*fresh, options_.pipeline, this);
    next->restore(carried);
    {
      const std::lock_guard lock(mutex_);
      pipeline_ = std::move(next);
      resources_ = std::move(fresh);
      ++stats_.reloads;
    }
    for (const std::string& line : resources_->load_messages()) log("live: reload: " + line);
    log(fmt::format("live: SIGHUP: reloaded watchlists, zones and config ({} zones, {} list entries); {} vessels carried over",
                    resources_->zones().size(), resources_->watchlist() ? resources_->watchlist()->size() : 0,
                    carried.vessels.size()));
  } catch (const std::exception& e) {
    const std::lock_guard lock(mutex_);
    ++stats_.reload_failures;
    fmt::print(stderr, "live: SIGHUP: reload failed, keeping the loaded lists and zones: {}\n", e.what());
  }
  reload_requested_ = false;
}

LivePipeline::Stream& LivePipeline::stream_for(std::string_view source, UnixMillis received) {
  auto it = streams_.find(source);
  if (it == streams_.end()) {
    if (streams_.size() >= kMaxStreams) {
      auto oldest = streams_.begin();
      for (auto i = streams_.begin(); i != streams_.end(); ++i)
        if (i->second->last_line_ms < oldest->second->last_line_ms) oldest = i;
      retire(oldest);
    }
    it = streams_.try_emplace(std::string(source), std::make_unique<Stream>()).first;
  }
  it->second->last_line_ms = received;
  return *it->second;
}

LivePipeline::Streams::iterator LivePipeline::retire(Streams::iterator it) {
  it->second->nmea.finish();
  retired_ += it->second->nmea.decode_stats();
  stats_.receipt_stamped += it->second->nmea.receipt_stamped();
  return streams_.erase(it);
}

void LivePipeline::on_line(std::string_view line, UnixMillis received, std::string_view source) {
  const std::lock_guard lock(mutex_);
  ++stats_.lines;
  Stream& stream = stream_for(source, received);
  const std::uint64_t stamped_before = stream.nmea.receipt_stamped();
  const pipeline::Observation* o = stream.nmea.feed_line(line, received);
  if (o == nullptr) return;
  line_received_ = received;
  struct Reset {
    std::optional<UnixMillis>& r;
    ~Reset() { r.reset(); }
  } reset{line_received_};
  if (stream.nmea.receipt_stamped() != stamped_before) {
    last_receipt_stamp_ms_ = received;
    if (o->position) receipt_vessels_.insert(o->position->mmsi);
    if (o->identity) receipt_vessels_.insert(o->identity->mmsi);
  }
  if (pipeline_->feed(*o)) ++stats_.observations;
}

void LivePipeline::on_stream_end(std::string_view source) {
  const std::lock_guard lock(mutex_);
  if (const auto it = streams_.find(source); it != streams_.end()) retire(it);
}

void LivePipeline::on_event(detectors::Event& e) {
  // Called from inside pipeline_->feed()/advance_to()/finish(): the mutex is already held.
  if (receipt_vessels_.count(e.mmsi) != 0) {
    e.add_evidence("time_basis", std::string("receipt"));
    e.reasons.push_back("times are of receipt: the feed carries no timestamps for this vessel");
  }
  if (!decisions_.empty() && e.flagged) {
    std::vector<detectors::Event> one{std::move(e)};
    const report::ReviewApplied r = report::apply_review(one, decisions_);
    e = std::move(one.front());
    stats_.dismissed += r.suppressed;
  }
  ++stats_.events;
  if (e.flagged) ++stats_.flagged;

  json_scratch_.clear();
  report::write_event_json(e, json_scratch_);
  const std::string fingerprint = report::evidence_fingerprint(e);
  const auto known = alerted_.find(e.id);
  if (known != alerted_.end() && known->second == fingerprint) {
    ++stats_.suppressed_known;  // written and alerted before a restart, same evidence
  } else {
    output_.write(json_scratch_, e.flagged);
    if (line_received_) stats_.latency.add(wall_now() - *line_received_);
    if (known == alerted_.end()) {
      alerted_order_.push_back(e.id);
      alerted_.emplace(e.id, fingerprint);
      if (alerted_order_.size() > kMaxAlertedKept) {
        alerted_.erase(alerted_order_.front());
        alerted_order_.pop_front();
      }
    } else {
      known->second = fingerprint;
    }
    if (e.flagged) {
      ++stats_.alerts;
      if (alert_hook_) alert_hook_(json_scratch_.substr(0, json_scratch_.size() - 1));
    }
  }
  ring_.push_event_json(json_scratch_.substr(0, json_scratch_.size() - 1));
  kept_.push_back(e);
  if (kept_.size() > kMaxEventsKept) kept_.pop_front();
}

void LivePipeline::on_tick(UnixMillis now) {
  swap_resources_if_loaded();
  {
    const std::lock_guard lock(mutex_);
    // UDP senders have no end of stream: let go of streams silent for 10 minutes.
    for (auto it = streams_.begin(); it != streams_.end();) {
      it = now - it->second->last_line_ms > kStreamExpiryMs ? retire(it) : std::next(it);
    }
    // A feed without timestamps runs on the receipt clock: time moves on while nothing arrives.
    if (last_receipt_stamp_ms_ != 0 && now - last_receipt_stamp_ms_ < kReceiptClockWindowMs) pipeline_->advance_to(now);
  }
  if (last_periodic_ms_ == 0) last_periodic_ms_ = now;
  if (options_.report_every_ms > 0 && now - last_periodic_ms_ >= options_.report_every_ms) {
    last_periodic_ms_ = now;
    periodic(now);
  }
}

void LivePipeline::periodic(UnixMillis now) {
  print_summary(now);
  if (options_.report_dir) write_report(now);
  if (options_.state_file) save_state(now);
}

void LivePipeline::on_finish() {
  const UnixMillis now = wall_now();
  {
    const std::lock_guard lock(mutex_);
    while (!streams_.empty()) retire(streams_.begin());
    pipeline_->finish();  // open episodes are reported as of the last data time
  }
  if (options_.report_dir) write_report(now);
  if (options_.state_file) save_state(now);
}

void LivePipeline::write_report(UnixMillis now) {
  try {
    report::ReportModel model;
    {
      const std::lock_guard lock(mutex_);
      std::vector<detectors::Event> events(kept_.begin(), kept_.end());
      std::sort(events.begin(), events.end(), detectors::event_order_less);
      report::RunInfo run;
      run.aiswatch_version = options_.aiswatch_version;
      run.generated_at = now;
      run.configuration = resources_->settings();
      if (service_ != nullptr) {
        for (const live::SourceSnapshot& s : service_->sources())
          run.inputs.push_back({.role = report::InputRole::input, .path = s.name});
      }
      for (report::InputFile& f : resources_->reference_files()) run.inputs.push_back(std::move(f));
      run.receipt_time = stats_.receipt_stamped != 0 || last_receipt_stamp_ms_ != 0;
      run.statistics = {{"lines received", stats_.lines}, {"observations", stats_.observations},
                        {"events", stats_.events},         {"flagged events", stats_.flagged},
                        {"alerts written", stats_.alerts}, {"not re-alerted after restart", stats_.suppressed_known}};
      model = pipeline::build_report_model(*pipeline_, std::move(events), std::move(run));
      model.decisions = decisions_;
    }
    report::ReportOptions ro;
    ro.gis_format = options_.gis_format;
    report::write_report(model, ro, *options_.report_dir);
    const std::lock_guard lock(mutex_);
    ++stats_.reports_written;
  } catch (const std::exception& e) {
    // A full disk must not stop the monitoring: say so and try again next time.
    fmt::print(stderr, "live: --report {}: {}\n", live::log_safe(options_.report_dir->string()), e.what());
  }
}

void LivePipeline::save_state(UnixMillis now) {
  try {
    pipeline::SavedState s;
    {
      const std::lock_guard lock(mutex_);
      s = pipeline_->capture_state(now);
      s.alerted = alerted_;
    }
    pipeline::save_state(*options_.state_file, s);
    const std::lock_guard lock(mutex_);
    ++stats_.states_saved;
  } catch (const std::exception& e) {
    fmt::print(stderr, "live: {}\n", e.what());
  }
}

std::optional<std::string> LivePipeline::vessel_json(std::uint32_t mmsi) const {
  const std::lock_guard lock(mutex_);
  const ais::Vessel* v = pipeline_->tracker().find(mmsi);
  const ais::VesselSummary* dormant = nullptr;
  if (v == nullptr) {
    for (const ais::VesselSummary* d : pipeline_->tracker().dormant())
      if (d->mmsi == mmsi) dormant = d;
    if (dormant == nullptr) return std::nullopt;
  }
  const report::VesselDossier d = pipeline::make_dossier(mmsi, v, dormant, *pipeline_);
  nlohmann::json j{{"mmsi", mmsi}, {"dormant", v == nullptr}};
  j["name"] = d.identity.name;
  j["callsign"] = d.identity.callsign;
  j["flag"] = d.identity.flag;
  j["destination"] = d.identity.destination;
  j["imo"] = d.identity.imo ? nlohmann::json(*d.identity.imo) : nlohmann::json();
  j["ship_type"] = d.identity.ship_type ? nlohmann::json(*d.identity.ship_type) : nlohmann::json();
  j["draught"] = d.identity.draught_m ? nlohmann::json(*d.identity.draught_m) : nlohmann::json();
  const std::optional<ais::TrackPoint>& last = v ? v->last : dormant->last;
  if (last) {
    j["last"] = {{"time", format_iso8601(last->time)}, {"lat", last->lat_deg}, {"lon", last->lon_deg}};
    if (last->sog_kn) j["last"]["speed"] = *last->sog_kn;
    if (last->cog_deg) j["last"]["course"] = *last->cog_deg;
  }
  j["positions"] = v ? v->counts.positions : dormant->counts.positions;
  if (v != nullptr && v->kalman) {
    // Smoothed by the tracker's Kalman filter and predicted to the data clock, with its 95 % radius.
    if (const auto now = pipeline_->tracker().now()) {
      if (const auto est = pipeline_->tracker().estimate(*v, *now)) {
        j["predicted"] = {{"time", format_iso8601(*now)}, {"lat", est->lat_deg}, {"lon", est->lon_deg},
                          {"speed", est->sog_kn}, {"course", est->cog_deg}, {"radius_95_m", est->radius95_m}};
      }
    }
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& c : d.identity_history)
    history.push_back({{"field", c.field}, {"from", c.old_value}, {"to", c.new_value}, {"time", format_iso8601(c.time)}});
  j["identity_history"] = std::move(history);
  nlohmann::json matches = nlohmann::json::array();
  for (const auto& m : d.watchlist)
    matches.push_back({{"list", m.list}, {"program", m.program}, {"entry", m.entry}, {"name", m.name},
                       {"matched_on", watchlists::to_string(m.matched_on)}, {"confidence", m.confidence}});
  j["watchlist"] = std::move(matches);
  nlohmann::json events = nlohmann::json::array();
  for (const detectors::Event& e : kept_) {
    if (e.mmsi != mmsi && e.other_mmsi != mmsi) continue;
    events.push_back({{"id", e.id}, {"type", detectors::to_string(e.type)}, {"start", format_iso8601(e.start)},
                      {"flagged", e.flagged}, {"severity", detectors::to_string(e.severity)}});
  }
  j["events"] = std::move(events);
  // AIS text is attacker-controlled and may not be UTF-8: the library escapes, invalid bytes are replaced.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string LivePipeline::events_since_json(UnixMillis since, std::size_t max_events) const {
  const std::lock_guard lock(mutex_);
  std::string out;
  std::size_t n = 0;
  for (const detectors::Event& e : kept_) {
    if (e.end < since && e.start < since) continue;
    report::write_event_json(e, out);
    if (++n == max_events) break;
  }
  return out;
}

void LivePipeline::append_metrics(std::string& out) const {
  const std::lock_guard lock(mutex_);
  prometheus_line(out, "aiswatch_pipeline_lines_total", "Lines handed to the pipeline", "counter", static_cast<double>(stats_.lines));
  prometheus_line(out, "aiswatch_observations_total", "Positions and identities fed to the tracker", "counter",
                  static_cast<double>(stats_.observations));
  prometheus_line(out, "aiswatch_vessels_tracked", "Vessels held by the tracker now", "gauge",
                  static_cast<double>(pipeline_->tracker().size()));
  prometheus_line(out, "aiswatch_alerts_total", "Flagged events written as alerts", "counter", static_cast<double>(stats_.alerts));
  ais::DecodeStats st = retired_;
  for (const auto& [source, stream] : streams_) st += stream->nmea.decode_stats();
  prometheus_line(out, "aiswatch_messages_decoded_total", "AIS messages decoded", "counter", static_cast<double>(st.messages));
  out += "# HELP aiswatch_rejects_total Lines or messages not decoded, by reason\n# TYPE aiswatch_rejects_total counter\n";
  for (std::size_t r = 0; r < ais::kRejectCount; ++r)
    out += fmt::format("aiswatch_rejects_total{{reason=\"{}\"}} {}\n", ais::to_string(static_cast<ais::Reject>(r)), st.rejects.by_reason[r]);
  // Events by type from this process's kept counts (reloads rebuild the pipeline; the counts stay here).
  std::array<std::uint64_t, pipeline::kEventTypeCount> by_type{};
  std::array<std::uint64_t, pipeline::kEventTypeCount> flagged{};
  for (const detectors::Event& e : kept_) {
    ++by_type[static_cast<std::size_t>(e.type)];
    if (e.flagged) ++flagged[static_cast<std::size_t>(e.type)];
  }
  out += "# HELP aiswatch_events_kept Events kept in memory (the newest 100000), by type\n# TYPE aiswatch_events_kept gauge\n";
  for (std::size_t i = 0; i < pipeline::kEventTypeCount; ++i)
    out += fmt::format("aiswatch_events_kept{{type=\"{}\"}} {}\n", detectors::to_string(static_cast<detectors::EventType>(i)), by_type[i]);
  out += "# HELP aiswatch_events_flagged_kept Flagged events kept in memory, by type\n# TYPE aiswatch_events_flagged_kept gauge\n";
  for (std::size_t i = 0; i < pipeline::kEventTypeCount; ++i)
    out += fmt::format("aiswatch_events_flagged_kept{{type=\"{}\"}} {}\n", detectors::to_string(static_cast<detectors::EventType>(i)), flagged[i]);
  prometheus_line(out, "aiswatch_events_total", "Events emitted since start", "counter", static_cast<double>(stats_.events));
  prometheus_line(out, "aiswatch_events_flagged_total", "Flagged events emitted since start", "counter", static_cast<double>(stats_.flagged));
  out += "# HELP aiswatch_event_latency_ms Socket read of the completing sentence to event written\n"
         "# TYPE aiswatch_event_latency_ms summary\n";
  for (const double q : {0.5, 0.9, 0.99})
    out += fmt::format("aiswatch_event_latency_ms{{quantile=\"{}\"}} {}\n", q, stats_.latency.quantile(q));
  out += fmt::format("aiswatch_event_latency_ms_sum {}\naiswatch_event_latency_ms_count {}\n", stats_.latency.sum(),
                     stats_.latency.count());
  prometheus_line(out, "aiswatch_reloads_total", "Successful SIGHUP reloads", "counter", static_cast<double>(stats_.reloads));
}

LivePipelineStats LivePipeline::stats() const {
  const std::lock_guard lock(mutex_);
  LivePipelineStats s = stats_;
  for (const auto& [source, stream] : streams_) s.receipt_stamped += stream->nmea.receipt_stamped();
  return s;
}

ais::DecodeStats LivePipeline::decode_stats() const {
  const std::lock_guard lock(mutex_);
  ais::DecodeStats total = retired_;
  for (const auto& [source, stream] : streams_) total += stream->nmea.decode_stats();
  return total;
}

void LivePipeline::print_summary(UnixMillis now) const {
  if (options_.quiet) return;
  const LivePipelineStats s = stats();
  const ais::DecodeStats st = decode_stats();
  std::string sources;
  if (service_ != nullptr) {
    const live::SourceSnapshot t = service_->totals();
    sources = fmt::format(", {:.1f} lines/s, {} connections open, {} dropped, {} over-long", service_->lines_per_s(),
                          t.active_connections, t.dropped_lines, t.overlong_lines);
  }
  std::size_t vessels = 0;
  {
    const std::lock_guard lock(mutex_);
    vessels = pipeline_->tracker().size();
  }
  fmt::print(stderr, "live: {} {} lines{}; {} messages decoded, {} rejected; {} vessels; {} events, {} flagged, {} alerts\n",
             format_iso8601(now), s.lines, sources, st.messages, st.rejects.total(), vessels, s.events, s.flagged, s.alerts);
}

}  // namespace aiswatch::app
