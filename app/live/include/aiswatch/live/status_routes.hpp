// status_routes.hpp — what the `--http` endpoint of `aiswatch live` serves:
//   GET /health          JSON: uptime, totals, lines/s, last line time, queue, per-source counters
//   GET /metrics         Prometheus text exposition (version 0.0.4): the transport's counters, then
//                        whatever the metrics provider appends (the pipeline's counters)
//   GET /events[?n=N]    the latest N events (default 100) as JSON lines, oldest first
//   GET /                a self-contained HTML status page (refreshes every 5 s)
//   anything else        the fallback handler (the pipeline: /vessels/{mmsi}, /events?since=…), else 404
// Source names and events carry text from the command line and from AIS messages (ship names, …):
// the JSON is written by a JSON library, the page escapes every character that HTML gives meaning to,
// a Content-Security-Policy forbids scripts, and Prometheus label values are escaped.
//
//   StatusRoutes routes(service, ring, started_ms);
//   routes.set_metrics_provider([&](std::string& out) { pipeline.append_metrics(out); });   // thread-safe!
//   routes.set_fallback([&](const HttpRequest& r) -> std::optional<HttpResponse> {
//     if (r.path.starts_with("/vessels/")) return pipeline.vessel_json(r.path.substr(9));  // thread-safe!
//     return std::nullopt;                                                                 // → 404
//   });
//   HttpServer http(io, {.listen = endpoint}, [&](const HttpRequest& r) { return routes.handle(r); });
//
// Threads: handle() — and so the metrics provider and the fallback — runs on the io_context thread,
// while the pipeline runs on the consumer thread. Providers must therefore be thread-safe (lock what
// they read, or read atomics/snapshots), and quick: the io thread serves every socket. An exception
// thrown by a provider or the fallback is answered with 500, never propagated. Set both before the
// HTTP server starts; they are not meant to be replaced while requests are served.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/live/event_ring.hpp"
#include "aiswatch/live/http_message.hpp"
#include "aiswatch/live/live_service.hpp"

namespace aiswatch::live {

class StatusRoutes {
 public:
  static constexpr std::size_t kDefaultEvents = 100;
  // Content-Type of GET /metrics.
  static constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4";

  // `started_ms`: when the run started (system clock), for the uptime.
  StatusRoutes(const LiveService& service, const EventRing& events, UnixMillis started_ms);

  // Appends more metric families to the GET /metrics answer, after the transport's own, in the text
  // exposition format (# HELP, # TYPE, samples; names prefixed "aiswatch_", but not "aiswatch_live_",
  // which the transport uses; escape label values with prometheus_label_value()). Runs on the io thread.
  void set_metrics_provider(std::function<void(std::string& out)> provider);

  // Asked for requests StatusRoutes does not answer itself, before it answers 404: paths it does not
  // know, and GET /events with query parameters other than n (e.g. /events?since=…). Returning nullopt
  // declines: an unknown path then gets 404, /events its usual answer (unknown parameters ignored).
  // Runs on the io thread; HEAD requests come here too (the server leaves the body out).
  void set_fallback(std::function<std::optional<HttpResponse>(const HttpRequest&)> fallback);

  HttpResponse handle(const HttpRequest& request) const;

  std::string health_json(UnixMillis now_ms) const;
  std::string events_json_lines(std::size_t n) const;
  std::string html_page(UnixMillis now_ms) const;
  // The transport's metrics only (no provider).
  std::string metrics_text(UnixMillis now_ms) const;

 private:
  std::optional<HttpResponse> ask_fallback(const HttpRequest& request) const;

  const LiveService& service_;
  const EventRing& events_;
  UnixMillis started_ms_;
  std::function<void(std::string& out)> metrics_provider_;
  std::function<std::optional<HttpResponse>(const HttpRequest&)> fallback_;
};

// & < > " ' as character references; control characters other than tab and newline as U+FFFD.
std::string html_escape(std::string_view text);

// A Prometheus label value, escaped for the text format: backslash, double quote and line feed as
// \\ \" \n; invalid UTF-8 replaced by U+FFFD (label values must be UTF-8). Without the quotes.
std::string prometheus_label_value(std::string_view text);

}  // namespace aiswatch::live
