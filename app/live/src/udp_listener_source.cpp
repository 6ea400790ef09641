// udp_listener_source.cpp — receive loop of a --listen-udp port.
#include "udp_listener_source.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include "bind_address.hpp"

namespace aiswatch::live::detail {

namespace asio = boost::asio;
using asio::ip::udp;

namespace {

// Bigger than the 212 KiB Linux default so a burst survives a short stall of the io thread; the kernel
// caps it at net.core.rmem_max, which is fine.
constexpr int kReceiveBufferBytes = 4 << 20;

}  // namespace

UdpListenerSource::UdpListenerSource(const FeedContext& context, const Endpoint& where,
                                     std::shared_ptr<SourceCounters> counters)
    : context_(context),
      socket_(bind_udp_socket(context.io, where, "--listen-udp", kReceiveBufferBytes)),
      watchdog_(context.io),
      pause_timer_(context.io),
      counters_(std::move(counters)),
      framer_(context.settings.max_line_bytes),
      buffer_(kReadBufferBytes) {}

std::uint16_t UdpListenerSource::port() const {
  boost::system::error_code ec;
  return socket_.local_endpoint(ec).port();
}

void UdpListenerSource::start() {
  last_data_ = std::chrono::steady_clock::now();
  receive();
  if (context_.settings.idle_timeout.count() > 0) arm_watchdog(last_data_ + context_.settings.idle_timeout);
}

const std::string& UdpListenerSource::label_for(const udp::endpoint& sender) {
  // Feeders send from a fixed port, so the label is usually reused: no formatting per datagram.
  if (label_.empty() || sender != labelled_sender_) {
    labelled_sender_ = sender;
    label_ = "udp:" + to_string(Endpoint{sender.address().to_string(), sender.port()});
  }
  return label_;
}

void UdpListenerSource::receive() {
  socket_.async_receive_from(
      asio::buffer(buffer_), sender_, [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
        if (self->stopped_) return;
        if (ec) {
          // ICMP errors and the like: not fatal for a listening socket, but do not spin on a persistent one.
          self->context_.say(fmt::format("{}: receive failed: {}", log_safe(self->counters_->name), ec.message()));
          self->pause_timer_.expires_after(std::chrono::milliseconds(100));
          self->pause_timer_.async_wait([self](const boost::system::error_code& wait_error) {
            if (!wait_error && !self->stopped_) self->receive();
          });
          return;
        }
        ++self->counters_->datagrams;
        self->last_data_ = std::chrono::steady_clock::now();
        if (self->silence_reported_) {
          self->silence_reported_ = false;
          self->context_.say(fmt::format("{}: datagrams again", log_safe(self->counters_->name)));
        }
        // A datagram cannot be paused: when the queue is full its lines are dropped and counted.
        const FrameResult r = frame_and_queue(std::string_view(self->buffer_.data(), n), true, self->framer_,
                                              self->label_for(self->sender_), self->counters_, self->context_.queue,
                                              QueueMode::drop_if_full);
        if (r.dropped) ++self->counters_->dropped_datagrams;
        self->receive();
      });
}

void UdpListenerSource::arm_watchdog(std::chrono::steady_clock::time_point deadline) {
  watchdog_.expires_at(deadline);
  watchdog_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || self->stopped_) return;
    const auto timeout = self->context_.settings.idle_timeout;
    const auto now = std::chrono::steady_clock::now();
    if (now >= self->last_data_ + timeout && !self->silence_reported_) {
      self->silence_reported_ = true;
      ++self->counters_->idle_timeouts;
      self->context_.say(fmt::format("{}: no datagram for {:g} s", log_safe(self->counters_->name),
                                     static_cast<double>(timeout.count()) / 1000.0));
    }
    // Silent: look again a timeout later (reported once); otherwise when the silence would begin.
    self->arm_watchdog(self->silence_reported_ ? now + timeout : self->last_data_ + timeout);
  });
}

void UdpListenerSource::stop() {
  if (stopped_) return;
  stopped_ = true;
  boost::system::error_code ignored;
  socket_.close(ignored);
  watchdog_.cancel();
  pause_timer_.cancel();
}

}  // namespace aiswatch::live::detail
