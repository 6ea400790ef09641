// test_support.hpp — helpers for the message decoder tests: a six-bit payload builder (fields in,
// armoured text out), corpus paths, whole-file decoding through StreamDecoder, and running the
// reference tools (gpsdecode, libais via /usr/bin/python3) as child processes.
//
//   PayloadBuilder p;  p.u(1, 6).u(0, 2).u(366053209, 30);   // type, repeat, MMSI
//   auto r = decode_payload(p.armoured(), p.fill_bits());
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/stream_decoder.hpp"

namespace aiswatch::test {

// Builds a payload bit by bit, most significant bit first, as the AIS air format does.
class PayloadBuilder {
 public:
  PayloadBuilder& u(std::uint64_t value, unsigned width) {
    for (unsigned i = width; i-- > 0;) bits_.push_back(((value >> i) & 1u) != 0);
    return *this;
  }
  PayloadBuilder& s(std::int64_t value, unsigned width) { return u(static_cast<std::uint64_t>(value), width); }
  // Six-bit text, '@'-padded to `chars`.
  PayloadBuilder& text(std::string_view t, std::size_t chars) {
    static constexpr std::string_view kTable =
        "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?";
    for (std::size_t i = 0; i < chars; ++i) {
      const char c = i < t.size() ? t[i] : '@';
      const std::size_t v = kTable.find(c);
      if (v == std::string_view::npos) throw std::invalid_argument("not six-bit text");
      u(v, 6);
    }
    return *this;
  }
  // Overwrites `width` bits at bit `at` with `value`.
  PayloadBuilder& set(std::size_t at, std::uint64_t value, unsigned width) {
    for (unsigned i = 0; i < width; ++i) bits_[at + i] = ((value >> (width - 1 - i)) & 1u) != 0;
    return *this;
  }
  // Pads with zero bits (or cuts) to exactly n bits.
  PayloadBuilder& resize(std::size_t n) {
    bits_.resize(n, false);
    return *this;
  }
  std::size_t size() const { return bits_.size(); }

  unsigned fill_bits() const { return static_cast<unsigned>((6 - bits_.size() % 6) % 6); }
  std::string armoured() const {
    std::string out;
    for (std::size_t i = 0; i < bits_.size(); i += 6) {
      unsigned v = 0;
      for (std::size_t k = 0; k < 6; ++k) v = (v << 1) | (i + k < bits_.size() && bits_[i + k] ? 1u : 0u);
      out.push_back(static_cast<char>(v < 40 ? v + 48 : v + 56));
    }
    return out;
  }

 private:
  std::vector<bool> bits_;
};

inline std::string data_path(std::string_view relative) { return std::string(AISWATCH_TEST_DATA_DIR) + "/" + std::string(relative); }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `command` through /bin/sh with `input` on stdin (via a temporary file) and returns stdout.
// Throws when the command cannot be started or exits non-zero, so a missing tool fails the test.
std::string run_command(const std::string& command, const std::string& input);

// True when `tool` is an executable found on PATH.
bool on_path(const std::string& tool);

}  // namespace aiswatch::test
