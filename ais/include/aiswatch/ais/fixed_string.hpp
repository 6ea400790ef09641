// fixed_string.hpp — a short string stored inline (no heap), for identity fields of idle vessels.
//
// AIS identity text is short by definition (name and destination 20 characters, callsign 7), so a
// vessel keeps it inline and a million idle vessels cost no allocations. Longer input (CSV exports
// may carry longer names) is cut at the capacity; the cut is the stored value, so comparisons stay
// stable. Bytes are kept as received: escaping is the job of every output format.
//
//   FixedString<20> name;
//   name.assign("EVER GIVEN");   name.view() == "EVER GIVEN";   name.empty() == false
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace aiswatch::ais {

template <std::size_t Capacity>
class FixedString {
  static_assert(Capacity < 256, "length is stored in one byte");

 public:
  FixedString() = default;
  explicit FixedString(std::string_view text) noexcept { assign(text); }

  void assign(std::string_view text) noexcept {
    size_ = static_cast<std::uint8_t>(std::min(text.size(), Capacity));
    std::copy_n(text.data(), size_, chars_.data());
  }
  void clear() noexcept { size_ = 0; }

  [[nodiscard]] std::string_view view() const noexcept { return {chars_.data(), size_}; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  static constexpr std::size_t capacity() noexcept { return Capacity; }

  // Would assigning `text` leave the stored value unchanged? (compares after the cut)
  [[nodiscard]] bool same_as(std::string_view text) const noexcept {
    return view() == text.substr(0, std::min(text.size(), Capacity));
  }

  friend bool operator==(const FixedString& a, const FixedString& b) noexcept { return a.view() == b.view(); }

 private:
  std::array<char, Capacity> chars_{};
  std::uint8_t size_ = 0;
};

}  // namespace aiswatch::ais
