// feed_server.cpp — `aiswatch serve`: file → paced batches → every client, with backpressure.
#include "aiswatch/live/feed_server.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/live/playback_clock.hpp"
#include "bind_address.hpp"
#include "serve_client.hpp"

namespace aiswatch::live {

namespace asio = boost::asio;
using asio::ip::tcp;
using detail::ServeClient;

namespace {
// Lines are sent in batches of about this size (a batch is flushed early when pacing makes us wait).
constexpr std::size_t kBatchBytes = 64 * 1024;
}  // namespace

struct FeedServer::Impl : std::enable_shared_from_this<FeedServer::Impl> {
  Impl(asio::io_context& io_context, ServeSettings s, LogSink l)
      : io(io_context),
        settings(std::move(s)),
        log(std::move(l)),
        acceptor(io_context),
        accept_timer(io_context),
        pace_timer(io_context),
        stall_timer(io_context),
        clock(settings.speed, settings.max_gap) {}

  void say(std::string_view line) const {
    if (log) log(line);
  }

  // --- clients -----------------------------------------------------------------------------------
  void accept() {
    acceptor.async_accept([self = shared_from_this()](const boost::system::error_code& ec, tcp::socket socket) {
      if (self->stopped || self->finishing) return;
      if (ec) {
        // EMFILE and friends: wait for connections to close instead of spinning.
        self->say(fmt::format("serve: accept failed: {}; pausing 1 s", ec.message()));
        self->accept_timer.expires_after(std::chrono::seconds(1));
        self->accept_timer.async_wait([self](const boost::system::error_code& wait_error) {
          if (!wait_error && !self->stopped && !self->finishing) self->accept();
        });
        return;
      }
      if (self->clients.size() >= self->settings.max_clients) {
        ++self->stats.clients_refused;
        boost::system::error_code ignored;
        socket.close(ignored);
      } else {
        self->add_client(std::move(socket));
      }
      self->accept();
    });
  }

  void add_client(tcp::socket socket) {
    boost::system::error_code peer_error;
    const tcp::endpoint peer = socket.remote_endpoint(peer_error);
    const std::string label = peer_error ? "unknown" : to_string(Endpoint{peer.address().to_string(), peer.port()});
    std::weak_ptr<Impl> weak = shared_from_this();
    ServeClient::Hooks hooks{
        .on_closed =
            [weak](ServeClient& client) {
              if (const auto me = weak.lock()) me->client_closed(client);
            },
        .on_drained =
            [weak](ServeClient&) {
              if (const auto me = weak.lock()) me->maybe_resume();
            },
    };
    auto client = std::make_shared<ServeClient>(std::move(socket), label, settings.client_high_water_bytes / 2,
                                                std::move(hooks));
    clients.insert(client);
    ++stats.clients_accepted;
    say(fmt::format("serve: client {} connected ({} connected)", label, clients.size()));
    client->start();
    if (!started_playing && clients.size() >= settings.wait_for_clients) {
      started_playing = true;
      asio::post(io, [self = shared_from_this()] { self->play(); });
    }
  }

  void client_closed(ServeClient& client) {
    stats.bytes_written += client.bytes_written();
    clients.erase(client.shared_from_this());
    if (!finishing) say(fmt::format("serve: client {} disconnected ({} connected)", client.label(), clients.size()));
    if (finishing && clients.empty()) finish();
    maybe_resume();
  }

  // --- playback ----------------------------------------------------------------------------------
  void play() {
    if (stopped || paused || finishing) return;
    for (;;) {
      if (!held) {
        const auto line = reader->next_line();
        if (!line) {
          end_of_pass();
          return;
        }
        ++stats.lines_read;
        held_line.assign(*line);
        const auto data_time = settings.speed == 0.0 ? std::nullopt : line_data_time(held_line, scratch);
        held_due = clock.due(data_time, std::chrono::steady_clock::now());
        held = true;
      }
      if (settings.speed != 0.0 && held_due > std::chrono::steady_clock::now()) {
        flush();
        pace_timer.expires_at(held_due);
        pace_timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
          if (!ec) self->play();
        });
        return;
      }
      pending.append(held_line);
      pending.append("\r\n");
      held = false;
      ++stats.lines_sent;
      if (pending.size() >= kBatchBytes) {
        flush();
        if (over_high_water()) {
          paused = true;
          refresh_hold_marks();
          stall_timer_ensure();
          return;
        }
        // Let accepts and writes run between batches.
        asio::post(io, [self = shared_from_this()] { self->play(); });
        return;
      }
    }
  }

  void flush() {
    if (pending.empty()) return;
    auto batch = std::make_shared<const std::string>(std::move(pending));
    pending = std::string();
    pending.reserve(kBatchBytes + 4096);
    for (const auto& client : clients) client->send(batch);
  }

  bool over_high_water() const {
    for (const auto& client : clients)
      if (client->backlog_bytes() > settings.client_high_water_bytes) return true;
    return false;
  }

  std::size_t low_water() const { return settings.client_high_water_bytes / 2; }

  // While paused, a client "holds up" playback when its backlog is above the resume mark (half the
  // high-water mark): playback resumes only once every client is under it. The mark is the moment a
  // client started holding up playback, for the stall timeout. (Marking only clients above the
  // high-water mark would miss a client stuck between the two marks: it keeps playback paused for
  // ever without ever counting as stalled.)
  void refresh_hold_marks() {
    const auto now = std::chrono::steady_clock::now();
    for (const auto& client : clients) {
      if (client->backlog_bytes() > low_water()) {
        if (!client->holding_since()) client->holding_since() = now;
      } else {
        client->holding_since().reset();
      }
    }
  }

  void maybe_resume() {
    if (!paused || stopped) return;
    for (const auto& client : clients)
      if (client->backlog_bytes() > low_water()) return;
    paused = false;
    for (const auto& client : clients) client->holding_since().reset();
    asio::post(io, [self = shared_from_this()] { self->play(); });
  }

  // While paused or finishing: disconnect a client that has held up playback for longer than stall_timeout.
  void stall_timer_ensure() {
    if (stall_timer_armed) return;
    stall_timer_armed = true;
    stall_timer.expires_after(std::chrono::seconds(1));
    stall_timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      self->stall_timer_armed = false;
      if (ec || self->stopped) return;
      self->drop_stalled_clients();
      if ((self->paused || self->finishing) && !self->finished) self->stall_timer_ensure();
    });
  }

  void drop_stalled_clients() {
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::shared_ptr<ServeClient>> stalled;
    if (paused) {
      refresh_hold_marks();
      for (const auto& client : clients) {
        const auto since = client->holding_since();
        if (since && now - *since >= settings.stall_timeout) stalled.push_back(client);
      }
    }
    // At the end of the file, a client that reads nothing at all gets stall_timeout to take what is left.
    if (finishing && now - finishing_since >= settings.stall_timeout) {
      for (const auto& client : clients)
        if (client->backlog_bytes() != 0 && std::find(stalled.begin(), stalled.end(), client) == stalled.end())
          stalled.push_back(client);
    }
    for (const auto& client : stalled) {
      say(fmt::format("serve: client {} too slow ({} bytes unsent for {:g} s); disconnecting", client->label(),
                      client->backlog_bytes(), static_cast<double>(settings.stall_timeout.count()) / 1000.0));
      ++stats.clients_dropped_slow;
      stats.bytes_written += client->bytes_written();
      client->close_now();
      clients.erase(client);
    }
    if (finishing && clients.empty()) finish();
    maybe_resume();
  }

  void end_of_pass() {
    ++stats.passes;
    if (settings.loop && settings.path != "-" && stats.lines_read != 0) {
      reader = std::make_unique<ais::LineReader>(settings.path);
      clock.restart();
      asio::post(io, [self = shared_from_this()] { self->play(); });
      return;
    }
    flush();
    finishing = true;
    finishing_since = std::chrono::steady_clock::now();
    say(fmt::format("serve: end of {}; closing {} client(s) once they have everything", log_safe(settings.path),
                    clients.size()));
    boost::system::error_code ignored;
    acceptor.close(ignored);
    if (clients.empty()) {
      finish();
      return;
    }
    const auto open = clients;  // close_when_flushed may close (and erase) at once
    for (const auto& client : open) client->close_when_flushed();
    stall_timer_ensure();  // a client that stopped reading must not keep us waiting for ever
  }

  void finish() {
    if (finished) return;
    finished = true;
    accept_timer.cancel();
    pace_timer.cancel();
    stall_timer.cancel();
    if (on_finished) {
      auto handler = std::move(on_finished);
      handler();
    }
  }

  void stop() {
    if (stopped) return;
    stopped = true;
    boost::system::error_code ignored;
    acceptor.close(ignored);
    const auto open = std::move(clients);
    clients.clear();
    for (const auto& client : open) {
      stats.bytes_written += client->bytes_written();
      client->close_now();
    }
    finish();
  }

  asio::io_context& io;
  ServeSettings settings;
  LogSink log;
  tcp::acceptor acceptor;
  std::uint16_t bound_port = 0;
  asio::steady_timer accept_timer;
  asio::steady_timer pace_timer;
  asio::steady_timer stall_timer;
  PlaybackClock clock;
  std::unique_ptr<ais::LineReader> reader;
  std::set<std::shared_ptr<ServeClient>> clients;
  ServeStats stats;
  std::function<void()> on_finished;
  ais::ParsedLine scratch;
  std::string held_line;  // read but not yet due
  std::chrono::steady_clock::time_point held_due;
  std::string pending;    // due lines not yet handed to the clients
  bool held = false;
  bool started_playing = false;
  bool paused = false;    // backpressure: some client is above the high-water mark
  bool stall_timer_armed = false;
  bool finishing = false; // end of file: flushing the clients
  std::chrono::steady_clock::time_point finishing_since;
  bool finished = false;
  bool stopped = false;
};

FeedServer::FeedServer(asio::io_context& io, ServeSettings settings, LogSink log)
    : impl_(std::make_shared<Impl>(io, std::move(settings), std::move(log))) {}

FeedServer::~FeedServer() {
  impl_->on_finished = nullptr;
  impl_->stop();
}

void FeedServer::start() {
  Impl& m = *impl_;
  m.reader = std::make_unique<ais::LineReader>(m.settings.path);  // first: a missing file fails before binding
  m.acceptor = detail::bind_tcp_acceptor(m.io, m.settings.listen, "--port");
  m.bound_port = m.acceptor.local_endpoint().port();
  m.pending.reserve(kBatchBytes + 4096);
  m.accept();
  if (m.settings.wait_for_clients == 0) {
    m.started_playing = true;
    asio::post(m.io, [self = impl_] { self->play(); });
  }
}

void FeedServer::stop() { impl_->stop(); }

void FeedServer::on_finished(std::function<void()> handler) { impl_->on_finished = std::move(handler); }

std::uint16_t FeedServer::port() const { return impl_->bound_port; }

ServeStats FeedServer::stats() const {
  ServeStats s = impl_->stats;
  for (const auto& client : impl_->clients) s.bytes_written += client->bytes_written();
  return s;
}

}  // namespace aiswatch::live
