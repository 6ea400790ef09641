// endpoint.cpp — parsing "HOST:PORT" command-line addresses.
#include "aiswatch/live/endpoint.hpp"

#include <charconv>

namespace aiswatch::live {

std::string_view to_string(EndpointError e) noexcept {
  switch (e) {
    case EndpointError::empty: return "empty address";
    case EndpointError::missing_host: return "missing host (expected HOST:PORT)";
    case EndpointError::bad_port: return "port is not a number from 0 to 65535";
    case EndpointError::bad_host: return "malformed host";
  }
  return "unknown endpoint error";
}

namespace {

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

bool plausible_host(std::string_view host) {
  if (host.empty()) return false;
  for (const char ch : host) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7f || ch == '[' || ch == ']' || ch == '/') return false;
  }
  return true;
}

}  // namespace

Result<Endpoint, EndpointError> parse_endpoint(std::string_view text, std::optional<std::string_view> default_host) {
  if (text.empty()) return Failure{EndpointError::empty};

  std::string_view host;
  std::string_view port;
  if (text.front() == '[') {  // [v6]:port
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) return Failure{EndpointError::bad_host};
    host = text.substr(1, close - 1);
    if (close + 1 >= text.size() || text[close + 1] != ':') return Failure{EndpointError::bad_port};
    port = text.substr(close + 2);
  } else if (const std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    // A bare IPv6 address ("::1:5631") is ambiguous; brackets are required.
    if (host.find(':') != std::string_view::npos) return Failure{EndpointError::bad_host};
  } else {
    if (!default_host) return Failure{EndpointError::missing_host};
    host = *default_host;
    port = text;
  }
  if (!plausible_host(host)) return Failure{host.empty() ? EndpointError::missing_host : EndpointError::bad_host};
  const auto number = parse_port(port);
  if (!number) return Failure{EndpointError::bad_port};
  return Endpoint{std::string(host), *number};
}

std::string to_string(const Endpoint& e) {
  const bool v6 = e.host.find(':') != std::string::npos;
  return (v6 ? "[" + e.host + "]" : e.host) + ":" + std::to_string(e.port);
}

}  // namespace aiswatch::live
