// binary_test.cpp — the real aiswatch binary: `serve` → `live --once` end to end, `live` answering on
// --http and shutting down cleanly on SIGTERM (exit 0, final statistics), bad options (exit 1).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "live_run.hpp"
#include "subprocess.hpp"

using namespace aiswatch::live::test;

namespace {

std::string http_get(std::uint16_t port, const std::string& target) {
  boost::asio::io_context io;
  auto socket = connect_to(io, port);
  send_all(socket, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string reply = read_to_eof(socket);
  const std::size_t split = reply.find("\r\n\r\n");
  REQUIRE(split != std::string::npos);
  return reply.substr(split + 4);
}

}  // namespace

TEST_CASE("binary: serve -> live --once delivers and decodes a corpus file", "[live][binary]") {
  const std::string file = data_path("gpsd/sample.aivdm");
  const std::size_t lines = expected_lines(read_file(file)).size();
  Subprocess serve({aiswatch_binary(), "serve", file, "--port", "0", "--speed", "max"});
  const std::string port = serve.wait_for_stderr(R"(serve: listening on 127\.0\.0\.1:(\d+))");

  Subprocess live({aiswatch_binary(), "live", "--connect", "127.0.0.1:" + port, "--once", "--report-every", "0"});
  CHECK(live.wait() == 0);
  CHECK(serve.wait() == 0);
  INFO(live.stderr_text());
  CHECK(live.stderr_text().find("live: stopped after") != std::string::npos);
  CHECK(live.stderr_text().find(std::to_string(lines) + " lines (") != std::string::npos);
  CHECK(live.stderr_text().find(std::to_string(lines) + " delivered to the pipeline, 0 dropped") != std::string::npos);
  CHECK(serve.stderr_text().find("1 clients") != std::string::npos);
}

TEST_CASE("binary: live with --http answers /health, and SIGTERM ends it cleanly", "[live][binary]") {
  Subprocess live({aiswatch_binary(), "live", "--listen-tcp", "127.0.0.1:0", "--listen-udp", "0", "--http", "127.0.0.1:0",
                   "--report-every", "0"});
  const auto tcp_port = static_cast<std::uint16_t>(std::stoi(live.wait_for_stderr(R"(listening on tcp 127\.0\.0\.1:(\d+))")));
  const auto http_port = static_cast<std::uint16_t>(std::stoi(live.wait_for_stderr(R"(status page on http://127\.0\.0\.1:(\d+)/)")));

  boost::asio::io_context io;
  {
    auto feeder = connect_to(io, tcp_port);
    send_all(feeder, joined(corpus_sentences("gpsd/ais-raw-messages.log"), "\r\n"));
  }
  const std::size_t sent = corpus_sentences("gpsd/ais-raw-messages.log").size();
  nlohmann::json health;
  REQUIRE(eventually([&] {
    health = nlohmann::json::parse(http_get(http_port, "/health"));
    return health.at("lines") == sent;
  }));
  CHECK(health.at("sources").size() == 2);
  CHECK(http_get(http_port, "/").find("<h1>aiswatch live</h1>") != std::string::npos);

  live.signal(SIGTERM);
  CHECK(live.wait() == 0);
  INFO(live.stderr_text());
  CHECK(live.stderr_text().find("SIGTERM; stopping") != std::string::npos);
  CHECK(live.stderr_text().find("live: stopped after") != std::string::npos);
  CHECK(live.stderr_text().find(std::to_string(sent) + " delivered to the pipeline") != std::string::npos);
}

TEST_CASE("binary: bad options exit 1 with a message naming them", "[live][binary]") {
  SECTION("no feed") {
    Subprocess live({aiswatch_binary(), "live"});
    CHECK(live.wait() == 1);
    CHECK(live.stderr_text().find("no feed") != std::string::npos);
  }
  SECTION("--connect without a host") {
    Subprocess live({aiswatch_binary(), "live", "--connect", "5631"});
    CHECK(live.wait() == 1);
    CHECK(live.stderr_text().find("--connect 5631: missing host") != std::string::npos);
  }
  SECTION("a port in use") {
    TestServer taken;
    Subprocess live({aiswatch_binary(), "live", "--listen-tcp", "127.0.0.1:" + std::to_string(taken.port())});
    CHECK(live.wait() == 1);
    CHECK(live.stderr_text().find("--listen-tcp 127.0.0.1:" + std::to_string(taken.port()) + ": cannot bind") != std::string::npos);
  }
  SECTION("serve: a missing file, a bad speed") {
    Subprocess missing({aiswatch_binary(), "serve", "/nonexistent.nmea", "--port", "0"});
    CHECK(missing.wait() == 1);
    CHECK(missing.stderr_text().find("/nonexistent.nmea") != std::string::npos);
    Subprocess speed({aiswatch_binary(), "serve", data_path("libais/tagblock.nmea"), "--port", "0", "--speed", "-2"});
    CHECK(speed.wait() == 1);
    CHECK(speed.stderr_text().find("--speed -2") != std::string::npos);
  }
}
