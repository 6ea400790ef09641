// result.hpp — a small value-or-error type (GCC 12 has no std::expected).
//
// Expected bad input is reported as an enum reason returned by value and counted by the caller; it is
// never thrown. Example:
//   Result<int, ParseError> r = parse_int("12");
//   if (!r) count(r.error()); else use(*r);
#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace aiswatch {

template <class E>
struct Failure {
  E error;
};
template <class E>
Failure(E) -> Failure<E>;

template <class T, class E>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Failure<E> failure) : state_(std::in_place_index<1>, failure.error) {}  // NOLINT
  // Builds the value in place, for large values filled after construction (no copy on return):
  //   Result<AisMessage, Reject> r(std::in_place);  fill(*r);  return r;
  template <class... Args>
  explicit Result(std::in_place_t, Args&&... args) : state_(std::in_place_index<0>, std::forward<Args>(args)...) {}

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  [[nodiscard]] E error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace aiswatch
