// test_support.cpp — child processes for the reference-tool comparisons.
#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>

namespace aiswatch::test {

std::string run_command(const std::string& command, const std::string& input) {
  char tmpl[] = "/tmp/aiswatch_msgtest_XXXXXX";
  const int fd = mkstemp(tmpl);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  std::size_t written = 0;
  while (written < input.size()) {
    const ssize_t n = ::write(fd, input.data() + written, input.size() - written);
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmpl);
      throw std::runtime_error("cannot write the input file for " + command);
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  const std::string full = command + " < " + tmpl + " 2>/dev/null";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) {
    ::unlink(tmpl);
    throw std::runtime_error("cannot start: " + command);
  }
  std::string out;
  std::array<char, 65536> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  ::unlink(tmpl);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("command failed (exit status " + std::to_string(status) + "): " + command);
  return out;
}

bool on_path(const std::string& tool) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string_view rest(path);
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    std::error_code ec;
    const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / tool;
    if (std::filesystem::exists(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return false;
}

}  // namespace aiswatch::test
