// cmd_live.cpp — `aiswatch live`: monitors live AIS feeds.
//
//   aiswatch live --connect feed.example.org:5631                   # TCP client, reconnects with backoff
//   aiswatch live --listen-tcp 0.0.0.0:10110 --listen-udp 10111     # feeders push to us (default host 127.0.0.1)
//   aiswatch live --connect 127.0.0.1:5631 --http 8080 --report-every 10
//
// Sockets, framing and the HTTP status endpoint run on one io_context (aiswatch::live::LiveService);
// every line goes to LivePipeline below, on its own thread. SIGINT/SIGTERM: close the listeners and
// connections, let the pipeline finish what is queued, print the final statistics, exit 0.
//
// INTEGRATION POINT: LivePipeline is where the decode → track → detect pipeline plugs in (see the
// comment on the class). Everything else in this file is option handling and wiring.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <map>
#include <vector>

#if __has_include("aiswatch/ais/decode.hpp")
#include "aiswatch/ais/stream_decoder.hpp"
#define AISWATCH_LIVE_DECODES 1
#endif
#include "aiswatch/ais/time.hpp"
#include "aiswatch/live/asio.hpp"
#include "aiswatch/live/error.hpp"
#include "aiswatch/live/event_ring.hpp"
#include "aiswatch/live/http_server.hpp"
#include "aiswatch/live/live_service.hpp"
#include "aiswatch/live/status_routes.hpp"

namespace {

namespace live = aiswatch::live;
using aiswatch::UnixMillis;

struct LiveOptions {
  std::vector<std::string> connect;
  std::vector<std::string> listen_tcp;
  std::vector<std::string> listen_udp;
  std::string http;
  std::string state_file;
  double report_every_s = 60;
  double idle_timeout_s = 120;
  double reconnect_max_s = 30;
  std::size_t queue_mb = 16;
  std::size_t max_connections = 64;
  std::size_t keep_events = 1000;
  bool once = false;
  bool quiet = false;
};

[[noreturn]] void fail(std::string_view message) {
  fmt::print(stderr, "aiswatch live: {}\n", message);
  throw CLI::RuntimeError(1);
}

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000.0));
}

// ---------------------------------------------------------------------------------------------------
// LivePipeline — THE INTEGRATION POINT.
//
// Receives every line of every feed, on one thread (LiveService's consumer thread), in arrival order
// per stream: no locking needed inside. Today it frames and decodes each stream (when the payload
// decoder is built in) and counts. The integrator:
//   * on_line: hand each decoded message to the tracker and detectors. Its time is s.rx_time when the
//     data carries one, else `received` — and such events must say they were stamped on receipt
//     (DESIGN.md, "Time comes from the data").
//   * each event: write it to --events (report/'s JSON writer) and push the same JSON line to
//     events_.push_event_json(...) so GET /events and the status page show it.
//   * on_tick: every --report-every seconds (report_due), refresh the --report output; also the place
//     for wall-clock checks on a quiet feed (AIS gaps).
//   * on_finish: flush the detectors (close open episodes), write the last report and save --state.
// ---------------------------------------------------------------------------------------------------
class LivePipeline final : public live::LineConsumer {
 public:
  LivePipeline(const LiveOptions& options, live::EventRing& events)
      : options_(options), events_(events), report_every_ms_(static_cast<UnixMillis>(options.report_every_s * 1000)) {}

  // The service whose counters the periodic report shows (set before the service starts).
  void attach(const live::LiveService& service) { service_ = &service; }

  void on_line(std::string_view line, UnixMillis received, std::string_view source) override {
    ++lines_;
#ifdef AISWATCH_LIVE_DECODES
    Stream& stream = stream_for(source, received);
    stream.decoder.feed_line(line, [&](const aiswatch::ais::AisMessage& /*msg*/,
                                       const aiswatch::ais::AssembledSentence& /*s*/) {
      // Integrator: msg (+ s.rx_time.value_or(received), s.station, s.raw) → tracker → detectors → events.
    });
#else
    (void)line;
    (void)received;
    (void)source;
#endif
  }

  void on_stream_end(std::string_view source) override {
#ifdef AISWATCH_LIVE_DECODES
    if (const auto it = streams_.find(source); it != streams_.end()) retire(it);
#else
    (void)source;
#endif
  }

  void on_tick(UnixMillis now) override {
#ifdef AISWATCH_LIVE_DECODES
    // UDP senders have no "connection closed": let go of streams silent for 10 minutes.
    for (auto it = streams_.begin(); it != streams_.end();) {
      it = now - it->second.last_line_ms > kStreamExpiryMs ? retire(it) : std::next(it);
    }
#endif
    if (last_report_ms_ == 0) last_report_ms_ = now;
    if (report_every_ms_ > 0 && now - last_report_ms_ >= report_every_ms_) {
      report(now);
      last_report_ms_ = now;
    }
  }

  void on_finish() override {
#ifdef AISWATCH_LIVE_DECODES
    while (!streams_.empty()) retire(streams_.begin());
#endif
  }

  std::uint64_t lines() const noexcept { return lines_; }
#ifdef AISWATCH_LIVE_DECODES
  aiswatch::ais::DecodeStats decode_stats() const {
    aiswatch::ais::DecodeStats total = retired_;
    for (const auto& [source, stream] : streams_) total += stream.decoder.stats();
    return total;
  }
#endif

  // One summary line (and, with the decoder, counts by message type and reject reason) on stderr.
  void report(UnixMillis now) const {
    if (options_.quiet) return;
    std::string sources;
    if (service_ != nullptr) {
      const live::SourceSnapshot t = service_->totals();
      sources = fmt::format(", {:.1f} lines/s, {} connections open, {} dropped (queue full), {} over-long",
                            service_->lines_per_s(), t.active_connections, t.dropped_lines, t.overlong_lines);
    }
    fmt::print(stderr, "live: {} {} lines{}; {} events\n", aiswatch::format_iso8601(now), lines_, sources,
               events_.total_pushed());
#ifdef AISWATCH_LIVE_DECODES
    const aiswatch::ais::DecodeStats st = decode_stats();
    fmt::memory_buffer by_type;
    for (std::size_t type = 0; type < st.messages_by_type.size(); ++type)
      if (st.messages_by_type[type] != 0) fmt::format_to(std::back_inserter(by_type), " {}:{}", type, st.messages_by_type[type]);
    fmt::memory_buffer rejects;
    for (std::size_t r = 0; r < aiswatch::ais::kRejectCount; ++r) {
      const auto reason = static_cast<aiswatch::ais::Reject>(r);
      if (st.rejects[reason] != 0) fmt::format_to(std::back_inserter(rejects), " {}:{}", aiswatch::ais::to_string(reason), st.rejects[reason]);
    }
    fmt::print(stderr, "  decoded {} messages, {} rejected; by type:{}{}{}\n", st.messages, st.rejects.total(),
               by_type.size() != 0 ? fmt::to_string(by_type) : " none", rejects.size() != 0 ? "; rejected:" : "",
               fmt::to_string(rejects));
#endif
  }

 private:
#ifdef AISWATCH_LIVE_DECODES
  static constexpr UnixMillis kStreamExpiryMs = 10 * 60 * 1000;
  static constexpr std::size_t kMaxStreams = 4096;  // bounds memory when feeders churn through ports

  struct Stream {
    aiswatch::ais::StreamDecoder decoder;  // reassembly is per stream
    UnixMillis last_line_ms = 0;
  };
  using Streams = std::map<std::string, Stream, std::less<>>;  // transparent: looked up by string_view

  Stream& stream_for(std::string_view source, UnixMillis received) {
    auto it = streams_.find(source);
    if (it == streams_.end()) {
      if (streams_.size() >= kMaxStreams) {
        auto oldest = streams_.begin();
        for (auto i = streams_.begin(); i != streams_.end(); ++i)
          if (i->second.last_line_ms < oldest->second.last_line_ms) oldest = i;
        retire(oldest);
      }
      it = streams_.try_emplace(std::string(source)).first;
    }
    it->second.last_line_ms = received;
    return it->second;
  }

  Streams::iterator retire(Streams::iterator it) {
    it->second.decoder.finish();
    retired_ += it->second.decoder.stats();
    return streams_.erase(it);
  }

  Streams streams_;
  aiswatch::ais::DecodeStats retired_;
#endif
  const LiveOptions& options_;
  live::EventRing& events_;
  const live::LiveService* service_ = nullptr;
  UnixMillis report_every_ms_;
  UnixMillis last_report_ms_ = 0;
  std::uint64_t lines_ = 0;
};

// ---------------------------------------------------------------------------------------------------

live::Endpoint endpoint_option(std::string_view option, const std::string& text, bool needs_host) {
  const auto e = live::parse_endpoint(text, needs_host ? std::nullopt : std::optional<std::string_view>("127.0.0.1"));
  if (!e) fail(fmt::format("{} {}: {}", option, live::log_safe(text), live::to_string(e.error())));
  if (needs_host && e->port == 0) fail(fmt::format("{} {}: port 0 is not a feed", option, live::log_safe(text)));
  return *e;
}

void print_final_stats(const live::LiveService& service, const LivePipeline& pipeline, double seconds) {
  const live::SourceSnapshot t = service.totals();
  const live::QueueStats q = service.queue_stats();
  fmt::print(stderr,
             "live: stopped after {:.1f} s: {} lines ({} bytes), {} delivered to the pipeline, {} dropped (queue full), "
             "{} over-long; queue peak {} of {} bytes\n",
             seconds, t.lines, t.bytes, pipeline.lines(), t.dropped_lines, t.overlong_lines, q.peak_bytes, q.max_bytes);
  for (const live::SourceSnapshot& s : service.sources()) {
    fmt::print(stderr,
               "  {}: {} lines, {} bytes, {} over-long, {} dropped; {} connections, {} reconnects, {} connect failures, "
               "{} disconnects, {} refused, {} idle timeouts{}\n",
               live::log_safe(s.name), s.lines, s.bytes, s.overlong_lines, s.dropped_lines, s.connections, s.reconnects,
               s.connect_failures, s.disconnects, s.rejected_connections, s.idle_timeouts,
               s.kind == live::SourceKind::udp_listener ? fmt::format(", {} datagrams", s.datagrams) : "");
  }
#ifdef AISWATCH_LIVE_DECODES
  const aiswatch::ais::DecodeStats st = pipeline.decode_stats();
  fmt::print(stderr, "  decode: {} AIS sentences, {} messages decoded, {} rejected, {} other sentences skipped\n",
             st.sentences, st.messages, st.rejects.total(), st.non_ais_skipped);
#endif
}

void run_live(const LiveOptions& o) {
  live::LiveSettings settings;
  for (const auto& text : o.connect) settings.connect.push_back(endpoint_option("--connect", text, true));
  for (const auto& text : o.listen_tcp) settings.listen_tcp.push_back(endpoint_option("--listen-tcp", text, false));
  for (const auto& text : o.listen_udp) settings.listen_udp.push_back(endpoint_option("--listen-udp", text, false));
  std::optional<live::Endpoint> http_at;
  if (!o.http.empty()) http_at = endpoint_option("--http", o.http, false);
  if (settings.connect.empty() && settings.listen_tcp.empty() && settings.listen_udp.empty())
    fail("no feed: give at least one --connect HOST:PORT, --listen-tcp [HOST:]PORT or --listen-udp [HOST:]PORT");
  settings.idle_timeout = millis(o.idle_timeout_s);
  settings.reconnect_max = std::max(settings.reconnect_initial, millis(o.reconnect_max_s));
  settings.reconnect = !o.once;
  settings.queue_max_bytes = o.queue_mb << 20;
  settings.max_connections_per_listener = o.max_connections;
  if (!o.state_file.empty() && !o.quiet)
    fmt::print(stderr, "live: --state {}: accepted; the tracker state is not saved until the pipeline is wired in\n",
               live::log_safe(o.state_file));

  live::LogSink log;
  if (!o.quiet) log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };

  const UnixMillis started_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now().time_since_epoch()).count();
  const auto started = std::chrono::steady_clock::now();
  boost::asio::io_context io(1);
  live::EventRing events(o.keep_events);
  LivePipeline pipeline(o, events);
  live::LiveService service(io, settings, pipeline, log);
  pipeline.attach(service);
  live::StatusRoutes routes(service, events, started_ms);
  std::unique_ptr<live::HttpServer> http;
  try {
    service.start();
    if (http_at) {
      http = std::make_unique<live::HttpServer>(
          io, live::HttpServerSettings{.listen = *http_at},
          [&routes](const live::HttpRequest& r) { return routes.handle(r); }, log);
      http->start();
    }
  } catch (const live::LiveError& e) {
    fail(e.what());
  }
  // Always printed (not --quiet): scripts and tests read the ports from these lines when port 0 was given.
  const auto tcp_ports = service.tcp_listen_ports();
  for (std::size_t i = 0; i < tcp_ports.size(); ++i)
    fmt::print(stderr, "live: listening on tcp {}\n", live::log_safe(live::to_string({settings.listen_tcp[i].host, tcp_ports[i]})));
  const auto udp_ports = service.udp_listen_ports();
  for (std::size_t i = 0; i < udp_ports.size(); ++i)
    fmt::print(stderr, "live: listening on udp {}\n", live::log_safe(live::to_string({settings.listen_udp[i].host, udp_ports[i]})));
  if (http) fmt::print(stderr, "live: status page on http://{}/\n", live::log_safe(live::to_string({http_at->host, http->port()})));

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    if (log) log(fmt::format("live: {}; stopping", signal == SIGINT ? "SIGINT" : "SIGTERM"));
    service.stop();
  });
  service.on_stopped([&] {
    signals.cancel();
    if (http) http->stop();
  });

  io.run();
  service.rethrow_consumer_failure();  // a pipeline failure is internal: exit 2 via main
  pipeline.report(std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count());
  print_final_stats(service, pipeline, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace

void register_live_command(CLI::App& app) {
  auto options = std::make_shared<LiveOptions>();
  CLI::App* cmd = app.add_subcommand("live", "Monitor live AIS feeds (TCP client, TCP/UDP listeners) with an HTTP status page");
  cmd->add_option("--connect", options->connect, "HOST:PORT of a TCP feed to read (reconnects with backoff); repeatable");
  cmd->add_option("--listen-tcp", options->listen_tcp, "[HOST:]PORT where feeders connect over TCP (host default 127.0.0.1); repeatable");
  cmd->add_option("--listen-udp", options->listen_udp, "[HOST:]PORT where feeders send UDP datagrams (host default 127.0.0.1); repeatable");
  cmd->add_option("--http", options->http, "[HOST:]PORT of the status endpoint: /health, /events, / (host default 127.0.0.1)");
  cmd->add_option("--state", options->state_file, "File to keep the tracker state in across restarts");
  cmd->add_option("--report-every", options->report_every_s, "Seconds between periodic reports on stderr (default 60; 0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--idle-timeout", options->idle_timeout_s,
                  "Seconds of silence after which a TCP feed is closed (and a --connect feed reconnected) and a UDP port reported (default 120; 0: never)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--reconnect-max", options->reconnect_max_s, "Longest wait between reconnection attempts, seconds (default 30)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--queue-mb", options->queue_mb, "Lines waiting for the pipeline, at most (MiB; the oldest are dropped beyond; default 16)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--max-connections", options->max_connections, "Feeders accepted at once per --listen-tcp port (default 64)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--keep-events", options->keep_events, "Latest events kept for GET /events (default 1000)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--once", options->once, "Do not reconnect: stop when every --connect feed has ended (replaying a served log)");
  cmd->add_flag("--quiet", options->quiet, "No connection log and no periodic report; final statistics only");
  cmd->callback([options] { run_live(*options); });
}
