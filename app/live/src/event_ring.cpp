// event_ring.cpp — bounded, thread-safe ring of the latest events.
#include "aiswatch/live/event_ring.hpp"

#include <algorithm>
#include <cassert>

namespace aiswatch::live {

EventRing::EventRing(std::size_t capacity) : capacity_(capacity) { assert(capacity > 0); }

void EventRing::push_event_json(std::string json) {
  // One event per line on /events: a newline inside would be a serialiser bug, not bad input.
  assert(json.find('\n') == std::string::npos);
  std::lock_guard lock(mutex_);
  if (events_.size() == capacity_) events_.pop_front();
  events_.push_back(std::move(json));
  ++total_;
}

std::vector<std::string> EventRing::latest(std::size_t n) const {
  std::lock_guard lock(mutex_);
  const std::size_t count = std::min(n, events_.size());
  return {events_.end() - static_cast<std::ptrdiff_t>(count), events_.end()};
}

std::uint64_t EventRing::total_pushed() const {
  std::lock_guard lock(mutex_);
  return total_;
}

std::size_t EventRing::size() const {
  std::lock_guard lock(mutex_);
  return events_.size();
}

}  // namespace aiswatch::live
