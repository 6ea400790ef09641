// feed_connection.cpp — the read loop and idle watchdog of one TCP feed connection.
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
                                                                             std::size_t n) {
    if (!self->open_) return;
    if (n > 0) {
      self->last_data_ = std::chrono::steady_clock::now();
      const FramedCounts counts = frame_and_queue(std::string_view(self->buffer_.data(), n), false, self->framer_,
                                                  self->label_, self->counters_, self->context_.queue);
      if (counts.lines != 0) self->received_lines_ = true;
    }
    if (ec == asio::error::eof) {
      self->close(CloseReason::end_of_stream, ec);
    } else if (ec) {
      self->close(CloseReason::error, ec);
    } else {
      self->read();
    }
  });
}

void FeedConnection::arm_watchdog(std::chrono::steady_clock::time_point deadline) {
  watchdog_.expires_at(deadline);
  watchdog_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || !self->open_) return;
    const auto due = self->last_data_ + self->context_.settings.idle_timeout;
    if (std::chrono::steady_clock::now() < due) {
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
  boost::system::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  watchdog_.cancel();
  --counters_->active_connections;
  ++counters_->disconnects;
  // An unterminated last line still counts: a feeder may close right after its final sentence.
  if (reason == CloseReason::end_of_stream) {
    frame_and_queue({}, true, framer_, label_, counters_, context_.queue);
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
  boost::system::error_code ignored;
  socket_.close(ignored);
  watchdog_.cancel();
  --counters_->active_connections;
  on_closed_ = nullptr;
}

}  // namespace aiswatch::live::detail
