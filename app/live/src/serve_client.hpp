// serve_client.hpp — one client of `aiswatch serve`: a write queue of shared batches (the same bytes
// go to every client without copies), a read loop that discards what the client sends and notices when
// it goes away, and a graceful close (flush, half-close, wait for the client's EOF for a few seconds).
#pragma once

#include "aiswatch/live/asio.hpp"

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace aiswatch::live::detail {

class ServeClient : public std::enable_shared_from_this<ServeClient> {
 public:
  struct Hooks {
    std::function<void(ServeClient&)> on_closed;   // the connection is gone (error, client closed, close_now)
    std::function<void(ServeClient&)> on_drained;  // the backlog fell to the low-water mark
  };

  ServeClient(boost::asio::ip::tcp::socket socket, std::string label, std::size_t low_water_bytes, Hooks hooks);

  void start();
  void send(std::shared_ptr<const std::string> bytes);
  // Close once everything queued has been written (end of the log).
  void close_when_flushed();
  // Close now; no hook is called.
  void close_now();

  const std::string& label() const noexcept { return label_; }
  std::size_t backlog_bytes() const noexcept { return backlog_bytes_; }
  std::uint64_t bytes_written() const noexcept { return bytes_written_; }
  // Since when this client has been holding up a paused playback (backlog above the resume mark;
  // nullopt when not): for the stall timeout. Kept by FeedServer.
  std::optional<std::chrono::steady_clock::time_point>& holding_since() noexcept { return holding_since_; }

 private:
  void read();
  void write_next();
  void half_close();
  void close(bool notify);

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer linger_timer_;
  std::string label_;
  std::size_t low_water_bytes_;
  Hooks hooks_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t backlog_bytes_ = 0;
  std::uint64_t bytes_written_ = 0;
  std::array<char, 512> discard_{};
  std::optional<std::chrono::steady_clock::time_point> holding_since_;
  bool writing_ = false;
  bool closing_ = false;  // close_when_flushed() was called
  bool open_ = true;
};

}  // namespace aiswatch::live::detail
