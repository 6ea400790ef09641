// serve_client.cpp — write queue and graceful close of one `serve` client.
#include "serve_client.hpp"

#include "aiswatch/live/asio.hpp"

#include <utility>

namespace aiswatch::live::detail {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {
// How long a finished client may take to close its side after our half-close.
constexpr std::chrono::seconds kLinger{5};
}  // namespace

ServeClient::ServeClient(tcp::socket socket, std::string label, std::size_t low_water_bytes, Hooks hooks)
    : socket_(std::move(socket)),
      linger_timer_(socket_.get_executor()),
      label_(std::move(label)),
      low_water_bytes_(low_water_bytes),
      hooks_(std::move(hooks)) {}

void ServeClient::start() {
  boost::system::error_code ignored;
  socket_.set_option(tcp::no_delay(true), ignored);  // paced lines should leave at once, not after 40 ms
  read();
}

void ServeClient::read() {
  socket_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                              std::size_t) {
    if (!self->open_) return;
    if (ec) {
      self->close(true);  // EOF or error: the client is gone (or, when closing, has acknowledged)
      return;
    }
    self->read();
  });
}

void ServeClient::send(std::shared_ptr<const std::string> bytes) {
  if (!open_ || closing_ || bytes->empty()) return;
  backlog_bytes_ += bytes->size();
  queue_.push_back(std::move(bytes));
  if (!writing_) write_next();
}

void ServeClient::write_next() {
  writing_ = true;
  asio::async_write(socket_, asio::buffer(*queue_.front()),
                    [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
                      self->writing_ = false;
                      if (!self->open_) return;
                      if (ec) {
                        self->close(true);
                        return;
                      }
                      const std::size_t before = self->backlog_bytes_;
                      self->bytes_written_ += n;
                      self->backlog_bytes_ -= self->queue_.front()->size();
                      self->queue_.pop_front();
                      if (!self->queue_.empty()) {
                        self->write_next();
                      } else if (self->closing_) {
                        self->half_close();
                      }
                      if (before > self->low_water_bytes_ && self->backlog_bytes_ <= self->low_water_bytes_ &&
                          self->hooks_.on_drained) {
                        self->hooks_.on_drained(*self);
                      }
                    });
}

void ServeClient::close_when_flushed() {
  if (!open_ || closing_) return;
  closing_ = true;
  if (!writing_ && queue_.empty()) half_close();
}

void ServeClient::half_close() {
  // Our side is done; the read loop ends on the client's EOF. The timer bounds the wait.
  boost::system::error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_send, ignored);
  linger_timer_.expires_after(kLinger);
  linger_timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (!ec) self->close(true);
  });
}

void ServeClient::close(bool notify) {
  if (!open_) return;
  open_ = false;
  boost::system::error_code ignored;
  socket_.close(ignored);
  linger_timer_.cancel();
  // queue_ stays: a cancelled write may still refer to its front buffer until its handler runs.
  if (notify && hooks_.on_closed) {
    auto on_closed = std::move(hooks_.on_closed);
    on_closed(*this);
  }
}

void ServeClient::close_now() { close(false); }

}  // namespace aiswatch::live::detail
