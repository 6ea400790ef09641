// status_routes.cpp — /health JSON, /events JSON lines, / HTML page.
#include "aiswatch/live/status_routes.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

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
          {"dropped_lines", s.dropped_lines},
          {"delivered_lines", s.delivered_lines},
          {"datagrams", s.datagrams},
          {"connections", s.connections},
          {"active_connections", s.active_connections},
          {"rejected_connections", s.rejected_connections},
          {"disconnects", s.disconnects},
          {"connect_failures", s.connect_failures},
          {"reconnects", s.reconnects},
          {"idle_timeouts", s.idle_timeouts},
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
      {"overlong_lines", total.overlong_lines},
      {"active_connections", total.active_connections},
      {"queue",
       {{"bytes", queue.queued_bytes},
        {"peak_bytes", queue.peak_bytes},
        {"max_bytes", queue.max_bytes},
        {"dropped_batches", queue.dropped_batches},
        {"dropped_lines", queue.dropped_lines}}},
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
      "open</th><th>reconnects</th><th>idle timeouts</th><th>last line</th></tr>\n";
  for (const SourceSnapshot& s : service_.sources()) {
    page += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        "<td>{}</td></tr>\n",
                        html_escape(s.name), s.lines, s.bytes, s.overlong_lines, s.dropped_lines, s.active_connections,
                        s.reconnects, s.idle_timeouts,
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

HttpResponse StatusRoutes::handle(const HttpRequest& request) const {
  const UnixMillis now = detail::system_now_ms();
  HttpResponse r;
  if (request.path == "/health") {
    r.content_type = "application/json";
    r.body = health_json(now);
  } else if (request.path == "/events") {
    const std::size_t n = std::min(query_count(request.query).value_or(kDefaultEvents), events_.capacity());
    r.content_type = "application/x-ndjson; charset=utf-8";
    r.body = events_json_lines(n);
  } else if (request.path == "/") {
    r.content_type = "text/html; charset=utf-8";
    r.body = html_page(now);
    r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  } else {
    return text_response(404, "not found");
  }
  return r;
}

}  // namespace aiswatch::live
