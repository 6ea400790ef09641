// rng.hpp — the simulator's deterministic random numbers: same seed, same output.
//
// The standard library's distributions (std::normal_distribution, …) are implementation-defined, so a
// log generated against libstdc++ could differ from one generated against libc++. This generator
// (xoshiro256**, seeded through SplitMix64) and its distributions are written out here instead; only
// log/cos come from the platform's libm. Independent streams are derived by name, so adding a vessel
// does not change the noise of the others:
//
//   Rng root(42);
//   Rng noise = root.derive("vessel/273459120");
//   double jitter_m = 4.0 * noise.normal();     // N(0, 1) scaled
//   if (noise.chance(0.03)) …                   // 3 % of the time
#pragma once

#include <cstdint>
#include <string_view>

namespace aiswatch::simulator {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept;

  // A new generator whose stream depends only on this generator's seed and `key`.
  Rng derive(std::string_view key) const noexcept;
  std::uint64_t seed() const noexcept { return seed_; }

  std::uint64_t next_u64() noexcept;
  double uniform() noexcept;                                   // [0, 1)
  double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
  std::uint64_t below(std::uint64_t n) noexcept;               // [0, n), n > 0, unbiased
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept;  // [lo, hi] inclusive
  bool chance(double p) noexcept { return uniform() < p; }
  double normal() noexcept;                                    // standard normal (Box–Muller)

 private:
  std::uint64_t seed_;
  std::uint64_t s_[4];
};

}  // namespace aiswatch::simulator
