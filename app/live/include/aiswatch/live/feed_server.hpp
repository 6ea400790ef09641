// feed_server.hpp — `aiswatch serve`: plays a log file (NMEA, plain or gzip) to every connected TCP
// client, like a live feed, for tests and demos.
//
// Pacing: with speed X the times in the data (tag block c:, trailing epoch, $PGHP) are honoured, scaled
// by 1/X (PlaybackClock); speed 0 sends as fast as the clients read. Lines go out with "\r\n" (the NMEA
// line end) in batches of up to 64 KiB, whole lines only, so a client that connects mid-way never starts
// in the middle of a line. Playback starts when `wait_for_clients` clients are connected.
//
// Backpressure: each client has its own write queue. When a client's backlog exceeds
// client_high_water_bytes, reading the file pauses until every backlog is back under half of it, so the
// server never buffers without bound (at most about high-water + one batch per client). A client that
// holds a paused playback up (backlog above the resume mark, half the high-water mark) for
// stall_timeout is disconnected, so one stuck client cannot stall the others for ever.
//
// At the end of the file (without --loop) every client gets what is queued, then a clean close; the
// acceptor closes and on_finished is called.
//
//   FeedServer server(io, {.path = "feed.nmea.gz", .listen = {"127.0.0.1", 5631}, .speed = 10}, log);
//   server.start();                // opens the file (ais::InputError) and binds (LiveError)
//   server.on_finished([&] { signals.cancel(); });
//   io.run();
//   server.stats().lines_sent;
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "aiswatch/live/endpoint.hpp"
#include "aiswatch/live/log.hpp"

namespace boost::asio {
class io_context;
}

namespace aiswatch::live {

struct ServeSettings {
  std::string path;                     // "-" reads stdin (no --loop then)
  Endpoint listen{"127.0.0.1", 0};
  double speed = 1.0;                   // data seconds per second; 0 = as fast as possible
  bool loop = false;                    // start over at the end of the file
  std::size_t wait_for_clients = 1;     // playback starts once this many clients are connected
  std::chrono::milliseconds max_gap{600'000};  // larger jumps in data time are not waited out
  std::size_t client_high_water_bytes = 1u << 20;
  std::chrono::milliseconds stall_timeout{10'000};
  std::size_t max_clients = 64;
};

struct ServeStats {
  std::uint64_t lines_read = 0;         // from the file, every pass
  std::uint64_t lines_sent = 0;         // lines handed to the clients (once, whatever their number)
  std::uint64_t bytes_written = 0;      // written to clients, all of them
  std::uint64_t clients_accepted = 0;
  std::uint64_t clients_refused = 0;    // beyond max_clients
  std::uint64_t clients_dropped_slow = 0;
  std::uint64_t passes = 0;             // complete passes over the file
};

class FeedServer {
 public:
  FeedServer(boost::asio::io_context& io, ServeSettings settings, LogSink log = {});
  ~FeedServer();
  FeedServer(const FeedServer&) = delete;
  FeedServer& operator=(const FeedServer&) = delete;

  void start();
  // io thread; closes the acceptor and every client at once. Idempotent.
  void stop();
  // Called once, when playback has finished and every client is closed, or after stop().
  void on_finished(std::function<void()> handler);

  std::uint16_t port() const;
  ServeStats stats() const;  // io thread (or after io.run() returned)

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace aiswatch::live
