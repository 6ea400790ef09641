// live_http_test.cpp — `aiswatch live` serving the pipeline over --http while fed on a TCP listener:
// /vessels/{mmsi} (identity, last and predicted position, matches, events), /events?since=, /metrics
// (transport and pipeline families), /health; and --webhook delivering every flagged event to a
// loopback HTTP server.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "../live/subprocess.hpp"
#include "aiswatch/ais/line_reader.hpp"
#include "loopback.hpp"

using aiswatch::app::test::http_get;
using aiswatch::live::test::aiswatch_binary;
using aiswatch::live::test::Subprocess;

namespace {

const std::string kSource = AISWATCH_SOURCE_DIR;
const std::string kDemo = kSource + "/samples/demo/demo.nmea.gz";
const std::string kOfac = kSource + "/watchlists/data/ofac_sdn_vessels_20240503.csv";
constexpr std::uint32_t kLadyR = 273218470;  // watchlisted (OFAC SDN 37095) in the demo

std::string demo_lines(std::size_t max_lines) {
  aiswatch::ais::LineReader reader(kDemo);
  std::string out;
  for (std::size_t n = 0; n < max_lines; ++n) {
    const auto line = reader.next_line();
    if (!line) break;
    out.append(*line);
    out += "\r\n";
  }
  return out;
}

template <class F>
bool eventually(F f, std::chrono::seconds within = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    if (f()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE("live --http: /vessels, /events?since=, /metrics and /health answer from the pipeline", "[app][live][http]") {
  Subprocess live({aiswatch_binary(), "live", "--listen-tcp", "127.0.0.1:0", "--http", "127.0.0.1:0", "--report-every",
                   "0", "--watchlist", kOfac});
  const auto tcp = static_cast<std::uint16_t>(std::stoi(live.wait_for_stderr(R"(listening on tcp 127\.0\.0\.1:(\d+))")));
  const auto http = static_cast<std::uint16_t>(std::stoi(live.wait_for_stderr(R"(status page on http://127\.0\.0\.1:(\d+)/)")));
  {
    const int fd = aiswatch::app::test::connect_loopback(tcp);
    aiswatch::app::test::send_all(fd, demo_lines(40'000));  // the first ~20 h of the demo
    ::close(fd);
  }
  std::string lady_r = "/vessels/";
  lady_r += std::to_string(kLadyR);  // appended, not operator+: GCC 12 -Warray-bounds misfires on the temporary
  REQUIRE(eventually([&] { return http_get(http, lady_r).status == 200; }));

  const auto vessel = nlohmann::json::parse(http_get(http, lady_r).body);
  CHECK(vessel.at("name") == "LADY R");
  CHECK(vessel.at("imo") == 9161003);
  CHECK(vessel.at("flag") == "RU");
  CHECK(vessel.at("last").at("lat").get<double>() > 30);
  CHECK(vessel.at("watchlist").at(0).at("entry") == "37095");
  CHECK_FALSE(vessel.at("events").empty());

  CHECK(http_get(http, "/vessels/1").status == 404);
  CHECK(http_get(http, "/vessels/27321847x").status == 400);
  CHECK(http_get(http, "/events?since=yesterday").status == 400);

  const auto since = http_get(http, "/events?since=2024-03-10T00:00:00Z&n=5");
  CHECK(since.status == 200);
  std::size_t lines = 0;
  for (std::size_t at = 0; (at = since.body.find('\n', at)) != std::string::npos; ++at) ++lines;
  CHECK(lines >= 1);
  CHECK(lines <= 5);
  CHECK(nlohmann::json::parse(since.body.substr(0, since.body.find('\n'))).contains("evidence"));
  CHECK(http_get(http, "/events?since=2030-01-01T00:00:00Z").body.empty());

  const auto metrics = http_get(http, "/metrics");
  CHECK(metrics.status == 200);
  for (const char* family : {"aiswatch_vessels_tracked", "aiswatch_messages_decoded_total", "aiswatch_rejects_total{reason=",
                             "aiswatch_events_total", "aiswatch_event_latency_ms{quantile=\"0.99\"}", "aiswatch_live_"})
    CHECK(metrics.body.find(family) != std::string::npos);
  CHECK(http_get(http, "/health").status == 200);

  live.signal(SIGTERM);
  CHECK(live.wait() == 0);
}

TEST_CASE("live --webhook: every flagged event is POSTed to the receiver, in order", "[app][live][webhook]") {
  aiswatch::app::test::RecordingHttpServer receiver;
  Subprocess serve({aiswatch_binary(), "serve", kDemo, "--port", "0", "--speed", "max"});
  const std::string port = serve.wait_for_stderr(R"(serve: listening on 127\.0\.0\.1:(\d+))");
  Subprocess live({aiswatch_binary(), "live", "--connect", "127.0.0.1:" + port, "--once", "--report-every", "0",
                   "--watchlist", kOfac, "--webhook", "http://127.0.0.1:" + std::to_string(receiver.port()) + "/alerts",
                   "--events", "/dev/null"});
  REQUIRE(live.wait(std::chrono::seconds(120)) == 0);
  CHECK(serve.wait() == 0);
  INFO(live.stderr_text());
  const auto bodies = receiver.bodies();
  REQUIRE(bodies.size() >= 20);
  std::set<std::string> ids;
  for (const std::string& b : bodies) {
    const auto j = nlohmann::json::parse(b);
    CHECK(j.at("flagged").get<bool>());
    ids.insert(j.at("id").get<std::string>());
  }
  CHECK(ids.size() == bodies.size());  // each once
  CHECK(live.stderr_text().find(std::to_string(bodies.size()) + " delivered") != std::string::npos);
}
