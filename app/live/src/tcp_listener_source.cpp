// tcp_listener_source.cpp — accept loop of a --listen-tcp port.
#include "tcp_listener_source.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include "bind_address.hpp"

namespace aiswatch::live::detail {

namespace asio = boost::asio;
using asio::ip::tcp;

TcpListenerSource::TcpListenerSource(const FeedContext& context, const Endpoint& where,
                                     std::shared_ptr<SourceCounters> counters)
    : context_(context),
      acceptor_(bind_tcp_acceptor(context.io, where, "--listen-tcp")),
      pause_timer_(context.io),
      counters_(std::move(counters)) {}

std::uint16_t TcpListenerSource::port() const {
  boost::system::error_code ec;
  return acceptor_.local_endpoint(ec).port();
}

void TcpListenerSource::start() { accept(); }

void TcpListenerSource::accept() {
  acceptor_.async_accept([self = shared_from_this()](const boost::system::error_code& ec, tcp::socket socket) {
    if (self->stopped_) return;
    if (ec) {
      // EMFILE and friends: the condition usually clears when connections close; do not spin meanwhile.
      self->context_.say(fmt::format("{}: accept failed: {}; pausing 1 s", log_safe(self->counters_->name), ec.message()));
      self->pause_timer_.expires_after(std::chrono::seconds(1));
      self->pause_timer_.async_wait([self](const boost::system::error_code& wait_error) {
        if (!wait_error && !self->stopped_) self->accept();
      });
      return;
    }
    if (self->connections_.size() >= self->context_.settings.max_connections_per_listener) {
      self->refuse(socket);
    } else {
      boost::system::error_code peer_error;
      const tcp::endpoint peer = socket.remote_endpoint(peer_error);
      const std::string label =
          peer_error ? "tcp:unknown" : "tcp:" + to_string(Endpoint{peer.address().to_string(), peer.port()});
      self->context_.say(fmt::format("{}: feeder {} connected", log_safe(self->counters_->name), label));
      std::weak_ptr<TcpListenerSource> weak = self;
      auto connection = std::make_shared<FeedConnection>(
          self->context_, std::move(socket), label, self->counters_,
          [weak](FeedConnection& closed, CloseReason reason, const boost::system::error_code& error) {
            const auto me = weak.lock();
            if (!me || me->stopped_) return;
            me->context_.say(fmt::format("{}: feeder {}: {}", log_safe(me->counters_->name), closed.label(),
                                         describe(reason, error, me->context_.settings.idle_timeout)));
            // The handler holds its own reference, so erasing ours does not destroy `closed` here.
            me->connections_.erase(closed.shared_from_this());
          });
      self->connections_.insert(connection);
      connection->start();
    }
    self->accept();
  });
}

void TcpListenerSource::refuse(tcp::socket& socket) {
  ++counters_->rejected_connections;
  boost::system::error_code ignored;
  socket.close(ignored);
  // A connection storm must not flood the log: at most one line per second.
  const auto now = std::chrono::steady_clock::now();
  if (now - last_refusal_log_ >= std::chrono::seconds(1)) {
    last_refusal_log_ = now;
    context_.say(fmt::format("{}: refusing feeders: {} connections open (the maximum)", log_safe(counters_->name),
                             connections_.size()));
  }
}

void TcpListenerSource::stop() {
  if (stopped_) return;
  stopped_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  pause_timer_.cancel();
  for (const auto& connection : connections_) connection->stop();
  connections_.clear();
}

}  // namespace aiswatch::live::detail
