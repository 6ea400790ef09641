// http_server.cpp — accept loop and one-request connections of the status endpoint (after Asio's
// http/server example, reduced to GET/HEAD with Connection: close).
#include "aiswatch/live/http_server.hpp"

#include "aiswatch/live/asio.hpp"
#include <fmt/format.h>

#include <array>
#include <set>

#include "bind_address.hpp"

namespace aiswatch::live {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
 public:
  using OnDone = std::function<void(HttpConnection&)>;

  HttpConnection(tcp::socket socket, const HttpServerSettings& settings, const HttpServer::Handler& handler,
                 OnDone on_done)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        request_(settings.max_request_bytes),
        settings_(settings),
        handler_(handler),
        on_done_(std::move(on_done)) {}

  void start() {
    arm_timer();
    asio::async_read_until(socket_, request_, "\r\n\r\n",
                           [self = shared_from_this()](const boost::system::error_code& ec, std::size_t head_bytes) {
                             self->on_head(ec, head_bytes);
                           });
  }

  void stop() {
    on_done_ = nullptr;
    close();
  }

 private:
  void arm_timer() {
    timer_.expires_after(settings_.request_timeout);
    timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (ec || !self->open_) return;
      if (!self->responding_) {
        self->respond(text_response(408, "request timeout"), false);
      } else {
        self->close();  // the client does not read its response
      }
    });
  }

  void on_head(const boost::system::error_code& ec, std::size_t head_bytes) {
    if (!open_ || responding_) return;
    if (ec == asio::error::not_found) {  // the streambuf's max_size was reached before the blank line
      respond(text_response(431, "request header fields too large"), false);
      return;
    }
    if (ec) {
      close();
      return;
    }
    const std::string head(asio::buffers_begin(request_.data()), asio::buffers_begin(request_.data()) + head_bytes);
    const auto request = parse_http_request_head(head);
    if (!request) {
      const bool version = request.error() == HttpParseError::version_not_supported;
      respond(version ? text_response(505, "HTTP version not supported") : text_response(400, "bad request"), false);
      return;
    }
    const bool head_only = request->method == "HEAD";
    if (request->method != "GET" && !head_only) {
      HttpResponse r = text_response(405, "method not allowed");
      r.headers.emplace_back("Allow", "GET, HEAD");
      respond(r, false);
      return;
    }
    HttpResponse response;
    try {
      response = handler_(*request);
    } catch (...) {  // a handler bug must not end the io thread (and with it the run)
      response = text_response(500, "internal error");
    }
    respond(response, head_only);
  }

  void respond(const HttpResponse& response, bool head_only) {
    responding_ = true;
    arm_timer();
    reply_ = serialize(response, head_only);
    asio::async_write(socket_, asio::buffer(reply_),
                      [self = shared_from_this()](const boost::system::error_code& ec, std::size_t) {
                        if (!self->open_) return;
                        if (ec) {
                          self->close();
                          return;
                        }
                        // Lingering close: half-close, then read what the client still sends until its EOF
                        // (or the timer). Closing with unread request bytes would send a reset that can
                        // destroy the response before the client reads it (a 431 after a huge header).
                        boost::system::error_code ignored;
                        self->socket_.shutdown(tcp::socket::shutdown_send, ignored);
                        self->linger();
                      });
  }

  void linger() {
    socket_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](const boost::system::error_code& ec,
                                                                                std::size_t) {
      if (!self->open_) return;
      if (ec) {
        self->close();
      } else {
        self->linger();
      }
    });
  }

  void close() {
    if (!open_) return;
    open_ = false;
    boost::system::error_code ignored;
    socket_.close(ignored);
    timer_.cancel();
    if (on_done_) {
      auto done = std::move(on_done_);
      done(*this);
    }
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  asio::streambuf request_;
  const HttpServerSettings& settings_;
  const HttpServer::Handler& handler_;
  OnDone on_done_;
  std::string reply_;
  std::array<char, 4096> discard_{};
  bool open_ = true;
  bool responding_ = false;
};

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
  Impl(asio::io_context& io_context, HttpServerSettings s, Handler h, LogSink l)
      : io(io_context), settings(std::move(s)), handler(std::move(h)), log(std::move(l)), acceptor(io_context),
        pause_timer(io_context) {}

  void accept() {
    acceptor.async_accept([self = shared_from_this()](const boost::system::error_code& ec, tcp::socket socket) {
      if (self->stopped) return;
      if (ec) {
        if (self->log) self->log(fmt::format("http: accept failed: {}; pausing 1 s", ec.message()));
        self->pause_timer.expires_after(std::chrono::seconds(1));
        self->pause_timer.async_wait([self](const boost::system::error_code& wait_error) {
          if (!wait_error && !self->stopped) self->accept();
        });
        return;
      }
      if (self->connections.size() >= self->settings.max_connections) {
        boost::system::error_code ignored;
        socket.close(ignored);
      } else {
        std::weak_ptr<Impl> weak = self;
        auto connection = std::make_shared<HttpConnection>(std::move(socket), self->settings, self->handler,
                                                           [weak](HttpConnection& done) {
                                                             if (const auto me = weak.lock())
                                                               me->connections.erase(done.shared_from_this());
                                                           });
        self->connections.insert(connection);
        connection->start();
      }
      self->accept();
    });
  }

  asio::io_context& io;
  HttpServerSettings settings;
  Handler handler;
  LogSink log;
  tcp::acceptor acceptor;
  asio::steady_timer pause_timer;
  std::set<std::shared_ptr<HttpConnection>> connections;
  bool stopped = false;
};

HttpServer::HttpServer(asio::io_context& io, HttpServerSettings settings, Handler handler, LogSink log)
    : impl_(std::make_shared<Impl>(io, std::move(settings), std::move(handler), std::move(log))) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  Impl& m = *impl_;
  m.acceptor = detail::bind_tcp_acceptor(m.io, m.settings.listen, "--http");
  m.accept();
}

void HttpServer::stop() {
  Impl& m = *impl_;
  if (m.stopped) return;
  m.stopped = true;
  boost::system::error_code ignored;
  m.acceptor.close(ignored);
  m.pause_timer.cancel();
  const auto open = std::move(m.connections);
  for (const auto& connection : open) connection->stop();
}

std::uint16_t HttpServer::port() const {
  boost::system::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

}  // namespace aiswatch::live
