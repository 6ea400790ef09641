// webhook.cpp — ordered, retried HTTP/1.1 POST delivery of event bodies (Boost.Beast's HTTP codec on a
// plain Asio socket; one attempt timer covers resolve, connect, send and the answer).
#include "aiswatch/live/webhook.hpp"

#include "aiswatch/live/asio.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <deque>
#include <mutex>

#include "aiswatch/live/backoff.hpp"
#include "aiswatch/live/endpoint.hpp"
#include "aiswatch/live/error.hpp"

namespace aiswatch::live {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

WebhookUrl parse_webhook_url(std::string_view url) {
  const auto fail = [&](std::string_view why) {
    return LiveError(fmt::format("webhook URL {}: {}", log_safe(url), why));
  };
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) throw fail("spaces, control characters and non-ASCII bytes are not allowed (percent-encode them)");
  }
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) throw fail("not an http:// URL");
  const std::string scheme = lower(url.substr(0, colon));
  if (scheme == "https")
    throw fail("https is not supported: aiswatch posts plain http only (put a TLS-terminating proxy such as "
               "stunnel or nginx on localhost in front of the endpoint)");
  if (scheme != "http") throw fail("not an http:// URL");
  std::string_view rest = url.substr(colon + 3);
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const std::size_t end_of_authority = rest.find_first_of("/?");
  const std::string_view authority = rest.substr(0, end_of_authority);
  std::string_view target = end_of_authority == std::string_view::npos ? std::string_view{} : rest.substr(end_of_authority);
  if (authority.find('@') != std::string_view::npos)
    throw fail("credentials in the URL are not supported (send an Authorization header instead)");
  if (authority.empty()) throw fail("no host");

  WebhookUrl out;
  std::string_view host = authority;
  std::string_view port;
  if (authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) throw fail("unterminated [IPv6 address]");
    host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') throw fail("bad port");
      port = after.substr(1);
    }
  } else if (const std::size_t c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  if (host.empty()) throw fail("no host");
  if (!port.empty() || authority.back() == ':') {
    unsigned value = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc{} || ptr != port.data() + port.size() || value == 0 || value > 65535)
      throw fail("bad port");
    out.port = static_cast<std::uint16_t>(value);
  }
  out.host = std::string(host);
  out.target = target.empty() ? "/" : (target.front() == '?' ? "/" + std::string(target) : std::string(target));
  return out;
}

struct WebhookClient::Impl : std::enable_shared_from_this<WebhookClient::Impl> {
  struct Item {
    std::uint64_t seq = 0;
    std::string body;
  };

  Impl(asio::io_context& io_context, WebhookSettings s, LogSink l)
      : io(io_context),
        settings(std::move(s)),
        url(parse_webhook_url(settings.url)),
        log(std::move(l)),
        resolver(io_context),
        socket(io_context),
        attempt_timer(io_context),
        retry_timer(io_context),
        stop_timer(io_context),
        backoff(std::max<std::chrono::milliseconds>(settings.retry_initial, std::chrono::milliseconds(1)),
                std::max(settings.retry_max, std::max<std::chrono::milliseconds>(settings.retry_initial,
                                                                                  std::chrono::milliseconds(1)))) {
    settings.max_queued = std::max<std::size_t>(settings.max_queued, 1);
    host_header = to_string(Endpoint{url.host, url.port});
    if (url.port == 80) host_header = host_header.substr(0, host_header.rfind(':'));
    label = fmt::format("webhook {}", log_safe(settings.url));
  }

  void say(std::string_view line) const {
    if (log) log(line);
  }

  // --- any thread ---------------------------------------------------------------------------------
  void post(std::string body) {
    bool need_kick = false;
    {
      std::lock_guard lock(mutex);
      ++stats.queued;
      if (!accepting) {
        ++stats.dropped;
        return;
      }
      queue.push_back({next_seq++, std::move(body)});
      while (queue.size() > settings.max_queued) {
        // The oldest goes, unless it is on the wire: then the next oldest.
        if (on_wire && queue.size() >= 2) {
          queue.erase(queue.begin() + 1);
        } else {
          queue.pop_front();
        }
        ++stats.dropped;
      }
      if (!kick_posted) {
        kick_posted = true;
        need_kick = true;
      }
    }
    if (need_kick) asio::post(io, [self = shared_from_this()] { self->kick(); });
  }

  // --- io thread ------------------------------------------------------------------------------------
  void kick() {
    {
      std::lock_guard lock(mutex);
      kick_posted = false;
    }
    if (finished || busy) return;
    bool have = false;
    {
      std::lock_guard lock(mutex);
      if (!queue.empty()) {
        current = queue.front();  // a copy: the queue may drop its entry meanwhile (not while on the wire)
        on_wire = true;
        have = true;
        if (current.seq == last_failed_seq) ++stats.retries;
      }
    }
    if (!have) {
      if (stopping) finish();  // flushed
      return;
    }
    busy = true;
    start_attempt();
  }

  void start_attempt() {
    const std::uint64_t id = ++attempt_id;
    timed_out = false;
    attempt_timer.expires_after(settings.timeout);
    attempt_timer.async_wait([self = shared_from_this(), id](const boost::system::error_code& ec) {
      if (ec || id != self->attempt_id || !self->busy) return;
      self->timed_out = true;  // the pending operation completes with operation_aborted
      self->resolver.cancel();
      boost::system::error_code ignored;
      self->socket.close(ignored);
    });

    request = {};
    request.method(http::verb::post);
    request.target(url.target);
    request.version(11);
    request.set(http::field::host, host_header);
    request.set(http::field::user_agent, "aiswatch");
    request.set(http::field::content_type, "application/json");
    for (const auto& [name, value] : settings.headers) request.set(name, value);
    request.keep_alive(true);
    request.body() = current.body;
    request.prepare_payload();

    reused = connected;
    if (connected) {
      send();
    } else {
      resolve();
    }
  }

  void resolve() {
    resolver.async_resolve(url.host, std::to_string(url.port),
                           [self = shared_from_this()](const boost::system::error_code& ec,
                                                       const tcp::resolver::results_type& addresses) {
                             if (self->finished) return;
                             if (ec || self->timed_out) {
                               self->fail(self->timed_out ? "timed out resolving the host"
                                                          : fmt::format("cannot resolve: {}", ec.message()));
                               return;
                             }
                             self->connect(addresses);
                           });
  }

  void connect(const tcp::resolver::results_type& addresses) {
    asio::async_connect(socket, addresses, [self = shared_from_this()](const boost::system::error_code& ec, const tcp::endpoint&) {
      if (self->finished) return;
      if (ec || self->timed_out) {
        self->fail(self->timed_out ? "timed out connecting" : fmt::format("cannot connect: {}", ec.message()));
        return;
      }
      boost::system::error_code ignored;
      self->socket.set_option(tcp::no_delay(true), ignored);
      self->connected = true;
      self->buffer.clear();
      self->send();
    });
  }

  void send() {
    http::async_write(socket, request, [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
      if (self->finished) return;
      if (ec || self->timed_out) {
        self->fail_or_fresh(ec, "sending the request");
        return;
      }
      self->read();
    });
  }

  void read() {
    parser.emplace();
    parser->body_limit(settings.max_response_bytes);
    parser->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(settings.max_response_bytes, 64 * 1024)));
    http::async_read(socket, buffer, *parser, [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
      if (self->finished) return;
      if (ec || self->timed_out) {
        self->fail_or_fresh(ec, "reading the answer");
        return;
      }
      self->answered();
    });
  }

  // A reused keep-alive connection that the server had closed meanwhile fails before any answer: not the
  // endpoint's fault, so the same attempt goes again at once on a new connection.
  void fail_or_fresh(const boost::system::error_code& ec, std::string_view doing) {
    const bool nothing_received = !parser || !parser->is_header_done();
    if (reused && !timed_out && nothing_received && buffer.size() == 0) {
      close_connection();
      attempt_timer.cancel();
      start_attempt();
      return;
    }
    fail(timed_out ? fmt::format("timed out {}", doing) : fmt::format("{}: {}", doing, ec.message()));
  }

  void answered() {
    attempt_timer.cancel();
    const auto& response = parser->get();
    const int status = static_cast<int>(response.result_int());
    // We never pipeline: bytes beyond the answer mean the stream is out of step (a 204 with a body …), so
    // such a connection is not reused.
    if (!response.keep_alive() || buffer.size() != 0) close_connection();
    if (status >= 200 && status < 300) {
      delivered(status);
    } else {
      fail(fmt::format("HTTP {} {}", status, log_safe(std::string_view(response.reason().data(), response.reason().size()))), status);
    }
  }

  void delivered(int status) {
    {
      std::lock_guard lock(mutex);
      ++stats.delivered;
      if (!queue.empty() && queue.front().seq == current.seq) queue.pop_front();
      on_wire = false;
      stats.last_status = status;
      stats.last_error.clear();
    }
    if (failed_attempts != 0) {
      say(fmt::format("{}: delivering again after {} failed attempt(s)", label, failed_attempts));
      failed_attempts = 0;
    }
    backoff.reset();
    last_failed_seq = 0;
    busy = false;
    kick();
  }

  void fail(std::string why, std::optional<int> status = std::nullopt) {
    close_connection();
    attempt_timer.cancel();
    std::uint64_t dropped_now = 0;
    std::size_t pending = 0;
    {
      std::lock_guard lock(mutex);
      ++stats.failures;
      stats.last_error = why;
      if (status) stats.last_status = *status;
      on_wire = false;
      dropped_now = stats.dropped;
      pending = queue.size();
    }
    ++failed_attempts;
    last_failed_seq = current.seq;
    auto delay = backoff.next();
    if (stopping) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(stop_deadline - std::chrono::steady_clock::now());
      delay = std::clamp(left, std::chrono::milliseconds(0), delay);
    }
    std::string dropped_note;
    if (dropped_now != dropped_reported) {
      dropped_note = fmt::format("; {} event(s) dropped so far (queue bound {})", dropped_now, settings.max_queued);
      dropped_reported = dropped_now;
    }
    say(fmt::format("{}: {}; retrying in {:.1f} s ({} queued){}", label, why,
                    static_cast<double>(delay.count()) / 1000.0, pending, dropped_note));
    retry_timer.expires_after(delay);
    arm_retry();
  }

  void arm_retry() {
    waiting_for_retry = true;
    // The id makes a wait that was re-armed (expires_*) harmless even if it had already completed.
    retry_timer.async_wait([self = shared_from_this(), id = ++retry_id](const boost::system::error_code& ec) {
      if (ec || self->finished || id != self->retry_id) return;
      self->waiting_for_retry = false;
      self->busy = false;
      self->kick();
    });
  }

  void close_connection() {
    connected = false;
    boost::system::error_code ignored;
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
    buffer.clear();
  }

  void begin_stop(std::chrono::steady_clock::time_point deadline, std::function<void()> handler) {
    if (finished) {
      if (handler) handler();
      return;
    }
    if (handler) on_stopped.push_back(std::move(handler));
    if (stopping) return;  // the first deadline stands
    stopping = true;
    stop_deadline = deadline;
    stop_timer.expires_at(deadline);
    stop_timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (!ec) self->finish();
    });
    if (!busy) {
      kick();
    } else if (waiting_for_retry && retry_timer.expiry() > std::chrono::steady_clock::now()) {
      // A retry wait may outlast the deadline: one last try now instead (later failures wait at most until
      // the deadline).
      retry_timer.expires_after(std::chrono::milliseconds(0));
      arm_retry();
    }
  }

  void finish() {
    if (finished) return;
    finished = true;
    busy = false;
    resolver.cancel();
    attempt_timer.cancel();
    retry_timer.cancel();
    stop_timer.cancel();
    close_connection();
    std::size_t left = 0;
    {
      std::lock_guard lock(mutex);
      accepting = false;
      left = queue.size();
      stats.dropped += left;
      queue.clear();
      on_wire = false;
    }
    if (left != 0) say(fmt::format("{}: stopped with {} event(s) undelivered (dropped)", label, left));
    auto handlers = std::move(on_stopped);
    on_stopped.clear();
    for (auto& handler : handlers) handler();
  }

  asio::io_context& io;
  WebhookSettings settings;
  WebhookUrl url;
  LogSink log;
  std::string host_header;
  std::string label;

  // Shared with post()/stats() callers.
  mutable std::mutex mutex;
  std::deque<Item> queue;  // front: the body being delivered
  WebhookStats stats;
  std::uint64_t next_seq = 1;
  bool on_wire = false;      // the front is being sent (not to be dropped for the bound)
  bool accepting = true;
  bool kick_posted = false;

  // io thread only.
  tcp::resolver resolver;
  tcp::socket socket;
  asio::steady_timer attempt_timer;
  asio::steady_timer retry_timer;
  asio::steady_timer stop_timer;
  Backoff backoff;
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> request;
  std::optional<http::response_parser<http::string_body>> parser;
  Item current;
  std::uint64_t attempt_id = 0;
  std::uint64_t retry_id = 0;
  std::uint64_t last_failed_seq = 0;
  std::uint64_t failed_attempts = 0;   // since the last delivery
  std::uint64_t dropped_reported = 0;
  bool busy = false;        // an attempt is running, or a retry is waiting
  bool waiting_for_retry = false;
  bool connected = false;   // `socket` is an open connection that may be reused
  bool reused = false;      // this attempt started on a reused connection
  bool timed_out = false;
  bool stopping = false;
  bool finished = false;
  std::chrono::steady_clock::time_point stop_deadline;
  std::vector<std::function<void()>> on_stopped;
};

WebhookClient::WebhookClient(asio::io_context& io, WebhookSettings settings, LogSink log)
    : impl_(std::make_shared<Impl>(io, std::move(settings), std::move(log))) {}

WebhookClient::~WebhookClient() {
  impl_->on_stopped.clear();
  impl_->log = nullptr;  // what the sink refers to may be gone already
  impl_->finish();
}

void WebhookClient::post(std::string json_body) { impl_->post(std::move(json_body)); }

void WebhookClient::stop(std::chrono::steady_clock::time_point deadline, std::function<void()> on_stopped) {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->accepting = false;  // from now on post() drops (counted), whatever thread calls it
  }
  asio::post(impl_->io, [self = impl_, deadline, handler = std::move(on_stopped)]() mutable {
    self->begin_stop(deadline, std::move(handler));
  });
}

WebhookStats WebhookClient::stats() const {
  std::lock_guard lock(impl_->mutex);
  WebhookStats s = impl_->stats;
  s.pending = impl_->queue.size();
  return s;
}

void WebhookClient::append_metrics(std::string& out) const {
  const WebhookStats s = stats();
  const auto family = [&](std::string_view name, std::string_view type, std::string_view help, auto value) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{} {}\n", name, help, name, type, name, value);
  };
  family("aiswatch_live_webhook_queued_total", "counter", "Event bodies given to the webhook client.", s.queued);
  family("aiswatch_live_webhook_delivered_total", "counter", "Event bodies the webhook endpoint answered 2xx.",
         s.delivered);
  family("aiswatch_live_webhook_retries_total", "counter", "Webhook attempts that repeated a failed one.", s.retries);
  family("aiswatch_live_webhook_dropped_total", "counter",
         "Event bodies given up (queue bound, after stop, left at the stop deadline).", s.dropped);
  family("aiswatch_live_webhook_failures_total", "counter",
         "Failed webhook attempts (resolve/connect error, timeout, non-2xx answer).", s.failures);
  family("aiswatch_live_webhook_pending", "gauge", "Event bodies waiting for delivery.", s.pending);
}

const WebhookUrl& WebhookClient::url() const noexcept { return impl_->url; }

}  // namespace aiswatch::live
