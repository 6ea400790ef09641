// http_message_test.cpp — request-head parsing and response writing of the status endpoint, and the
// HTML escaping of the status page.
#include <catch2/catch.hpp>

#include "aiswatch/live/http_message.hpp"
#include "aiswatch/live/status_routes.hpp"

using namespace aiswatch::live;

TEST_CASE("http: request heads", "[live][http]") {
  SECTION("valid") {
    const auto r = parse_http_request_head("GET /events?n=5&x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n");
    REQUIRE(r);
    CHECK(r->method == "GET");
    CHECK(r->path == "/events");
    CHECK(r->query == "n=5&x=1");
    const auto head = parse_http_request_head("HEAD / HTTP/1.0\n\n");  // bare LF tolerated
    REQUIRE(head);
    CHECK(head->method == "HEAD");
    CHECK(head->path == "/");
    CHECK(head->query.empty());
  }
  SECTION("bad input") {
    auto [head, reason] = GENERATE(table<std::string, HttpParseError>({
        {"\r\n\r\n", HttpParseError::malformed},
        {"GET\r\n\r\n", HttpParseError::malformed},
        {"GET  / HTTP/1.1\r\n\r\n", HttpParseError::malformed},
        {"GET health HTTP/1.1\r\n\r\n", HttpParseError::malformed},
        {"GET http://x/ HTTP/1.1\r\n\r\n", HttpParseError::malformed},
        {"G(T / HTTP/1.1\r\n\r\n", HttpParseError::malformed},
        {"GET / HTTP/2.0\r\n\r\n", HttpParseError::version_not_supported},
        {"GET / FTP/1.0\r\n\r\n", HttpParseError::malformed},
        {"GET / HTTP/1.1\r\nNoColon\r\n\r\n", HttpParseError::malformed},
        {"GET / HTTP/1.1\r\nX: a\x01z\r\n\r\n", HttpParseError::malformed},
        {std::string("GET /\0 HTTP/1.1\r\n\r\n", 19), HttpParseError::malformed},
    }));
    INFO(head);
    const auto r = parse_http_request_head(head);
    REQUIRE_FALSE(r);
    CHECK(r.error() == reason);
  }
}

TEST_CASE("http: responses", "[live][http]") {
  HttpResponse r = text_response(405, "method not allowed");
  r.headers.emplace_back("Allow", "GET, HEAD");
  const std::string wire = serialize(r, false);
  CHECK(wire.rfind("HTTP/1.1 405 Method Not Allowed\r\n", 0) == 0);
  CHECK(wire.find("\r\nContent-Length: 23\r\n") != std::string::npos);
  CHECK(wire.find("\r\nAllow: GET, HEAD\r\n") != std::string::npos);
  CHECK(wire.find("\r\nConnection: close\r\n") != std::string::npos);
  CHECK(wire.substr(wire.size() - 23) == "405 method not allowed\n");
  const std::string head_only = serialize(r, true);
  CHECK(head_only.find("Content-Length: 23") != std::string::npos);  // the length of the body not sent
  CHECK(head_only.substr(head_only.size() - 4) == "\r\n\r\n");
}

TEST_CASE("html_escape: AIS text cannot become markup", "[live][http]") {
  CHECK(html_escape(R"(<script>alert("x")</script> & 'y')") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  CHECK(html_escape("TAB\tNL\nESC\x1b") == "TAB\tNL\nESC\xEF\xBF\xBD");
  CHECK(html_escape("MÆRSK") == "MÆRSK");
}

TEST_CASE("http: query parameters, percent-decoded", "[live][http]") {
  const auto r = parse_http_request_head("GET /events?since=2024-05-01T00%3A00%3A00Z&n=5&flag&name=A+B%2b&&x= HTTP/1.1\r\n\r\n");
  REQUIRE(r);
  CHECK(r->path == "/events");
  CHECK(r->query_param("since") == "2024-05-01T00:00:00Z");
  CHECK(r->query_param("n") == "5");
  CHECK(r->query_param("flag") == "");
  CHECK(r->query_param("name") == "A B+");
  CHECK(r->query_param("x") == "");
  CHECK_FALSE(r->query_param("missing"));
  const auto all = parse_query(r->query);
  REQUIRE(all.size() == 5);
  CHECK(all[0] == std::pair<std::string, std::string>{"since", "2024-05-01T00:00:00Z"});
  CHECK(all[2] == std::pair<std::string, std::string>{"flag", ""});
  CHECK(percent_decode("%zz%4") == "%zz%4");  // malformed escapes stay as they are
  CHECK(percent_decode("%41%62c") == "Abc");
  CHECK(percent_decode("a+b", false) == "a+b");
}

TEST_CASE("prometheus_label_value: escaped for the text format, valid UTF-8", "[live][http][metrics]") {
  CHECK(prometheus_label_value("listen-tcp:127.0.0.1:5631") == "listen-tcp:127.0.0.1:5631");
  CHECK(prometheus_label_value("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
  CHECK(prometheus_label_value("M\xC3\x86RSK") == "M\xC3\x86RSK");           // UTF-8 kept
  CHECK(prometheus_label_value("x\xff\xc3y") == "x\xEF\xBF\xBD\xEF\xBF\xBDy");  // invalid bytes replaced
  CHECK(prometheus_label_value("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate is not UTF-8
}
