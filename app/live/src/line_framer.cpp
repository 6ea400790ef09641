// line_framer.cpp — splitting a byte stream on '\n' with a line-length cap.
#include "aiswatch/live/line_framer.hpp"

#include <cstring>

namespace aiswatch::live {

LineFramer::LineFramer(std::size_t max_line_bytes) : max_line_bytes_(max_line_bytes) {
  pending_.reserve(max_line_bytes_ + 1);
}

void LineFramer::emit(std::string_view line, LineBatch& out, FramedCounts& counts) const {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return;
  if (line.size() > max_line_bytes_) {
    ++counts.overlong;
    return;
  }
  out.add_line(line);
  ++counts.lines;
}

FramedCounts LineFramer::feed(std::string_view bytes, LineBatch& out) {
  FramedCounts counts;
  // A kept head may end with the '\r' of a CRLF, hence cap + 1.
  const std::size_t keep_limit = max_line_bytes_ + 1;
  while (!bytes.empty()) {
    const void* hit = std::memchr(bytes.data(), '\n', bytes.size());
    const std::size_t piece_len =
        hit == nullptr ? bytes.size() : static_cast<std::size_t>(static_cast<const char*>(hit) - bytes.data());
    const std::string_view piece = bytes.substr(0, piece_len);
    const bool terminated = hit != nullptr;
    bytes.remove_prefix(terminated ? piece_len + 1 : piece_len);

    if (discarding_) {
      discarding_ = !terminated;
      continue;
    }
    if (pending_.empty() && terminated) {  // the common case: a whole line inside this read, no copy
      emit(piece, out, counts);
      continue;
    }
    if (pending_.size() + piece.size() > keep_limit) {
      ++counts.overlong;
      pending_.clear();
      discarding_ = !terminated;
      continue;
    }
    pending_.append(piece);
    if (terminated) {
      emit(pending_, out, counts);
      pending_.clear();
    }
  }
  return counts;
}

FramedCounts LineFramer::finish(LineBatch& out) {
  FramedCounts counts;
  if (!discarding_ && !pending_.empty()) emit(pending_, out, counts);
  pending_.clear();
  discarding_ = false;
  return counts;
}

bool LineFramer::discard_pending() noexcept {
  const bool partial = !discarding_ && !pending_.empty() && pending_ != "\r";
  pending_.clear();
  discarding_ = false;
  return partial;
}

}  // namespace aiswatch::live
