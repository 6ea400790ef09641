// feed_context.hpp — what every feed source shares: the io_context, the queue to the consumer, the
// settings and the log; plus the one routine that turns received bytes into a queued batch.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "aiswatch/live/line_framer.hpp"
#include "aiswatch/live/line_queue.hpp"
#include "aiswatch/live/live_service.hpp"
#include "aiswatch/live/log.hpp"
#include "aiswatch/live/source_counters.hpp"

namespace aiswatch::live::detail {

// Bytes asked for per read: a full UDP datagram, or a burst of about 800 sentences from TCP.
inline constexpr std::size_t kReadBufferBytes = 64 * 1024;

struct FeedContext {
  boost::asio::io_context& io;
  LineQueue& queue;
  const LiveSettings& settings;
  const LogSink& log;

  void say(std::string_view line) const {
    if (log) log(line);
  }
};

// Frames one read (or, with end_of_input, a whole datagram or the end of a stream) and queues the lines
// it completes, stamped with the receive time and `label`. Updates the source's counters.
FramedCounts frame_and_queue(std::string_view bytes, bool end_of_input, LineFramer& framer, const std::string& label,
                     const std::shared_ptr<SourceCounters>& counters, LineQueue& queue);

// Tells the consumer that the stream `label` ended.
void queue_end_of_stream(const std::string& label, const std::shared_ptr<SourceCounters>& counters, LineQueue& queue);

}  // namespace aiswatch::live::detail
