// small_parts_test.cpp — endpoint parsing, reconnect backoff, the event ring, log escaping.
#include <catch2/catch.hpp>

#include <thread>

#include "aiswatch/live/backoff.hpp"
#include "aiswatch/live/endpoint.hpp"
#include "aiswatch/live/event_ring.hpp"
#include "aiswatch/live/log.hpp"

using namespace aiswatch::live;
using namespace std::chrono_literals;

TEST_CASE("endpoint: valid addresses", "[live][endpoint]") {
  auto [text, fallback, host, port] = GENERATE(table<std::string, std::string, std::string, int>({
      {"127.0.0.1:5631", "", "127.0.0.1", 5631},
      {"feed.example.org:10110", "", "feed.example.org", 10110},
      {"[::1]:8080", "", "::1", 8080},
      {"10110", "127.0.0.1", "127.0.0.1", 10110},
      {"0.0.0.0:0", "", "0.0.0.0", 0},
      {"h:65535", "", "h", 65535},
  }));
  const auto e = parse_endpoint(text, fallback.empty() ? std::nullopt : std::optional<std::string_view>(fallback));
  INFO(text);
  REQUIRE(e);
  CHECK(e->host == host);
  CHECK(e->port == port);
  CHECK(parse_endpoint(to_string(*e), std::nullopt)->host == host);  // round trip
}

TEST_CASE("endpoint: bad addresses come back as reasons", "[live][endpoint]") {
  auto [text, reason] = GENERATE(table<std::string, EndpointError>({
      {"", EndpointError::empty},
      {"5631", EndpointError::missing_host},  // no default host here
      {":5631", EndpointError::missing_host},
      {"host:", EndpointError::bad_port},
      {"host:65536", EndpointError::bad_port},
      {"host:-1", EndpointError::bad_port},
      {"host:12ab", EndpointError::bad_port},
      {"[::1", EndpointError::bad_host},
      {"[::1]5631", EndpointError::bad_port},
      {"::1:5631", EndpointError::bad_host},
      {"bad host:1", EndpointError::bad_host},
      {std::string("ho\nst:1"), EndpointError::bad_host},
  }));
  const auto e = parse_endpoint(text, std::nullopt);
  INFO(text);
  REQUIRE_FALSE(e);
  CHECK(e.error() == reason);
  CHECK_FALSE(to_string(e.error()).empty());
}

TEST_CASE("backoff: grows, is capped, jitters, resets", "[live][backoff]") {
  Backoff backoff(500ms, 30s, 42);
  std::chrono::milliseconds base = 500ms;
  for (int i = 0; i < 12; ++i) {
    const auto d = backoff.next();
    INFO("attempt " << i);
    CHECK(d >= base / 2);
    CHECK(d <= base);
    base = std::min<std::chrono::milliseconds>(base * 2, 30s);
  }
  CHECK(backoff.next() <= 30s);  // capped for good
  backoff.reset();
  CHECK(backoff.next() <= 500ms);

  SECTION("two clients with different seeds do not retry in lock-step") {
    Backoff a(1000ms, 30s, 1);
    Backoff b(1000ms, 30s, 2);
    int same = 0;
    for (int i = 0; i < 10; ++i) same += a.next() == b.next() ? 1 : 0;
    CHECK(same < 10);
  }
}

TEST_CASE("event ring: bounded, newest kept, thread-safe", "[live][events]") {
  EventRing ring(3);
  CHECK(ring.latest(10).empty());
  for (int i = 0; i < 5; ++i) ring.push_event_json(R"({"id":")" + std::to_string(i) + R"("})");
  CHECK(ring.total_pushed() == 5);
  CHECK(ring.size() == 3);
  CHECK(ring.latest(10) == std::vector<std::string>{R"({"id":"2"})", R"({"id":"3"})", R"({"id":"4"})"});
  CHECK(ring.latest(1) == std::vector<std::string>{R"({"id":"4"})"});

  SECTION("a writer and a reader at once") {
    EventRing shared(100);
    std::thread writer([&] {
      for (int i = 0; i < 20'000; ++i) shared.push_event_json("{}");
    });
    std::size_t seen = 0;
    for (int i = 0; i < 2'000; ++i) seen = std::max(seen, shared.latest(50).size());
    writer.join();
    CHECK(shared.total_pushed() == 20'000);
    CHECK(shared.size() == 100);
    CHECK(seen <= 50);
  }
}

TEST_CASE("log_safe: a label stays one printable line", "[live][log]") {
  CHECK(log_safe("tcp:127.0.0.1:5631") == "tcp:127.0.0.1:5631");
  CHECK(log_safe("a\nb\x1b[31m\\") == "a\\x0ab\\x1b[31m\\x5c");
  CHECK(log_safe("\xff") == "\\xff");
}
