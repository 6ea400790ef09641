// lengths_test.cpp — walks the accepted-length table (message_length_rules): every type, part and
// addressing mode at every bit length from 6 to 1100 is decoded when the table admits it and rejected
// with bad_length_for_type when not; and the table is checked against gpsd 3.22 itself, live, on the
// same generated messages.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "aiswatch/ais/decode.hpp"
#include "test_support.hpp"

using namespace aiswatch::ais;
using aiswatch::test::PayloadBuilder;

namespace {

constexpr std::size_t kLongest = 1100;  // past the 1008-bit maximum of any type

// A message of `type` with `variant` bits at 38..39 (type-24 part number, type-25/26 flags) and
// deterministic pseudo-random bits after, cut to exactly `bits`. The MMSI names the case, so a
// reference decoder's output can be matched back to it.
PayloadBuilder make_message(unsigned type, unsigned variant, std::size_t bits) {
  // The longest message of each (type, variant) is built once; shorter ones are its prefixes.
  static std::map<std::pair<unsigned, unsigned>, PayloadBuilder> longest;
  auto it = longest.find({type, variant});
  if (it == longest.end()) {
    PayloadBuilder p;
    p.u(type, 6).u(0, 2).u(0, 30).u(variant, 2);
    std::uint64_t state = 0x9E3779B97F4A7C15ull * (type * 4 + variant + 1);
    while (p.size() < kLongest) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      p.u(state >> 63, 1);
    }
    it = longest.emplace(std::make_pair(type, variant), p).first;
  }
  PayloadBuilder p = it->second;
  p.set(8, type * 100000u + variant * 10000u + bits, 30);  // the MMSI names the case
  return p.resize(bits);
}

unsigned variant_of(const MessageLengthRule& rule) { return rule.part < 0 ? 0u : static_cast<unsigned>(rule.part); }

}  // namespace

TEST_CASE("the length table covers every type once per part/mode, in order", "[messages][lengths]") {
  std::set<std::pair<unsigned, int>> seen;
  unsigned previous_type = 0;
  for (const MessageLengthRule& rule : message_length_rules()) {
    INFO("type " << int(rule.type) << " part " << int(rule.part));
    CHECK(rule.type >= previous_type);
    previous_type = rule.type;
    CHECK(rule.min_bits >= 38);  // at least the common header
    CHECK(rule.min_bits <= rule.max_bits);
    CHECK(rule.max_bits <= 1008);
    CHECK(seen.emplace(rule.type, rule.part).second);
  }
  for (unsigned type = 1; type <= 27; ++type) {
    const int parts = type == 24 ? 2 : (type == 25 || type == 26) ? 4 : 0;
    if (parts == 0) CHECK(seen.count({type, -1}) == 1);
    for (int part = 0; part < parts; ++part) CHECK(seen.count({type, part}) == 1);
  }
}

TEST_CASE("every type decodes at every accepted length and is rejected at every other", "[messages][lengths][slow]") {
  std::size_t accepted = 0, rejected = 0;
  for (const MessageLengthRule& rule : message_length_rules()) {
    const unsigned variant = variant_of(rule);
    // From 6 bits: below that even the type is cut, and the first character (padded) is another type.
    for (std::size_t bits = 6; bits <= kLongest; ++bits) {
      const PayloadBuilder p = make_message(rule.type, variant, bits);
      const auto r = decode_payload(p.armoured(), p.fill_bits());
      const bool should_decode = bits >= rule.min_bits && bits <= rule.max_bits;
      if (should_decode != r.ok() || (!r.ok() && r.error() != Reject::bad_length_for_type)) {
        FAIL_CHECK("type " << int(rule.type) << " part/mode " << int(rule.part) << " at " << bits << " bits: "
                           << (r.ok() ? "decoded" : to_string(r.error())) << ", table says "
                           << (should_decode ? "decode" : "bad_length_for_type"));
        continue;
      }
      if (r.ok()) {
        ++accepted;
        CHECK(r->type == rule.type);
        CHECK(r->bit_length == bits);
        CHECK(r->mmsi == rule.type * 100000u + variant * 10000u + bits);
      } else {
        ++rejected;
      }
    }
  }
  // Sanity: the walk really exercised both outcomes for every row.
  CHECK(accepted > 19000);
  CHECK(rejected > 10000);
}

TEST_CASE("type 24 parts 2 and 3 are unknown, not a length problem", "[messages][lengths]") {
  for (unsigned part : {2u, 3u})
    for (std::size_t bits : {160u, 168u}) {
      const PayloadBuilder p = make_message(24, part, bits);
      const auto r = decode_payload(p.armoured(), p.fill_bits());
      REQUIRE_FALSE(r.ok());
      CHECK(r.error() == Reject::unknown_type);
    }
}

TEST_CASE("the length table matches gpsd 3.22 on every generated length", "[messages][lengths][gpsd][slow]") {
  if (!aiswatch::test::on_path("gpsdecode"))
    FAIL("gpsdecode not found on PATH: install gpsd-clients (scripts/setup.sh test)");

  // Every case as NMEA (60 armoured characters per sentence), all through one gpsdecode run.
  std::string nmea;
  unsigned sequence = 0;
  for (const MessageLengthRule& rule : message_length_rules()) {
    for (std::size_t bits = 38; bits <= kLongest; ++bits) {
      const PayloadBuilder p = make_message(rule.type, variant_of(rule), bits);
      const std::string payload = p.armoured();
      const std::size_t parts = (payload.size() + 59) / 60;
      sequence = (sequence + 1) % 10;
      for (std::size_t i = 0; i < parts; ++i) {
        const std::string body = "AIVDM," + std::to_string(parts) + "," + std::to_string(i + 1) + "," +
                                 (parts > 1 ? std::to_string(sequence) : std::string()) + ",A," +
                                 payload.substr(i * 60, 60) + "," + std::to_string(i + 1 == parts ? p.fill_bits() : 0);
        unsigned sum = 0;
        for (char c : body) sum ^= static_cast<unsigned char>(c);
        char hex[3];
        std::snprintf(hex, sizeof hex, "%02X", sum);
        nmea += "!" + body + "*" + hex + "\n";
      }
    }
  }
  const std::string json = aiswatch::test::run_command("gpsdecode -u -s -j", nmea);

  // What gpsd decoded, by (type, variant, bits) recovered from the MMSI.
  std::set<std::tuple<unsigned, unsigned, std::size_t>> gpsd_ok;
  std::size_t pos = 0;
  while ((pos = json.find("\"mmsi\":", pos)) != std::string::npos) {
    pos += 7;
    const unsigned long mmsi = std::stoul(json.substr(pos, 12));
    gpsd_ok.emplace(mmsi / 100000, (mmsi / 10000) % 10, mmsi % 10000);
  }
  REQUIRE(gpsd_ok.size() > 10000);

  std::map<std::string, std::size_t> widened;  // our documented departures, by reason
  std::size_t agree = 0;
  for (const MessageLengthRule& rule : message_length_rules()) {
    const unsigned variant = variant_of(rule);
    for (std::size_t bits = 38; bits <= kLongest; ++bits) {
      const bool ours = bits >= rule.min_bits && bits <= rule.max_bits;
      const bool theirs = gpsd_ok.count({rule.type, variant, bits}) == 1;
      if (ours == theirs) {
        ++agree;
        continue;
      }
      if (!ours && theirs && bits > rule.max_bits && rule.max_bits >= 1004) {
        ++widened["gpsd accepts more than a five-slot message (> 1008 bits)"];
      } else if (ours && !theirs && rule.type == 24 && variant == 1 && bits >= 162 && bits < 168) {
        ++widened["24B at 162..167 bits"];
      } else if (ours && !theirs && rule.type == 27 && bits > 96 && bits < 168) {
        ++widened["27 at 97..167 bits"];
      } else {
        FAIL_CHECK("type " << int(rule.type) << " part/mode " << variant << " at " << bits
                           << " bits: gpsd " << (theirs ? "decodes" : "rejects") << ", we "
                           << (ours ? "decode" : "reject"));
      }
    }
  }
  for (const auto& [why, n] : widened) INFO(why << ": " << n);
  CHECK(widened["24B at 162..167 bits"] == 6);
  CHECK(widened["27 at 97..167 bits"] == 71);
  CHECK(agree > 30000);
}
