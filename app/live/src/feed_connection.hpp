// feed_connection.hpp — one TCP connection that delivers lines: a read loop with its own line framer,
// backpressure, and an idle watchdog (Asio's timeout_watchdog pattern: the timer re-arms itself to
// last-data + timeout instead of being reset on every read). Used by the TCP client and by each
// accepted feeder.
//
// Backpressure: after each read the connection asks the queue for room (LineQueue::admit_or_notify).
// When the queue is full it keeps the bytes it read in its read buffer, unframed, issues no further
// read and registers in FeedContext::paused; the kernel buffers fill and TCP flow control slows the
// peer down. resume() (posted to the io thread once the consumer made room) frames and queues the held
// bytes and reads on. The idle watchdog does not count the time a connection spends paused.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aiswatch/live/line_framer.hpp"
#include "feed_context.hpp"

namespace aiswatch::live::detail {

enum class CloseReason { end_of_stream, error, idle };

// For log lines: "closed by the peer", "connection error: Connection reset by peer", "no data for 120 s".
std::string describe(CloseReason reason, const boost::system::error_code& error, std::chrono::milliseconds idle_timeout);

class FeedConnection : public std::enable_shared_from_this<FeedConnection> {
 public:
  // Called once when the connection ends by itself (not after stop()); `error` is set for CloseReason::error.
  using OnClosed =
      std::function<void(FeedConnection& connection, CloseReason reason, const boost::system::error_code& error)>;

  FeedConnection(const FeedContext& context, boost::asio::ip::tcp::socket socket, std::string label,
                 std::shared_ptr<SourceCounters> counters, OnClosed on_closed);

  void start();
  // Closes the socket now; on_closed is not called and no end-of-stream is queued (the service is
  // stopping). Bytes held back by backpressure are still framed and queued, so the consumer gets them.
  void stop();

  const std::string& label() const noexcept { return label_; }
  bool received_lines() const noexcept { return received_lines_; }
  bool paused() const noexcept { return paused_; }

 private:
  void read();
  void on_read(const boost::system::error_code& ec, std::size_t n);
  // Queues the held bytes if the queue has room (else pauses), then acts on the read's error or reads on.
  void deliver();
  void pause();
  void resume();
  void arm_watchdog(std::chrono::steady_clock::time_point deadline);
  void close(CloseReason reason, const boost::system::error_code& error);
  void set_paused(bool paused);

  const FeedContext& context_;
  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer watchdog_;
  std::string label_;
  std::shared_ptr<SourceCounters> counters_;
  OnClosed on_closed_;
  LineFramer framer_;
  std::vector<char> buffer_;
  std::size_t held_bytes_ = 0;         // read into buffer_, not yet framed (the queue was full)
  boost::system::error_code held_error_;  // the error of the read that delivered them (EOF …)
  std::chrono::steady_clock::time_point last_data_;
  bool open_ = true;
  bool paused_ = false;
  bool received_lines_ = false;
};

}  // namespace aiswatch::live::detail
