// tcp_client_source.cpp — connect, read, reconnect with backoff.
#include "tcp_client_source.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include <utility>

namespace aiswatch::live::detail {

namespace asio = boost::asio;
using asio::ip::tcp;

TcpClientSource::TcpClientSource(const FeedContext& context, Endpoint remote, std::shared_ptr<SourceCounters> counters,
                                 std::function<void()> on_gave_up)
    : context_(context),
      remote_(std::move(remote)),
      label_("tcp:" + to_string(remote_)),
      counters_(std::move(counters)),
      on_gave_up_(std::move(on_gave_up)),
      resolver_(context.io),
      socket_(context.io),
      retry_timer_(context.io),
      backoff_(context.settings.reconnect_initial, context.settings.reconnect_max) {}

void TcpClientSource::start() { resolve(); }

void TcpClientSource::resolve() {
  // Resolved afresh on every attempt: the feed's address may change while we are cut off.
  resolver_.async_resolve(remote_.host, std::to_string(remote_.port),
                          [self = shared_from_this()](const boost::system::error_code& ec,
                                                      const tcp::resolver::results_type& addresses) {
                            if (self->stopped_) return;
                            if (ec) {
                              ++self->counters_->connect_failures;
                              self->retry_later(fmt::format("cannot resolve: {}", ec.message()));
                              return;
                            }
                            self->connect(addresses);
                          });
}

void TcpClientSource::connect(const tcp::resolver::results_type& addresses) {
  asio::async_connect(socket_, addresses,
                      [self = shared_from_this()](const boost::system::error_code& ec, const tcp::endpoint&) {
                        if (self->stopped_) return;
                        if (ec) {
                          ++self->counters_->connect_failures;
                          self->retry_later(fmt::format("cannot connect: {}", ec.message()));
                          return;
                        }
                        const bool first = self->counters_->connections == 0;
                        if (!first) ++self->counters_->reconnects;
                        boost::system::error_code ignored;
                        self->socket_.set_option(asio::socket_base::keep_alive(true), ignored);
                        self->context_.say(fmt::format("{}: connected", log_safe(self->label_)));
                        std::weak_ptr<TcpClientSource> weak = self;
                        self->connection_ = std::make_shared<FeedConnection>(
                            self->context_, std::move(self->socket_), self->label_, self->counters_,
                            [weak](FeedConnection& connection, CloseReason reason, const boost::system::error_code& error) {
                              const auto me = weak.lock();
                              if (!me || me->stopped_) return;
                              // A connection that delivered lines was healthy: start the backoff afresh.
                              if (connection.received_lines()) me->backoff_.reset();
                              me->connection_.reset();
                              me->retry_later(describe(reason, error, me->context_.settings.idle_timeout));
                            });
                        self->socket_ = tcp::socket(self->context_.io);
                        self->connection_->start();
                      });
}

void TcpClientSource::retry_later(std::string_view why) {
  if (!context_.settings.reconnect) {
    context_.say(fmt::format("{}: {}; not reconnecting", log_safe(label_), why));
    stopped_ = true;
    if (on_gave_up_) on_gave_up_();
    return;
  }
  const std::chrono::milliseconds delay = backoff_.next();
  context_.say(fmt::format("{}: {}; reconnecting in {:.1f} s", log_safe(label_), why,
                           static_cast<double>(delay.count()) / 1000.0));
  retry_timer_.expires_after(delay);
  retry_timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || self->stopped_) return;
    self->resolve();
  });
}

void TcpClientSource::stop() {
  if (stopped_) return;
  stopped_ = true;
  resolver_.cancel();
  retry_timer_.cancel();
  boost::system::error_code ignored;
  socket_.close(ignored);
  if (connection_) connection_->stop();
  connection_.reset();
}

}  // namespace aiswatch::live::detail
