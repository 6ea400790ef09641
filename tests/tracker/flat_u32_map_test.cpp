// FlatU32Map against std::unordered_map under random inserts and erases (backward-shift deletion).
#include <catch2/catch.hpp>

#include <random>
#include <unordered_map>

#include "aiswatch/ais/flat_u32_map.hpp"

using aiswatch::ais::FlatU32Map;

TEST_CASE("FlatU32Map agrees with std::unordered_map under churn", "[flat_map]") {
  FlatU32Map map;
  std::unordered_map<std::uint32_t, std::uint32_t> reference;
  std::mt19937 rng(42);
  // A small key space forces long probe runs, collisions and many erase-then-reinsert cycles.
  std::uniform_int_distribution<std::uint32_t> key(1, 5000);
  for (int step = 0; step < 200'000; ++step) {
    const std::uint32_t k = key(rng);
    if (rng() % 3 == 0) {
      CHECK(map.erase(k) == (reference.erase(k) == 1));
    } else {
      map.insert_or_assign(k, static_cast<std::uint32_t>(step));
      reference[k] = static_cast<std::uint32_t>(step);
    }
  }
  REQUIRE(map.size() == reference.size());
  for (std::uint32_t k = 1; k <= 5000; ++k) {
    const auto it = reference.find(k);
    const auto found = map.find(k);
    if (it == reference.end())
      CHECK_FALSE(found);
    else
      CHECK(found == std::optional<std::uint32_t>(it->second));
  }
  CHECK(map.capacity() >= map.size() * 8 / 7);
}

TEST_CASE("FlatU32Map keeps clustered MMSIs apart", "[flat_map]") {
  FlatU32Map map;
  for (std::uint32_t i = 0; i < 100'000; ++i) map.insert_or_assign(273'000'000 + i, i);
  CHECK(map.size() == 100'000);
  CHECK(map.find(273'000'000 + 99'999) == std::optional<std::uint32_t>(99'999));
  CHECK_FALSE(map.find(273'100'000));
  for (std::uint32_t i = 0; i < 100'000; i += 2) REQUIRE(map.erase(273'000'000 + i));
  CHECK(map.size() == 50'000);
  CHECK_FALSE(map.find(273'000'000));
  CHECK(map.find(273'000'001) == std::optional<std::uint32_t>(1));
}
