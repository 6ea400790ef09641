// line_queue.hpp — the bounded hand-over between the io_context thread (sockets, framing) and the one
// consumer thread (the decode → track → detect pipeline).
//
// Bound: the queue accepts a batch while it holds less than max_bytes, so it never holds more than
// max_bytes plus one batch (a batch is one socket read: ≤ 64 KiB of text plus its line index).
//
// Full policy — backpressure for TCP, counted drops for UDP; nothing ever blocks the io thread:
//   * TCP (a --connect feed, an accepted feeder): before framing a read, the connection asks
//     admit_or_notify(). When the queue is full the connection keeps the bytes it has read in its read
//     buffer and stops reading; the kernel's socket buffers fill and TCP flow control slows the sender
//     down. Nothing is lost. The queue remembers that a producer waits; once the consumer has taken the
//     batches (pop_all), it calls the room handler on the consumer thread, which posts the resumption to
//     the io_context (LiveService does that). Then push() queues the batch unconditionally.
//   * UDP cannot be paused: try_push() queues the datagram's lines if the queue has room, else drops
//     them, counted on the queue (dropped_batches, dropped_lines) and on the source (dropped_lines).
//   * end-of-stream markers go through push(): they are tiny (≈ 150 bytes) and must not be lost.
//
//   LineQueue queue(16 << 20);
//   queue.set_room_handler([&] { asio::post(io, [&] { resume_paused_connections(); }); });
//   if (queue.admit_or_notify()) queue.push(std::move(batch)); else pause();   // io thread, TCP
//   queue.try_push(std::move(datagram_batch));                               // io thread, UDP
//   std::deque<LineBatch> got;                                               // consumer thread:
//   while (queue.pop_all(got, std::chrono::steady_clock::now() + 1s)) { for (auto& b : got) use(b); got.clear(); }
//   queue.close();                                          // shutdown: pop_all drains, then returns false
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>

#include "aiswatch/live/line_batch.hpp"

namespace aiswatch::live {

struct QueueStats {
  std::size_t max_bytes = 0;
  std::size_t queued_bytes = 0;         // now
  std::size_t peak_bytes = 0;           // highest ever (≤ max_bytes + one batch)
  std::uint64_t pushed_batches = 0;     // offered to the queue (queued or dropped)
  std::uint64_t dropped_batches = 0;    // refused: full (UDP, try_push) or pushed after close()
  std::uint64_t dropped_lines = 0;      // their lines
  std::uint64_t full_waits = 0;         // admit_or_notify() found the queue full: a TCP connection paused
};

class LineQueue {
 public:
  explicit LineQueue(std::size_t max_bytes);

  // io thread. True when the queue holds less than max_bytes: the caller may push() one batch. When
  // false, the queue arms the room notification: the room handler runs once pop_all() has made room.
  // The check and the arming are one step, so a wake-up cannot be missed.
  bool admit_or_notify();

  // io thread. Queues the batch whatever the fill level (admitted TCP data, end-of-stream markers).
  // After close() the batch is dropped (and counted).
  void push(LineBatch batch);

  // io thread. Queues the batch if the queue holds less than max_bytes, else drops it and counts its
  // lines (on the queue and on the batch's source). Returns whether it was queued. Never blocks.
  bool try_push(LineBatch batch);

  // Called on the consumer thread, outside the queue's lock, when pop_all() made room after an
  // admit_or_notify() had found the queue full. It must not block: post to the io_context and return.
  // Set it before the consumer starts.
  void set_room_handler(std::function<void()> handler);

  // Consumer thread. Waits until a batch is queued, the queue is closed, or `deadline`; then moves every
  // queued batch to the end of `out`. Returns false once the queue is closed and empty.
  bool pop_all(std::deque<LineBatch>& out, std::chrono::steady_clock::time_point deadline);

  // Wakes the consumer; what is queued is still handed out by pop_all.
  void close();

  QueueStats stats() const;

 private:
  // Under the cap, or empty (so that a cap smaller than one batch still lets batches through, one at a time).
  bool has_room_locked() const noexcept { return stats_.queued_bytes == 0 || stats_.queued_bytes < stats_.max_bytes; }
  void enqueue_locked(LineBatch&& batch, std::size_t bytes);
  void drop_locked(const LineBatch& batch);

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<LineBatch> batches_;
  QueueStats stats_;
  std::function<void()> room_handler_;
  bool producer_waiting_ = false;
  bool closed_ = false;
};

}  // namespace aiswatch::live
