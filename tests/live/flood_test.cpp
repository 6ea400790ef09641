// flood_test.cpp — a million lines as fast as loopback TCP carries them: every line delivered, the
// queue to the consumer bounded; with a consumer that falls behind, TCP feeders are paused
// (backpressure: zero lines lost, queue ≤ cap + one batch) while UDP datagrams are dropped and counted.
// Also: stop() hands what is queued to the consumer first.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>

#include "aiswatch/live/line_batch.hpp"

#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;

namespace {

// The largest footprint of one batch framed from a 64 KiB read of real sentences (LineBatch: the text
// reserved for the read plus a pending line head, the line index reserved for 48-byte lines, the label).
constexpr std::size_t kOneBatchMaxBytes = sizeof(LineBatch) + 64 * 1024 + 4097 + (64 * 1024 / 48 + 1) * 4 + 256;

// Counts lines and their bytes (storing a million lines would only measure the test).
class CountingConsumer : public LineConsumer {
 public:
  void on_line(std::string_view line, aiswatch::UnixMillis, std::string_view) override {
    if (delay_every_ != 0 && lines_ % delay_every_ == 0) std::this_thread::sleep_for(delay_);
    ++lines_;
    bytes_ += line.size();
    count_.store(lines_, std::memory_order_relaxed);
  }
  void slow_down(std::uint64_t every, std::chrono::milliseconds delay) {
    delay_every_ = every;
    delay_ = delay;
  }
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  std::uint64_t bytes() const { return bytes_; }  // after the service stopped

 private:
  std::uint64_t lines_ = 0;
  std::uint64_t bytes_ = 0;
  std::atomic<std::uint64_t> count_{0};
  std::uint64_t delay_every_ = 0;
  std::chrono::milliseconds delay_{0};
};

// `total` lines cycled from a corpus, written in 256 KiB blocks from another thread.
struct Flood {
  std::uint64_t total;
  std::uint64_t payload_bytes = 0;  // sum of line lengths, terminators excluded
  std::uint64_t wire_bytes = 0;

  std::string error;  // set instead of throwing: an exception escaping a std::thread would abort the binary

  // Runs on a helper thread; a socket error (e.g. the connection closed on us) is recorded, not thrown.
  void send(std::uint16_t port) {
    try {
      send_all_lines(port);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }

  void send_all_lines(std::uint16_t port) {
    const auto sentences = corpus_sentences("gpsd/ais-nmea-type6-fid55.log");
    boost::asio::io_context io;
    auto socket = connect_to(io, port);
    std::string block;
    for (std::uint64_t i = 0; i < total; ++i) {
      const std::string& s = sentences[i % sentences.size()];
      block += s;
      block += "\r\n";
      payload_bytes += s.size();
      if (block.size() >= 256 * 1024 || i + 1 == total) {
        send_all(socket, block);
        wire_bytes += block.size();
        block.clear();
      }
    }
  }
};

}  // namespace

TEST_CASE("flood: 1 M lines through a TCP listener, all delivered", "[live][flood]") {
  LiveSettings settings;
  settings.listen_tcp.push_back({"127.0.0.1", 0});
  CountingConsumer consumer;
  LiveRun run(settings, consumer);

  Flood flood{1'000'000};
  std::thread sender([&] { flood.send(run.tcp_port()); });
  sender.join();
  REQUIRE(flood.error.empty());
  REQUIRE(eventually([&] {
    const SourceSnapshot s = run.source();
    return s.lines == flood.total && s.delivered_lines == flood.total;
  }, std::chrono::seconds(60)));
  const QueueStats q = run.service().queue_stats();
  run.stop();

  const SourceSnapshot s = run.source();
  CHECK(s.bytes == flood.wire_bytes);
  CHECK(s.overlong_lines == 0);
  CHECK(s.dropped_lines == 0);
  CHECK(consumer.count() == flood.total);
  CHECK(consumer.bytes() == flood.payload_bytes);
  CHECK(q.dropped_lines == 0);
  CHECK(q.peak_bytes <= q.max_bytes + kOneBatchMaxBytes);
}

TEST_CASE("flood: a consumer that falls behind pauses the TCP feeder; nothing is lost, memory stays bounded",
          "[live][flood][backpressure]") {
  LiveSettings settings;
  settings.listen_tcp.push_back({"127.0.0.1", 0});
  settings.queue_max_bytes = 256 * 1024;
  settings.idle_timeout = std::chrono::milliseconds(400);  // shorter than the pauses: must not fire
  CountingConsumer consumer;
  // Stalls of 700 ms, each longer than the watchdog, so a paused connection is seen surviving them; the
  // margin also keeps a loaded machine (a descheduled feeder) from tripping the watchdog for real.
  consumer.slow_down(60'000, std::chrono::milliseconds(700));
  LiveRun run(settings, consumer);

  Flood flood{300'000};
  std::uint64_t paused_seen = 0;
  std::thread sender([&] { flood.send(run.tcp_port()); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (consumer.count() < flood.total && std::chrono::steady_clock::now() < deadline) {
    paused_seen = std::max(paused_seen, run.source().paused_connections);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  sender.join();
  REQUIRE(flood.error.empty());
  REQUIRE(eventually([&] { return run.source().delivered_lines == flood.total; }, std::chrono::seconds(60)));
  const QueueStats q = run.service().queue_stats();
  const SourceSnapshot s = run.source();
  CHECK(s.lines == flood.total);
  CHECK(s.dropped_lines == 0);
  CHECK(q.dropped_lines == 0);
  CHECK(consumer.count() == flood.total);
  CHECK(s.backpressure_pauses > 0);   // the queue did fill up …
  CHECK(paused_seen == 1);            // … and the connection stopped reading
  CHECK(q.full_waits > 0);
  CHECK(s.idle_timeouts == 0);        // paused is not idle
  CHECK(s.connections == 1);          // one connection from start to end (closed by the feeder when done)
  CHECK(s.partial_lines == 0);
  CHECK(s.paused_connections == 0);   // resumed in the end
  CHECK_FALSE(run.logged("no data for"));
  // Bounded: the cap plus one read's batch.
  CHECK(q.peak_bytes <= q.max_bytes + kOneBatchMaxBytes);
  run.stop();
  CHECK(consumer.bytes() == flood.payload_bytes);
}

TEST_CASE("flood: UDP bursts beyond what a slow consumer takes are dropped and counted", "[live][flood][udp]") {
  LiveSettings settings;
  settings.listen_udp.push_back({"127.0.0.1", 0});
  settings.queue_max_bytes = 32 * 1024;
  CountingConsumer consumer;
  consumer.slow_down(100, std::chrono::milliseconds(5));  // ≤ 20 k lines/s
  LiveRun run(settings, consumer);

  const auto sentences = corpus_sentences("gpsd/ais-nmea-type6-fid55.log");
  boost::asio::io_context io;
  boost::asio::ip::udp::socket sender(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const boost::asio::ip::udp::endpoint to(boost::asio::ip::make_address("127.0.0.1"), run.udp_port());
  // Bursts of 100 datagrams (10 lines each, ~70 KB): the next burst goes once the io thread has read the
  // previous one, so the kernel's receive buffer (≥ 208 KiB) never overflows and every datagram sent is
  // one we can account for. The consumer is far slower than that: the queue is full most of the time.
  const std::uint64_t bursts = 50;
  const std::uint64_t per_burst = 100;
  std::uint64_t sent = 0;
  for (std::uint64_t b = 0; b < bursts; ++b) {
    for (std::uint64_t i = 0; i < per_burst; ++i, ++sent) {
      std::string d;
      for (std::size_t k = 0; k < 10; ++k) d += sentences[(sent * 10 + k) % sentences.size()] + "\r\n";
      sender.send_to(boost::asio::buffer(d), to);
    }
    REQUIRE(eventually([&] { return run.source().datagrams == sent; }, std::chrono::seconds(20)));
  }
  // Quiet now: every line is delivered or dropped (and counted).
  REQUIRE(eventually([&] {
    const SourceSnapshot s = run.source();
    return s.lines == s.delivered_lines + s.dropped_lines && consumer.count() == s.delivered_lines;
  }, std::chrono::seconds(30)));
  const SourceSnapshot s = run.source();
  const QueueStats q = run.service().queue_stats();
  CHECK(s.datagrams == sent);
  CHECK(s.lines == sent * 10);
  CHECK(s.dropped_datagrams > 0);  // the consumer could not keep up
  CHECK(s.dropped_datagrams < sent);
  CHECK(s.dropped_lines == s.dropped_datagrams * 10);  // whole datagrams are dropped
  CHECK(s.dropped_lines == q.dropped_lines);
  CHECK(consumer.count() + s.dropped_lines == sent * 10);  // received + dropped == sent
  CHECK(q.peak_bytes <= q.max_bytes + kOneBatchMaxBytes);
}

TEST_CASE("stop: what is queued reaches the consumer before on_finish", "[live][shutdown]") {
  LiveSettings settings;
  settings.listen_tcp.push_back({"127.0.0.1", 0});
  RecordingConsumer consumer;
  std::atomic<bool> hold{true};
  consumer.on_each_line = [&] {
    while (hold.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  };
  LiveRun run(settings, consumer);
  boost::asio::io_context io;
  auto feeder = connect_to(io, run.tcp_port());
  std::vector<std::string> lines;
  for (int i = 0; i < 500; ++i) lines.push_back("line " + std::to_string(i));
  send_all(feeder, joined(lines, "\n"));
  REQUIRE(eventually([&] { return run.source().lines == 500; }));  // received, held in the queue
  hold = false;
  run.stop();
  CHECK(consumer.texts() == lines);
  CHECK(consumer.finished() == 1);
}

TEST_CASE("consumer: ticks arrive on a quiet feed", "[live][shutdown]") {
  LiveSettings settings;
  settings.listen_udp.push_back({"127.0.0.1", 0});
  settings.tick_interval = std::chrono::milliseconds(20);
  RecordingConsumer consumer;
  LiveRun run(settings, consumer);
  CHECK(eventually([&] { return consumer.ticks() >= 3; }));
}

TEST_CASE("consumer: an exception in the consumer stops the service and is kept", "[live][shutdown]") {
  struct Throwing : LineConsumer {
    void on_line(std::string_view, aiswatch::UnixMillis, std::string_view) override {
      throw std::runtime_error("pipeline bug");
    }
  } consumer;
  LiveSettings settings;
  settings.listen_tcp.push_back({"127.0.0.1", 0});
  LiveRun run(settings, consumer);
  boost::asio::io_context io;
  auto feeder = connect_to(io, run.tcp_port());
  send_all(feeder, "x\n");
  REQUIRE(run.wait_for_exit());
  CHECK_THROWS_WITH(run.service().rethrow_consumer_failure(), "pipeline bug");
}
