// udp_listener_source.hpp — a --listen-udp port: every datagram is framed on its own (it may hold one
// or several lines; an unterminated last line counts), labelled "udp:SENDER:PORT". The watchdog only
// reports a silent port (there is no connection to reopen) and reports it again only after data resumed.
// UDP cannot be paused: a datagram that arrives while the consumer queue is full is read and dropped,
// its lines counted in dropped_lines and the datagram in dropped_datagrams; the io thread never waits.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "aiswatch/live/endpoint.hpp"
#include "feed_context.hpp"

namespace aiswatch::live::detail {

class UdpListenerSource : public std::enable_shared_from_this<UdpListenerSource> {
 public:
  // Binds now (throws LiveError).
  UdpListenerSource(const FeedContext& context, const Endpoint& where, std::shared_ptr<SourceCounters> counters);

  void start();
  void stop();
  std::uint16_t port() const;

 private:
  void receive();
  void arm_watchdog(std::chrono::steady_clock::time_point deadline);
  const std::string& label_for(const boost::asio::ip::udp::endpoint& sender);

  const FeedContext& context_;
  boost::asio::ip::udp::socket socket_;
  boost::asio::steady_timer watchdog_;
  boost::asio::steady_timer pause_timer_;
  std::shared_ptr<SourceCounters> counters_;
  LineFramer framer_;
  std::vector<char> buffer_;
  boost::asio::ip::udp::endpoint sender_;
  boost::asio::ip::udp::endpoint labelled_sender_;  // the sender `label_` was made for
  std::string label_;
  std::chrono::steady_clock::time_point last_data_;
  bool silence_reported_ = false;
  bool stopped_ = false;
};

}  // namespace aiswatch::live::detail
