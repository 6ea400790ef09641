// imo.hpp — IMO ship identification numbers (7 digits, last one a check digit).
//
// The check digit is the last digit of the sum of the first six digits weighted 7,6,5,4,3,2:
//   is_valid_imo(9179842) == true   (9*7+1*6+7*5+9*4+8*3+4*2 = 172 -> 2)
//   is_valid_imo(9179843) == false
// It is a weak check (it misses some transpositions), so lists still match on exact numbers.
#pragma once

#include <cstdint>

namespace aiswatch::ais {

constexpr bool is_valid_imo(std::uint32_t imo) noexcept {
  if (imo < 1'000'000 || imo > 9'999'999) return false;
  std::uint32_t sum = 0;
  std::uint32_t rest = imo / 10;
  for (std::uint32_t weight = 2; weight <= 7; ++weight, rest /= 10) sum += (rest % 10) * weight;
  return sum % 10 == imo % 10;
}

static_assert(is_valid_imo(9179842));
static_assert(!is_valid_imo(9179843));
static_assert(is_valid_imo(9074729));

}  // namespace aiswatch::ais
