// consumer_thread.cpp — queue → LineConsumer on one thread.
#include "consumer_thread.hpp"

#include <deque>
#include <utility>

#include "clock.hpp"

namespace aiswatch::live::detail {

ConsumerThread::ConsumerThread(LineQueue& queue, LineConsumer& consumer, std::chrono::milliseconds tick_interval,
                               std::function<void()> on_failure)
    : queue_(queue), consumer_(consumer), tick_interval_(tick_interval), on_failure_(std::move(on_failure)) {}

ConsumerThread::~ConsumerThread() { join(); }

void ConsumerThread::start() { thread_ = std::thread([this] { run(); }); }

void ConsumerThread::join() {
  if (thread_.joinable()) thread_.join();
}

void ConsumerThread::run() {
  using Clock = std::chrono::steady_clock;
  try {
    std::deque<LineBatch> batches;
    Clock::time_point next_tick = Clock::now() + tick_interval_;
    const auto tick_if_due = [&] {
      const Clock::time_point now = Clock::now();
      if (now < next_tick) return;
      consumer_.on_tick(system_now_ms());
      next_tick = now + tick_interval_;
    };
    while (queue_.pop_all(batches, next_tick)) {
      for (LineBatch& batch : batches) {
        if (batch.end_of_stream) {
          consumer_.on_stream_end(batch.source);
        } else {
          for (std::size_t i = 0; i < batch.line_count(); ++i)
            consumer_.on_line(batch.line(i), batch.received_ms, batch.source);
          if (batch.counters) batch.counters->delivered_lines += batch.line_count();
        }
        tick_if_due();  // a long backlog must not starve the periodic work
      }
      batches.clear();
      tick_if_due();
    }
    consumer_.on_finish();
  } catch (...) {
    failure_ = std::current_exception();
    if (on_failure_) on_failure_();
  }
}

}  // namespace aiswatch::live::detail
