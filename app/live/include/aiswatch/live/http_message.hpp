// http_message.hpp — the little HTTP/1.1 the status endpoint speaks: parsing a request head (request
// line + headers, up to the blank line) and writing a response. Only what a status page needs; the
// connection closes after every response.
//
//   auto r = parse_http_request_head("GET /health?x=1 HTTP/1.1\r\nHost: a\r\n\r\n");
//   r->method == "GET";  r->path == "/health";  r->query == "x=1";  r->query_param("x") == "1";
//   HttpResponse resp{.status = 404, .content_type = "text/plain; charset=utf-8", .body = "not found\n"};
//   std::string wire = serialize(resp, /*head_only=*/false);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aiswatch/ais/result.hpp"

namespace aiswatch::live {

struct HttpRequest {
  std::string_view method;  // as sent; methods are case-sensitive
  std::string_view path;    // target up to '?', as sent (not percent-decoded)
  std::string_view query;   // after '?', empty when none (not decoded: see query_param, parse_query)

  // The value of the first `name=value` pair of the query, percent-decoded ('+' is a space); "" for a
  // bare `name` or `name=`; nullopt when absent. The name is compared after decoding.
  //   GET /events?since=2024-05-01T00%3A00%3A00Z&n=5  →  query_param("since") == "2024-05-01T00:00:00Z"
  std::optional<std::string> query_param(std::string_view name) const;
};

// Every `name=value` pair of a query string, in order, both sides percent-decoded ('+' is a space).
// Empty pairs ("a=1&&b=2") are skipped; a malformed escape ("%zz") is kept as is.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

// "%41+b" → "A b" when `plus_is_space`; invalid escapes are kept literally.
std::string percent_decode(std::string_view text, bool plus_is_space = true);

enum class HttpParseError : std::uint8_t {
  malformed,              // no request line, bad spacing, control characters, target not starting with '/'
  version_not_supported,  // not HTTP/1.0 or HTTP/1.1
};

// `head` is everything up to and including the blank line. Views point into `head`. Headers are
// checked for shape (name ':' value, no control characters) and otherwise ignored.
Result<HttpRequest, HttpParseError> parse_http_request_head(std::string_view head) noexcept;

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, …)
};

std::string_view reason_phrase(int status) noexcept;

// Status line, Content-Type, Content-Length, Cache-Control: no-store, X-Content-Type-Options: nosniff,
// Connection: close, the extra headers, then the body (left out for HEAD).
std::string serialize(const HttpResponse& response, bool head_only);

// A plain-text response: "404 not found\n".
HttpResponse text_response(int status, std::string_view text);

}  // namespace aiswatch::live
