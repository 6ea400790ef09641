// hostile_payload_test.cpp — payloads no transmitter should send: empty, characters outside the armour
// alphabet, fill bits 6 and more, unknown types, oversized, random bytes. Each is rejected with its
// reason (never thrown, never asserted); random input never crashes (also run under ASan/UBSan).
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "aiswatch/ais/decode.hpp"
#include "test_support.hpp"

using namespace aiswatch::ais;
using aiswatch::test::PayloadBuilder;

namespace {
Reject rejected(std::string_view payload, unsigned fill) {
  const auto r = decode_payload(payload, fill);
  REQUIRE_FALSE(r.ok());
  return r.error();
}
constexpr std::string_view kValid = "15RTgt0PAso;90TKcjM8h6g208CQ";  // sample.aivdm type 1
}  // namespace

TEST_CASE("empty payloads and bad fill bits", "[messages][hostile]") {
  CHECK(rejected("", 0) == Reject::empty_payload);
  CHECK(rejected("", 6) == Reject::empty_payload);
  for (unsigned fill : {6u, 7u, 9u, 255u, 1u << 31}) CHECK(rejected(kValid, fill) == Reject::bad_fill_bits);
  CHECK(decode_payload(kValid, 0).ok());
}

TEST_CASE("every byte outside the armour alphabet is a bad character, wherever it sits", "[messages][hostile]") {
  std::size_t bad_bytes = 0;
  for (int c = 0; c < 256; ++c) {
    const bool armour = (c >= '0' && c <= 'W') || (c >= '`' && c <= 'w');
    if (armour) continue;
    ++bad_bytes;
    for (std::size_t at : {std::size_t{0}, std::size_t{5}, kValid.size() - 1}) {
      std::string p(kValid);
      p[at] = static_cast<char>(c);
      INFO("byte " << c << " at " << at);
      CHECK(rejected(p, 0) == Reject::bad_character);
    }
  }
  CHECK(bad_bytes == 256 - 64);
  // A bad character in an oversized payload is still reported as a bad character.
  std::string huge(400, 'w');
  huge[300] = '!';
  CHECK(rejected(huge, 0) == Reject::bad_character);
}

TEST_CASE("types 0 and 28..63 are unknown", "[messages][hostile]") {
  for (unsigned type : {0u, 28u, 29u, 37u, 41u, 63u}) {
    PayloadBuilder p;
    p.u(type, 6).u(0, 2).u(123456789, 30).resize(168);
    INFO("type " << type);
    CHECK(rejected(p.armoured(), p.fill_bits()) == Reject::unknown_type);
  }
}

TEST_CASE("payloads longer than any AIS message are bad lengths", "[messages][hostile]") {
  const std::string longest(168, '1');  // 1008 bits of a type-1 lead
  CHECK(rejected(longest + "0", 0) == Reject::bad_length_for_type);
  CHECK(rejected(std::string(100000, '8'), 0) == Reject::bad_length_for_type);  // type 8, 600000 bits
}

TEST_CASE("random bytes and random armour never crash and always give a result", "[messages][hostile]") {
  std::mt19937_64 rng(20261128);
  std::uniform_int_distribution<int> byte(0, 255), armour(0, 63), length(0, 200), fill(0, 7);
  std::size_t decoded = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string p(static_cast<std::size_t>(length(rng)), '\0');
    const bool as_armour = i % 2 == 0;
    for (char& c : p) {
      const int v = as_armour ? armour(rng) : byte(rng);
      c = static_cast<char>(as_armour ? (v < 40 ? v + 48 : v + 56) : v);
    }
    const auto r = decode_payload(p, static_cast<unsigned>(fill(rng)));
    if (r.ok()) {
      ++decoded;
      CHECK(r->type >= 1);
      CHECK(r->type <= 27);
      CHECK(r->bit_length <= 1008);
    }
  }
  CHECK(decoded > 1000);  // random armour often forms a valid message: the decoder is not over-strict
}
