// source_counters.hpp — what each configured feed (one --connect, --listen-tcp or --listen-udp) has
// done so far. The socket code on the io_context thread writes them, the consumer thread and the HTTP
// endpoint read them, so every field is a relaxed atomic; snapshot() copies them into a plain struct.
//
//   auto c = std::make_shared<SourceCounters>(SourceKind::tcp_client, "connect:127.0.0.1:5631");
//   c->lines += 12;                                  // the socket code
//   SourceSnapshot s = c->snapshot();                // anyone: s.lines == 12
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aiswatch/ais/time.hpp"

namespace aiswatch::live {

enum class SourceKind : std::uint8_t { tcp_client, tcp_listener, udp_listener };

std::string_view to_string(SourceKind kind) noexcept;  // "tcp-client", "tcp-listener", "udp-listener"

struct SourceSnapshot {
  SourceKind kind = SourceKind::tcp_client;
  std::string name;
  std::uint64_t lines = 0;                 // complete lines received (empty lines not counted)
  std::uint64_t bytes = 0;                 // bytes received, terminators and garbage included
  std::uint64_t overlong_lines = 0;        // lines over the cap, discarded
  std::uint64_t partial_lines = 0;         // TCP: unterminated lines cut off by a broken connection, discarded
  std::uint64_t dropped_lines = 0;         // lines dropped because the consumer queue was full (UDP only)
  std::uint64_t dropped_datagrams = 0;     // UDP datagrams whose lines were dropped (queue full)
  std::uint64_t delivered_lines = 0;       // lines handed to the consumer
  std::uint64_t datagrams = 0;             // UDP only
  std::uint64_t connections = 0;           // TCP connections established (accepted or connected)
  std::uint64_t active_connections = 0;    // open now
  std::uint64_t rejected_connections = 0;  // listener: refused because max connections were open
  std::uint64_t disconnects = 0;           // established connections that ended
  std::uint64_t connect_failures = 0;      // client: resolve or connect attempts that failed
  std::uint64_t reconnects = 0;            // client: connections established after the first
  std::uint64_t idle_timeouts = 0;         // watchdog: a connection (or UDP socket) silent for too long
  std::uint64_t backpressure_pauses = 0;   // TCP: times a connection stopped reading because the queue was full
  std::uint64_t paused_connections = 0;    // TCP: connections not reading now (backpressure)
  std::optional<UnixMillis> last_line_ms;  // receive time of the newest line
};

struct SourceCounters {
  SourceCounters(SourceKind k, std::string n) : kind(k), name(std::move(n)) {}

  const SourceKind kind;
  const std::string name;  // "connect:HOST:PORT", "listen-tcp:HOST:PORT", "listen-udp:HOST:PORT"
  std::atomic<std::uint64_t> lines{0};
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<std::uint64_t> overlong_lines{0};
  std::atomic<std::uint64_t> partial_lines{0};
  std::atomic<std::uint64_t> dropped_lines{0};
  std::atomic<std::uint64_t> dropped_datagrams{0};
  std::atomic<std::uint64_t> delivered_lines{0};
  std::atomic<std::uint64_t> datagrams{0};
  std::atomic<std::uint64_t> connections{0};
  std::atomic<std::uint64_t> active_connections{0};
  std::atomic<std::uint64_t> rejected_connections{0};
  std::atomic<std::uint64_t> disconnects{0};
  std::atomic<std::uint64_t> connect_failures{0};
  std::atomic<std::uint64_t> reconnects{0};
  std::atomic<std::uint64_t> idle_timeouts{0};
  std::atomic<std::uint64_t> backpressure_pauses{0};
  std::atomic<std::uint64_t> paused_connections{0};
  std::atomic<UnixMillis> last_line_ms{0};  // 0: no line yet

  SourceSnapshot snapshot() const;
};

}  // namespace aiswatch::live
