// event_ring.hpp — the latest events of a live run, kept in memory for the HTTP endpoint (GET /events,
// the status page). Bounded: beyond `capacity` events, the oldest is dropped. The pipeline pushes from
// the consumer thread, the HTTP server reads from the io thread, so every member is thread-safe.
//
//   EventRing ring(1000);
//   ring.push_event_json(R"({"id":"…","type":"ais_gap","mmsi":273123456,…})");   // one JSON object, no newline
//   ring.latest(50);         // up to the 50 newest, oldest first
//   ring.total_pushed();     // every event ever pushed
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace aiswatch::live {

class EventRing {
 public:
  explicit EventRing(std::size_t capacity = 1000);

  // `json` is one serialised event (report/'s JSON writer), without a trailing newline.
  void push_event_json(std::string json);

  std::vector<std::string> latest(std::size_t n) const;
  std::uint64_t total_pushed() const;
  std::size_t size() const;
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<std::string> events_;
  std::uint64_t total_ = 0;
};

}  // namespace aiswatch::live
