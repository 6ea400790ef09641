// sentinel_test.cpp — every ITU "not available" value of every message family comes out as nullopt,
// and the value next to it (the largest real value) does not: a sentinel is never data, and data is
// never mistaken for a sentinel.
#include <catch2/catch.hpp>

#include "aiswatch/ais/decode.hpp"
#include "test_support.hpp"

using namespace aiswatch::ais;
using aiswatch::test::PayloadBuilder;

namespace {
template <class Body>
Body decode_as(const PayloadBuilder& p) {
  const auto r = decode_payload(p.armoured(), p.fill_bits());
  REQUIRE(r.ok());
  REQUIRE(std::holds_alternative<Body>(r->body));
  return std::get<Body>(r->body);
}
PayloadBuilder header(unsigned type) {
  PayloadBuilder p;
  p.u(type, 6).u(0, 2).u(244000001, 30);
  return p;
}
}  // namespace

TEST_CASE("type 4: each date/time field has its own 'not available'", "[messages][sentinel][type4]") {
  PayloadBuilder na = header(4);
  na.u(0, 14).u(0, 4).u(0, 5).u(24, 5).u(60, 6).u(60, 6).u(0, 1).s(181 * 600000, 28).s(91 * 600000, 27).resize(168);
  const auto b = decode_as<BaseStationReport>(na);
  CHECK_FALSE(b.utc.year);
  CHECK_FALSE(b.utc.month);
  CHECK_FALSE(b.utc.day);
  CHECK_FALSE(b.utc.hour);
  CHECK_FALSE(b.utc.minute);
  CHECK_FALSE(b.utc.second);
  CHECK_FALSE(b.lon_deg);
  CHECK_FALSE(b.lat_deg);

  PayloadBuilder edge = header(4);
  edge.u(9999, 14).u(12, 4).u(31, 5).u(23, 5).u(59, 6).u(59, 6).u(0, 1).s(180 * 600000, 28).s(90 * 600000, 27).resize(168);
  const auto e = decode_as<BaseStationReport>(edge);
  CHECK(e.utc.year == std::optional<std::uint16_t>(9999));
  CHECK(e.utc.hour == std::optional<std::uint8_t>(23));
  CHECK(e.utc.second == std::optional<std::uint8_t>(59));
  CHECK(e.lon_deg == std::optional<double>(180.0));
  CHECK(e.lat_deg == std::optional<double>(90.0));
}

TEST_CASE("type 5: IMO, ship type, dimensions and draught 0 are 'not available'", "[messages][sentinel][type5]") {
  PayloadBuilder p = header(5);
  p.u(0, 2).u(0, 30).text("", 7).text("", 20).u(0, 8).u(0, 9).u(0, 9).u(0, 6).u(0, 6).u(0, 4);
  p.u(0, 4).u(0, 5).u(24, 5).u(60, 6).u(0, 8).text("", 20).resize(424);
  const auto v = decode_as<StaticVoyageData>(p);
  CHECK_FALSE(v.imo);
  CHECK(v.callsign.empty());
  CHECK(v.shipname.empty());
  CHECK_FALSE(v.ship_type);
  CHECK_FALSE(v.dimensions.to_bow_m);
  CHECK_FALSE(v.dimensions.to_stern_m);
  CHECK_FALSE(v.dimensions.to_port_m);
  CHECK_FALSE(v.dimensions.to_starboard_m);
  CHECK_FALSE(v.draught_m);
  CHECK(v.destination.empty());
  CHECK(v.eta.hour == 24);  // ETA stays raw (ais::Eta documents its own n/a values)
}

TEST_CASE("type 9: altitude 4095 and speed 1023 are 'not available', 4094/1022 are data", "[messages][sentinel][type9]") {
  const auto sar = [](unsigned alt, unsigned sog) {
    PayloadBuilder p = header(9);
    p.u(alt, 12).u(sog, 10).resize(168);
    return decode_as<SarAircraftReport>(p);
  };
  CHECK_FALSE(sar(4095, 1023).altitude_m);
  CHECK_FALSE(sar(4095, 1023).sog_kn);
  CHECK(sar(4094, 1022).altitude_m == std::optional<std::uint16_t>(4094));
  CHECK(sar(4094, 1022).sog_kn == std::optional<std::uint16_t>(1022));
}

TEST_CASE("types 18 and 19: speed, course, heading, position", "[messages][sentinel][type18][type19]") {
  PayloadBuilder p = header(18);
  p.u(0, 8).u(1023, 10).u(0, 1).s(181 * 600000, 28).s(91 * 600000, 27).u(3600, 12).u(511, 9).resize(168);
  const auto b = decode_as<ClassBPositionReport>(p);
  CHECK_FALSE(b.sog_kn);
  CHECK_FALSE(b.lon_deg);
  CHECK_FALSE(b.lat_deg);
  CHECK_FALSE(b.cog_deg);
  CHECK_FALSE(b.heading_deg);

  PayloadBuilder q = header(19);
  q.u(0, 8).u(1022, 10).u(0, 1).s(-180 * 600000, 28).s(-90 * 600000, 27).u(3599, 12).u(359, 9).resize(312);
  const auto x = decode_as<ClassBExtendedReport>(q);
  CHECK(x.sog_kn == std::optional<float>(102.2f));
  CHECK(x.lon_deg == std::optional<double>(-180.0));
  CHECK(x.lat_deg == std::optional<double>(-90.0));
  CHECK(x.cog_deg == std::optional<float>(359.9f));
  CHECK(x.heading_deg == std::optional<std::uint16_t>(359));
  CHECK_FALSE(x.ship_type);
}

TEST_CASE("type 27: 1/10-minute position, whole-knot speed, whole-degree course", "[messages][sentinel][type27]") {
  const auto lr = [](std::int64_t lon, std::int64_t lat, unsigned sog, unsigned cog) {
    PayloadBuilder p = header(27);
    p.u(0, 1).u(0, 1).u(15, 4).s(lon, 18).s(lat, 17).u(sog, 6).u(cog, 9).u(0, 1).u(0, 1);
    return decode_as<LongRangePosition>(p);
  };
  const auto na = lr(181 * 600, 91 * 600, 63, 511);
  CHECK_FALSE(na.lon_deg);
  CHECK_FALSE(na.lat_deg);
  CHECK_FALSE(na.sog_kn);
  CHECK_FALSE(na.cog_deg);
  const auto edge = lr(-180 * 600, 90 * 600, 62, 359);
  CHECK(edge.lon_deg == std::optional<double>(-180.0));
  CHECK(edge.lat_deg == std::optional<double>(90.0));
  CHECK(edge.sog_kn == std::optional<std::uint8_t>(62));
  CHECK(edge.cog_deg == std::optional<std::uint16_t>(359));
}

TEST_CASE("type 1: out-of-range values that are not the sentinel stay data", "[messages][sentinel][type1]") {
  PayloadBuilder p = header(1);
  p.u(0, 4).s(-127, 8).u(0, 10).u(0, 1).s(190 * 600000, 28).s(-95 * 600000, 27).u(3601, 12).u(400, 9).resize(168);
  const auto a = decode_as<ClassAPositionReport>(p);
  CHECK(a.rot_ais == std::optional<std::int8_t>(-127));
  CHECK(a.lon_deg == std::optional<double>(190.0));   // invalid, but not "not available":
  CHECK(a.lat_deg == std::optional<double>(-95.0));   // consumers range-check (to_observation does)
  CHECK(a.cog_deg == std::optional<float>(360.1f));
  CHECK(a.heading_deg == std::optional<std::uint16_t>(400));
}
