// tcp_client_source.hpp — a --connect feed: resolves and connects to HOST:PORT, reads lines, and after a
// disconnect, a failed attempt or an idle watchdog expiry connects again after a capped exponential
// backoff with jitter (Backoff). Every state change is logged.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <functional>
#include <memory>
#include <string>

#include "aiswatch/live/backoff.hpp"
#include "aiswatch/live/endpoint.hpp"
#include "feed_connection.hpp"
#include "feed_context.hpp"

namespace aiswatch::live::detail {

class TcpClientSource : public std::enable_shared_from_this<TcpClientSource> {
 public:
  // `on_gave_up` runs when the feed ended or failed and settings.reconnect is false.
  TcpClientSource(const FeedContext& context, Endpoint remote, std::shared_ptr<SourceCounters> counters,
                  std::function<void()> on_gave_up);

  void start();
  void stop();

 private:
  void resolve();
  void connect(const boost::asio::ip::tcp::resolver::results_type& addresses);
  void retry_later(std::string_view why);

  const FeedContext& context_;
  Endpoint remote_;
  std::string label_;  // "tcp:HOST:PORT", the stream name the consumer sees
  std::shared_ptr<SourceCounters> counters_;
  std::function<void()> on_gave_up_;
  boost::asio::ip::tcp::resolver resolver_;
  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer retry_timer_;
  Backoff backoff_;
  std::shared_ptr<FeedConnection> connection_;
  bool stopped_ = false;
};

}  // namespace aiswatch::live::detail
