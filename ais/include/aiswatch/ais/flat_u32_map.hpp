// flat_u32_map.hpp — open-addressing hash map from a non-zero uint32 key (MMSI, IMO) to a uint32 value.
//
// 8 bytes per slot, linear probing, Fibonacci hashing (MMSIs are clustered by MID, so a multiplicative
// hash spreads them), load kept at or below 1/2…7/8 before doubling, backward-shift deletion (no
// tombstones, so lookups stay short under eviction churn). Key 0 marks an empty slot and is not allowed.
// A std::unordered_map<uint32_t, uint32_t> costs ~40 bytes per entry in nodes plus buckets; this ~12–16.
//
//   FlatU32Map map;
//   map.insert_or_assign(273382620, 7);
//   map.find(273382620) == std::optional<std::uint32_t>(7);   map.erase(273382620);
#pragma once

#include <bit>
#include <cassert>
#include <cstdint>
#include <optional>
#include <vector>

namespace aiswatch::ais {

class FlatU32Map {
 public:
  FlatU32Map() { rehash(16); }

  [[nodiscard]] std::optional<std::uint32_t> find(std::uint32_t key) const noexcept {
    assert(key != 0);
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return slots_[i].value;
      if (slots_[i].key == 0) return std::nullopt;
    }
  }

  void insert_or_assign(std::uint32_t key, std::uint32_t value) {
    assert(key != 0);
    if ((size_ + 1) * 8 > slots_.size() * 7) rehash(slots_.size() * 2);
    std::size_t i = home(key);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    if (slots_[i].key == 0) ++size_;
    slots_[i] = {key, value};
  }

  bool erase(std::uint32_t key) noexcept {
    assert(key != 0);
    std::size_t i = home(key);
    while (slots_[i].key != key) {
      if (slots_[i].key == 0) return false;
      i = (i + 1) & mask_;
    }
    // Backward-shift: pull later members of the probe run into the hole when that keeps them
    // reachable from their home slot.
    for (std::size_t j = (i + 1) & mask_; slots_[j].key != 0; j = (j + 1) & mask_) {
      const std::size_t h = home(slots_[j].key);
      const bool movable = ((j - h) & mask_) >= ((j - i) & mask_);
      if (movable) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = {};
    --size_;
    return true;
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t capacity() const noexcept { return slots_.size(); }

 private:
  struct Slot {
    std::uint32_t key = 0;
    std::uint32_t value = 0;
  };

  [[nodiscard]] std::size_t home(std::uint32_t key) const noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  void rehash(std::size_t new_capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(new_capacity, Slot{});
    mask_ = new_capacity - 1;
    shift_ = 64 - std::countr_zero(new_capacity);
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) insert_or_assign(s.key, s.value);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 0;
  std::size_t size_ = 0;
};

}  // namespace aiswatch::ais
