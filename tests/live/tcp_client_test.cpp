// tcp_client_test.cpp — `--connect`: lines from a real server on 127.0.0.1, reconnection after the
// server drops us or is not there yet (backoff), the idle watchdog, and --once.
#include <catch2/catch.hpp>

#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;

namespace {

LiveSettings client_settings(std::uint16_t port) {
  LiveSettings s;
  s.connect.push_back({"127.0.0.1", port});
  s.reconnect_initial = std::chrono::milliseconds(20);  // tests should not wait half a second per retry
  s.reconnect_max = std::chrono::milliseconds(100);
  return s;
}

}  // namespace

TEST_CASE("tcp client: receives lines and reconnects after the server drops it", "[live][tcp-client]") {
  const auto sentences = corpus_sentences("gpsd/ais-nmea.log");
  REQUIRE(sentences.size() > 40);
  const std::vector<std::string> first(sentences.begin(), sentences.begin() + 20);
  const std::vector<std::string> second(sentences.begin() + 20, sentences.begin() + 40);

  TestServer server;
  RecordingConsumer consumer;
  LiveRun run(client_settings(server.port()), consumer);
  const std::string label = "tcp:127.0.0.1:" + std::to_string(server.port());
  {
    auto feed = server.accept();
    send_all(feed, joined(first, "\r\n"));
    REQUIRE(consumer.wait_for_lines(20));
  }  // the server drops the connection
  {
    auto feed = server.accept();  // the client came back
    send_all(feed, joined(second, "\r\n"));
    REQUIRE(consumer.wait_for_lines(40));
  }
  REQUIRE(consumer.wait_until([&] { return consumer.ended().size() >= 2; }));

  std::vector<std::string> all = first;
  all.insert(all.end(), second.begin(), second.end());
  CHECK(consumer.texts() == all);
  for (const auto& l : consumer.lines()) CHECK(l.source == label);
  CHECK(consumer.ended() == std::vector<std::string>{label, label});  // stream ends: pending fragments can go

  const SourceSnapshot s = run.source();
  CHECK(s.kind == SourceKind::tcp_client);
  CHECK(s.connections >= 2);
  CHECK(s.reconnects >= 1);
  CHECK(s.disconnects >= 2);
  CHECK(s.lines == 40);
  CHECK(s.bytes == joined(all, "\r\n").size());
  CHECK(run.logged("closed by the peer; reconnecting in"));
  run.stop();
  CHECK(consumer.finished() == 1);
  CHECK(run.source().delivered_lines == 40);
}

TEST_CASE("tcp client: retries with backoff until the server appears", "[live][tcp-client]") {
  std::uint16_t port = 0;
  {
    TestServer probe;  // borrow a free port, then close it: connecting is refused until we listen again
    port = probe.port();
  }
  RecordingConsumer consumer;
  LiveRun run(client_settings(port), consumer);
  REQUIRE(eventually([&] { return run.source().connect_failures >= 3; }));
  CHECK(eventually([&] { return run.logged("cannot connect"); }));

  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io);
  acceptor.open(boost::asio::ip::tcp::v4());
  acceptor.set_option(boost::asio::ip::tcp::acceptor::reuse_address(true));
  acceptor.bind({boost::asio::ip::make_address("127.0.0.1"), port});
  acceptor.listen();
  auto feed = acceptor.accept();
  send_all(feed, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n");
  REQUIRE(consumer.wait_for_lines(1));
  CHECK(run.source().connections == 1);
  CHECK(run.source().reconnects == 0);  // the first connection is not a reconnection
}

TEST_CASE("tcp client: the idle watchdog reconnects a silent feed", "[live][tcp-client][watchdog]") {
  TestServer server;
  RecordingConsumer consumer;
  LiveSettings settings = client_settings(server.port());
  settings.idle_timeout = std::chrono::milliseconds(150);
  LiveRun run(settings, consumer);

  auto silent = server.accept();
  CHECK(read_to_eof(silent).empty());  // the client gives up on us: EOF
  auto again = server.accept();        // … and reconnects
  CHECK(eventually([&] { return run.source().idle_timeouts >= 1; }));
  CHECK(run.source().connections >= 2);
  CHECK(eventually([&] { return run.logged("no data for 0.15 s; reconnecting"); }));

  send_all(again, "!AIVDM,1,1,,B,,0*25\n");  // data resets the watchdog
  CHECK(consumer.wait_for_lines(1));
}

TEST_CASE("tcp client: --once stops the service when the feed ends", "[live][tcp-client]") {
  TestServer server;
  RecordingConsumer consumer;
  LiveSettings settings = client_settings(server.port());
  settings.reconnect = false;
  LiveRun run(settings, consumer);
  {
    auto feed = server.accept();
    send_all(feed, "line one\r\nline two without terminator");
  }
  REQUIRE(run.wait_for_exit());  // stopped by itself: io.run() returned
  CHECK(run.service().stopped());
  CHECK(consumer.texts() == std::vector<std::string>{"line one", "line two without terminator"});
  CHECK(consumer.finished() == 1);
  CHECK(run.logged("not reconnecting"));
}
