// json_line.hpp — a fixed-size stack buffer that one JSON object is written into, with hand-written
// number formatting for the fixed-point values AIS carries (no locale, no allocation, exact).
//
// Private to message_json.cpp. Every AIS message has a known maximum JSON size (the longest text is
// 161 six-bit characters, the longest binary payload 1008 bits), so kCapacity bounds it with room to
// spare; overflowing it would be a programmer error and is asserted.
//   JsonLine j;  j.key("mmsi");  j.uint(366053209);  out.append(j.begin(), j.end());
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace aiswatch::report::detail {

class JsonLine {
 public:
  static constexpr std::size_t kCapacity = 2048;

  const char* begin() const noexcept { return buf_; }
  const char* end() const noexcept { return p_; }

  void raw(std::string_view s) noexcept {
    assert(fits(s.size()));
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void ch(char c) noexcept {
    assert(fits(1));
    *p_++ = c;
  }
  // ,"name": — every field after the first starts with its comma.
  void key(std::string_view name) noexcept {
    assert(fits(name.size() + 4));
    *p_++ = ',';
    *p_++ = '"';
    std::memcpy(p_, name.data(), name.size());
    p_ += name.size();
    *p_++ = '"';
    *p_++ = ':';
  }

  void uint(std::uint64_t v) noexcept {
    // Two digits per division, right to left into a scratch buffer, then one copy.
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char tmp[20];
    char* end = tmp + sizeof tmp;
    char* q = end;
    while (v >= 100) {
      const auto pair = static_cast<std::size_t>(v % 100) * 2;
      v /= 100;
      *--q = kPairs[pair + 1];
      *--q = kPairs[pair];
    }
    if (v >= 10) {
      const auto pair = static_cast<std::size_t>(v) * 2;
      *--q = kPairs[pair + 1];
      *--q = kPairs[pair];
    } else {
      *--q = static_cast<char>('0' + v);
    }
    raw(std::string_view(q, static_cast<std::size_t>(end - q)));
  }
  void sint(std::int64_t v) noexcept {
    if (v < 0) {
      ch('-');
      uint(static_cast<std::uint64_t>(-(v + 1)) + 1);
    } else {
      uint(static_cast<std::uint64_t>(v));
    }
  }
  void boolean(bool b) noexcept { raw(b ? std::string_view("true") : std::string_view("false")); }

  // A non-negative or negative fixed-point number: `scaled` / 10^decimals printed with exactly
  // `decimals` digits after the point ("%.Nf" of an exact value).
  void fixed(std::int64_t scaled, int decimals) noexcept {
    std::uint64_t mag = scaled < 0 ? static_cast<std::uint64_t>(-(scaled + 1)) + 1 : static_cast<std::uint64_t>(scaled);
    if (scaled < 0) ch('-');
    assert(decimals >= 0 && decimals <= 9);
    static constexpr std::uint64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                               1000000000};
    const std::uint64_t pow10 = kPow10[decimals];
    uint(mag / pow10);
    if (decimals == 0) return;
    ch('.');
    std::uint64_t frac = mag % pow10;
    char tmp[9];
    for (int i = decimals - 1; i >= 0; --i) {
      tmp[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    raw(std::string_view(tmp, static_cast<std::size_t>(decimals)));
  }

  // A JSON string: quote, backslash and control characters escaped; other bytes as they are (six-bit
  // text is printable ASCII by construction, but nothing here relies on that).
  void string(std::string_view s) noexcept {
    assert(fits(s.size() * 6 + 2));
    *p_++ = '"';
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        *p_++ = '\\';
        *p_++ = c;
      } else if (u < 0x20 || u == 0x7F) {
        static constexpr char kHex[] = "0123456789abcdef";
        *p_++ = '\\';
        *p_++ = 'u';
        *p_++ = '0';
        *p_++ = '0';
        *p_++ = kHex[u >> 4];
        *p_++ = kHex[u & 0xF];
      } else {
        *p_++ = c;
      }
    }
    *p_++ = '"';
  }

  // Lower-case hex of `bytes`.
  void hex(const std::uint8_t* bytes, std::size_t n) noexcept {
    static constexpr char kHex[] = "0123456789abcdef";
    assert(fits(2 * n));
    for (std::size_t i = 0; i < n; ++i) {
      *p_++ = kHex[bytes[i] >> 4];
      *p_++ = kHex[bytes[i] & 0xF];
    }
  }

 private:
  bool fits(std::size_t n) const noexcept { return static_cast<std::size_t>(p_ - buf_) + n <= kCapacity; }

  char buf_[kCapacity];
  char* p_ = buf_;
};

}  // namespace aiswatch::report::detail
