#include "peer_decoders.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace aiswatch::simulator::test {

namespace {

std::vector<nlohmann::json> parse_json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace

std::string run_with_input(const std::string& command, const std::string& input) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto in_path = dir / ("aiswatch_sim_peer_" + std::to_string(::getpid()) + ".in");
  {
    std::ofstream in(in_path, std::ios::binary);
    in << input;
  }
  const std::string full = command + " < '" + in_path.string() + "'";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run: " + full);
  std::string out;
  std::array<char, 65536> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  std::filesystem::remove(in_path);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("peer decoder failed (is it installed? scripts/setup.sh test): " + command);
  return out;
}

std::vector<nlohmann::json> gpsdecode_unscaled(const std::vector<std::string>& nmea_lines) {
  std::string input;
  for (const auto& line : nmea_lines) input += line + "\r\n";
  return parse_json_lines(run_with_input("gpsdecode -j -u -s", input));
}

std::vector<nlohmann::json> libais_decode(const std::vector<ArmouredPayload>& payloads) {
  std::string input;
  for (const auto& p : payloads) input += p.text + "\t" + std::to_string(p.fill_bits) + "\n";
  return parse_json_lines(
      run_with_input("/usr/bin/python3 '" AISWATCH_SOURCE_DIR "/tests/simulator/libais_decode.py'", input));
}

std::string trim_ais_text(std::string text) {
  while (!text.empty() && (text.back() == '@' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace aiswatch::simulator::test
