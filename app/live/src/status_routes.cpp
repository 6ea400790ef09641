// status_routes.cpp — /health JSON, /metrics Prometheus text, /events JSON lines, / HTML page, and the
// fallback to the pipeline's routes.
#include "aiswatch/live/status_routes.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>

#include "clock.hpp"

namespace aiswatch::live {

namespace {

nlohmann::json time_or_null(const std::optional<UnixMillis>& t) {
  return t ? nlohmann::json(format_iso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json source_json(const SourceSnapshot& s) {
  return {{"name", s.name},
          {"kind", std::string(to_string(s.kind))},
          {"lines", s.lines},
          {"bytes", s.bytes},
          {"overlong_lines", s.overlong_lines},
          {"partial_lines", s.partial_lines},
          {"dropped_lines", s.dropped_lines},
          {"dropped_datagrams", s.dropped_datagrams},
          {"delivered_lines", s.delivered_lines},
          {"datagrams", s.datagrams},
          {"connections", s.connections},
          {"active_connections", s.active_connections},
          {"rejected_connections", s.rejected_connections},
          {"disconnects", s.disconnects},
          {"connect_failures", s.connect_failures},
          {"reconnects", s.reconnects},
          {"idle_timeouts", s.idle_timeouts},
          {"backpressure_pauses", s.backpressure_pauses},
          {"paused_connections", s.paused_connections},
          {"last_line", time_or_null(s.last_line_ms)}};
}

// "n=25" anywhere in the query; nullopt when absent or not a number.
std::optional<std::size_t> query_count(std::string_view query) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    if (pair.substr(0, 2) != "n=") continue;
    std::size_t n = 0;
    const std::string_view digits = pair.substr(2);
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc{} && ptr == digits.data() + digits.size()) return n;
    return std::nullopt;
  }
  return std::nullopt;
}

// True when the query has a parameter StatusRoutes' /events does not know (anything but n).
bool has_foreign_params(std::string_view query) {
  for (const auto& [key, value] : parse_query(query))
    if (key != "n") return true;
  return false;
}

// Length of the valid UTF-8 sequence at the start of `s`, 0 if it is not one.
std::size_t utf8_sequence(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  std::size_t n = 0;
  unsigned min = 0;
  unsigned cp = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1Fu; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0Fu; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07u; min = 0x10000; }
  else return 0;
  if (s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(i) & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b(i) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Prometheus sample values: integers exactly, doubles in the shortest form that reads back, NaN/±Inf.
std::string metric_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}
std::string metric_value(std::uint64_t v) { return fmt::format("{}", v); }

struct MetricsWriter {
  std::string& out;
  void family(std::string_view name, std::string_view type, std::string_view help) const {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
  }
  template <class V>
  void sample(std::string_view name, std::string_view labels, V value) const {
    out += name;
    if (!labels.empty()) {
      out += '{';
      out += labels;
      out += '}';
    }
    out += ' ';
    out += metric_value(value);
    out += '\n';
  }
  template <class V>
  void single(std::string_view name, std::string_view type, std::string_view help, V value) const {
    family(name, type, help);
    sample(name, {}, value);
  }
};

// JSON text with invalid UTF-8 replaced, never thrown on.
std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n': out += ch; break;
      default: {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) {
          out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
          out += ch;
        }
      }
    }
  }
  return out;
}

std::string prometheus_label_value(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t n = utf8_sequence(text);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not valid UTF-8
      text.remove_prefix(1);
      continue;
    }
    if (n == 1) {
      switch (text[0]) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        default: out += text[0];
      }
    } else {
      out.append(text.substr(0, n));
    }
    text.remove_prefix(n);
  }
  return out;
}

StatusRoutes::StatusRoutes(const LiveService& service, const EventRing& events, UnixMillis started_ms)
    : service_(service), events_(events), started_ms_(started_ms) {}

std::string StatusRoutes::health_json(UnixMillis now_ms) const {
  const SourceSnapshot total = service_.totals();
  const QueueStats queue = service_.queue_stats();
  nlohmann::json sources = nlohmann::json::array();
  for (const SourceSnapshot& s : service_.sources()) sources.push_back(source_json(s));
  const nlohmann::json j{
      {"status", service_.stopped() ? "stopping" : "running"},
      {"now", format_iso8601(now_ms)},
      {"started", format_iso8601(started_ms_)},
      {"uptime_s", static_cast<double>(now_ms - started_ms_) / 1000.0},
      {"lines", total.lines},
      {"lines_per_s", service_.lines_per_s()},
      {"last_line", time_or_null(total.last_line_ms)},
      {"bytes", total.bytes},
      {"delivered_lines", total.delivered_lines},
      {"dropped_lines", total.dropped_lines},
      {"dropped_datagrams", total.dropped_datagrams},
      {"overlong_lines", total.overlong_lines},
      {"partial_lines", total.partial_lines},
      {"active_connections", total.active_connections},
      {"paused_connections", total.paused_connections},
      {"queue",
       {{"bytes", queue.queued_bytes},
        {"peak_bytes", queue.peak_bytes},
        {"max_bytes", queue.max_bytes},
        {"dropped_batches", queue.dropped_batches},
        {"dropped_lines", queue.dropped_lines},
        {"full_waits", queue.full_waits}}},
      {"events", {{"total", events_.total_pushed()}, {"kept", events_.size()}}},
      {"sources", std::move(sources)}};
  return dump(j) + "\n";
}

std::string StatusRoutes::events_json_lines(std::size_t n) const {
  std::string out;
  for (const std::string& e : events_.latest(n)) {
    out += e;
    out += '\n';
  }
  return out;
}

std::string StatusRoutes::html_page(UnixMillis now_ms) const {
  const SourceSnapshot total = service_.totals();
  std::string page = fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">"
      "<title>aiswatch live</title><style>body{{font-family:sans-serif;margin:1.5em}}"
      "table{{border-collapse:collapse}}td,th{{border:1px solid #bbb;padding:.2em .5em;text-align:right}}"
      "td:first-child,th:first-child{{text-align:left}}pre{{background:#f4f4f4;padding:.5em;overflow-x:auto}}"
      "</style></head><body>\n<h1>aiswatch live</h1>\n<p>Up {:.0f} s &middot; {} lines ({:.1f} lines/s) &middot; "
      "last line {} &middot; {} dropped (queue full) &middot; {} over-long &middot; page at {}</p>\n",
      static_cast<double>(now_ms - started_ms_) / 1000.0, total.lines, service_.lines_per_s(),
      total.last_line_ms ? html_escape(format_iso8601(*total.last_line_ms)) : "never", total.dropped_lines,
      total.overlong_lines, html_escape(format_iso8601(now_ms)));
  page +=
      "<table><tr><th>source</th><th>lines</th><th>bytes</th><th>over-long</th><th>dropped</th><th>connections "
      "open</th><th>paused (queue full)</th><th>reconnects</th><th>idle timeouts</th><th>last line</th></tr>\n";
  for (const SourceSnapshot& s : service_.sources()) {
    page += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        "<td>{}</td><td>{}</td></tr>\n",
                        html_escape(s.name), s.lines, s.bytes, s.overlong_lines, s.dropped_lines, s.active_connections,
                        s.paused_connections, s.reconnects, s.idle_timeouts,
                        s.last_line_ms ? html_escape(format_iso8601(*s.last_line_ms)) : "never");
  }
  page += "</table>\n<h2>Latest events</h2>\n";
  std::vector<std::string> latest = events_.latest(50);
  if (latest.empty()) {
    page += "<p>No event yet.</p>\n";
  } else {
    page += "<pre>";
    std::reverse(latest.begin(), latest.end());  // newest first
    for (const std::string& e : latest) page += html_escape(e) + "\n";
    page += "</pre>\n";
  }
  page += "</body></html>\n";
  return page;
}

void StatusRoutes::set_metrics_provider(std::function<void(std::string& out)> provider) {
  metrics_provider_ = std::move(provider);
}

void StatusRoutes::set_fallback(std::function<std::optional<HttpResponse>(const HttpRequest&)> fallback) {
  fallback_ = std::move(fallback);
}

std::string StatusRoutes::metrics_text(UnixMillis now_ms) const {
  const SourceSnapshot total = service_.totals();
  const QueueStats queue = service_.queue_stats();
  const std::vector<SourceSnapshot> sources = service_.sources();
  std::string out;
  out.reserve(8192 + sources.size() * 2048);
  const MetricsWriter w{out};

  w.single("aiswatch_live_running", "gauge", "1 while the live service runs, 0 once it is stopping.",
           std::uint64_t{service_.stopped() ? 0u : 1u});
  w.single("aiswatch_live_start_time_seconds", "gauge", "When the run started, Unix time in seconds.",
           static_cast<double>(started_ms_) / 1000.0);
  w.single("aiswatch_live_uptime_seconds", "gauge", "Seconds since the run started.",
           static_cast<double>(now_ms - started_ms_) / 1000.0);
  w.single("aiswatch_live_lines_total", "counter", "Complete lines received from every feed (empty lines not counted).",
           total.lines);
  w.single("aiswatch_live_bytes_total", "counter", "Bytes received from every feed, terminators and garbage included.",
           total.bytes);
  w.single("aiswatch_live_lines_per_second", "gauge", "Lines received per second over the last ~10 s.",
           service_.lines_per_s());
  w.single("aiswatch_live_overlong_lines_total", "counter", "Lines over the length cap, discarded.",
           total.overlong_lines);
  w.single("aiswatch_live_partial_lines_total", "counter",
           "Unterminated lines cut off by a broken TCP connection (reset, idle timeout), discarded.",
           total.partial_lines);
  w.single("aiswatch_live_dropped_lines_total", "counter",
           "Lines dropped because the queue to the pipeline was full (UDP only: TCP feeds are paused instead).",
           total.dropped_lines);
  w.single("aiswatch_live_dropped_datagrams_total", "counter",
           "UDP datagrams dropped because the queue to the pipeline was full.", total.dropped_datagrams);
  w.single("aiswatch_live_delivered_lines_total", "counter", "Lines handed to the pipeline.", total.delivered_lines);
  if (total.last_line_ms) {
    w.single("aiswatch_live_last_line_timestamp_seconds", "gauge", "Receive time of the newest line, Unix seconds.",
             static_cast<double>(*total.last_line_ms) / 1000.0);
  }
  w.single("aiswatch_live_queue_bytes", "gauge", "Bytes waiting in the queue to the pipeline.",
           std::uint64_t{queue.queued_bytes});
  w.single("aiswatch_live_queue_peak_bytes", "gauge", "Highest fill of the queue to the pipeline, in bytes.",
           std::uint64_t{queue.peak_bytes});
  w.single("aiswatch_live_queue_max_bytes", "gauge", "Cap of the queue to the pipeline, in bytes.",
           std::uint64_t{queue.max_bytes});
  w.single("aiswatch_live_queue_full_waits_total", "counter",
           "Times a TCP connection found the queue full and waited for room (backpressure).", queue.full_waits);
  std::uint64_t connected_feeds = 0;
  std::uint64_t connect_feeds = 0;
  for (const SourceSnapshot& src : sources) {
    if (src.kind != SourceKind::tcp_client) continue;
    ++connect_feeds;
    if (src.active_connections != 0) ++connected_feeds;
  }
  w.single("aiswatch_live_connect_feeds", "gauge", "Configured --connect feeds.", connect_feeds);
  w.single("aiswatch_live_connected_feeds", "gauge", "--connect feeds connected now.", connected_feeds);
  w.single("aiswatch_live_active_connections", "gauge", "Open TCP feed connections (--connect and accepted feeders).",
           total.active_connections);
  w.single("aiswatch_live_paused_connections", "gauge",
           "TCP feed connections not reading now because the queue is full (backpressure).", total.paused_connections);
  w.single("aiswatch_live_events_total", "counter", "Events pushed to the status endpoint's ring.",
           events_.total_pushed());
  w.single("aiswatch_live_events_kept", "gauge", "Events kept in the status endpoint's ring.",
           std::uint64_t{events_.size()});

  // Per configured source: one family per counter, one sample per source.
  std::vector<std::string> labels;
  labels.reserve(sources.size());
  for (const SourceSnapshot& src : sources)
    labels.push_back(fmt::format(R"(source="{}",kind="{}")", prometheus_label_value(src.name), to_string(src.kind)));
  const auto per_source = [&](std::string_view name, std::string_view type, std::string_view help, auto field) {
    w.family(name, type, help);
    for (std::size_t i = 0; i < sources.size(); ++i) w.sample(name, labels[i], field(sources[i]));
  };
  per_source("aiswatch_live_source_lines_total", "counter", "Complete lines received, per configured source.",
             [](const SourceSnapshot& x) { return x.lines; });
  per_source("aiswatch_live_source_bytes_total", "counter", "Bytes received, per configured source.",
             [](const SourceSnapshot& x) { return x.bytes; });
  per_source("aiswatch_live_source_overlong_lines_total", "counter", "Over-long lines discarded, per source.",
             [](const SourceSnapshot& x) { return x.overlong_lines; });
  per_source("aiswatch_live_source_partial_lines_total", "counter",
             "Unterminated lines cut off by a broken connection, discarded, per source.",
             [](const SourceSnapshot& x) { return x.partial_lines; });
  per_source("aiswatch_live_source_dropped_lines_total", "counter", "Lines dropped (queue full, UDP), per source.",
             [](const SourceSnapshot& x) { return x.dropped_lines; });
  per_source("aiswatch_live_source_dropped_datagrams_total", "counter", "Datagrams dropped (queue full), per source.",
             [](const SourceSnapshot& x) { return x.dropped_datagrams; });
  per_source("aiswatch_live_source_delivered_lines_total", "counter", "Lines handed to the pipeline, per source.",
             [](const SourceSnapshot& x) { return x.delivered_lines; });
  per_source("aiswatch_live_source_datagrams_total", "counter", "UDP datagrams received, per source.",
             [](const SourceSnapshot& x) { return x.datagrams; });
  per_source("aiswatch_live_source_connections_total", "counter", "TCP connections established, per source.",
             [](const SourceSnapshot& x) { return x.connections; });
  per_source("aiswatch_live_source_active_connections", "gauge", "TCP connections open now, per source.",
             [](const SourceSnapshot& x) { return x.active_connections; });
  per_source("aiswatch_live_source_paused_connections", "gauge", "TCP connections paused by backpressure now, per source.",
             [](const SourceSnapshot& x) { return x.paused_connections; });
  per_source("aiswatch_live_source_backpressure_pauses_total", "counter",
             "Times a TCP connection stopped reading because the queue was full, per source.",
             [](const SourceSnapshot& x) { return x.backpressure_pauses; });
  per_source("aiswatch_live_source_rejected_connections_total", "counter",
             "Feeders refused beyond the connection cap, per source.",
             [](const SourceSnapshot& x) { return x.rejected_connections; });
  per_source("aiswatch_live_source_disconnects_total", "counter", "Established connections that ended, per source.",
             [](const SourceSnapshot& x) { return x.disconnects; });
  per_source("aiswatch_live_source_connect_failures_total", "counter", "Failed resolve/connect attempts, per source.",
             [](const SourceSnapshot& x) { return x.connect_failures; });
  per_source("aiswatch_live_source_reconnects_total", "counter", "Connections established after the first, per source.",
             [](const SourceSnapshot& x) { return x.reconnects; });
  per_source("aiswatch_live_source_idle_timeouts_total", "counter", "Idle watchdog expiries, per source.",
             [](const SourceSnapshot& x) { return x.idle_timeouts; });
  w.family("aiswatch_live_source_last_line_timestamp_seconds", "gauge",
           "Receive time of the newest line, Unix seconds, per source (absent before the first line).");
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (sources[i].last_line_ms)
      w.sample("aiswatch_live_source_last_line_timestamp_seconds", labels[i],
               static_cast<double>(*sources[i].last_line_ms) / 1000.0);
  return out;
}

std::optional<HttpResponse> StatusRoutes::ask_fallback(const HttpRequest& request) const {
  if (!fallback_) return std::nullopt;
  return fallback_(request);
}

HttpResponse StatusRoutes::handle(const HttpRequest& request) const {
  // The providers are someone else's code: whatever they throw becomes a 500, never an exception out of
  // the io thread (which would end the run).
  try {
    const UnixMillis now = detail::system_now_ms();
    HttpResponse r;
    if (request.path == "/health") {
      r.content_type = "application/json";
      r.body = health_json(now);
    } else if (request.path == "/metrics") {
      r.content_type = std::string(kMetricsContentType);
      r.body = metrics_text(now);
      if (metrics_provider_) metrics_provider_(r.body);
    } else if (request.path == "/events") {
      if (has_foreign_params(request.query)) {
        if (auto answer = ask_fallback(request)) return std::move(*answer);
      }
      const std::size_t n = std::min(query_count(request.query).value_or(kDefaultEvents), events_.capacity());
      r.content_type = "application/x-ndjson; charset=utf-8";
      r.body = events_json_lines(n);
    } else if (request.path == "/") {
      r.content_type = "text/html; charset=utf-8";
      r.body = html_page(now);
      r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    } else if (auto answer = ask_fallback(request)) {
      return std::move(*answer);
    } else {
      return text_response(404, "not found");
    }
    return r;
  } catch (const std::exception&) {
    return text_response(500, "internal error");
  } catch (...) {
    return text_response(500, "internal error");
  }
}

}  // namespace aiswatch::live
