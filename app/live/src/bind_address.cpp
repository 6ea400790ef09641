// bind_address.cpp — resolve, open, bind, listen; every failure named.
#include "bind_address.hpp"

#include <fmt/format.h>

#include "aiswatch/live/error.hpp"
#include "aiswatch/live/log.hpp"

namespace aiswatch::live::detail {

namespace asio = boost::asio;

namespace {

template <class Protocol>
typename Protocol::endpoint resolve_passive(asio::io_context& io, const Endpoint& where, const std::string& what) {
  boost::system::error_code ec;
  typename Protocol::resolver resolver(io);
  const auto addresses = resolver.resolve(where.host, std::to_string(where.port),
                                          Protocol::resolver::passive | Protocol::resolver::numeric_service, ec);
  if (ec || addresses.empty()) throw LiveError(fmt::format("{}: cannot resolve the address: {}", what, ec.message()));
  return addresses.begin()->endpoint();
}

}  // namespace

asio::ip::tcp::acceptor bind_tcp_acceptor(asio::io_context& io, const Endpoint& where, std::string_view option) {
  const std::string what = fmt::format("{} {}", option, log_safe(to_string(where)));
  const auto endpoint = resolve_passive<asio::ip::tcp>(io, where, what);
  boost::system::error_code ec;
  asio::ip::tcp::acceptor acceptor(io);
  if (acceptor.open(endpoint.protocol(), ec); ec) throw LiveError(fmt::format("{}: {}", what, ec.message()));
  acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
  if (acceptor.bind(endpoint, ec); ec) throw LiveError(fmt::format("{}: cannot bind: {}", what, ec.message()));
  if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec)
    throw LiveError(fmt::format("{}: cannot listen: {}", what, ec.message()));
  return acceptor;
}

asio::ip::udp::socket bind_udp_socket(asio::io_context& io, const Endpoint& where, std::string_view option,
                                      int receive_buffer_bytes) {
  const std::string what = fmt::format("{} {}", option, log_safe(to_string(where)));
  const auto endpoint = resolve_passive<asio::ip::udp>(io, where, what);
  boost::system::error_code ec;
  asio::ip::udp::socket socket(io);
  if (socket.open(endpoint.protocol(), ec); ec) throw LiveError(fmt::format("{}: {}", what, ec.message()));
  socket.set_option(asio::socket_base::receive_buffer_size(receive_buffer_bytes), ec);  // the kernel may cap it
  if (socket.bind(endpoint, ec); ec) throw LiveError(fmt::format("{}: cannot bind: {}", what, ec.message()));
  return socket;
}

}  // namespace aiswatch::live::detail
