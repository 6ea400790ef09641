// clock.hpp — the wall-clock receive time of live data, in the project's UnixMillis.
#pragma once

#include <chrono>

#include "aiswatch/ais/time.hpp"

namespace aiswatch::live::detail {

inline UnixMillis system_now_ms() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

}  // namespace aiswatch::live::detail
