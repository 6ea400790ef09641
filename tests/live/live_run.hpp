// live_run.hpp — a LiveService running on its own io thread for a test, with its log captured.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <mutex>

#include "aiswatch/live/live_service.hpp"
#include "live_test_support.hpp"

namespace aiswatch::live::test {

// True once `predicate()` holds, polling every few milliseconds; false after `timeout`.
template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds timeout = 20s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!predicate()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

class LiveRun {
 public:
  LiveRun(LiveSettings settings, LineConsumer& consumer) {
    service_ = std::make_unique<LiveService>(io_, std::move(settings), consumer, [this](std::string_view line) {
      std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
    });
    service_->start();  // before the io thread runs: nothing touches the sockets concurrently
    thread_ = std::make_unique<IoThread>(io_);
  }
  ~LiveRun() {
    if (thread_) {
      thread_->run_on_io([this] { service_->stop(); });
      thread_->join();
    }
  }
  LiveRun(const LiveRun&) = delete;
  LiveRun& operator=(const LiveRun&) = delete;

  // Stops the service on its thread and waits for io.run() to return (which proves nothing was left
  // running: no socket, no timer).
  void stop() {
    thread_->run_on_io([this] { service_->stop(); });
    REQUIRE(thread_->wait_for_exit());
    thread_.reset();
  }
  // For services that stop by themselves (reconnect = false).
  bool wait_for_exit() {
    if (!thread_->wait_for_exit()) return false;
    thread_.reset();
    return true;
  }

  LiveService& service() { return *service_; }
  SourceSnapshot source(std::size_t i = 0) const { return service_->sources().at(i); }
  std::uint16_t tcp_port(std::size_t i = 0) const { return service_->tcp_listen_ports().at(i); }
  std::uint16_t udp_port(std::size_t i = 0) const { return service_->udp_listen_ports().at(i); }
  bool logged(std::string_view needle) const {
    std::lock_guard lock(log_mutex_);
    for (const auto& l : log_)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  }
  std::string log_text() const {
    std::lock_guard lock(log_mutex_);
    std::string out;
    for (const auto& l : log_) out += l + "\n";
    return out;
  }

 private:
  boost::asio::io_context io_;
  std::unique_ptr<LiveService> service_;
  std::unique_ptr<IoThread> thread_;
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
};

// A listening socket on 127.0.0.1 with an ephemeral port, for tests that play the feed server.
struct TestServer {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor{io, {boost::asio::ip::make_address("127.0.0.1"), 0}};
  std::uint16_t port() const { return acceptor.local_endpoint().port(); }
  // Fails the test (instead of hanging) when nobody connects in time.
  boost::asio::ip::tcp::socket accept(std::chrono::milliseconds timeout = 20s) {
    acceptor.non_blocking(true);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      boost::system::error_code ec;
      boost::asio::ip::tcp::socket socket = acceptor.accept(ec);
      if (!ec) {
        socket.non_blocking(false);
        return socket;
      }
      if (ec != boost::asio::error::would_block && ec != boost::asio::error::try_again) throw boost::system::system_error(ec);
      if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("test server: no connection in time");
      std::this_thread::sleep_for(2ms);
    }
  }
};

}  // namespace aiswatch::live::test
