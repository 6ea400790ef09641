// fault_test.cpp — what a 24/7 feed throws at `aiswatch live`, on 127.0.0.1, every test bounded in time:
// a feed that drops mid-sentence (clean close and reset) and comes back, garbage bytes, a 10 MB line
// without a newline, 50 feeders at once, a feeder that connects and says nothing, and a consumer that
// stalls while several TCP feeds keep sending (backpressure: nothing lost, the queue bounded, the idle
// watchdog quiet).
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <random>

#include "aiswatch/live/line_batch.hpp"
#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;

namespace {

// The largest footprint of one batch framed from a 64 KiB read of lines ≥ 48 bytes (see flood_test.cpp).
constexpr std::size_t kOneBatchMaxBytes = sizeof(LineBatch) + 64 * 1024 + 4097 + (64 * 1024 / 48 + 1) * 4 + 256;

const std::string kGood = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";

LiveSettings client_settings(std::uint16_t port) {
  LiveSettings s;
  s.connect.push_back({"127.0.0.1", port});
  s.reconnect_initial = std::chrono::milliseconds(20);
  s.reconnect_max = std::chrono::milliseconds(100);
  return s;
}

LiveSettings listener_settings() {
  LiveSettings s;
  s.listen_tcp.push_back({"127.0.0.1", 0});
  return s;
}

std::string label_of(const boost::asio::ip::tcp::socket& s) {
  return "tcp:127.0.0.1:" + std::to_string(s.local_endpoint().port());
}

// Closes with a reset (RST) instead of a FIN: SO_LINGER with a zero timeout.
void reset(boost::asio::ip::tcp::socket& socket) {
  socket.set_option(boost::asio::socket_base::linger(true, 0));
  socket.close();
}

// "<tag> 000123 " + a sentence: unique, ordered, ≥ 48 bytes (like real traffic).
std::string numbered(const std::string& tag, std::size_t i) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%06zu", i);
  return tag + " " + digits + " " + kGood;
}

std::string feeder_tag(int f) {
  std::string tag(1, 'f');
  tag += std::to_string(f);
  return tag;
}

// Writes `lines` with "\r\n" in pieces of random size (1 byte .. 8 KiB), so lines are cut across writes.
void send_in_pieces(boost::asio::ip::tcp::socket& socket, const std::vector<std::string>& lines, unsigned seed) {
  const std::string bytes = joined(lines, "\r\n");
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> piece(1, 8192);
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t n = std::min(piece(rng), bytes.size() - at);
    send_all(socket, std::string_view(bytes).substr(at, n));
    at += n;
  }
}

}  // namespace

TEST_CASE("fault: the feed drops mid-sentence and comes back", "[live][fault][tcp-client]") {
  TestServer server;
  RecordingConsumer consumer;
  LiveRun run(client_settings(server.port()), consumer);
  const std::string label = "tcp:127.0.0.1:" + std::to_string(server.port());
  const std::string half = kGood.substr(0, 20);

  SECTION("a clean close (FIN) after half a sentence: the fragment still counts as the stream's last line") {
    {
      auto feed = server.accept();
      send_all(feed, kGood + "\r\n" + half);
      REQUIRE(consumer.wait_for_lines(1));
    }  // FIN
    REQUIRE(consumer.wait_for_lines(2));
    CHECK(consumer.texts() == std::vector<std::string>{kGood, half});  // the NMEA parser will reject it
    CHECK(run.source().partial_lines == 0);
  }
  SECTION("a reset after half a sentence: the fragment is counted as partial and not delivered") {
    {
      auto feed = server.accept();
      send_all(feed, kGood + "\r\n" + half);
      REQUIRE(consumer.wait_for_lines(1));
      REQUIRE(eventually([&] { return run.source().bytes == kGood.size() + 2 + half.size(); }));
      reset(feed);
    }
    REQUIRE(eventually([&] { return run.source().partial_lines == 1; }));
    CHECK(consumer.texts() == std::vector<std::string>{kGood});
    CHECK(eventually([&] { return run.logged("connection error"); }));
  }
  // Either way the client comes back, and the new connection starts with a fresh framer: the rest of
  // the cut sentence (sent first by the new connection) is not glued to the old fragment.
  auto again = server.accept();
  send_all(again, kGood.substr(20) + "\r\n" + kGood + "\r\n");
  REQUIRE(consumer.wait_until([&] { return consumer.texts().back() == kGood && consumer.line_count() >= 3; }));
  const auto texts = consumer.texts();
  CHECK(std::count(texts.begin(), texts.end(), kGood.substr(20)) == 1);  // a fragment of its own, not "half + rest"
  CHECK(std::count(texts.begin(), texts.end(), kGood) == 2);
  REQUIRE(consumer.wait_until([&] { return consumer.ended().size() == 1; }));
  CHECK(consumer.ended() == std::vector<std::string>{label});
  const SourceSnapshot s = run.source();
  CHECK(s.reconnects == 1);
  CHECK(s.disconnects == 1);
  CHECK(s.active_connections == 1);
  CHECK(run.logged("reconnecting in"));
}

TEST_CASE("fault: garbage bytes never crash the feed; the next good line arrives", "[live][fault]") {
  std::mt19937 rng(2024);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string garbage;
  garbage += std::string(1000, '\0');                 // NULs
  garbage += std::string(3000, '\r');                 // lone CRs (one over-long "line" of CRs)
  garbage += "\n";
  garbage += std::string(5000, '\n');                 // empty lines: keep-alives, skipped
  garbage += "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03";  // a TLS ClientHello's first bytes
  garbage += "\nGET / HTTP/1.1\r\nHost: x\r\n\r\n";   // someone points a browser at the port
  for (int i = 0; i < 200'000; ++i) garbage += static_cast<char>(byte(rng));
  garbage += "\n";
  const std::string bytes = garbage + kGood + "\r\n";
  std::size_t expected = 0;
  std::size_t overlong = 0;
  for (const auto& line : expected_lines(bytes)) (line.size() > 4096 ? overlong : expected)++;

  SECTION("from an accepted feeder") {
    RecordingConsumer consumer;
    LiveRun run(listener_settings(), consumer);
    boost::asio::io_context io;
    auto feeder = connect_to(io, run.tcp_port());
    send_all(feeder, bytes);
    REQUIRE(consumer.wait_for_lines(expected));
    CHECK(consumer.texts().back() == kGood);
    CHECK(run.source().overlong_lines == overlong);
    CHECK(run.source().bytes == bytes.size());
    CHECK(run.source().active_connections == 1);
  }
  SECTION("from a --connect feed") {
    TestServer server;
    RecordingConsumer consumer;
    LiveRun run(client_settings(server.port()), consumer);
    auto feed = server.accept();
    send_all(feed, bytes);
    REQUIRE(consumer.wait_for_lines(expected));
    CHECK(consumer.texts().back() == kGood);
    CHECK(run.source().overlong_lines == overlong);
    CHECK(run.source().reconnects == 0);
  }
  SECTION("in datagrams") {
    LiveSettings settings;
    settings.listen_udp.push_back({"127.0.0.1", 0});
    RecordingConsumer consumer;
    LiveRun run(settings, consumer);
    boost::asio::io_context io;
    boost::asio::ip::udp::socket sender(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const boost::asio::ip::udp::endpoint to(boost::asio::ip::make_address("127.0.0.1"), run.udp_port());
    std::uint64_t sent = 0;
    for (std::size_t at = 0; at < 60'000; at += 1200, ++sent)
      sender.send_to(boost::asio::buffer(garbage.data() + 9000 + at, 1200), to);
    sender.send_to(boost::asio::buffer(std::string()), to);  // an empty datagram
    sender.send_to(boost::asio::buffer(kGood), to);
    sent += 2;
    REQUIRE(eventually([&] { return run.source().datagrams == sent; }));
    REQUIRE(consumer.wait_until([&] { return !consumer.texts().empty() && consumer.texts().back() == kGood; }));
  }
}

TEST_CASE("fault: a 10 MB line without a newline is discarded and counted; the connection survives",
          "[live][fault][tcp-listener]") {
  RecordingConsumer consumer;
  LiveRun run(listener_settings(), consumer);
  boost::asio::io_context io;
  auto feeder = connect_to(io, run.tcp_port());
  send_all(feeder, kGood + "\r\n");
  const std::string chunk(1 << 20, 'X');
  for (int i = 0; i < 10; ++i) send_all(feeder, chunk);  // 10 MiB, no newline …
  send_all(feeder, "\r\n" + kGood + "\r\n");              // … then the line ends, and a good one follows
  REQUIRE(consumer.wait_for_lines(2));
  CHECK(consumer.texts() == std::vector<std::string>{kGood, kGood});
  const SourceSnapshot s = run.source();
  CHECK(s.overlong_lines == 1);  // once, not once per read
  CHECK(s.bytes == 2 * (kGood.size() + 2) + 10 * chunk.size() + 2);
  CHECK(s.active_connections == 1);
  CHECK(s.disconnects == 0);
  CHECK(run.service().queue_stats().peak_bytes < 1024 * 1024);  // the line was never stored
  send_all(feeder, kGood + "\n");
  CHECK(consumer.wait_for_lines(3));
}

TEST_CASE("fault: 50 concurrent TCP feeders, every line delivered exactly once, in order", "[live][fault][tcp-listener]") {
  constexpr int kFeeders = 50;
  constexpr std::size_t kLines = 2000;
  LiveSettings settings = listener_settings();
  // A small queue, so the 50 connections also take turns under backpressure.
  settings.queue_max_bytes = GENERATE(std::size_t{16} << 20, std::size_t{128} << 10);
  INFO("queue " << settings.queue_max_bytes << " bytes");
  RecordingConsumer consumer;
  LiveRun run(settings, consumer);

  std::vector<std::string> labels(kFeeders);
  std::vector<std::vector<std::string>> sent(kFeeders);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int f = 0; f < kFeeders; ++f) {
    const std::string tag = feeder_tag(f);
    for (std::size_t i = 0; i < kLines; ++i) sent[f].push_back(numbered(tag, i));
    threads.emplace_back([&, f] {
      try {
        boost::asio::io_context io;
        auto socket = connect_to(io, run.tcp_port());
        labels[f] = label_of(socket);
        send_in_pieces(socket, sent[f], static_cast<unsigned>(f));
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  REQUIRE(failures == 0);
  REQUIRE(consumer.wait_for_lines(kFeeders * kLines, std::chrono::seconds(60)));
  REQUIRE(consumer.wait_until([&] { return consumer.ended().size() == kFeeders; }));
  for (int f = 0; f < kFeeders; ++f) {
    INFO("feeder " << f);
    CHECK(consumer.texts_from(labels[f]) == sent[f]);  // all of it, once, in order
  }
  const SourceSnapshot s = run.source();
  CHECK(consumer.line_count() == kFeeders * kLines);  // nothing else, nothing twice
  CHECK(s.lines == kFeeders * kLines);
  CHECK(s.connections == kFeeders);
  CHECK(s.rejected_connections == 0);
  CHECK(s.dropped_lines == 0);
  CHECK(s.partial_lines == 0);
  CHECK(eventually([&] { return run.source().active_connections == 0; }));
}

TEST_CASE("fault: a feeder that connects and sends nothing is closed by the idle watchdog; others are unaffected",
          "[live][fault][watchdog]") {
  LiveSettings settings = listener_settings();
  settings.idle_timeout = std::chrono::milliseconds(200);
  RecordingConsumer consumer;
  LiveRun run(settings, consumer);
  boost::asio::io_context io;
  auto silent = connect_to(io, run.tcp_port());
  auto talker = connect_to(io, run.tcp_port());
  REQUIRE(eventually([&] { return run.source().active_connections == 2; }));

  // The talker sends a line every 40 ms for ~0.8 s, well past the silent one's timeout.
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < 20; ++i) {
    lines.push_back(numbered("talker", i));
    send_all(talker, lines.back() + "\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
  }
  CHECK(read_to_eof(silent).empty());  // closed by the watchdog (it has long expired by now)
  REQUIRE(consumer.wait_for_lines(lines.size()));
  CHECK(consumer.texts_from(label_of(talker)) == lines);
  const SourceSnapshot s = run.source();
  CHECK(s.idle_timeouts == 1);
  CHECK(s.active_connections == 1);  // the talker is still connected
  CHECK(s.disconnects == 1);
  CHECK(eventually([&] { return run.logged("no data for 0.2 s"); }));
}

TEST_CASE("fault: a stalled consumer with TCP feeders: zero lines lost, queue ≤ cap + one batch, no idle kill",
          "[live][fault][backpressure]") {
  constexpr int kFeeders = 6;
  constexpr std::size_t kLines = 30'000;  // ~2.5 MB per feeder
  TestServer upstream;                    // plus one --connect feed
  LiveSettings settings = client_settings(upstream.port());
  settings.listen_tcp.push_back({"127.0.0.1", 0});
  settings.queue_max_bytes = 128 * 1024;
  settings.idle_timeout = std::chrono::milliseconds(250);  // far shorter than the stall below

  RecordingConsumer consumer;
  std::atomic<bool> hold{true};
  std::atomic<std::uint64_t> seen{0};
  consumer.on_each_line = [&] {
    // Stalled for a second at the start, then slow: a sleep every 2000 lines.
    while (hold.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (++seen % 2000 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  };
  LiveRun run(settings, consumer);
  const std::size_t cap = settings.queue_max_bytes;

  // Watch the queue while it works.
  std::atomic<bool> watching{true};
  std::atomic<std::size_t> max_seen{0};
  std::atomic<std::uint64_t> max_paused{0};
  // jthread: joined (after a stop request) even when a REQUIRE below unwinds, instead of std::terminate.
  std::jthread watcher([&](std::stop_token stop) {
    while (watching && !stop.stop_requested()) {
      max_seen = std::max(max_seen.load(), run.service().queue_stats().queued_bytes);
      max_paused = std::max(max_paused.load(), run.service().totals().paused_connections);
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
  });

  std::vector<std::string> labels(kFeeders);
  std::vector<std::vector<std::string>> sent(kFeeders + 1);
  for (int f = 0; f <= kFeeders; ++f) {
    const std::string tag = feeder_tag(f);
    for (std::size_t i = 0; i < kLines; ++i) sent[f].push_back(numbered(tag, i));
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int f = 0; f < kFeeders; ++f) {
    threads.emplace_back([&, f] {
      try {
        boost::asio::io_context io;
        auto socket = connect_to(io, run.tcp_port(0));
        labels[f] = label_of(socket);
        send_in_pieces(socket, sent[f], static_cast<unsigned>(f));  // blocks while we are not reading
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  std::optional<boost::asio::ip::tcp::socket> upstream_feed;  // stays connected: a live feed does not hang up
  threads.emplace_back([&] {
    try {
      upstream_feed.emplace(upstream.accept());
      send_in_pieces(*upstream_feed, sent[kFeeders], 99);
    } catch (const std::exception&) {
      ++failures;
    }
  });

  std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // 4 idle timeouts long
  const SourceSnapshot during_stall = run.service().totals();
  hold = false;

  const bool all_arrived = consumer.wait_for_lines((kFeeders + 1) * kLines, std::chrono::seconds(60));
  if (!all_arrived) run.stop();  // closes the sockets, so blocked feeders fail and their threads end
  for (auto& t : threads) t.join();
  watching = false;
  watcher.join();
  REQUIRE(all_arrived);
  REQUIRE(failures == 0);

  for (int f = 0; f < kFeeders; ++f) {
    INFO("feeder " << f);
    CHECK(consumer.texts_from(labels[f]) == sent[f]);
  }
  CHECK(consumer.texts_from("tcp:127.0.0.1:" + std::to_string(upstream.port())) == sent[kFeeders]);
  CHECK(consumer.line_count() == (kFeeders + 1) * kLines);

  const SourceSnapshot client = run.source(1);
  const SourceSnapshot listener = run.source(0);
  const QueueStats q = run.service().queue_stats();
  CHECK(during_stall.paused_connections >= 1);  // while stalled, the feeds were paused, not dropped …
  CHECK(during_stall.idle_timeouts == 0);       // … and the watchdog left them alone
  CHECK(max_paused >= 2);
  CHECK(listener.idle_timeouts == 0);
  CHECK(client.idle_timeouts == 0);
  CHECK(client.connections == 1);               // the --connect feed was never cut
  CHECK(listener.connections == kFeeders);
  CHECK(listener.dropped_lines + client.dropped_lines == 0);
  CHECK(q.dropped_lines == 0);
  CHECK(listener.backpressure_pauses + client.backpressure_pauses > 0);
  CHECK(client.backpressure_pauses > 0);
  INFO("queue peak " << q.peak_bytes << ", cap " << cap << ", largest seen " << max_seen.load());
  CHECK(q.peak_bytes <= cap + kOneBatchMaxBytes);
  CHECK(max_seen <= cap + kOneBatchMaxBytes);
}
