// listeners_test.cpp — `--listen-tcp` and `--listen-udp` with real sockets on 127.0.0.1: several
// feeders at once, lines split across packets, CRLF, datagrams with several lines, over-long lines,
// binary garbage, the connection cap, the idle watchdog, and a port already in use.
#include <catch2/catch.hpp>

#include <random>

#include "aiswatch/live/error.hpp"
#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;

namespace {

LiveSettings tcp_listener() {
  LiveSettings s;
  s.listen_tcp.push_back({"127.0.0.1", 0});
  return s;
}

LiveSettings udp_listener() {
  LiveSettings s;
  s.listen_udp.push_back({"127.0.0.1", 0});
  return s;
}

std::string label_of(const boost::asio::ip::tcp::socket& s) {
  return "tcp:127.0.0.1:" + std::to_string(s.local_endpoint().port());
}

}  // namespace

TEST_CASE("tcp listener: several feeders at once, interleaved, lines across packets, CRLF", "[live][tcp-listener]") {
  const auto sentences = corpus_sentences("gpsd/ais-nmea-type6-fid55.log");
  REQUIRE(sentences.size() >= 300);
  RecordingConsumer consumer;
  LiveRun run(tcp_listener(), consumer);

  boost::asio::io_context io;
  std::vector<boost::asio::ip::tcp::socket> feeders;
  std::vector<std::string> streams;  // what each feeder sends
  for (int i = 0; i < 3; ++i) {
    feeders.push_back(connect_to(io, run.tcp_port()));
    const std::vector<std::string> mine(sentences.begin() + i * 100, sentences.begin() + (i + 1) * 100);
    streams.push_back(joined(mine, i == 1 ? "\n" : "\r\n"));  // feeder 1 uses bare LF
  }
  // Round-robin in odd-sized pieces, so lines are cut across writes and the feeds interleave.
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> piece(1, 97);
  std::vector<std::size_t> sent(3, 0);
  for (bool more = true; more;) {
    more = false;
    for (std::size_t i = 0; i < feeders.size(); ++i) {
      if (sent[i] == streams[i].size()) continue;
      const std::size_t n = std::min(piece(rng), streams[i].size() - sent[i]);
      send_all(feeders[i], std::string_view(streams[i]).substr(sent[i], n));
      sent[i] += n;
      more = true;
    }
  }
  REQUIRE(consumer.wait_for_lines(300));
  for (std::size_t i = 0; i < feeders.size(); ++i) {
    INFO("feeder " << i);
    const std::vector<std::string> mine(sentences.begin() + static_cast<long>(i) * 100,
                                        sentences.begin() + static_cast<long>(i + 1) * 100);
    CHECK(consumer.texts_from(label_of(feeders[i])) == mine);  // complete lines, in order, per connection
  }
  const SourceSnapshot s = run.source();
  CHECK(s.kind == SourceKind::tcp_listener);
  CHECK(s.connections == 3);
  CHECK(s.active_connections == 3);
  CHECK(s.lines == 300);
  CHECK(s.overlong_lines == 0);

  feeders.clear();  // feeders hang up: the streams end
  REQUIRE(consumer.wait_until([&] { return consumer.ended().size() == 3; }));
  CHECK(eventually([&] { return run.source().active_connections == 0; }));
}

TEST_CASE("tcp listener: an over-long line is discarded and counted, the next line arrives", "[live][tcp-listener]") {
  RecordingConsumer consumer;
  LiveRun run(tcp_listener(), consumer);
  boost::asio::io_context io;
  auto feeder = connect_to(io, run.tcp_port());
  const std::string good = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
  send_all(feeder, std::string(10'000, 'X'));  // 10 KB without a newline …
  send_all(feeder, std::string(10'000, 'Y') + "\r\n" + good + "\r\n");  // … ended later
  send_all(feeder, std::string(4096, 'Z') + "\n");  // exactly the cap: kept
  REQUIRE(consumer.wait_for_lines(2));
  const auto texts = consumer.texts();
  CHECK(texts.at(0) == good);
  CHECK(texts.at(1) == std::string(4096, 'Z'));
  CHECK(run.source().overlong_lines == 1);
}

TEST_CASE("tcp listener: binary garbage is framed like anything else, never crashes", "[live][tcp-listener]") {
  std::mt19937 rng(99);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string garbage(300'000, '\0');
  for (auto& b : garbage) b = static_cast<char>(byte(rng));
  for (std::size_t i = 100'000; i < 110'000; ++i)  // a long stretch without newline: an over-long line
    if (garbage[i] == '\n') garbage[i] = '.';
  const std::string last = "!AIVDM,1,1,,B,,0*25";
  const std::string bytes = garbage + "\n" + last + "\r\n";
  std::size_t expected = 0;
  std::size_t expected_overlong = 0;
  for (const auto& line : expected_lines(bytes)) (line.size() > 4096 ? expected_overlong : expected)++;

  RecordingConsumer consumer;
  LiveRun run(tcp_listener(), consumer);
  boost::asio::io_context io;
  auto feeder = connect_to(io, run.tcp_port());
  send_all(feeder, bytes);
  REQUIRE(consumer.wait_for_lines(expected));
  CHECK(consumer.texts().back() == last);
  CHECK(run.source().lines == expected);
  CHECK(run.source().overlong_lines == expected_overlong);
  CHECK(run.source().bytes == bytes.size());
}

TEST_CASE("tcp listener: beyond max connections, feeders are refused and counted", "[live][tcp-listener]") {
  LiveSettings settings = tcp_listener();
  settings.max_connections_per_listener = 2;
  RecordingConsumer consumer;
  LiveRun run(settings, consumer);
  boost::asio::io_context io;
  auto a = connect_to(io, run.tcp_port());
  auto b = connect_to(io, run.tcp_port());
  REQUIRE(eventually([&] { return run.source().active_connections == 2; }));
  auto c = connect_to(io, run.tcp_port());
  CHECK(read_to_eof(c).empty());  // closed at once
  CHECK(run.source().rejected_connections == 1);
  CHECK(eventually([&] { return run.logged("refusing feeders"); }));
  send_all(a, "still served\n");
  CHECK(consumer.wait_for_lines(1));
}

TEST_CASE("tcp listener: the idle watchdog closes a silent feeder", "[live][tcp-listener][watchdog]") {
  LiveSettings settings = tcp_listener();
  settings.idle_timeout = std::chrono::milliseconds(150);
  RecordingConsumer consumer;
  LiveRun run(settings, consumer);
  boost::asio::io_context io;
  auto feeder = connect_to(io, run.tcp_port());
  send_all(feeder, "one line, then silence\n");
  CHECK(read_to_eof(feeder).empty());
  CHECK(eventually([&] { return run.source().idle_timeouts == 1 && run.source().active_connections == 0; }));
  CHECK(eventually([&] { return run.logged("no data for 0.15 s"); }));  // logged just after the counters
  CHECK(consumer.wait_until([&] { return consumer.ended().size() == 1; }));
}

TEST_CASE("udp listener: datagrams with one or several lines", "[live][udp]") {
  const auto sentences = corpus_sentences("pyais/nmea_data_sample.txt");
  RecordingConsumer consumer;
  LiveRun run(udp_listener(), consumer);
  boost::asio::io_context io;
  boost::asio::ip::udp::socket sender(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const boost::asio::ip::udp::endpoint to(boost::asio::ip::make_address("127.0.0.1"), run.udp_port());
  const std::string label = "udp:127.0.0.1:" + std::to_string(sender.local_endpoint().port());

  const std::vector<std::string> datagrams = {
      sentences[0] + "\r\n",                                         // one line
      sentences[1] + "\r\n" + sentences[2] + "\r\n" + sentences[3],  // three, the last unterminated
      sentences[4],                                                  // no terminator at all
      std::string(5000, 'L') + "\n" + sentences[5] + "\n",           // over-long line, then a good one
  };
  for (const auto& d : datagrams) {
    sender.send_to(boost::asio::buffer(d), to);
    // Loopback UDP does not reorder, but let each datagram land before the next.
    REQUIRE(eventually([&, n = &d - datagrams.data() + 1] { return run.source().datagrams == static_cast<std::uint64_t>(n); }));
  }
  REQUIRE(consumer.wait_for_lines(6));
  CHECK(consumer.texts() == std::vector<std::string>(sentences.begin(), sentences.begin() + 6));
  for (const auto& l : consumer.lines()) CHECK(l.source == label);
  const SourceSnapshot s = run.source();
  CHECK(s.kind == SourceKind::udp_listener);
  CHECK(s.datagrams == 4);
  CHECK(s.overlong_lines == 1);
  CHECK(s.lines == 6);
}

TEST_CASE("udp listener: a silent port is reported once", "[live][udp][watchdog]") {
  LiveSettings settings = udp_listener();
  settings.idle_timeout = std::chrono::milliseconds(100);
  RecordingConsumer consumer;
  LiveRun run(settings, consumer);
  REQUIRE(eventually([&] { return run.source().idle_timeouts == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(350));  // more timeouts pass: still one report
  CHECK(run.source().idle_timeouts == 1);
  CHECK(eventually([&] { return run.logged("no datagram for 0.1 s"); }));
}

TEST_CASE("listeners: a port in use fails the start with a message naming it", "[live][tcp-listener]") {
  TestServer taken;
  LiveSettings settings;
  settings.listen_tcp.push_back({"127.0.0.1", taken.port()});
  boost::asio::io_context io;
  RecordingConsumer consumer;
  LiveService service(io, settings, consumer);
  try {
    service.start();
    FAIL("start() should have thrown");
  } catch (const LiveError& e) {
    const std::string what = e.what();
    CHECK(what.find("--listen-tcp 127.0.0.1:" + std::to_string(taken.port())) != std::string::npos);
    CHECK(what.find("cannot bind") != std::string::npos);
  }
}
