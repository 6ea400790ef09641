// feed_context.hpp — what every feed source shares: the io_context, the queue to the consumer, the
// settings and the log, the list of TCP connections paused by backpressure; plus the one routine that
// turns received bytes into a queued batch.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/live/line_framer.hpp"
#include "aiswatch/live/line_queue.hpp"
#include "aiswatch/live/live_service.hpp"
#include "aiswatch/live/log.hpp"
#include "aiswatch/live/source_counters.hpp"

namespace aiswatch::live::detail {

// Bytes asked for per read: a full UDP datagram, or a burst of about 800 sentences from TCP.
inline constexpr std::size_t kReadBufferBytes = 64 * 1024;

// TCP connections that stopped reading because the queue was full, in the order they paused. io thread
// only. LiveService calls resume_all() (posted from the consumer thread by the queue's room handler);
// each connection then queues what it holds if there is room, or pauses again (back of the line), so
// the feeders share the room in turn.
class PausedConnections {
 public:
  void add(std::function<void()> resume) { waiting_.push_back(std::move(resume)); }
  void resume_all() {
    std::vector<std::function<void()>> now;
    now.swap(waiting_);
    for (auto& resume : now) resume();
  }
  std::size_t size() const noexcept { return waiting_.size(); }
  void clear() noexcept { waiting_.clear(); }

 private:
  std::vector<std::function<void()>> waiting_;
};

struct FeedContext {
  boost::asio::io_context& io;
  LineQueue& queue;
  const LiveSettings& settings;
  const LogSink& log;
  PausedConnections& paused;

  void say(std::string_view line) const {
    if (log) log(line);
  }
};

enum class QueueMode {
  admitted,      // TCP: the caller checked LineQueue::admit_or_notify(); queued whatever the fill level
  drop_if_full,  // UDP: dropped and counted when the queue is full
};

struct FrameResult {
  std::size_t lines = 0;     // complete lines framed (queued or dropped)
  std::size_t overlong = 0;  // over-long lines discarded
  bool dropped = false;      // drop_if_full: the queue was full, the lines were dropped (and counted)
};

// Frames one read (or, with end_of_input, a whole datagram or the end of a stream) and queues the lines
// it completes, stamped with the receive time and `label`. Updates the source's counters.
FrameResult frame_and_queue(std::string_view bytes, bool end_of_input, LineFramer& framer, const std::string& label,
                            const std::shared_ptr<SourceCounters>& counters, LineQueue& queue,
                            QueueMode mode = QueueMode::admitted);

// Tells the consumer that the stream `label` ended.
void queue_end_of_stream(const std::string& label, const std::shared_ptr<SourceCounters>& counters, LineQueue& queue);

}  // namespace aiswatch::live::detail
