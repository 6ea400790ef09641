// bind_address.hpp — opening the listening sockets of the live commands (feed listeners, the HTTP
// status endpoint, `serve`). Failures end the run: LiveError naming the option and the address.
#pragma once

#include "aiswatch/live/asio.hpp"

#include <string_view>

#include "aiswatch/live/endpoint.hpp"

namespace aiswatch::live::detail {

// Resolves `where` for a passive socket, binds (SO_REUSEADDR, so a restart need not wait out
// TIME_WAIT) and listens. `option` ("--listen-tcp", "--http", "--port") goes into the error message.
boost::asio::ip::tcp::acceptor bind_tcp_acceptor(boost::asio::io_context& io, const Endpoint& where,
                                                 std::string_view option);

// The same for a datagram socket; `receive_buffer_bytes` is requested from the kernel (best effort).
boost::asio::ip::udp::socket bind_udp_socket(boost::asio::io_context& io, const Endpoint& where,
                                             std::string_view option, int receive_buffer_bytes);

}  // namespace aiswatch::live::detail
