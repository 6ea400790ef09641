// line_queue.cpp — bounded batch queue between the io thread and the consumer thread: admission and
// room notification for TCP backpressure, counted drops for UDP.
#include "aiswatch/live/line_queue.hpp"

#include <algorithm>
#include <utility>

namespace aiswatch::live {

LineQueue::LineQueue(std::size_t max_bytes) { stats_.max_bytes = max_bytes; }

void LineQueue::drop_locked(const LineBatch& batch) {
  const std::size_t lines = batch.line_count();
  ++stats_.dropped_batches;
  stats_.dropped_lines += lines;
  if (batch.counters && lines != 0) batch.counters->dropped_lines += lines;
}

void LineQueue::enqueue_locked(LineBatch&& batch, std::size_t bytes) {
  stats_.queued_bytes += bytes;
  stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.queued_bytes);
  batches_.push_back(std::move(batch));
}

bool LineQueue::admit_or_notify() {
  std::lock_guard lock(mutex_);
  if (closed_ || has_room_locked()) return true;  // after close, push() counts the drop
  producer_waiting_ = true;
  ++stats_.full_waits;
  return false;
}

void LineQueue::push(LineBatch batch) {
  const std::size_t bytes = batch.footprint_bytes();
  {
    std::lock_guard lock(mutex_);
    ++stats_.pushed_batches;
    if (closed_) {
      drop_locked(batch);
      return;
    }
    enqueue_locked(std::move(batch), bytes);
  }
  ready_.notify_one();
}

bool LineQueue::try_push(LineBatch batch) {
  const std::size_t bytes = batch.footprint_bytes();
  {
    std::lock_guard lock(mutex_);
    ++stats_.pushed_batches;
    if (closed_ || !has_room_locked()) {
      drop_locked(batch);
      return false;
    }
    enqueue_locked(std::move(batch), bytes);
  }
  ready_.notify_one();
  return true;
}

void LineQueue::set_room_handler(std::function<void()> handler) {
  std::lock_guard lock(mutex_);
  room_handler_ = std::move(handler);
}

bool LineQueue::pop_all(std::deque<LineBatch>& out, std::chrono::steady_clock::time_point deadline) {
  std::function<void()> notify;
  {
    std::unique_lock lock(mutex_);
    ready_.wait_until(lock, deadline, [this] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return !closed_;
    if (out.empty()) {
      out.swap(batches_);
    } else {
      std::move(batches_.begin(), batches_.end(), std::back_inserter(out));
      batches_.clear();
    }
    stats_.queued_bytes = 0;
    if (producer_waiting_) {
      producer_waiting_ = false;
      notify = room_handler_;
    }
  }
  if (notify) notify();
  return true;
}

void LineQueue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

QueueStats LineQueue::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace aiswatch::live
