// http_endpoint_test.cpp — the `--http` status endpoint over real sockets: /health JSON with the
// per-source counters, /metrics (Prometheus text format, escaped labels, the pipeline's provider), the
// fallback for the pipeline's routes, /events, the HTML page (escaped), 404/405/400/431/408/500, HEAD.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "aiswatch/live/http_server.hpp"
#include "aiswatch/live/status_routes.hpp"
#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;
using namespace std::chrono_literals;

namespace {

struct Exchange {
  int status = 0;
  std::string head;
  std::string body;
};

Exchange http_exchange(std::uint16_t port, const std::string& request) {
  boost::asio::io_context io;
  auto socket = connect_to(io, port);
  if (!request.empty()) send_all(socket, request);
  const std::string reply = read_to_eof(socket);
  Exchange e;
  const std::size_t split = reply.find("\r\n\r\n");
  REQUIRE(split != std::string::npos);
  e.head = reply.substr(0, split);
  e.body = reply.substr(split + 4);
  REQUIRE(e.head.rfind("HTTP/1.1 ", 0) == 0);
  e.status = std::stoi(e.head.substr(9, 3));
  return e;
}

Exchange get(std::uint16_t port, const std::string& target, const std::string& method = "GET") {
  return http_exchange(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

// A live service with one TCP listener, an event ring and the HTTP server on the same io thread.
struct StatusFixture {
  RecordingConsumer consumer;
  EventRing events{10};
  boost::asio::io_context io;
  LiveSettings settings;
  std::unique_ptr<LiveService> service;
  std::unique_ptr<StatusRoutes> routes;
  std::unique_ptr<HttpServer> http;
  std::unique_ptr<IoThread> thread;

  // `configure` runs before the server starts (providers are not to be set while requests are served).
  explicit StatusFixture(const std::function<void(StatusRoutes&)>& configure = {},
                         const std::function<void(LiveSettings&)>& more_settings = {}) {
    settings.listen_tcp.push_back({"127.0.0.1", 0});
    if (more_settings) more_settings(settings);
    service = std::make_unique<LiveService>(io, settings, consumer);
    service->start();
    routes = std::make_unique<StatusRoutes>(*service, events, 1'700'000'000'000);
    if (configure) configure(*routes);
    http = std::make_unique<HttpServer>(io, HttpServerSettings{.request_timeout = 300ms},
                                        [this](const HttpRequest& r) { return routes->handle(r); });
    http->start();
    thread = std::make_unique<IoThread>(io);
  }
  ~StatusFixture() {
    thread->run_on_io([this] {
      service->stop();
      http->stop();
    });
    thread->join();
  }
  std::uint16_t port() const { return http->port(); }
};

}  // namespace

TEST_CASE("http endpoint: /health reports the sources", "[live][http]") {
  StatusFixture f;
  boost::asio::io_context io;
  auto feeder = connect_to(io, f.service->tcp_listen_ports().at(0));
  send_all(feeder, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n" + std::string(5000, 'x') + "\n");
  REQUIRE(f.consumer.wait_for_lines(1));

  const Exchange e = get(f.port(), "/health");
  CHECK(e.status == 200);
  CHECK(e.head.find("Content-Type: application/json") != std::string::npos);
  const auto j = nlohmann::json::parse(e.body);
  CHECK(j.at("status") == "running");
  CHECK(j.at("lines") == 1);
  CHECK(j.at("overlong_lines") == 1);
  CHECK(j.at("started") == "2023-11-14T22:13:20Z");
  CHECK(j.at("uptime_s").get<double>() > 0);
  CHECK(j.at("last_line").is_string());
  CHECK(j.at("queue").at("max_bytes") == f.settings.queue_max_bytes);
  REQUIRE(j.at("sources").size() == 1);
  const auto& src = j.at("sources")[0];
  CHECK(src.at("name").get<std::string>().rfind("listen-tcp:127.0.0.1:", 0) == 0);
  CHECK(src.at("kind") == "tcp-listener");
  CHECK(src.at("active_connections") == 1);
  CHECK(src.at("lines") == 1);

  const Exchange head = get(f.port(), "/health", "HEAD");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(head.head.find("Content-Length: ") != std::string::npos);
}

TEST_CASE("http endpoint: /events and the status page escape AIS text", "[live][http]") {
  StatusFixture f;
  const std::string hostile = R"({"type":"watchlist_match","name":"<script>alert(1)</script>","mmsi":273123456})";
  f.events.push_event_json(R"({"type":"ais_gap","mmsi":1})");
  f.events.push_event_json(hostile);

  const Exchange all = get(f.port(), "/events");
  CHECK(all.status == 200);
  CHECK(all.head.find("application/x-ndjson") != std::string::npos);
  CHECK(all.body == R"({"type":"ais_gap","mmsi":1})" "\n" + hostile + "\n");
  CHECK(get(f.port(), "/events?n=1").body == hostile + "\n");

  const Exchange page = get(f.port(), "/");
  CHECK(page.status == 200);
  CHECK(page.head.find("text/html") != std::string::npos);
  CHECK(page.head.find("Content-Security-Policy: default-src 'none'") != std::string::npos);
  CHECK(page.body.find("<script>") == std::string::npos);
  CHECK(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.body.find("listen-tcp:127.0.0.1:") != std::string::npos);
}

TEST_CASE("http endpoint: errors", "[live][http]") {
  StatusFixture f;
  CHECK(get(f.port(), "/nope").status == 404);
  CHECK(get(f.port(), "/health/../etc/passwd").status == 404);
  const Exchange post = http_exchange(f.port(), "POST /health HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");
  CHECK(post.status == 405);
  CHECK(post.head.find("Allow: GET, HEAD") != std::string::npos);
  CHECK(http_exchange(f.port(), "\x16\x03\x01 garbage, maybe TLS\r\n\r\n").status == 400);
  CHECK(http_exchange(f.port(), "GET / HTTP/3.0\r\n\r\n").status == 505);
  CHECK(http_exchange(f.port(), "GET / HTTP/1.1\r\nX-Big: " + std::string(20'000, 'a') + "\r\n\r\n").status == 431);
  CHECK(http_exchange(f.port(), "GET / HTTP/1.1\r\n").status == 408);  // the head never ends: timed out
  CHECK(get(f.port(), "/health").status == 200);                   // and the server still answers
}

namespace {

// Checks the Prometheus text exposition format (0.0.4) line by line: every sample belongs to a family
// announced by # HELP and # TYPE just before, no family twice, names and labels well formed.
void check_exposition(const std::string& text) {
  static const std::regex help(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+)");
  static const std::regex type(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
  static const std::regex sample(
      R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf))");
  std::set<std::string> families;
  std::string current;
  std::size_t begin = 0;
  REQUIRE(!text.empty());
  REQUIRE(text.back() == '\n');
  while (begin < text.size()) {
    const std::size_t end = text.find('\n', begin);
    const std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    INFO(line);
    std::smatch m;
    if (std::regex_match(line, m, help)) {
      CHECK(families.insert(m[1]).second);  // each family once
      current = m[1];
      REQUIRE(begin < text.size());
      const std::string next = text.substr(begin, text.find('\n', begin) - begin);
      std::smatch t;
      REQUIRE(std::regex_match(next, t, type));
      CHECK(t[1] == current);
      begin = text.find('\n', begin) + 1;
      continue;
    }
    REQUIRE(std::regex_match(line, m, sample));
    CHECK(m[1] == current);
    CHECK(current.rfind("aiswatch_", 0) == 0);
  }
}

}  // namespace

TEST_CASE("http endpoint: /metrics in the Prometheus text format, then the provider's families", "[live][http][metrics]") {
  std::atomic<int> provider_calls{0};
  StatusFixture f(
      [&](StatusRoutes& routes) {
        routes.set_metrics_provider([&](std::string& out) {
          ++provider_calls;
          out += "# HELP aiswatch_events_total Events raised by the detectors.\n"
                 "# TYPE aiswatch_events_total counter\n"
                 "aiswatch_events_total{type=\"ais_gap\"} 7\n";
        });
      },
      [](LiveSettings& s) {
        // A --connect feed whose name needs escaping (it never connects: the name only has to show up).
        s.connect.push_back({"bad\"host\\name", 1});
        s.reconnect_initial = std::chrono::milliseconds(50);
        s.reconnect_max = std::chrono::milliseconds(50);
      });
  boost::asio::io_context io;
  auto feeder = connect_to(io, f.service->tcp_listen_ports().at(0));
  send_all(feeder, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n" + std::string(5000, 'x') + "\n");
  REQUIRE(f.consumer.wait_for_lines(1));
  REQUIRE(eventually([&] { return f.service->sources().at(0).delivered_lines == 1; }));

  const Exchange e = get(f.port(), "/metrics");
  CHECK(e.status == 200);
  CHECK(e.head.find("\r\nContent-Type: text/plain; version=0.0.4\r\n") != std::string::npos);
  INFO(e.body);
  check_exposition(e.body);
  const auto has = [&](const std::string& line) { return e.body.find("\n" + line + "\n") != std::string::npos; };
  CHECK(has("# TYPE aiswatch_live_lines_total counter"));
  CHECK(has("aiswatch_live_lines_total 1"));
  CHECK(has("aiswatch_live_overlong_lines_total 1"));
  CHECK(has("aiswatch_live_delivered_lines_total 1"));
  CHECK(has("aiswatch_live_dropped_lines_total 0"));
  CHECK(has("aiswatch_live_active_connections 1"));
  CHECK(has("aiswatch_live_connect_feeds 1"));
  CHECK(has("aiswatch_live_connected_feeds 0"));
  CHECK(has("aiswatch_live_queue_max_bytes " + std::to_string(f.settings.queue_max_bytes)));
  CHECK(has("# TYPE aiswatch_live_lines_per_second gauge"));
  const std::string listener = "listen-tcp:127.0.0.1:0";
  CHECK(has(R"(aiswatch_live_source_lines_total{source=")" + listener + R"(",kind="tcp-listener"} 1)"));
  CHECK(has(R"(aiswatch_live_source_active_connections{source=")" + listener + R"(",kind="tcp-listener"} 1)"));
  // The --connect source's name, escaped: bad"host\name → bad\"host\\name
  CHECK(has(R"(aiswatch_live_source_lines_total{source="connect:bad\"host\\name:1",kind="tcp-client"} 0)"));
  // The provider's families come last.
  CHECK(e.body.size() > 40);
  CHECK(e.body.substr(e.body.size() - std::string("aiswatch_events_total{type=\"ais_gap\"} 7\n").size()) ==
        "aiswatch_events_total{type=\"ais_gap\"} 7\n");
  CHECK(provider_calls == 1);

  const Exchange head = get(f.port(), "/metrics", "HEAD");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
}

TEST_CASE("http endpoint: a provider or fallback that throws gets 500, the server keeps serving", "[live][http][metrics]") {
  StatusFixture f([](StatusRoutes& routes) {
    routes.set_metrics_provider([](std::string&) { throw std::runtime_error("pipeline bug"); });
    routes.set_fallback([](const HttpRequest&) -> std::optional<HttpResponse> { throw std::logic_error("bug"); });
  });
  CHECK(get(f.port(), "/metrics").status == 500);
  CHECK(get(f.port(), "/vessels/1").status == 500);
  CHECK(get(f.port(), "/health").status == 200);
}

TEST_CASE("http endpoint: the fallback answers the pipeline's paths; others stay 404", "[live][http][fallback]") {
  std::mutex seen_mutex;
  std::vector<std::string> seen;  // what the fallback was asked (it runs on the io thread)
  StatusFixture f([&](StatusRoutes& routes) {
    routes.set_fallback([&](const HttpRequest& r) -> std::optional<HttpResponse> {
      {
        std::lock_guard lock(seen_mutex);
        seen.push_back(std::string(r.path) + "?" + std::string(r.query));
      }
      constexpr std::string_view vessels = "/vessels/";
      if (r.path.substr(0, vessels.size()) == vessels) {
        const std::string mmsi(r.path.substr(vessels.size()));
        if (mmsi != "273123456") return text_response(404, "no such vessel");
        HttpResponse answer;
        answer.content_type = "application/json";
        answer.body = R"({"mmsi":273123456,"name":"TEST"})";
        return answer;
      }
      if (r.path == "/events") {
        const auto since = r.query_param("since");
        if (!since) return std::nullopt;
        HttpResponse answer;
        answer.content_type = "application/x-ndjson";
        answer.body = "since " + *since + "\n";
        return answer;
      }
      return std::nullopt;  // not ours either: 404
    });
  });
  f.events.push_event_json(R"({"type":"ais_gap","mmsi":1})");

  const Exchange vessel = get(f.port(), "/vessels/273123456");
  CHECK(vessel.status == 200);
  CHECK(vessel.head.find("Content-Type: application/json") != std::string::npos);
  CHECK(nlohmann::json::parse(vessel.body).at("name") == "TEST");
  CHECK(get(f.port(), "/vessels/1").status == 404);
  CHECK(get(f.port(), "/nope").status == 404);  // declined by the fallback

  const Exchange since = get(f.port(), "/events?since=2024-05-01T00%3A00%3A00Z&n=5");
  CHECK(since.status == 200);
  CHECK(since.body == "since 2024-05-01T00:00:00Z\n");  // the query reached the fallback, decoded
  // Plain /events and /events?n=… stay StatusRoutes' own (the fallback is not asked).
  CHECK(get(f.port(), "/events?n=1").body == R"({"type":"ais_gap","mmsi":1})" "\n");
  CHECK(get(f.port(), "/health").status == 200);
  const Exchange head = get(f.port(), "/vessels/273123456", "HEAD");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  {
    std::lock_guard lock(seen_mutex);
    CHECK(std::find(seen.begin(), seen.end(), "/events?n=1") == seen.end());
    CHECK(std::find(seen.begin(), seen.end(), "/health?") == seen.end());
    CHECK(std::find(seen.begin(), seen.end(), "/nope?") != seen.end());
  }
}
