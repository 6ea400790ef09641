// http_server.hpp — a tiny HTTP/1.1 server on the caller's io_context, for the status endpoint of
// `aiswatch live --http`. One request per connection (Connection: close), GET and HEAD only, with caps
// so that a hostile client cannot hold memory or connections: the request head must fit in
// max_request_bytes (else 431) and arrive within request_timeout (else 408), at most max_connections
// at once (more are closed at once). The handler maps a parsed request to a response (404 for paths
// it does not know); this class answers 400/405/408/431/505 itself, and 500 if the handler throws.
// The handler runs on the io_context thread.
//
//   HttpServer http(io, {.listen = {"127.0.0.1", 8080}}, [&](const HttpRequest& r) { return routes.handle(r); }, log);
//   http.start();                    // throws LiveError when the address cannot be bound
//   http.port();                     // the bound port (useful with port 0)
//   http.stop();                     // closes the acceptor and every open connection
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "aiswatch/live/endpoint.hpp"
#include "aiswatch/live/http_message.hpp"
#include "aiswatch/live/log.hpp"

namespace boost::asio {
class io_context;
}

namespace aiswatch::live {

struct HttpServerSettings {
  Endpoint listen{"127.0.0.1", 0};
  std::size_t max_request_bytes = 8 * 1024;
  std::chrono::milliseconds request_timeout{5000};  // to receive the request head, and again to send the response
  std::size_t max_connections = 32;
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest& request)>;

  HttpServer(boost::asio::io_context& io, HttpServerSettings settings, Handler handler, LogSink log = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  void start();  // binds (throws LiveError naming --http and the address) and accepts
  void stop();   // io thread; idempotent
  std::uint16_t port() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace aiswatch::live
