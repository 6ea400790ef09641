// subprocess.hpp — runs the aiswatch binary for the end-to-end tests: stderr captured through a pipe
// and read with a deadline (a hung child fails the test instead of hanging it), signals, exit status.
#pragma once

#include <catch2/catch.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace aiswatch::live::test {

inline std::string aiswatch_binary() {
  std::string path = AISWATCH_BINARY_DIR;
  path += "/app/aiswatch";  // appended, not operator+: GCC 12 -O3 reports a false -Warray-bounds on the temporary
  return path;
}

class Subprocess {
 public:
  explicit Subprocess(std::vector<std::string> args) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(fds[1], STDERR_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    stderr_fd_ = fds[0];
  }
  ~Subprocess() {
    if (pid_ > 0 && !status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stderr_fd_ >= 0) ::close(stderr_fd_);
  }
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  // Reads stderr until `pattern` matches a line; returns the first capture group (or the whole
  // match). Fails the test after `timeout`.
  std::string wait_for_stderr(const std::string& pattern, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    const std::regex re(pattern);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      std::size_t begin = 0;
      for (std::size_t nl; (nl = stderr_.find('\n', begin)) != std::string::npos; begin = nl + 1) {
        if (begin < scanned_) continue;
        std::smatch m;
        const std::string line = stderr_.substr(begin, nl - begin);
        scanned_ = nl + 1;
        if (std::regex_search(line, m, re)) return m.size() > 1 ? m[1].str() : m[0].str();
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !read_some(static_cast<int>(left.count()))) {
        FAIL("no stderr line matching '" << pattern << "'; stderr so far:\n" << stderr_);
      }
    }
  }

  void signal(int sig) { REQUIRE(::kill(pid_, sig) == 0); }

  // Waits for the exit status (the stderr pipe is drained meanwhile); fails the test after `timeout`.
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!status_) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) FAIL("aiswatch did not exit; stderr:\n" << stderr_);
      read_some(10);
    }
    while (read_some(0)) {
    }
    return *status_;
  }

  const std::string& stderr_text() const { return stderr_; }

 private:
  // One read from stderr if something arrives within timeout_ms; false at EOF or timeout.
  bool read_some(int timeout_ms) {
    pollfd p{stderr_fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    const ssize_t n = ::read(stderr_fd_, buf, sizeof buf);
    if (n <= 0) return false;
    stderr_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int stderr_fd_ = -1;
  std::string stderr_;
  std::size_t scanned_ = 0;
  std::optional<int> status_;
};

}  // namespace aiswatch::live::test
