// backoff.hpp — how long a --connect feed waits before the next connection attempt: exponential
// (initial, 2×, 4×, … capped at max) with jitter, so that many clients cut off by the same server outage
// do not all come back in the same millisecond.
//
//   Backoff backoff(500ms, 30s);
//   backoff.next();   // in [250 ms, 500 ms]
//   backoff.next();   // in [500 ms, 1 s]  … then never above 30 s
//   backoff.reset();  // after the feed delivered data again
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace aiswatch::live {

class Backoff {
 public:
  // `seed` makes the jitter reproducible in tests; by default it comes from std::random_device.
  Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max);
  Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::uint64_t seed);

  // The next delay: min(max, initial · 2^attempts) scaled by a random factor in [0.5, 1].
  std::chrono::milliseconds next();
  void reset() noexcept { attempts_ = 0; }
  unsigned attempts() const noexcept { return attempts_; }

 private:
  std::chrono::milliseconds initial_;
  std::chrono::milliseconds max_;
  unsigned attempts_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace aiswatch::live
