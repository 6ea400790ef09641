// log.hpp — where the socket layer reports what happens to its connections (connected, closed,
// reconnecting in 1.3 s, idle, dropped a slow client). One line per call, no terminator.
//
//   LogSink log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };
//   LogSink quiet;                                   // empty: nothing is logged
//
// Called on the io_context thread. Labels in the messages come from command-line options and peer
// addresses; log_safe() makes a label printable before it goes into a message.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace aiswatch::live {

using LogSink = std::function<void(std::string_view line)>;

// `text` with control characters and non-ASCII bytes shown as \xNN, so a log line stays one line.
std::string log_safe(std::string_view text);

}  // namespace aiswatch::live
