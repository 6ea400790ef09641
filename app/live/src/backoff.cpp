// backoff.cpp — capped exponential backoff with jitter ("equal jitter": half fixed, half random, so the
// delay still grows with every failure).
#include "aiswatch/live/backoff.hpp"

#include <algorithm>
#include <cassert>

namespace aiswatch::live {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max)
    : Backoff(initial, max, std::random_device{}()) {}

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max, std::uint64_t seed)
    : initial_(initial), max_(max), rng_(seed) {
  assert(initial.count() > 0 && max >= initial);
}

std::chrono::milliseconds Backoff::next() {
  // Doubling stops once the cap is reached, so the shift never overflows.
  std::chrono::milliseconds base = initial_;
  for (unsigned i = 0; i < attempts_ && base < max_; ++i) base *= 2;
  base = std::min(base, max_);
  ++attempts_;
  std::uniform_real_distribution<double> factor(0.5, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(base.count()) * factor(rng_)));
}

}  // namespace aiswatch::live
