// feed_connection.cpp — the read loop, backpressure and idle watchdog of one TCP feed connection.
#include "feed_connection.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include <utility>

namespace aiswatch::live::detail {

namespace asio = boost::asio;

std::string describe(CloseReason reason, const boost::system::error_code& error, std::chrono::milliseconds idle_timeout) {
  switch (reason) {
    case CloseReason::end_of_stream: return "closed by the peer";
    case CloseReason::error: return fmt::format("connection error: {}", error.message());
    case CloseReason::idle: return fmt::format("no data for {:g} s", static_cast<double>(idle_timeout.count()) / 1000.0);
  }
  return "closed";
}

FeedConnection::FeedConnection(const FeedContext& context, asio::ip::tcp::socket socket, std::string label,
                               std::shared_ptr<SourceCounters> counters, OnClosed on_closed)
    : context_(context),
      socket_(std::move(socket)),
      watchdog_(context.io),
      label_(std::move(label)),
      counters_(std::move(counters)),
      on_closed_(std::move(on_closed)),
      framer_(context.settings.max_line_bytes),
      buffer_(kReadBufferBytes) {}

void FeedConnection::start() {
  ++counters_->connections;
  ++counters_->active_connections;
  last_data_ = std::chrono::steady_clock::now();
  read();
  if (context_.settings.idle_timeout.count() > 0) arm_watchdog(last_data_ + context_.settings.idle_timeout);
}

void FeedConnection::read() {
  socket_.async_read_some(asio::buffer(buffer_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                             std::size_t n) { self->on_read(ec, n); });
}

void FeedConnection::on_read(const boost::system::error_code& ec, std::size_t n) {
  if (!open_) return;
  if (n > 0) last_data_ = std::chrono::steady_clock::now();
  held_bytes_ = n;
  held_error_ = ec;
  deliver();
}

void FeedConnection::deliver() {
  if (held_bytes_ > 0) {
    if (!context_.queue.admit_or_notify()) {
      pause();
      return;
    }
    const FrameResult r = frame_and_queue(std::string_view(buffer_.data(), held_bytes_), false, framer_, label_,
                                          counters_, context_.queue, QueueMode::admitted);
    held_bytes_ = 0;
    if (r.lines != 0) received_lines_ = true;
  }
  if (held_error_ == asio::error::eof) {
    // The unterminated last line (if any) is queued by close(): it waits for room like any other read.
    if (framer_.pending_bytes() != 0 && !context_.queue.admit_or_notify()) {
      pause();
      return;
    }
    close(CloseReason::end_of_stream, held_error_);
  } else if (held_error_) {
    close(CloseReason::error, held_error_);
  } else {
    read();
  }
}

void FeedConnection::set_paused(bool paused) {
  if (paused == paused_) return;
  paused_ = paused;
  if (paused) {
    ++counters_->paused_connections;
  } else {
    --counters_->paused_connections;
  }
}

void FeedConnection::pause() {
  if (!paused_) ++counters_->backpressure_pauses;  // one pause, however many times it is re-queued
  set_paused(true);
  context_.paused.add([weak = weak_from_this()] {
    if (const auto self = weak.lock()) self->resume();
  });
}

void FeedConnection::resume() {
  if (!open_ || !paused_) return;
  // Not paused from here on unless deliver() finds the queue full again (then it stays one pause).
  if (!context_.queue.admit_or_notify()) {
    context_.paused.add([weak = weak_from_this()] {
      if (const auto self = weak.lock()) self->resume();
    });
    return;
  }
  set_paused(false);
  last_data_ = std::chrono::steady_clock::now();  // the silence while paused was ours, not the peer's
  deliver();
}

void FeedConnection::arm_watchdog(std::chrono::steady_clock::time_point deadline) {
  watchdog_.expires_at(deadline);
  watchdog_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || !self->open_) return;
    const auto timeout = self->context_.settings.idle_timeout;
    const auto now = std::chrono::steady_clock::now();
    if (self->paused_) {
      self->arm_watchdog(now + timeout);  // not reading: the peer cannot be blamed for silence
      return;
    }
    const auto due = self->last_data_ + timeout;
    if (now < due) {
      self->arm_watchdog(due);  // data came meanwhile
      return;
    }
    ++self->counters_->idle_timeouts;
    self->close(CloseReason::idle, {});
  });
}

void FeedConnection::close(CloseReason reason, const boost::system::error_code& error) {
  if (!open_) return;
  open_ = false;
  set_paused(false);
  boost::system::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  watchdog_.cancel();
  --counters_->active_connections;
  ++counters_->disconnects;
  // An unterminated last line still counts: a feeder may close right after its final sentence. A line
  // cut off by a reset or the watchdog is only a fragment: counted, not delivered.
  if (reason == CloseReason::end_of_stream) {
    frame_and_queue({}, true, framer_, label_, counters_, context_.queue, QueueMode::admitted);
  } else if (framer_.discard_pending()) {
    ++counters_->partial_lines;
  }
  queue_end_of_stream(label_, counters_, context_.queue);
  if (on_closed_) {
    auto handler = std::move(on_closed_);  // once; the handler may drop the owner's reference to us
    handler(*this, reason, error);
  }
}

void FeedConnection::stop() {
  if (!open_) return;
  open_ = false;
  set_paused(false);
  // What backpressure held back was received: it goes to the consumer with the rest of the queue.
  if (held_bytes_ > 0) {
    frame_and_queue(std::string_view(buffer_.data(), held_bytes_), false, framer_, label_, counters_, context_.queue,
                    QueueMode::admitted);
    held_bytes_ = 0;
  }
  if (held_error_ == asio::error::eof) {
    frame_and_queue({}, true, framer_, label_, counters_, context_.queue, QueueMode::admitted);  // a clean end
  } else if (framer_.discard_pending()) {
    ++counters_->partial_lines;
  }
  boost::system::error_code ignored;
  socket_.close(ignored);
  watchdog_.cancel();
  --counters_->active_connections;
  on_closed_ = nullptr;
}

}  // namespace aiswatch::live::detail
