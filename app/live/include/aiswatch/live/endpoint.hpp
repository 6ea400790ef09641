// endpoint.hpp — the addresses of the live command line: "HOST:PORT", "PORT" alone (the default host),
// "[v6-address]:PORT".
//
//   auto e = parse_endpoint("127.0.0.1:5631", {});          // e->host == "127.0.0.1", e->port == 5631
//   auto l = parse_endpoint("10110", "127.0.0.1");          // listeners: the host may be left out
//   auto bad = parse_endpoint("host:99999", {});            // bad.error() == EndpointError::bad_port
//   to_string(*e) == "127.0.0.1:5631"
//
// Port 0 is accepted (a listener then takes an ephemeral port); the caller rejects it where it makes no
// sense (--connect).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aiswatch/ais/result.hpp"

namespace aiswatch::live {

struct Endpoint {
  std::string host;  // name or numeric address, without brackets
  std::uint16_t port = 0;
};

enum class EndpointError : std::uint8_t {
  empty,         // ""
  missing_host,  // "5631" where no default host applies
  bad_port,      // not a number in 0..65535
  bad_host,      // "[::1" (no closing bracket), spaces or control characters
};

std::string_view to_string(EndpointError e) noexcept;

// `default_host` is used when `text` is a port alone; nullopt makes a host mandatory.
Result<Endpoint, EndpointError> parse_endpoint(std::string_view text, std::optional<std::string_view> default_host);

// "host:port", with brackets around an IPv6 address.
std::string to_string(const Endpoint& e);

}  // namespace aiswatch::live
