// http_message.cpp — request-head parsing and response writing for the status endpoint.
#include "aiswatch/live/http_message.hpp"

#include <fmt/format.h>

namespace aiswatch::live {

namespace {

bool is_token_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7f && c != '(' && c != ')' && c != '<' && c != '>' && c != '@' && c != ',' && c != ';' &&
         c != ':' && c != '\\' && c != '"' && c != '/' && c != '[' && c != ']' && c != '?' && c != '=' && c != '{' &&
         c != '}';
}

bool is_target_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7f;
}

// Next line of the head without its CRLF (a bare LF is tolerated); advances `head`.
std::string_view next_line(std::string_view& head) {
  const std::size_t lf = head.find('\n');
  std::string_view line = head.substr(0, lf);
  head.remove_prefix(lf == std::string_view::npos ? head.size() : lf + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

Result<HttpRequest, HttpParseError> parse_http_request_head(std::string_view head) noexcept {
  std::string_view line = next_line(head);
  const std::size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos || sp1 == 0) return Failure{HttpParseError::malformed};
  const std::size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || sp2 == sp1 + 1) return Failure{HttpParseError::malformed};

  HttpRequest r;
  r.method = line.substr(0, sp1);
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  for (const char c : r.method)
    if (!is_token_char(c)) return Failure{HttpParseError::malformed};
  if (target.front() != '/') return Failure{HttpParseError::malformed};
  for (const char c : target)
    if (!is_target_char(c)) return Failure{HttpParseError::malformed};
  if (version.substr(0, 5) != "HTTP/") return Failure{HttpParseError::malformed};
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return Failure{HttpParseError::version_not_supported};

  const std::size_t q = target.find('?');
  r.path = target.substr(0, q);
  r.query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);

  while (!head.empty()) {
    line = next_line(head);
    if (line.empty()) break;  // the blank line that ends the head
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Failure{HttpParseError::malformed};
    for (const char c : line.substr(0, colon))
      if (!is_token_char(c)) return Failure{HttpParseError::malformed};
    for (const char c : line.substr(colon + 1)) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) return Failure{HttpParseError::malformed};
    }
  }
  return r;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    out.emplace_back(percent_decode(pair.substr(0, eq)),
                     eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1)));
  }
  return out;
}

std::optional<std::string> HttpRequest::query_param(std::string_view name) const {
  for (auto& [key, value] : parse_query(query))
    if (key == name) return std::move(value);
  return std::nullopt;
}

std::string_view reason_phrase(int status) noexcept {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

std::string serialize(const HttpResponse& response, bool head_only) {
  std::string out = fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n"
      "X-Content-Type-Options: nosniff\r\nConnection: close\r\n",
      response.status, reason_phrase(response.status), response.content_type, response.body.size());
  for (const auto& [name, value] : response.headers) out += fmt::format("{}: {}\r\n", name, value);
  out += "\r\n";
  if (!head_only) out += response.body;
  return out;
}

HttpResponse text_response(int status, std::string_view text) {
  HttpResponse r;
  r.status = status;
  r.body = fmt::format("{} {}\n", status, text);
  return r;
}

}  // namespace aiswatch::live
