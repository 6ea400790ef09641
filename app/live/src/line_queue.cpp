// line_queue.cpp — bounded, drop-oldest batch queue between the io thread and the consumer thread.
#include "aiswatch/live/line_queue.hpp"

#include <algorithm>
#include <utility>

namespace aiswatch::live {

LineQueue::LineQueue(std::size_t max_bytes) { stats_.max_bytes = max_bytes; }

void LineQueue::drop_front_locked() {
  LineBatch& oldest = batches_.front();
  const std::size_t lines = oldest.line_count();
  stats_.queued_bytes -= oldest.footprint_bytes();
  ++stats_.dropped_batches;
  stats_.dropped_lines += lines;
  if (oldest.counters) oldest.counters->dropped_lines += lines;
  batches_.pop_front();
}

void LineQueue::push(LineBatch batch) {
  const std::size_t bytes = batch.footprint_bytes();
  {
    std::lock_guard lock(mutex_);
    ++stats_.pushed_batches;
    if (closed_) {
      ++stats_.dropped_batches;
      stats_.dropped_lines += batch.line_count();
      if (batch.counters) batch.counters->dropped_lines += batch.line_count();
      return;
    }
    while (!batches_.empty() && stats_.queued_bytes + bytes > stats_.max_bytes) drop_front_locked();
    stats_.queued_bytes += bytes;
    stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.queued_bytes);
    batches_.push_back(std::move(batch));
  }
  ready_.notify_one();
}

bool LineQueue::pop_all(std::deque<LineBatch>& out, std::chrono::steady_clock::time_point deadline) {
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
