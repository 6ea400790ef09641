// cmd_serve.cpp — `aiswatch serve FILE --port N [--host H] [--speed X|max] [--loop]`: plays a log (NMEA,
// plain or gzip) over TCP to every client that connects, like a live feed — for tests, demos and
// benchmarks of `aiswatch live`.
//
//   aiswatch serve feed.nmea.gz --port 5631                 # real time (data times from tag blocks, …)
//   aiswatch serve feed.nmea --port 5631 --speed 60 --loop  # a minute of data per second, for ever
//   aiswatch serve feed.nmea --port 0 --speed max           # as fast as the clients read; port chosen
//
// Playback starts when the first client connects (--wait-clients). Policies (pacing, slow clients) are
// in feed_server.hpp and docs/live.md. SIGINT/SIGTERM: close everything, print statistics, exit 0.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/live/asio.hpp"
#include "aiswatch/live/error.hpp"
#include "aiswatch/live/feed_server.hpp"

namespace {

struct ServeOptions {
  std::string file;
  int port = -1;
  std::string host = "127.0.0.1";
  std::string speed = "1";
  bool loop = false;
  std::size_t wait_clients = 1;
  double max_gap_s = 600;
  double stall_timeout_s = 10;
  bool quiet = false;
};

[[noreturn]] void fail(std::string_view message) {
  fmt::print(stderr, "aiswatch serve: {}\n", message);
  throw CLI::RuntimeError(1);
}

// "max" or a number >= 0 (0 = as fast as possible, like "max").
double parse_speed(const std::string& text) {
  if (text == "max") return 0.0;
  double speed = -1;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), speed);
  if (ec != std::errc{} || ptr != text.data() + text.size() || !(speed >= 0) || speed > 1e6)
    fail(fmt::format("--speed {}: expected a number >= 0 or \"max\"", aiswatch::live::log_safe(text)));
  return speed;
}

void run_serve(const ServeOptions& o) {
  namespace live = aiswatch::live;
  live::ServeSettings settings;
  settings.path = o.file;
  settings.listen = {o.host, static_cast<std::uint16_t>(o.port)};
  settings.speed = parse_speed(o.speed);
  settings.loop = o.loop;
  settings.wait_for_clients = o.wait_clients;
  settings.max_gap = std::chrono::milliseconds(static_cast<std::int64_t>(o.max_gap_s * 1000));
  settings.stall_timeout = std::chrono::milliseconds(static_cast<std::int64_t>(o.stall_timeout_s * 1000));
  if (o.loop && o.file == "-") fail("--loop cannot replay standard input");

  live::LogSink log;
  if (!o.quiet) log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };

  boost::asio::io_context io(1);
  live::FeedServer server(io, settings, log);
  try {
    server.start();
  } catch (const aiswatch::ais::InputError& e) {
    fail(e.what());
  } catch (const live::LiveError& e) {
    fail(e.what());
  }
  // Always printed (not --quiet): scripts and tests read the port from it when --port 0 was given.
  fmt::print(stderr, "serve: listening on {} (speed {}{})\n",
             live::log_safe(live::to_string(live::Endpoint{o.host, server.port()})),
             settings.speed == 0 ? "max" : fmt::format("{:g}", settings.speed), o.loop ? ", looping" : "");

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    if (log) log(fmt::format("serve: {}; stopping", signal == SIGINT ? "SIGINT" : "SIGTERM"));
    server.stop();
  });
  server.on_finished([&] { signals.cancel(); });

  try {
    io.run();
  } catch (const aiswatch::ais::InputError& e) {  // e.g. corrupt gzip data half-way through the file
    fail(e.what());
  }
  const live::ServeStats s = server.stats();
  fmt::print(stderr, "serve: {} lines read, {} sent, {} bytes written; {} clients ({} refused, {} dropped as too slow); {} passes\n",
             s.lines_read, s.lines_sent, s.bytes_written, s.clients_accepted, s.clients_refused,
             s.clients_dropped_slow, s.passes);
}

}  // namespace

void register_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Play a log file over TCP to every client, like a live feed (tests, demos)");
  // No CLI11 ExistingFile check: the reader's message names the file and the exit status stays 1.
  cmd->add_option("file", options->file, "NMEA log (gzip detected; \"-\": stdin)")->required();
  cmd->add_option("--port", options->port, "TCP port to listen on (0: any free port, printed)")
      ->required()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", options->host, "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)");
  cmd->add_option("--speed", options->speed,
                  "Data seconds per second, from the times in the data (tag block c:, trailing epoch, $PGHP); "
                  "0 or \"max\": as fast as clients read (default 1)");
  cmd->add_flag("--loop", options->loop, "Start over at the end of the file");
  cmd->add_option("--wait-clients", options->wait_clients, "Start playing once this many clients are connected (default 1; 0: at once)");
  cmd->add_option("--max-gap", options->max_gap_s, "Jumps in data time larger than this many seconds are not waited out (default 600)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--stall-timeout", options->stall_timeout_s,
                  "Disconnect a client that has not taken 1 MiB of queued data for this many seconds (default 10)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--quiet", options->quiet, "Only the listening address and the final statistics on stderr");
  cmd->callback([options] { run_serve(*options); });
}
