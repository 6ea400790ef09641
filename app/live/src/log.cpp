// log.cpp — printable labels for log lines.
#include "aiswatch/live/log.hpp"

#include <fmt/format.h>

namespace aiswatch::live {

std::string log_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7f || c == '\\') {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace aiswatch::live
