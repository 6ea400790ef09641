// webhook.hpp — delivering events to an HTTP endpoint (a chat bridge, a ticketing system, a SOAR
// playbook): every post()ed JSON body goes out as one HTTP/1.1 POST, in order, one request at a time,
// retried until the endpoint takes it.
//
//   WebhookClient hook(io, {.url = "http://127.0.0.1:9000/aiswatch/events"}, log);   // LiveError on a bad URL
//   hook.post(R"({"type":"ais_gap","mmsi":273123456})");      // any thread (the pipeline's consumer thread)
//   …
//   hook.stop(std::chrono::steady_clock::now() + 5s, [&] { /* flushed, or gave up */ });   // shutdown
//   hook.stats().delivered;
//
// Delivery: on the caller's io_context (Boost.Beast). Plain http only — an https URL is refused with a
// LiveError (put a TLS-terminating proxy such as stunnel or nginx on localhost in front). The host is
// resolved afresh for every new connection; the connection is kept alive between requests when the
// endpoint allows it (a request that fails on a reused connection before any answer is sent again at
// once on a new one: idle keep-alive connections get closed by servers, that is no failure).
// A 2xx answer delivers the body. A failed resolve/connect, a timeout (settings.timeout for the whole
// attempt) or any other status is a failure: the same body is sent again after a capped exponential
// backoff with jitter (Backoff: retry_initial, doubling up to retry_max, × [0.5, 1]); the backoff
// restarts after a delivery. The client never gives up on a body while it is within the queue bound.
//
// Bound: at most max_queued bodies wait (the one being sent included). Beyond, the oldest is dropped
// and counted (`dropped`) — unless that one is on the wire right now, then the next oldest: a desk
// wants the newest events when an outage has lasted long enough to fill the queue.
//
// stop(deadline): posts nothing new (later post()s are dropped and counted), keeps delivering until the
// queue is empty or `deadline` passes — retry waits are cut short at the deadline — then closes the
// connection, counts what is left as dropped and calls `on_stopped` on the io thread. Call it while the
// io_context runs; io.run() does not return while the client still has work (a queued body, a retry
// timer), so call stop() before expecting io.run() to end.
//
// Threads: post(), stats(), append_metrics() and stop() may be called from any thread; the rest runs on
// the io_context thread. Destroy the client on the io thread or after io.run() returned.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aiswatch/live/log.hpp"

namespace boost::asio {
class io_context;
}

namespace aiswatch::live {

struct WebhookSettings {
  std::string url;                                // http://HOST[:PORT][/PATH[?QUERY]]
  std::size_t max_queued = 10'000;                // bodies waiting (the one being sent included)
  std::chrono::milliseconds timeout{10'000};      // one attempt: resolve, connect, send, read the answer
  std::chrono::milliseconds retry_initial{500};   // first retry delay
  std::chrono::milliseconds retry_max{60'000};    // backoff cap
  std::size_t max_response_bytes = 64 * 1024;     // a longer answer is a failure (and the connection closed)
  std::vector<std::pair<std::string, std::string>> headers;  // extra request headers (Authorization, …)
};

struct WebhookStats {
  std::uint64_t queued = 0;     // bodies accepted by post()
  std::uint64_t delivered = 0;  // answered 2xx
  std::uint64_t retries = 0;    // attempts that repeated a failed one
  std::uint64_t dropped = 0;    // bodies given up: queue bound, post() after stop(), left at the stop deadline
  std::uint64_t failures = 0;   // failed attempts: resolve/connect error, timeout, non-2xx answer
  std::size_t pending = 0;      // waiting now, the one being sent included
  std::optional<int> last_status;  // status of the latest answer
  std::string last_error;          // why the latest attempt failed ("" after a delivery)
};

// Invariant: queued = delivered + dropped + pending.

struct WebhookUrl {
  std::string host;  // without brackets
  std::uint16_t port = 80;
  std::string target = "/";  // path and query
};

// Parses an http:// URL; throws LiveError naming the URL (and saying that https is not supported).
WebhookUrl parse_webhook_url(std::string_view url);

class WebhookClient {
 public:
  // Throws LiveError when the URL is not a usable http:// URL.
  WebhookClient(boost::asio::io_context& io, WebhookSettings settings, LogSink log = {});
  ~WebhookClient();
  WebhookClient(const WebhookClient&) = delete;
  WebhookClient& operator=(const WebhookClient&) = delete;

  // Queues one JSON body (no trailing newline needed). Thread-safe, never blocks on the network.
  void post(std::string json_body);

  // Flush for at most until `deadline`, then close; `on_stopped` runs once on the io thread when done.
  // Idempotent: a second call does not move the first deadline, but its handler runs too (at once if
  // the client has already stopped).
  void stop(std::chrono::steady_clock::time_point deadline, std::function<void()> on_stopped = {});

  WebhookStats stats() const;

  // Prometheus text-format families aiswatch_live_webhook_* (for StatusRoutes' metrics provider).
  void append_metrics(std::string& out) const;

  const WebhookUrl& url() const noexcept;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace aiswatch::live
