// live_service.hpp — every live feed of one `aiswatch live` run, on one io_context: TCP clients
// (--connect, reconnecting with backoff), TCP listeners (--listen-tcp, many feeders each), UDP listeners
// (--listen-udp); their lines go through a bounded LineQueue to ONE consumer thread that calls the
// LineConsumer.
//
// Threads: sockets, framing, timers and the HTTP status server run on the io_context thread; the
// consumer (the decode → track → detect pipeline) runs on its own thread, so a slow pipeline never stops
// the sockets from being read or the status page from answering. When the pipeline falls behind by more
// than queue_max_bytes, TCP connections stop reading until it catches up (backpressure: nothing they send
// is lost) and UDP datagrams are dropped and counted (see line_queue.hpp). The io thread never blocks.
//
//   boost::asio::io_context io;
//   LiveSettings settings;
//   settings.connect.push_back({"127.0.0.1", 5631});
//   LiveService service(io, settings, consumer, log);
//   service.start();                      // binds listeners now: throws LiveError on "port in use"
//   boost::asio::signal_set signals(io, SIGINT, SIGTERM);
//   signals.async_wait([&](auto, int) { service.stop(); });
//   service.on_stopped([&] { signals.cancel(); });
//   io.run();                             // returns once stopped and every socket is closed
//   service.rethrow_consumer_failure();   // an exception thrown by the consumer, if any
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/live/endpoint.hpp"
#include "aiswatch/live/line_consumer.hpp"
#include "aiswatch/live/line_queue.hpp"
#include "aiswatch/live/log.hpp"
#include "aiswatch/live/source_counters.hpp"

namespace boost::asio {
class io_context;
}

namespace aiswatch::live {

struct LiveSettings {
  std::vector<Endpoint> connect;     // TCP feeds to connect to
  std::vector<Endpoint> listen_tcp;  // TCP ports feeders connect to
  std::vector<Endpoint> listen_udp;  // UDP ports feeders send datagrams to

  std::size_t max_line_bytes = ais::kMaxLineBytes;  // longer lines are discarded and counted
  // A TCP connection silent this long is closed (a client reconnects); a silent UDP port is reported.
  // Zero disables the watchdog.
  std::chrono::milliseconds idle_timeout{120'000};
  std::chrono::milliseconds reconnect_initial{500};  // first retry delay of a --connect feed
  std::chrono::milliseconds reconnect_max{30'000};   // backoff cap
  bool reconnect = true;  // false: a --connect feed that ends or fails stays down; when all have, the service stops
  std::size_t max_connections_per_listener = 64;  // further feeders are refused (counted)
  std::size_t queue_max_bytes = 16u << 20;        // bound of the queue to the consumer (TCP pauses, UDP drops)
  std::chrono::milliseconds tick_interval{1000};  // LineConsumer::on_tick period
};

class LiveService {
 public:
  LiveService(boost::asio::io_context& io, LiveSettings settings, LineConsumer& consumer, LogSink log = {});
  ~LiveService();
  LiveService(const LiveService&) = delete;
  LiveService& operator=(const LiveService&) = delete;

  // Binds every listener (throws LiveError naming the option and address when it cannot), starts the
  // consumer thread and the connections. Call once, before io.run().
  void start();

  // Call on the io_context thread (e.g. from a signal handler). Closes acceptors and sockets, lets the
  // consumer work through what is queued, calls LineConsumer::on_finish, joins the consumer thread,
  // then calls the on_stopped handler. Idempotent.
  void stop();
  void on_stopped(std::function<void()> handler);
  bool stopped() const noexcept;

  // The bound ports, in option order (useful with port 0).
  std::vector<std::uint16_t> tcp_listen_ports() const;
  std::vector<std::uint16_t> udp_listen_ports() const;

  // Any thread, once started.
  std::vector<SourceSnapshot> sources() const;
  SourceSnapshot totals() const;  // every source summed; kind and last_line_ms of the newest line
  QueueStats queue_stats() const;
  double lines_per_s() const;     // lines received per second over the last ~10 s

  // After io.run() returned: rethrows what the consumer threw (which stopped the service), if anything.
  void rethrow_consumer_failure() const;

  const LiveSettings& settings() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aiswatch::live
