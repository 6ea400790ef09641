// status_routes.hpp — what the `--http` endpoint of `aiswatch live` serves:
//   GET /health          JSON: uptime, totals, lines/s, last line time, queue, per-source counters
//   GET /events[?n=N]    the latest N events (default 100) as JSON lines, oldest first
//   GET /                a self-contained HTML status page (refreshes every 5 s)
//   anything else        404
// Source names and events carry text from the command line and from AIS messages (ship names, …):
// the JSON is written by a JSON library, the page escapes every character that HTML gives meaning to,
// and a Content-Security-Policy forbids scripts.
//
//   StatusRoutes routes(service, ring);
//   HttpServer http(io, {.listen = endpoint}, [&](const HttpRequest& r) { return routes.handle(r); });
#pragma once

#include <cstddef>
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

  // `started_ms`: when the run started (system clock), for the uptime.
  StatusRoutes(const LiveService& service, const EventRing& events, UnixMillis started_ms);

  HttpResponse handle(const HttpRequest& request) const;

  std::string health_json(UnixMillis now_ms) const;
  std::string events_json_lines(std::size_t n) const;
  std::string html_page(UnixMillis now_ms) const;

 private:
  const LiveService& service_;
  const EventRing& events_;
  UnixMillis started_ms_;
};

// & < > " ' as character references; control characters other than tab and newline as U+FFFD.
std::string html_escape(std::string_view text);

}  // namespace aiswatch::live
