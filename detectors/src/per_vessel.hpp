// per_vessel.hpp — private: per-MMSI detector state for the vessels that need it (those in a port, in
// an episode…), stored densely and found with one hash probe. Vessels without state cost nothing.
//
//   PerVessel<Visit> visits;
//   if (Visit* v = visits.find(mmsi)) …;  Visit& v = visits.get_or_add(mmsi);  visits.erase(mmsi);
//   if (std::optional<Visit> done = visits.take(mmsi)) close(*done);
//   visits.for_each([](std::uint32_t mmsi, Visit& v) { … });   // insertion order, deterministic
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "aiswatch/ais/flat_u32_map.hpp"

namespace aiswatch::detectors {

template <class State>
class PerVessel {
 public:
  [[nodiscard]] State* find(std::uint32_t mmsi) noexcept {
    const auto at = index_.find(mmsi);
    return at ? &items_[*at].second : nullptr;
  }
  [[nodiscard]] const State* find(std::uint32_t mmsi) const noexcept {
    const auto at = index_.find(mmsi);
    return at ? &items_[*at].second : nullptr;
  }

  State& get_or_add(std::uint32_t mmsi) {
    if (State* s = find(mmsi)) return *s;
    index_.insert_or_assign(mmsi, static_cast<std::uint32_t>(items_.size()));
    items_.emplace_back(mmsi, State{});
    return items_.back().second;
  }

  // Removes the state and hands it over (nullopt when there was none).
  std::optional<State> take(std::uint32_t mmsi) {
    State* s = find(mmsi);
    if (!s) return std::nullopt;
    std::optional<State> taken(std::move(*s));
    erase(mmsi);
    return taken;
  }

  // Moves the last item into the hole: references to other states are invalidated.
  void erase(std::uint32_t mmsi) {
    const auto at = index_.find(mmsi);
    if (!at) return;
    if (*at + 1 != items_.size()) {
      items_[*at] = std::move(items_.back());
      index_.insert_or_assign(items_[*at].first, *at);
    }
    items_.pop_back();
    index_.erase(mmsi);
  }

  template <class F>
  void for_each(F&& f) {
    for (auto& [mmsi, state] : items_) f(mmsi, state);
  }

  [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
  [[nodiscard]] bool empty() const noexcept { return items_.empty(); }

 private:
  ais::FlatU32Map index_;
  std::vector<std::pair<std::uint32_t, State>> items_;
};

}  // namespace aiswatch::detectors
