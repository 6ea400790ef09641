// live_test_support.hpp — helpers for the live socket tests: corpus lines, a consumer that records
// what it receives and lets the test wait for it, an io_context on its own thread, and blocking
// loopback clients written with plain Asio calls (independent of the code under test).
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <array>
#include <functional>
#include <future>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "aiswatch/live/asio.hpp"
#include "aiswatch/live/line_consumer.hpp"

namespace aiswatch::live::test {

using namespace std::chrono_literals;

inline std::string data_path(const std::string& relative) { return std::string(AISWATCH_TEST_DATA_DIR) + "/ais/" + relative; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing test data " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The lines a live feed of this file must deliver: split on '\n', one trailing '\r' removed, empty
// lines left out (the framer skips them).
inline std::vector<std::string> expected_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

// Real AIS sentences ("!AIVDM…" lines) of a corpus file.
inline std::vector<std::string> corpus_sentences(const std::string& relative) {
  std::vector<std::string> out;
  for (std::string& line : expected_lines(read_file(data_path(relative))))
    if (line.rfind("!AIVDM", 0) == 0) out.push_back(std::move(line));
  return out;
}

struct ReceivedLine {
  std::string line;
  UnixMillis received = 0;
  std::string source;
};

// Records every call; the test thread waits on it.
class RecordingConsumer : public LineConsumer {
 public:
  void on_line(std::string_view line, UnixMillis received, std::string_view source) override {
    if (on_each_line) on_each_line();
    std::lock_guard lock(mutex_);
    lines_.push_back({std::string(line), received, std::string(source)});
    changed_.notify_all();
  }
  void on_stream_end(std::string_view source) override {
    std::lock_guard lock(mutex_);
    ended_.emplace_back(source);
    changed_.notify_all();
  }
  void on_tick(UnixMillis) override {
    std::lock_guard lock(mutex_);
    ++ticks_;
  }
  void on_finish() override {
    std::lock_guard lock(mutex_);
    ++finished_;
    changed_.notify_all();
  }

  // True once `predicate()` holds, false after `timeout`. The predicate may call the accessors below
  // (it runs without the lock held).
  bool wait_until(const std::function<bool()>& predicate, std::chrono::milliseconds timeout = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!predicate()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::unique_lock lock(mutex_);
      changed_.wait_for(lock, 5ms);
    }
    return true;
  }
  bool wait_for_lines(std::size_t n, std::chrono::milliseconds timeout = 20s) {
    return wait_until([&] { return line_count() >= n; }, timeout);
  }
  std::size_t line_count() const {
    std::lock_guard lock(mutex_);
    return lines_.size();
  }

  std::vector<ReceivedLine> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }
  std::vector<std::string> texts() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& l : lines_) out.push_back(l.line);
    return out;
  }
  std::vector<std::string> texts_from(const std::string& source) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& l : lines_)
      if (l.source == source) out.push_back(l.line);
    return out;
  }
  std::vector<std::string> ended() const {
    std::lock_guard lock(mutex_);
    return ended_;
  }
  int finished() const {
    std::lock_guard lock(mutex_);
    return finished_;
  }
  int ticks() const {
    std::lock_guard lock(mutex_);
    return ticks_;
  }

  std::function<void()> on_each_line;  // set before the service starts (runs on the consumer thread)

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<ReceivedLine> lines_;
  std::vector<std::string> ended_;
  int ticks_ = 0;
  int finished_ = 0;
};

// io.run() on a thread of its own; the destructor waits for it (stop what runs first).
class IoThread {
 public:
  explicit IoThread(boost::asio::io_context& io) : io_(io), thread_([this] { io_.run(); }) {}
  ~IoThread() { join(); }
  // Runs `f` on the io thread and waits for it.
  void run_on_io(const std::function<void()>& f) {
    std::promise<void> done;
    boost::asio::post(io_, [&] {
      f();
      done.set_value();
    });
    done.get_future().wait();
  }
  // Waits for io.run() to return (it does once every socket and timer is closed); false on timeout.
  bool wait_for_exit(std::chrono::milliseconds timeout = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!io_.stopped()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(5ms);
    }
    join();
    return true;
  }
  void join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  boost::asio::io_context& io_;
  std::thread thread_;
};

// A blocking TCP client to 127.0.0.1:port.
inline boost::asio::ip::tcp::socket connect_to(boost::asio::io_context& io, std::uint16_t port) {
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  socket.set_option(boost::asio::ip::tcp::no_delay(true));
  return socket;
}

inline void send_all(boost::asio::ip::tcp::socket& socket, std::string_view bytes) {
  boost::asio::write(socket, boost::asio::buffer(bytes.data(), bytes.size()));
}

// Reads until the peer closes; returns what arrived.
inline std::string read_to_eof(boost::asio::ip::tcp::socket& socket) {
  std::string out;
  boost::system::error_code ec;
  std::array<char, 4096> buf{};
  for (;;) {
    const std::size_t n = socket.read_some(boost::asio::buffer(buf), ec);
    out.append(buf.data(), n);
    if (ec) break;
  }
  return out;
}

inline std::string joined(const std::vector<std::string>& lines, std::string_view terminator) {
  std::string out;
  for (const auto& l : lines) {
    out += l;
    out += terminator;
  }
  return out;
}

}  // namespace aiswatch::live::test
