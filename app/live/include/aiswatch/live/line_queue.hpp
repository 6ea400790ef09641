// line_queue.hpp — the bounded hand-over between the io_context thread (sockets, framing) and the one
// consumer thread (the decode → track → detect pipeline).
//
// Full policy: push() never blocks and never fails. When the queued batches would exceed max_bytes, the
// OLDEST batches are dropped until the new one fits, and their lines are counted as dropped (on the
// queue and on the source each batch came from). Why drop the oldest: a live desk wants the freshest
// positions; blocking the io thread instead would stall every feed and the HTTP status page at once,
// and an upstream server would drop us for not reading. Memory stays below max_bytes (or one batch,
// when a single batch is larger).
//
//   LineQueue queue(16 << 20);
//   queue.push(std::move(batch));                           // io thread
//   std::deque<LineBatch> got;                              // consumer thread:
//   while (queue.pop_all(got, std::chrono::steady_clock::now() + 1s)) { for (auto& b : got) use(b); got.clear(); }
//   queue.close();                                          // shutdown: pop_all drains, then returns false
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

#include "aiswatch/live/line_batch.hpp"

namespace aiswatch::live {

struct QueueStats {
  std::size_t max_bytes = 0;
  std::size_t queued_bytes = 0;         // now
  std::size_t peak_bytes = 0;           // highest ever
  std::uint64_t pushed_batches = 0;
  std::uint64_t dropped_batches = 0;    // oldest batches dropped to make room (end-of-stream markers too)
  std::uint64_t dropped_lines = 0;      // their lines
};

class LineQueue {
 public:
  explicit LineQueue(std::size_t max_bytes);

  // io thread. After close() the batch is dropped (and counted).
  void push(LineBatch batch);

  // Consumer thread. Waits until a batch is queued, the queue is closed, or `deadline`; then moves every
  // queued batch to the end of `out`. Returns false once the queue is closed and empty.
  bool pop_all(std::deque<LineBatch>& out, std::chrono::steady_clock::time_point deadline);

  // Wakes the consumer; what is queued is still handed out by pop_all.
  void close();

  QueueStats stats() const;

 private:
  void drop_front_locked();

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<LineBatch> batches_;
  QueueStats stats_;
  bool closed_ = false;
};

}  // namespace aiswatch::live
