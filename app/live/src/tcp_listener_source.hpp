// tcp_listener_source.hpp — a --listen-tcp port: accepts feeders (up to a cap; more are refused and
// counted), each connection with its own framer and idle watchdog (FeedConnection), labelled
// "tcp:PEER:PORT". An accept error (e.g. out of file descriptors) pauses accepting briefly instead of
// spinning.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <chrono>
#include <memory>
#include <set>

#include "aiswatch/live/endpoint.hpp"
#include "feed_connection.hpp"
#include "feed_context.hpp"

namespace aiswatch::live::detail {

class TcpListenerSource : public std::enable_shared_from_this<TcpListenerSource> {
 public:
  // Binds now (throws LiveError).
  TcpListenerSource(const FeedContext& context, const Endpoint& where, std::shared_ptr<SourceCounters> counters);

  void start();
  void stop();
  std::uint16_t port() const;

 private:
  void accept();
  void refuse(boost::asio::ip::tcp::socket& socket);

  const FeedContext& context_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer pause_timer_;
  std::shared_ptr<SourceCounters> counters_;
  std::set<std::shared_ptr<FeedConnection>> connections_;
  std::chrono::steady_clock::time_point last_refusal_log_{};
  bool stopped_ = false;
};

}  // namespace aiswatch::live::detail
