// cmd_live.cpp — `aiswatch live`: monitors live AIS feeds with the same pipeline as replay.
//
//   aiswatch live --connect feed.example.org:5631 --watchlist sdn.csv --events alerts.jsonl --state live.state
//   aiswatch live --listen-tcp 0.0.0.0:10110 --listen-udp 10111     # feeders push to us (default host 127.0.0.1)
//   aiswatch live --connect 127.0.0.1:5631 --http 8080 --report out/report --report-every 60
//
// Sockets, framing and the HTTP status endpoint run on one io_context (aiswatch::live::LiveService);
// every line goes to LivePipeline (live_pipeline.hpp) on its own thread. SIGINT/SIGTERM: close the
// listeners and connections, let the pipeline finish what is queued, flush events, write the report and
// the state, print the final statistics, exit 0. SIGHUP: reload watchlists, zones and config.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/live/asio.hpp"
#include "aiswatch/live/error.hpp"
#include "aiswatch/live/event_ring.hpp"
#include "aiswatch/live/http_server.hpp"
#include "aiswatch/live/live_service.hpp"
#include "aiswatch/live/status_routes.hpp"
#include "aiswatch/live/webhook.hpp"
#include "aiswatch/report/error.hpp"
#include "event_output.hpp"
#include "live_pipeline.hpp"
#include "run_options.hpp"

namespace {

namespace live = aiswatch::live;
using aiswatch::UnixMillis;

struct LiveOptions {
  aiswatch::app::RunCliOptions run;  // lists, zones, config, filters, --events/--report/--cases
  bool fsync = false;
  std::string webhook;
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
};

[[noreturn]] void fail(std::string_view message) {
  fmt::print(stderr, "aiswatch live: {}\n", message);
  throw CLI::RuntimeError(1);
}

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000.0));
}

live::Endpoint endpoint_option(std::string_view option, const std::string& text, bool needs_host) {
  const auto e = live::parse_endpoint(text, needs_host ? std::nullopt : std::optional<std::string_view>("127.0.0.1"));
  if (!e) fail(fmt::format("{} {}: {}", option, live::log_safe(text), live::to_string(e.error())));
  if (needs_host && e->port == 0) fail(fmt::format("{} {}: port 0 is not a feed", option, live::log_safe(text)));
  return *e;
}

void print_final_stats(const live::LiveService& service, const aiswatch::app::LivePipeline& pipeline, double seconds) {
  const live::SourceSnapshot t = service.totals();
  const live::QueueStats q = service.queue_stats();
  const aiswatch::app::LivePipelineStats p = pipeline.stats();
  fmt::print(stderr,
             "live: stopped after {:.1f} s: {} lines ({} bytes), {} delivered to the pipeline, {} dropped, "
             "{} over-long; queue peak {} of {} bytes\n",
             seconds, t.lines, t.bytes, p.lines, t.dropped_lines, t.overlong_lines, q.peak_bytes, q.max_bytes);
  for (const live::SourceSnapshot& s : service.sources()) {
    fmt::print(stderr,
               "  {}: {} lines, {} bytes, {} over-long, {} dropped; {} connections, {} reconnects, {} connect failures, "
               "{} disconnects, {} refused, {} idle timeouts{}\n",
               live::log_safe(s.name), s.lines, s.bytes, s.overlong_lines, s.dropped_lines, s.connections, s.reconnects,
               s.connect_failures, s.disconnects, s.rejected_connections, s.idle_timeouts,
               s.kind == live::SourceKind::udp_listener ? fmt::format(", {} datagrams", s.datagrams) : "");
  }
  const aiswatch::ais::DecodeStats st = pipeline.decode_stats();
  fmt::print(stderr, "  decode: {} AIS sentences, {} messages decoded, {} rejected, {} other sentences skipped\n",
             st.sentences, st.messages, st.rejects.total(), st.non_ais_skipped);
  for (std::size_t r = 0; r < aiswatch::ais::kRejectCount; ++r) {
    const auto reason = static_cast<aiswatch::ais::Reject>(r);
    if (st.rejects[reason] != 0) fmt::print(stderr, "    rejected: {}: {}\n", aiswatch::ais::to_string(reason), st.rejects[reason]);
  }
  fmt::print(stderr, "  pipeline: {} observations ({} stamped on receipt), {} events, {} flagged, {} alerts written; "
             "{} not re-alerted (known before a restart), {} dismissed in review; {} reloads ({} failed)\n",
             p.observations, p.receipt_stamped, p.events, p.flagged, p.alerts, p.suppressed_known, p.dismissed,
             p.reloads, p.reload_failures);
  if (p.latency.count() != 0) {
    fmt::print(stderr, "  event latency (socket read of the completing sentence -> event written): {} events, p50 {} ms, "
               "p99 {} ms, max {} ms\n",
               p.latency.count(), p.latency.quantile(0.5), p.latency.quantile(0.99), p.latency.max());
  }
}

// The pipeline's routes behind --http: GET /vessels/{mmsi} (identity, last and predicted position,
// matches, events) and GET /events?since=TIME[&n=N] (events overlapping or after TIME, JSON lines).
std::optional<live::HttpResponse> pipeline_route(const aiswatch::app::LivePipeline& pipeline, const live::HttpRequest& r) {
  constexpr std::string_view kVessels = "/vessels/";
  if (r.path.starts_with(kVessels)) {
    const std::string_view digits = r.path.substr(kVessels.size());
    std::uint32_t mmsi = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), mmsi);
    if (ec != std::errc() || end != digits.data() + digits.size() || mmsi == 0 || digits.size() > 9) {
      return live::HttpResponse{.status = 400, .body = "an MMSI is 1 to 9 digits: /vessels/273382620\n"};
    }
    if (auto json = pipeline.vessel_json(mmsi)) {
      return live::HttpResponse{.content_type = "application/json", .body = std::move(*json) + "\n"};
    }
    return live::HttpResponse{.status = 404, .body = "no such vessel\n"};
  }
  if (r.path == "/events") {
    const auto since = r.query_param("since");
    if (!since) return std::nullopt;  // plain /events?n= is the status routes' own
    const auto t = aiswatch::parse_iso8601(*since);
    if (!t) return live::HttpResponse{.status = 400, .body = "since: an ISO 8601 time, e.g. 2024-03-10T06:00:00Z\n"};
    std::size_t n = 1000;
    if (const auto nt = r.query_param("n")) {
      const auto [end, ec] = std::from_chars(nt->data(), nt->data() + nt->size(), n);
      if (ec != std::errc() || end != nt->data() + nt->size() || n == 0) {
        return live::HttpResponse{.status = 400, .body = "n: a positive number\n"};
      }
    }
    return live::HttpResponse{.content_type = "application/x-ndjson", .body = pipeline.events_since_json(*t, n)};
  }
  return std::nullopt;
}

void run_live(const LiveOptions& o) {
  using namespace aiswatch;
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

  app::LivePipelineOptions po;
  po.resources = o.run.resource_options();
  try {
    po.pipeline.filters = o.run.filter_options();
  } catch (const pipeline::OptionError& e) {
    fail(e.what());
  }
  po.pipeline.detectors = o.run.detectors;
  po.pipeline.tracker = pipeline::PipelineOptions::default_tracker_config(/*kalman=*/true);
  if (!o.state_file.empty()) po.state_file = o.state_file;
  if (!o.run.report.empty()) po.report_dir = o.run.report;
  po.gis_format = o.run.gis_format == "none" ? std::string() : o.run.gis_format;
  if (!o.run.cases.empty()) po.cases = o.run.cases;
  po.report_every_ms = static_cast<std::int64_t>(o.report_every_s * 1000);
  po.aiswatch_version = AISWATCH_VERSION;
  po.quiet = o.run.quiet;

  pipeline::Resources resources = app::load_resources_or_exit(o.run, "live");
  if (o.run.print_config) {
    app::print_config(resources);
    return;
  }

  live::LogSink log;
  if (!o.run.quiet) log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };

  const UnixMillis started_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now().time_since_epoch()).count();
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<app::EventOutput> output;
  std::unique_ptr<app::LivePipeline> pipeline;
  live::EventRing events(o.keep_events);
  try {
    output = std::make_unique<app::EventOutput>(app::EventOutputOptions{
        .events_path = o.run.events.empty() ? std::nullopt : std::optional<std::string>(o.run.events), .fsync = o.fsync});
    pipeline = std::make_unique<app::LivePipeline>(std::move(po), std::move(resources), events, *output);
    pipeline->restore_state();
  } catch (const app::OutputError& e) {
    fail(e.what());
  } catch (const pipeline::StateError& e) {
    fail(e.what());
  } catch (const report::ReportError& e) {
    fail(e.what());
  } catch (const detectors::ConfigError& e) {
    fail(e.what());
  }

  boost::asio::io_context io(1);
  // Signals are caught from here on (before any "listening on" line a script may act on): SIGINT/SIGTERM
  // stop the service, SIGHUP reloads.
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  boost::asio::signal_set hangup(io, SIGHUP);
  live::LiveService service(io, settings, *pipeline, log);
  pipeline->attach(service);
  live::StatusRoutes routes(service, events, started_ms);
  std::unique_ptr<live::WebhookClient> webhook;
  if (!o.webhook.empty()) {
    try {
      webhook = std::make_unique<live::WebhookClient>(io, live::WebhookSettings{.url = o.webhook}, log);
    } catch (const live::LiveError& e) {
      fail(e.what());
    }
    pipeline->set_alert_hook([&webhook](const std::string& json) { webhook->post(json); });
  }
  routes.set_metrics_provider([&pipeline, &webhook](std::string& out) {
    pipeline->append_metrics(out);
    if (webhook) webhook->append_metrics(out);
  });
  routes.set_fallback([&pipeline](const live::HttpRequest& r) { return pipeline_route(*pipeline, r); });
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

  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    if (log) log(fmt::format("live: {}; stopping", signal == SIGINT ? "SIGINT" : "SIGTERM"));
    service.stop();
  });
  std::function<void()> wait_hangup = [&] {
    hangup.async_wait([&](const boost::system::error_code& ec, int) {
      if (ec) return;
      if (log) log("live: SIGHUP; reloading watchlists, zones and config");
      pipeline->request_reload();
      wait_hangup();
    });
  };
  wait_hangup();
  service.on_stopped([&] {
    signals.cancel();
    hangup.cancel();
    if (http) http->stop();
    // Alerts still queued for the webhook get a few seconds to go out.
    if (webhook) webhook->stop(std::chrono::steady_clock::now() + std::chrono::seconds(5));
  });

  io.run();
  service.rethrow_consumer_failure();  // a pipeline failure is internal: exit 2 via main
  pipeline->print_summary(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count());
  print_final_stats(service, *pipeline, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  if (webhook) {
    const live::WebhookStats w = webhook->stats();
    fmt::print(stderr, "  webhook: {} queued, {} delivered, {} retries, {} failures, {} dropped (queue bound), {} undelivered\n",
               w.queued, w.delivered, w.retries, w.failures, w.dropped, w.pending);
  }
}

}  // namespace

void register_live_command(CLI::App& app) {
  auto options = std::make_shared<LiveOptions>();
  CLI::App* cmd = app.add_subcommand("live", "Monitor live AIS feeds (TCP client, TCP/UDP listeners): alerts, report, HTTP status");
  cmd->add_option("--connect", options->connect, "HOST:PORT of a TCP feed to read (reconnects with backoff); repeatable");
  cmd->add_option("--listen-tcp", options->listen_tcp, "[HOST:]PORT where feeders connect over TCP (host default 127.0.0.1); repeatable");
  cmd->add_option("--listen-udp", options->listen_udp, "[HOST:]PORT where feeders send UDP datagrams (host default 127.0.0.1); repeatable");
  cmd->add_option("--http", options->http, "[HOST:]PORT of the status endpoint: /health, /metrics, /events, /vessels/MMSI, / (host default 127.0.0.1)");
  cmd->add_option("--state", options->state_file, "Tracker state kept across restarts (vessels, alerted events); saved on exit and every --report-every");
  cmd->add_option("--report-every", options->report_every_s,
                  "Seconds between summaries on stderr, --report refreshes and --state saves (default 60; 0: only at exit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--idle-timeout", options->idle_timeout_s,
                  "Seconds of silence after which a TCP feed is closed (and a --connect feed reconnected) and a UDP port reported (default 120; 0: never)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--reconnect-max", options->reconnect_max_s, "Longest wait between reconnection attempts, seconds (default 30)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--queue-mb", options->queue_mb, "Lines waiting for the pipeline, at most (MiB; default 16)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--max-connections", options->max_connections, "Feeders accepted at once per --listen-tcp port (default 64)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--keep-events", options->keep_events, "Latest events kept for GET /events (default 1000)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--once", options->once, "Do not reconnect: stop when every --connect feed has ended (replaying a served log)");
  cmd->add_flag("--fsync", options->fsync, "fsync --events after every event (durable alerts, slower)");
  cmd->add_option("--webhook", options->webhook,
                  "POST each flagged event as JSON to this http:// URL (ordered, retried with backoff, bounded queue)");
  aiswatch::app::add_run_options(*cmd, options->run);
  cmd->callback([options] { run_live(*options); });
}
