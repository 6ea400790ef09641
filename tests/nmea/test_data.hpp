// test_data.hpp — reading the real corpora in tests/data/ais/ (paths relative to it) in the nmea tests.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace aiswatch::test {

inline std::string data_path(const std::string& relative) { return std::string(AISWATCH_TEST_DATA_DIR) + "/ais/" + relative; }

inline std::string read_text(const std::string& relative) {
  std::ifstream in(data_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("missing test data " + relative);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lines split on '\n' only, each kept exactly as in the file ('\r' included), like `getline`.
inline std::vector<std::string> read_lines(const std::string& relative) {
  std::ifstream in(data_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("missing test data " + relative);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first line of a corpus file that contains `needle` (fails loudly when there is none).
inline std::string line_with(const std::string& relative, const std::string& needle) {
  for (const std::string& line : read_lines(relative))
    if (line.find(needle) != std::string::npos) return line;
  throw std::runtime_error("no line with '" + needle + "' in " + relative);
}

}  // namespace aiswatch::test
