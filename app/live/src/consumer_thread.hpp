// consumer_thread.hpp — the one thread that calls the LineConsumer: takes batches from the LineQueue,
// delivers their lines in order, calls on_tick about once per interval (also on a quiet feed), and on
// close drains what is queued and calls on_finish. An exception thrown by the consumer ends the thread;
// it is kept for the owner (failure()) and `on_failure` is called on this thread.
#pragma once

#include <chrono>
#include <exception>
#include <functional>
#include <thread>

#include "aiswatch/live/line_consumer.hpp"
#include "aiswatch/live/line_queue.hpp"

namespace aiswatch::live::detail {

class ConsumerThread {
 public:
  ConsumerThread(LineQueue& queue, LineConsumer& consumer, std::chrono::milliseconds tick_interval,
                 std::function<void()> on_failure);
  ~ConsumerThread();  // joins
  ConsumerThread(const ConsumerThread&) = delete;
  ConsumerThread& operator=(const ConsumerThread&) = delete;

  void start();
  // Returns once the queue was closed and drained (the caller closes it first).
  void join();
  std::exception_ptr failure() const noexcept { return failure_; }  // after join()

 private:
  void run();

  LineQueue& queue_;
  LineConsumer& consumer_;
  std::chrono::milliseconds tick_interval_;
  std::function<void()> on_failure_;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace aiswatch::live::detail
