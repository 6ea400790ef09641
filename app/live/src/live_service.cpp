// live_service.cpp — wiring the feed sources, the queue and the consumer thread on one io_context.
#include "aiswatch/live/live_service.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>

#include "consumer_thread.hpp"
#include "feed_context.hpp"
#include "tcp_client_source.hpp"
#include "tcp_listener_source.hpp"
#include "udp_listener_source.hpp"

namespace aiswatch::live {

namespace asio = boost::asio;

namespace {

// Lines/s over a sliding window: one sample of the line total per second, the rate between the oldest
// and the newest sample.
class RateMeter {
 public:
  static constexpr std::size_t kSamples = 11;  // 10 s window

  void sample(std::chrono::steady_clock::time_point now, std::uint64_t total) {
    samples_[next_ % kSamples] = {now, total};
    ++next_;
    const std::size_t count = std::min<std::size_t>(next_, kSamples);
    const Sample& newest = samples_[(next_ - 1) % kSamples];
    const Sample& oldest = samples_[(next_ - count) % kSamples];
    const double seconds = std::chrono::duration<double>(newest.time - oldest.time).count();
    rate_.store(seconds > 0 ? static_cast<double>(newest.total - oldest.total) / seconds : 0.0,
                std::memory_order_relaxed);
  }
  double rate() const noexcept { return rate_.load(std::memory_order_relaxed); }

 private:
  struct Sample {
    std::chrono::steady_clock::time_point time;
    std::uint64_t total = 0;
  };
  std::array<Sample, kSamples> samples_{};
  std::size_t next_ = 0;
  std::atomic<double> rate_{0.0};
};

}  // namespace

struct LiveService::Impl {
  Impl(asio::io_context& io_context, LiveSettings s, LineConsumer& consumer, LogSink log_sink)
      : io(io_context),
        settings(std::move(s)),
        log(std::move(log_sink)),
        queue(settings.queue_max_bytes),
        context{io, queue, settings, log, paused},
        rate_timer(io),
        consumer_thread(queue, consumer, settings.tick_interval, [this] {
          // Runs on the consumer thread: hand the stop over to the io thread.
          asio::post(io, [this, alive = std::weak_ptr<int>(alive_token)] {
            if (alive.lock()) stop();
          });
        }) {
    // Backpressure: the consumer made room after a TCP connection found the queue full. This runs on the
    // consumer thread and must not block: the paused connections are resumed on the io thread.
    queue.set_room_handler([this, alive = std::weak_ptr<int>(alive_token)] {
      asio::post(io, [this, alive] {
        if (alive.lock() && !stopped) paused.resume_all();
      });
    });
  }

  void sample_rate() {
    std::uint64_t total = 0;
    for (const auto& c : counters) total += c->lines.load(std::memory_order_relaxed);
    rate.sample(std::chrono::steady_clock::now(), total);
    rate_timer.expires_after(std::chrono::seconds(1));
    rate_timer.async_wait([this](const boost::system::error_code& ec) {
      if (!ec && !stopped) sample_rate();
    });
  }

  void client_gave_up() {
    assert(clients_running > 0);
    if (--clients_running == 0 && tcp_listeners.empty() && udp_listeners.empty()) {
      context.say("live: every --connect feed has ended");
      asio::post(io, [this] { stop(); });
    }
  }

  void stop() {
    if (stopped || !started) return;
    stopped = true;
    rate_timer.cancel();
    for (auto& c : clients) c->stop();
    for (auto& l : tcp_listeners) l->stop();
    for (auto& u : udp_listeners) u->stop();
    paused.clear();  // the connections are closed (what they held back is queued)
    queue.close();
    consumer_thread.join();  // delivers what is still queued, then on_finish
    if (on_stopped) {
      auto handler = std::move(on_stopped);
      handler();
    }
  }

  // Handlers posted from the consumer thread check it: none runs after the service is gone.
  std::shared_ptr<int> alive_token = std::make_shared<int>(0);
  asio::io_context& io;
  LiveSettings settings;
  LogSink log;
  LineQueue queue;
  detail::PausedConnections paused;  // TCP connections waiting for room in the queue (io thread)
  detail::FeedContext context;
  asio::steady_timer rate_timer;
  RateMeter rate;
  std::vector<std::shared_ptr<SourceCounters>> counters;  // fixed once started: read from any thread
  std::vector<std::shared_ptr<detail::TcpClientSource>> clients;
  std::vector<std::shared_ptr<detail::TcpListenerSource>> tcp_listeners;
  std::vector<std::shared_ptr<detail::UdpListenerSource>> udp_listeners;
  std::size_t clients_running = 0;
  detail::ConsumerThread consumer_thread;
  std::function<void()> on_stopped;
  bool started = false;
  std::atomic<bool> stopped{false};
};

LiveService::LiveService(asio::io_context& io, LiveSettings settings, LineConsumer& consumer, LogSink log)
    : impl_(std::make_unique<Impl>(io, std::move(settings), consumer, std::move(log))) {}

LiveService::~LiveService() {
  // Normally stopped already (and io.run() returned). If not — start() threw half-way, or the owner
  // unwinds from an exception — close everything and end the consumer thread without calling back.
  impl_->on_stopped = nullptr;
  impl_->stop();
  impl_->queue.close();
  impl_->consumer_thread.join();
}

void LiveService::start() {
  Impl& m = *impl_;
  assert(!m.started);
  const LiveSettings& s = m.settings;
  // Listeners first: a port in use fails the run before anything connects.
  for (const Endpoint& e : s.listen_tcp) {
    auto c = std::make_shared<SourceCounters>(SourceKind::tcp_listener, "listen-tcp:" + to_string(e));
    m.tcp_listeners.push_back(std::make_shared<detail::TcpListenerSource>(m.context, e, c));
    m.counters.push_back(std::move(c));
  }
  for (const Endpoint& e : s.listen_udp) {
    auto c = std::make_shared<SourceCounters>(SourceKind::udp_listener, "listen-udp:" + to_string(e));
    m.udp_listeners.push_back(std::make_shared<detail::UdpListenerSource>(m.context, e, c));
    m.counters.push_back(std::move(c));
  }
  for (const Endpoint& e : s.connect) {
    auto c = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:" + to_string(e));
    m.clients.push_back(std::make_shared<detail::TcpClientSource>(m.context, e, c, [&m] { m.client_gave_up(); }));
    m.counters.push_back(std::move(c));
  }
  m.clients_running = m.clients.size();
  m.started = true;

  m.consumer_thread.start();
  for (auto& l : m.tcp_listeners) l->start();
  for (auto& u : m.udp_listeners) u->start();
  for (auto& c : m.clients) c->start();
  m.sample_rate();
}

void LiveService::stop() { impl_->stop(); }

void LiveService::on_stopped(std::function<void()> handler) { impl_->on_stopped = std::move(handler); }

bool LiveService::stopped() const noexcept { return impl_->stopped; }

std::vector<std::uint16_t> LiveService::tcp_listen_ports() const {
  std::vector<std::uint16_t> ports;
  for (const auto& l : impl_->tcp_listeners) ports.push_back(l->port());
  return ports;
}

std::vector<std::uint16_t> LiveService::udp_listen_ports() const {
  std::vector<std::uint16_t> ports;
  for (const auto& u : impl_->udp_listeners) ports.push_back(u->port());
  return ports;
}

std::vector<SourceSnapshot> LiveService::sources() const {
  std::vector<SourceSnapshot> out;
  out.reserve(impl_->counters.size());
  for (const auto& c : impl_->counters) out.push_back(c->snapshot());
  return out;
}

SourceSnapshot LiveService::totals() const {
  SourceSnapshot t;
  t.name = "total";
  for (const SourceSnapshot& s : sources()) {
    t.lines += s.lines;
    t.bytes += s.bytes;
    t.overlong_lines += s.overlong_lines;
    t.partial_lines += s.partial_lines;
    t.dropped_lines += s.dropped_lines;
    t.dropped_datagrams += s.dropped_datagrams;
    t.delivered_lines += s.delivered_lines;
    t.datagrams += s.datagrams;
    t.connections += s.connections;
    t.active_connections += s.active_connections;
    t.rejected_connections += s.rejected_connections;
    t.disconnects += s.disconnects;
    t.connect_failures += s.connect_failures;
    t.reconnects += s.reconnects;
    t.idle_timeouts += s.idle_timeouts;
    t.backpressure_pauses += s.backpressure_pauses;
    t.paused_connections += s.paused_connections;
    if (s.last_line_ms && (!t.last_line_ms || *s.last_line_ms > *t.last_line_ms)) t.last_line_ms = s.last_line_ms;
  }
  return t;
}

QueueStats LiveService::queue_stats() const { return impl_->queue.stats(); }

double LiveService::lines_per_s() const { return impl_->rate.rate(); }

void LiveService::rethrow_consumer_failure() const {
  if (const std::exception_ptr failure = impl_->consumer_thread.failure()) std::rethrow_exception(failure);
}

const LiveSettings& LiveService::settings() const noexcept { return impl_->settings; }

}  // namespace aiswatch::live
