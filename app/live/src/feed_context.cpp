// feed_context.cpp — received bytes to a queued batch of lines.
#include "feed_context.hpp"

#include "clock.hpp"

namespace aiswatch::live::detail {

FrameResult frame_and_queue(std::string_view bytes, bool end_of_input, LineFramer& framer, const std::string& label,
                            const std::shared_ptr<SourceCounters>& counters, LineQueue& queue, QueueMode mode) {
  const UnixMillis received = system_now_ms();
  LineBatch batch;
  batch.text.reserve(bytes.size() + framer.pending_bytes());
  batch.ends.reserve(bytes.size() / 48 + 1);  // real sentences are 50-90 bytes: rarely grows
  FramedCounts counts = framer.feed(bytes, batch);
  if (end_of_input) {
    const FramedCounts tail = framer.finish(batch);
    counts.lines += tail.lines;
    counts.overlong += tail.overlong;
  }
  counters->bytes += bytes.size();
  if (counts.overlong != 0) counters->overlong_lines += counts.overlong;
  FrameResult result{counts.lines, counts.overlong, false};
  if (counts.lines == 0) return result;

  batch.received_ms = received;
  counters->lines += counts.lines;
  counters->last_line_ms.store(batch.received_ms, std::memory_order_relaxed);
  batch.counters = counters;
  batch.source = label;
  if (mode == QueueMode::admitted) {
    queue.push(std::move(batch));
  } else {
    result.dropped = !queue.try_push(std::move(batch));  // the queue counts the dropped lines
  }
  return result;
}

void queue_end_of_stream(const std::string& label, const std::shared_ptr<SourceCounters>& counters, LineQueue& queue) {
  LineBatch marker;
  marker.counters = counters;
  marker.source = label;
  marker.received_ms = system_now_ms();
  marker.end_of_stream = true;
  queue.push(std::move(marker));
}

}  // namespace aiswatch::live::detail
