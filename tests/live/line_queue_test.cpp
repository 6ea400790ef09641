// line_queue_test.cpp — the bounded hand-over to the consumer thread: admission and room notification
// for TCP backpressure, counted drops for UDP, draining after close, and a producer/consumer run across
// threads with the backpressure protocol (nothing lost, nothing reordered, bounded).
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "aiswatch/live/line_queue.hpp"

namespace {

using aiswatch::live::LineBatch;
using aiswatch::live::LineQueue;
using aiswatch::live::QueueStats;
using aiswatch::live::SourceCounters;
using aiswatch::live::SourceKind;
using namespace std::chrono_literals;

LineBatch batch_of(const std::shared_ptr<SourceCounters>& counters, int first, int count) {
  LineBatch b;
  b.counters = counters;
  b.source = "tcp:127.0.0.1:1";
  for (int i = first; i < first + count; ++i) b.add_line("line " + std::to_string(i));
  return b;
}

std::deque<LineBatch> drain(LineQueue& q) {
  std::deque<LineBatch> out;
  q.pop_all(out, std::chrono::steady_clock::now());
  return out;
}

}  // namespace

TEST_CASE("queue: delivers in order while under the cap", "[live][queue]") {
  auto counters = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:x:1");
  LineQueue q(1 << 20);
  q.push(batch_of(counters, 0, 3));
  q.push(batch_of(counters, 3, 2));
  const auto got = drain(q);
  REQUIRE(got.size() == 2);
  CHECK(got[0].line(0) == "line 0");
  CHECK(got[1].line(1) == "line 4");
  CHECK(q.stats().dropped_lines == 0);
  CHECK(q.stats().queued_bytes == 0);
}

TEST_CASE("queue: full -> TCP producers are told to wait, then notified once the consumer made room",
          "[live][queue][backpressure]") {
  auto a = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:a:1");
  const std::size_t one = batch_of(a, 0, 10).footprint_bytes();
  LineQueue q(3 * one);
  std::atomic<int> notified{0};
  q.set_room_handler([&] { ++notified; });

  int pushed = 0;
  while (q.admit_or_notify()) q.push(batch_of(a, 10 * pushed++, 10));
  CHECK(pushed >= 3);
  CHECK(pushed <= 4);  // admitted while under the cap: at most the cap plus one batch
  const QueueStats full = q.stats();
  CHECK(full.queued_bytes >= full.max_bytes);
  CHECK(full.peak_bytes <= full.max_bytes + 2 * one);  // a later batch may be a few bytes longer than the first
  CHECK(full.dropped_lines == 0);  // nothing is ever dropped for TCP
  CHECK(full.full_waits == 1);
  CHECK(notified == 0);
  CHECK_FALSE(q.admit_or_notify());  // still full: still waiting, not notified twice
  CHECK(notified == 0);

  const auto got = drain(q);
  CHECK(got.size() == static_cast<std::size_t>(pushed));
  CHECK(notified == 1);  // once, on the consumer thread, after pop_all
  CHECK(q.admit_or_notify());
  drain(q);
  CHECK(notified == 1);  // nobody waited: no notification
  CHECK(a->dropped_lines == 0);
}

TEST_CASE("queue: full -> UDP batches are dropped and counted, never blocking", "[live][queue][udp]") {
  auto t = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:a:1");
  auto u = std::make_shared<SourceCounters>(SourceKind::udp_listener, "listen-udp:b:2");
  const std::size_t one = batch_of(t, 0, 10).footprint_bytes();
  LineQueue q(2 * one);
  CHECK(q.try_push(batch_of(u, 0, 10)));
  CHECK(q.try_push(batch_of(u, 10, 10)));
  CHECK_FALSE(q.try_push(batch_of(u, 20, 10)));  // full: dropped
  CHECK_FALSE(q.try_push(batch_of(u, 30, 10)));
  const QueueStats stats = q.stats();
  CHECK(stats.dropped_batches == 2);
  CHECK(stats.dropped_lines == 20);
  CHECK(u->dropped_lines == 20);
  CHECK(stats.peak_bytes <= stats.max_bytes + 2 * one);

  // push() (admitted TCP data, end-of-stream markers) always queues while open.
  q.push(batch_of(t, 100, 10));
  const auto got = drain(q);
  REQUIRE(got.size() == 3);
  CHECK(got[0].line(0) == "line 0");
  CHECK(got[1].line(0) == "line 10");
  CHECK(got[2].line(0) == "line 100");
  CHECK(q.try_push(batch_of(u, 40, 10)));  // room again
}

TEST_CASE("queue: a batch bigger than the cap still goes through alone", "[live][queue]") {
  auto c = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:a:1");
  LineQueue q(64);
  REQUIRE(q.admit_or_notify());  // empty: always admits
  q.push(batch_of(c, 0, 100));
  CHECK_FALSE(q.admit_or_notify());
  CHECK_FALSE(q.try_push(batch_of(c, 100, 100)));
  CHECK(q.stats().dropped_batches == 1);
  const auto got = drain(q);
  REQUIRE(got.size() == 1);
  CHECK(got[0].line(0) == "line 0");
  CHECK(q.try_push(batch_of(c, 200, 100)));  // empty again
}

TEST_CASE("queue: close wakes the consumer, queued batches are still handed out", "[live][queue]") {
  auto c = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:a:1");
  LineQueue q(1 << 20);
  q.push(batch_of(c, 0, 1));
  q.close();
  std::deque<LineBatch> out;
  CHECK(q.pop_all(out, std::chrono::steady_clock::now() + 10s));
  CHECK(out.size() == 1);
  out.clear();
  CHECK_FALSE(q.pop_all(out, std::chrono::steady_clock::now() + 10s));  // closed and empty: at once

  SECTION("a push after close is dropped and counted") {
    q.push(batch_of(c, 1, 4));
    CHECK(q.stats().dropped_lines == 4);
    CHECK(c->dropped_lines == 4);
  }
}

TEST_CASE("queue: pop_all returns at the deadline when nothing comes", "[live][queue]") {
  LineQueue q(1 << 20);
  std::deque<LineBatch> out;
  CHECK(q.pop_all(out, std::chrono::steady_clock::now() + 20ms));  // still open: true, nothing
  CHECK(out.empty());
}

TEST_CASE("queue: producer and consumer threads with backpressure: every line, in order, bounded",
          "[live][queue][backpressure]") {
  auto c = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:a:1");
  const std::size_t one = batch_of(c, 0, 50).footprint_bytes();
  LineQueue q(8 * one);
  // The producer plays the io thread: it waits for the room notification instead of pausing a socket.
  std::mutex m;
  std::condition_variable room;
  bool has_room = false;
  q.set_room_handler([&] {
    std::lock_guard lock(m);
    has_room = true;
    room.notify_one();
  });
  const int batches = 20'000;
  std::size_t consumed = 0;
  int last_seen = -1;
  bool in_order = true;
  std::thread consumer([&] {
    std::deque<LineBatch> out;
    while (q.pop_all(out, std::chrono::steady_clock::now() + 100ms)) {
      for (const LineBatch& b : out) {
        const int first = std::stoi(std::string(b.line(0).substr(5)));
        in_order = in_order && first == last_seen + 1;
        last_seen = first + static_cast<int>(b.line_count()) - 1;
        consumed += b.line_count();
      }
      out.clear();
    }
  });
  int waits = 0;
  for (int i = 0; i < batches; ++i) {
    while (!q.admit_or_notify()) {
      ++waits;
      std::unique_lock lock(m);
      REQUIRE(room.wait_for(lock, 10s, [&] { return has_room; }));  // a lost wake-up would hang here
      has_room = false;
    }
    q.push(batch_of(c, i * 50, 50));
  }
  q.close();
  consumer.join();
  const auto stats = q.stats();
  CHECK(in_order);
  CHECK(consumed == static_cast<std::size_t>(batches) * 50);
  CHECK(stats.dropped_lines == 0);
  CHECK(stats.peak_bytes <= stats.max_bytes + 2 * one);
  INFO("the producer waited " << waits << " times");
  CHECK(stats.full_waits == static_cast<std::uint64_t>(waits));
}
