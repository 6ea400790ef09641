#include <catch2/catch.hpp>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/ais/time.hpp"

using namespace aiswatch;

TEST_CASE("ISO 8601 formatting and parsing round-trip", "[time]") {
  SECTION("valid") {
    CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
    CHECK(format_iso8601(1541030400000) == "2018-11-01T00:00:00Z");
    CHECK(format_iso8601(1272412827123) == "2010-04-28T00:00:27.123Z");
    CHECK(format_iso8601(-1000) == "1969-12-31T23:59:59Z");
    CHECK(parse_iso8601("2022-01-03T00:00:01") == 1641168001000);
    CHECK(parse_iso8601("2022-01-03 00:00:01Z") == 1641168001000);
    CHECK(parse_iso8601("2024-02-29") == days_from_civil(2024, 2, 29) * 86'400'000);
    CHECK(parse_iso8601("2010-04-28T00:00:27.123Z") == 1272412827123);
    for (UnixMillis t : {0LL, 951782400000LL, 1700000000000LL, 4102444800000LL})
      CHECK(parse_iso8601(format_iso8601(t)) == t);
  }
  SECTION("bad input") {
    CHECK_FALSE(parse_iso8601(""));
    CHECK_FALSE(parse_iso8601("2022-13-01"));
    CHECK_FALSE(parse_iso8601("2022-01-03T25:00:00"));
    CHECK_FALSE(parse_iso8601("2022-01-03T00:00:00+05:00"));
    CHECK_FALSE(parse_iso8601("20220103"));
    CHECK_FALSE(parse_iso8601("2022-01-03Tgarbage"));
  }
}

TEST_CASE("IMO check digit", "[imo]") {
  CHECK(ais::is_valid_imo(9179842));
  CHECK_FALSE(ais::is_valid_imo(9179843));
  CHECK(ais::is_valid_imo(9161003));
  CHECK(ais::is_valid_imo(8660313));
  CHECK_FALSE(ais::is_valid_imo(0));
  CHECK_FALSE(ais::is_valid_imo(123));
  CHECK_FALSE(ais::is_valid_imo(12345678));
}
