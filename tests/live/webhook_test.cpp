// webhook_test.cpp — WebhookClient against a tiny loopback HTTP server written here with plain Asio
// (independent of the code under test): N events delivered in order as JSON POSTs, the server down
// for a while then up (all delivered, retries counted), 500 answers retried, a server that never
// answers (timeout), the queue bound (oldest dropped, counted), stop() with a deadline, URL checks.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <set>

#include "aiswatch/live/error.hpp"
#include "aiswatch/live/webhook.hpp"
#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;
using namespace std::chrono_literals;

namespace {

struct ReceivedRequest {
  std::string head;
  std::string body;
};

// An HTTP/1.1 server on 127.0.0.1 with keep-alive: reads request heads and Content-Length bodies,
// records them, answers with the status `status_for(request index)` chose (0: never answer). Runs on its
// own io thread; stop() (or the destructor) closes everything.
class TestHttpSink {
 public:
  explicit TestHttpSink(std::uint16_t port = 0, bool close_after_each = false) : close_after_each_(close_after_each) {
    acceptor_.open(boost::asio::ip::tcp::v4());
    acceptor_.set_option(boost::asio::ip::tcp::acceptor::reuse_address(true));
    acceptor_.bind({boost::asio::ip::make_address("127.0.0.1"), port});
    acceptor_.listen();
    accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~TestHttpSink() { stop(); }

  void stop() {
    if (!thread_.joinable()) return;
    boost::asio::post(io_, [this] {
      boost::system::error_code ignored;
      acceptor_.close(ignored);
      for (auto& s : sockets_) s->close(ignored);
    });
    thread_.join();
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::function<int(std::size_t)> status_for = [](std::size_t) { return 200; };

  std::vector<ReceivedRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  std::size_t count() const {
    std::lock_guard lock(mutex_);
    return requests_.size();
  }
  std::vector<std::string> bodies() const {
    std::vector<std::string> out;
    for (const auto& r : requests()) out.push_back(r.body);
    return out;
  }
  std::size_t connections() const { return connections_; }

 private:
  struct Connection {
    std::shared_ptr<boost::asio::ip::tcp::socket> socket;
    std::shared_ptr<boost::asio::streambuf> buffer = std::make_shared<boost::asio::streambuf>();
  };

  void accept() {
    acceptor_.async_accept([this](const boost::system::error_code& ec, boost::asio::ip::tcp::socket socket) {
      if (ec) return;
      ++connections_;
      auto s = std::make_shared<boost::asio::ip::tcp::socket>(std::move(socket));
      sockets_.push_back(s);
      read_request(Connection{s});
      accept();
    });
  }

  void read_request(Connection c) {
    boost::asio::async_read_until(*c.socket, *c.buffer, "\r\n\r\n", [this, c](const boost::system::error_code& ec, std::size_t n) {
      if (ec) return;
      std::string head(boost::asio::buffers_begin(c.buffer->data()), boost::asio::buffers_begin(c.buffer->data()) + n);
      c.buffer->consume(n);
      std::size_t length = 0;
      std::string lower = head;
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (const auto at = lower.find("content-length:"); at != std::string::npos)
        length = std::stoul(lower.substr(at + 15));
      const std::size_t have = c.buffer->size();
      boost::asio::async_read(*c.socket, *c.buffer, boost::asio::transfer_exactly(length > have ? length - have : 0),
                              [this, c, head, length](const boost::system::error_code& read_error, std::size_t) {
                                if (read_error) return;
                                std::string body(boost::asio::buffers_begin(c.buffer->data()),
                                                 boost::asio::buffers_begin(c.buffer->data()) + static_cast<long>(length));
                                c.buffer->consume(length);
                                answer(c, head, std::move(body));
                              });
    });
  }

  void answer(Connection c, std::string head, std::string body) {
    std::size_t index = 0;
    {
      std::lock_guard lock(mutex_);
      index = requests_.size();
      requests_.push_back({std::move(head), std::move(body)});
    }
    const int status = status_for(index);
    if (status == 0) return;  // never answer: the client has to time out
    auto reply = std::make_shared<std::string>(
        "HTTP/1.1 " + std::to_string(status) + (status < 300 ? " OK" : " Server Error") +
        (status == 204 ? std::string("\r\n") : std::string("\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n")) +
        (close_after_each_ ? "Connection: close\r\n" : "") + (status == 204 ? "\r\n" : "\r\nok\n"));
    boost::asio::async_write(*c.socket, boost::asio::buffer(*reply), [this, c, reply](const boost::system::error_code& ec, std::size_t) {
      if (ec) return;
      if (close_after_each_) {
        boost::system::error_code ignored;
        c.socket->shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
        return;
      }
      read_request(c);
    });
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  std::vector<std::shared_ptr<boost::asio::ip::tcp::socket>> sockets_;
  bool close_after_each_;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;
  std::atomic<std::size_t> connections_{0};
  std::thread thread_;
};

// A WebhookClient on its own io thread, with its log captured.
struct HookRun {
  boost::asio::io_context io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work = boost::asio::make_work_guard(io);
  std::mutex log_mutex;
  std::vector<std::string> log;
  std::unique_ptr<WebhookClient> hook;
  std::thread thread;

  explicit HookRun(WebhookSettings settings) {
    hook = std::make_unique<WebhookClient>(io, std::move(settings), [this](std::string_view line) {
      std::lock_guard lock(log_mutex);
      log.emplace_back(line);
    });
    thread = std::thread([this] { io.run(); });
  }
  ~HookRun() { shutdown(100ms); }

  // stop(deadline), then waits for on_stopped and the io thread. Returns how long stopping took.
  std::chrono::milliseconds shutdown(std::chrono::milliseconds flush_for) {
    if (!thread.joinable()) return {};
    const auto start = std::chrono::steady_clock::now();
    std::promise<void> stopped;
    hook->stop(std::chrono::steady_clock::now() + flush_for, [&] { stopped.set_value(); });
    stopped.get_future().wait();
    boost::asio::post(io, [this] { hook.reset(); });  // destroyed on the io thread
    work.reset();
    thread.join();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  }
  WebhookStats stats() const { return hook->stats(); }
  bool logged(std::string_view needle) {
    std::lock_guard lock(log_mutex);
    for (const auto& l : log)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  }
};

WebhookSettings fast_settings(std::uint16_t port, std::string path = "/hook") {
  WebhookSettings s;
  s.url = "http://127.0.0.1:" + std::to_string(port) + path;
  s.retry_initial = 20ms;
  s.retry_max = 200ms;
  s.timeout = 1000ms;
  return s;
}

std::string event(std::size_t i) { return R"({"type":"ais_gap","seq":)" + std::to_string(i) + "}"; }

std::vector<std::string> events(std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(event(i));
  return out;
}

std::uint16_t free_port() {
  TestServer probe;  // borrow a free port and give it back: connecting is refused until someone listens
  return probe.port();
}

}  // namespace

TEST_CASE("webhook: N events are POSTed as JSON, in order, one at a time", "[live][webhook]") {
  const bool close_after_each = GENERATE(false, true);  // keep-alive, and a server that closes every time
  INFO("server closes after each answer: " << close_after_each);
  TestHttpSink sink(0, close_after_each);
  HookRun run(fast_settings(sink.port(), "/aiswatch/events?token=abc"));
  constexpr std::size_t n = 200;
  // Posted from another thread, like the pipeline's consumer thread.
  std::thread producer([&] {
    for (std::size_t i = 0; i < n; ++i) run.hook->post(event(i));
  });
  producer.join();
  REQUIRE(eventually([&] { return run.stats().delivered == n; }, 20s));
  CHECK(sink.bodies() == events(n));
  const auto first = sink.requests().front();
  CHECK(first.head.rfind("POST /aiswatch/events?token=abc HTTP/1.1\r\n", 0) == 0);
  CHECK(first.head.find("\r\nContent-Type: application/json\r\n") != std::string::npos);
  CHECK(first.head.find("\r\nHost: 127.0.0.1:" + std::to_string(sink.port()) + "\r\n") != std::string::npos);
  CHECK(first.head.find("\r\nContent-Length: " + std::to_string(event(0).size()) + "\r\n") != std::string::npos);
  const WebhookStats s = run.stats();
  CHECK(s.queued == n);
  CHECK(s.failures == 0);
  CHECK(s.retries == 0);
  CHECK(s.dropped == 0);
  CHECK(s.pending == 0);
  CHECK(s.last_status == 200);
  if (close_after_each) {
    CHECK(sink.connections() == n);
  } else {
    CHECK(sink.connections() == 1);  // one keep-alive connection for all of them
  }
}

TEST_CASE("webhook: the endpoint is down for a while, then up: everything is delivered, retries counted",
          "[live][webhook]") {
  const std::uint16_t port = free_port();
  HookRun run(fast_settings(port));
  for (std::size_t i = 0; i < 50; ++i) run.hook->post(event(i));
  REQUIRE(eventually([&] { return run.stats().failures >= 3; }));
  std::this_thread::sleep_for(1200ms);  // down for ~1.5 s in all
  const WebhookStats down = run.stats();
  CHECK(down.delivered == 0);
  CHECK(down.pending == 50);
  CHECK(down.last_error.find("cannot connect") != std::string::npos);
  CHECK(down.failures < 40);  // backoff: not a busy loop (20 ms doubling to 200 ms, jittered)
  CHECK(run.logged("retrying in"));

  TestHttpSink sink(port);
  REQUIRE(eventually([&] { return run.stats().delivered == 50; }, 20s));
  CHECK(sink.bodies() == events(50));  // in order, each once
  const WebhookStats s = run.stats();
  CHECK(s.retries >= 3);
  CHECK(s.retries == s.failures);  // every failure was followed by a retry of the same event
  CHECK(s.dropped == 0);
  CHECK(s.last_error.empty());
  CHECK(run.logged("delivering again after"));
}

TEST_CASE("webhook: a 500 answer is retried until the endpoint takes the event", "[live][webhook]") {
  TestHttpSink sink;
  sink.status_for = [](std::size_t i) { return i < 3 ? 500 : (i == 3 ? 404 : 204); };  // 4 failures, then OK
  HookRun run(fast_settings(sink.port()));
  run.hook->post(event(1));
  run.hook->post(event(2));
  REQUIRE(eventually([&] { return run.stats().delivered == 2; }));
  CHECK(sink.bodies() == std::vector<std::string>{event(1), event(1), event(1), event(1), event(1), event(2)});
  const WebhookStats s = run.stats();
  INFO([&] { std::string all; for (const auto& l : run.log) all += l + "\n"; return all; }());
  CHECK(s.failures == 4);
  CHECK(s.retries == 4);
  CHECK(s.last_status == 204);
  CHECK(run.logged("HTTP 500"));
  CHECK(run.logged("HTTP 404"));
}

TEST_CASE("webhook: an endpoint that never answers is timed out and retried", "[live][webhook]") {
  TestHttpSink sink;
  sink.status_for = [](std::size_t i) { return i == 0 ? 0 : 200; };  // the first request hangs
  WebhookSettings settings = fast_settings(sink.port());
  settings.timeout = 200ms;
  HookRun run(settings);
  run.hook->post(event(7));
  REQUIRE(eventually([&] { return run.stats().delivered == 1; }));
  CHECK(sink.bodies() == std::vector<std::string>{event(7), event(7)});
  CHECK(run.stats().failures == 1);
  CHECK(run.logged("timed out"));
}

TEST_CASE("webhook: beyond the queue bound the oldest events are dropped and counted", "[live][webhook]") {
  const std::uint16_t port = free_port();  // down: nothing is delivered while we fill the queue
  WebhookSettings settings = fast_settings(port);
  settings.max_queued = 100;
  HookRun run(settings);
  for (std::size_t i = 0; i < 1000; ++i) run.hook->post(event(i));
  const WebhookStats full = run.stats();
  CHECK(full.queued == 1000);
  CHECK(full.pending <= 100);
  CHECK(full.dropped + full.pending == 1000);
  CHECK(full.dropped >= 900);

  REQUIRE(eventually([&] { return run.logged("dropped so far"); }));  // reported with the next failure
  TestHttpSink sink(port);
  REQUIRE(eventually([&] { return run.stats().pending == 0; }, 20s));
  const WebhookStats s = run.stats();
  CHECK(s.delivered + s.dropped == 1000);  // queued = delivered + dropped + pending
  CHECK(s.delivered <= 101);
  const auto bodies = sink.bodies();
  REQUIRE(!bodies.empty());
  // The newest events survived, in order (the first one may be an old event that was on the wire).
  CHECK(bodies.back() == event(999));
  const std::vector<std::string> newest = events(1000);
  REQUIRE(bodies.size() >= 99);
  CHECK(std::vector<std::string>(bodies.end() - 99, bodies.end()) == std::vector<std::string>(newest.end() - 99, newest.end()));
}

TEST_CASE("webhook: stop() flushes what is queued, and gives up at the deadline", "[live][webhook]") {
  SECTION("endpoint up: the queue is flushed before on_stopped") {
    TestHttpSink sink;
    HookRun run(fast_settings(sink.port()));
    for (std::size_t i = 0; i < 20; ++i) run.hook->post(event(i));
    run.shutdown(5000ms);
    CHECK(sink.bodies() == events(20));
  }
  SECTION("endpoint down: stop() returns at the deadline, what is left is counted as dropped") {
    HookRun run(fast_settings(free_port()));
    for (std::size_t i = 0; i < 5; ++i) run.hook->post(event(i));
    REQUIRE(eventually([&] { return run.stats().failures >= 1; }));
    const auto took = run.shutdown(300ms);
    CHECK(took >= 250ms);
    CHECK(took < 3000ms);
    CHECK(run.logged("stopped with 5 event(s) undelivered"));
  }
  SECTION("post() after stop() is dropped and counted") {
    TestHttpSink sink;
    HookRun run(fast_settings(sink.port()));
    run.hook->stop(std::chrono::steady_clock::now() + 1s);
    run.hook->post(event(1));
    const WebhookStats s = run.stats();
    CHECK(s.queued == 1);
    CHECK(s.dropped == 1);
    CHECK(s.pending == 0);
  }
}

TEST_CASE("webhook: stats after a stop at the deadline", "[live][webhook]") {
  std::atomic<bool> stopped{false};
  boost::asio::io_context io;
  WebhookClient hook(io, fast_settings(free_port()));
  for (std::size_t i = 0; i < 5; ++i) hook.post(event(i));
  boost::asio::steady_timer later(io, 100ms);
  later.async_wait([&](const boost::system::error_code&) {
    hook.stop(std::chrono::steady_clock::now() + 200ms, [&] { stopped = true; });
  });
  io.run_for(5s);
  CHECK(io.stopped());  // nothing left running once stopped
  CHECK(stopped);
  const WebhookStats s = hook.stats();
  CHECK(s.delivered == 0);
  CHECK(s.dropped == 5);
  CHECK(s.pending == 0);
  CHECK(s.failures >= 1);
  std::string metrics;
  hook.append_metrics(metrics);
  CHECK(metrics.find("\naiswatch_live_webhook_dropped_total 5\n") != std::string::npos);
  CHECK(metrics.find("# TYPE aiswatch_live_webhook_pending gauge\n") != std::string::npos);
}

TEST_CASE("webhook: URLs", "[live][webhook]") {
  const auto u = parse_webhook_url("http://hooks.example.org:8080/a/b?c=d#frag");
  CHECK(u.host == "hooks.example.org");
  CHECK(u.port == 8080);
  CHECK(u.target == "/a/b?c=d");
  CHECK(parse_webhook_url("HTTP://h").port == 80);
  CHECK(parse_webhook_url("http://h").target == "/");
  CHECK(parse_webhook_url("http://h?x=1").target == "/?x=1");
  CHECK(parse_webhook_url("http://[::1]:9000/x").host == "::1");
  CHECK_THROWS_WITH(parse_webhook_url("https://hooks.example.org/x"), Catch::Contains("https is not supported"));
  CHECK_THROWS_AS(parse_webhook_url("ftp://h/x"), LiveError);
  CHECK_THROWS_AS(parse_webhook_url("h:80/x"), LiveError);
  CHECK_THROWS_AS(parse_webhook_url("http://:80/x"), LiveError);
  CHECK_THROWS_AS(parse_webhook_url("http://h:0/x"), LiveError);
  CHECK_THROWS_AS(parse_webhook_url("http://h:99999/x"), LiveError);
  CHECK_THROWS_AS(parse_webhook_url("http://h:/x"), LiveError);
  CHECK_THROWS_WITH(parse_webhook_url("http://user:pw@h/x"), Catch::Contains("credentials"));
  CHECK_THROWS_AS(parse_webhook_url("http://h/a b"), LiveError);
  boost::asio::io_context io;
  CHECK_THROWS_WITH(WebhookClient(io, WebhookSettings{.url = "https://h/x"}), Catch::Contains("https"));
}
