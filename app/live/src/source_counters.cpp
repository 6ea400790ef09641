// source_counters.cpp — copying the atomic counters into a plain snapshot.
#include "aiswatch/live/source_counters.hpp"

namespace aiswatch::live {

std::string_view to_string(SourceKind kind) noexcept {
  switch (kind) {
    case SourceKind::tcp_client: return "tcp-client";
    case SourceKind::tcp_listener: return "tcp-listener";
    case SourceKind::udp_listener: return "udp-listener";
  }
  return "unknown";
}

SourceSnapshot SourceCounters::snapshot() const {
  constexpr auto relaxed = std::memory_order_relaxed;
  SourceSnapshot s;
  s.kind = kind;
  s.name = name;
  s.lines = lines.load(relaxed);
  s.bytes = bytes.load(relaxed);
  s.overlong_lines = overlong_lines.load(relaxed);
  s.partial_lines = partial_lines.load(relaxed);
  s.dropped_lines = dropped_lines.load(relaxed);
  s.dropped_datagrams = dropped_datagrams.load(relaxed);
  s.delivered_lines = delivered_lines.load(relaxed);
  s.datagrams = datagrams.load(relaxed);
  s.connections = connections.load(relaxed);
  s.active_connections = active_connections.load(relaxed);
  s.rejected_connections = rejected_connections.load(relaxed);
  s.disconnects = disconnects.load(relaxed);
  s.connect_failures = connect_failures.load(relaxed);
  s.reconnects = reconnects.load(relaxed);
  s.idle_timeouts = idle_timeouts.load(relaxed);
  s.backpressure_pauses = backpressure_pauses.load(relaxed);
  s.paused_connections = paused_connections.load(relaxed);
  if (const UnixMillis t = last_line_ms.load(relaxed); t != 0) s.last_line_ms = t;
  return s;
}

}  // namespace aiswatch::live
