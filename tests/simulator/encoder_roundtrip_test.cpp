// Encoder ↔ the project's own payload decoder (ais::decode_payload): every field the simulator sets
// comes back, for seeded random messages of every type the simulator sends. (The independent peers,
// gpsd and libais, are in encoder_peer_test.cpp.)
#include <catch2/catch.hpp>

#include <cmath>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/simulator/encoder.hpp"
#include "aiswatch/simulator/rng.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;

namespace {

template <class Body>
Body decoded(const ArmouredPayload& p, std::uint8_t type, std::uint32_t mmsi) {
  auto r = ais::decode_payload(p.text, p.fill_bits);
  REQUIRE(r);
  CHECK(r->type == type);
  CHECK(r->mmsi == mmsi);
  REQUIRE(std::holds_alternative<Body>(r->body));
  return std::get<Body>(r->body);
}

double q(double v, double per_unit) { return std::round(v * per_unit) / per_unit; }

}  // namespace

TEST_CASE("encoded messages decode with the project's decoder", "[simulator][encoder]") {
  Rng rng(2718);
  for (int i = 0; i < 200; ++i) {
    const auto mmsi = static_cast<std::uint32_t>(rng.between(200000000, 799999999));
    const double lat = rng.uniform(-89.0, 89.0), lon = rng.uniform(-179.0, 179.0);
    const double sog = rng.uniform(0.0, 30.0), cog = rng.uniform(0.0, 359.0);
    const auto heading = static_cast<std::uint16_t>(rng.below(360));
    const auto second = static_cast<std::uint8_t>(rng.below(60));
    INFO("message " << i);

    const auto a = decoded<ais::ClassAPositionReport>(
        encode(ClassAPosition{.type = 1, .mmsi = mmsi, .nav_status = 5, .rot_deg_per_min = 0.0, .sog_kn = sog,
                              .lat_deg = lat, .lon_deg = lon, .cog_deg = cog, .heading_deg = heading, .utc_second = second}),
        1, mmsi);
    CHECK(a.nav_status == 5);
    CHECK(*a.lat_deg == Approx(q(lat, 600000)).margin(1e-9));
    CHECK(*a.lon_deg == Approx(q(lon, 600000)).margin(1e-9));
    CHECK(*a.sog_kn == Approx(q(sog, 10)).margin(1e-4));
    CHECK(*a.cog_deg == Approx(q(cog, 10)).margin(1e-4));
    CHECK(*a.heading_deg == heading);
    CHECK(a.utc_second == second);
    CHECK(a.rot_ais == std::optional<std::int8_t>(0));

    const double draught = q(rng.uniform(2.0, 20.0), 10);
    const auto five = decoded<ais::StaticVoyageData>(
        encode(StaticVoyageData{.mmsi = mmsi, .imo = 9161003, .callsign = "UBLR4", .name = "LADY R", .ship_type = 70,
                                .dimensions = {105, 35, 10, 11}, .eta = {3, 12, 6, 30}, .draught_m = draught,
                                .destination = "RAJIN"}),
        5, mmsi);
    CHECK(five.imo == std::optional<std::uint32_t>(9161003));
    CHECK(five.callsign.view() == "UBLR4");
    CHECK(five.shipname.view() == "LADY R");
    CHECK(five.destination.view() == "RAJIN");
    CHECK(five.ship_type == std::optional<std::uint8_t>(70));
    CHECK(*five.draught_m == Approx(draught).margin(1e-4));
    CHECK(five.dimensions.to_bow_m == std::optional<std::uint16_t>(105));
    CHECK(five.eta.month == 3);
    CHECK(five.eta.minute == 30);

    const auto b = decoded<ais::ClassBPositionReport>(
        encode(ClassBPosition{.mmsi = mmsi, .sog_kn = sog, .lat_deg = lat, .lon_deg = lon, .cog_deg = cog, .utc_second = second}),
        18, mmsi);
    CHECK(*b.lat_deg == Approx(q(lat, 600000)).margin(1e-9));
    CHECK_FALSE(b.heading_deg);
    CHECK(b.cs_unit);

    const auto nineteen = decoded<ais::ClassBExtendedReport>(
        encode(ClassBExtendedPosition{.mmsi = mmsi, .sog_kn = sog, .lat_deg = lat, .lon_deg = lon, .name = "HUA YU 7", .ship_type = 30}),
        19, mmsi);
    CHECK(nineteen.shipname.view() == "HUA YU 7");
    CHECK(*nineteen.lon_deg == Approx(q(lon, 600000)).margin(1e-9));

    CHECK(decoded<ais::StaticDataA>(encode(ClassBStaticA{.mmsi = mmsi, .name = "LU RONG YU 1234"}), 24, mmsi).shipname.view() ==
          "LU RONG YU 1234");
    const auto partb = decoded<ais::StaticDataB>(
        encode(ClassBStaticB{.mmsi = mmsi, .ship_type = 30, .vendor_id = "SRT", .unit_model = 2, .serial_number = 4711,
                             .callsign = "BZ1234", .dimensions = {12, 8, 3, 3}}),
        24, mmsi);
    CHECK(partb.callsign.view() == "BZ1234");
    CHECK(partb.vendor_id.view() == "SRT");
    CHECK(partb.serial == 4711);

    const auto lr = decoded<ais::LongRangePosition>(
        encode(LongRangePosition{.mmsi = mmsi, .nav_status = 0, .lat_deg = lat, .lon_deg = lon, .sog_kn = sog, .cog_deg = cog}),
        27, mmsi);
    CHECK(*lr.lat_deg == Approx(q(lat, 600)).margin(1e-9));
    CHECK(lr.sog_kn == std::optional<std::uint8_t>(static_cast<std::uint8_t>(std::lround(sog))));
  }
}
