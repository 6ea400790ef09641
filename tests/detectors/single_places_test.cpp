// The real places the single-vessel detector tests use are what the tests say they are in the bundled
// layers, and the private DPRK geography helper answers like the geodesy it approximates.
#include <catch2/catch.hpp>

#include "../../detectors/src/dprk_geo.hpp"
#include "aiswatch/detectors/params.hpp"
#include "single_harness.hpp"

using namespace single_test;
using aiswatch::geo::ZoneKind;

namespace {
const aiswatch::geo::Zone* port_at(LatLon p) {
  std::vector<const aiswatch::geo::Zone*> hits;
  bundled_zones().zones_at(p, hits);
  for (const auto* z : hits)
    if (z->is_port()) return z;
  return nullptr;
}
}  // namespace

TEST_CASE("single-vessel test places are where the tests assume", "[single][places]") {
  const auto& zones = bundled_zones();
  const auto& land = bundled_land();
  SECTION("Najin is a DPRK port, Vostochnyy a shuttle port, Nampo a DPRK port, Busan an ordinary one") {
    const auto* najin = port_at(places::kNajinPort);
    REQUIRE(najin);
    CHECK(najin->name == "Najin");
    CHECK(najin->is_dprk_port());
    REQUIRE(najin->radius_m);
    CHECK(*najin->radius_m == Approx(3'500));
    const auto* vostochnyy = port_at(places::kVostochnyyPort);
    REQUIRE(vostochnyy);
    CHECK(vostochnyy->shuttle_port);
    CHECK(vostochnyy->name == "Vostochnyy");
    const auto* nampo = port_at(places::kNampoPort);
    REQUIRE(nampo);
    CHECK(nampo->is_dprk_port());
    const auto* busan = port_at(places::kBusanPort);
    REQUIRE(busan);
    CHECK(busan->name == "Busan");
    CHECK_FALSE(busan->is_dprk_port());
    CHECK_FALSE(busan->shuttle_port);
    CHECK_FALSE(land.on_land(places::kBusanPort));
  }
  SECTION("the open sea places are in no port, on no land") {
    for (const LatLon p : {places::kKoreaBay, places::kEastChinaSea, places::kCentralYellowSea, places::kOpenPacific,
                           places::kOffDprkEastCoast}) {
      CHECK(port_at(p) == nullptr);
      CHECK_FALSE(land.on_land(p));
    }
    CHECK(zones.in_any(places::kKoreaBay, ZoneKind::sts_hotspot));
    CHECK(zones.in_any(places::kEastChinaSea, ZoneKind::sts_hotspot));
    CHECK_FALSE(zones.in_any(places::kCentralYellowSea, ZoneKind::sts_hotspot));
    CHECK(zones.in_any(places::kOffDprkEastCoast, ZoneKind::dprk_waters));
    CHECK_FALSE(zones.in_any(places::kKoreaBay, ZoneKind::dprk_waters));
    CHECK(land.distance_to_shore_m(places::kOpenPacific) > 500'000);
    CHECK(land.distance_to_shore_m(places::kEastChinaSea) > 20 * aiswatch::detectors::kMetresPerNm);
  }
  SECTION("the spoofing landing point is well inland") {
    CHECK(land.on_land(places::kSeoulInland));
    for (double bearing = 0; bearing < 360; bearing += 45)
      CHECK(land.on_land(SingleHarness::at(places::kSeoulInland, bearing, 1'500)));
  }
}

TEST_CASE("DPRK geography helper", "[single][places]") {
  aiswatch::detectors::DprkGeo dprk(bundled_zones());
  REQUIRE(dprk.any_ports());
  constexpr double nm = aiswatch::detectors::kMetresPerNm;
  SECTION("nearest DPRK port is geodesic and bounded") {
    const LatLon off = SingleHarness::at(places::kNajinPort, 135, 20'000);
    const auto near = dprk.nearest_port(off, 25'000);
    REQUIRE(near);
    CHECK(near->port.zone->name == "Najin");
    CHECK(near->distance_m == Approx(20'000).margin(5));
    CHECK_FALSE(dprk.nearest_port(places::kBusanPort, 100'000));
  }
  SECTION("distance to DPRK waters: 0 inside, within one probe step outside, nothing far away") {
    CHECK(dprk.distance_to_waters_m(places::kOffDprkEastCoast, 50 * nm) == Approx(0.0));
    const auto korea_bay = dprk.distance_to_waters_m(places::kKoreaBay, 50 * nm);
    REQUIRE(korea_bay);
    CHECK(*korea_bay > 0);
    CHECK(*korea_bay < 50 * nm);
    CHECK_FALSE(dprk.distance_to_waters_m(places::kCentralYellowSea, 50 * nm));
    CHECK_FALSE(dprk.distance_to_waters_m(places::kBusanPort, 50 * nm));
    CHECK_FALSE(dprk.distance_to_waters_m(places::kOpenPacific, 50 * nm));
  }
  SECTION("reachability: out and back at the given speed with the stay, the most slack wins") {
    // From the central Yellow Sea the nearest DPRK port is ~150-200 nm away: out and back at 10 kn plus 1 h.
    double nearest_m = 1e12;
    for (const auto& port : dprk.ports())
      nearest_m = std::min(nearest_m, aiswatch::geo::distance_m(places::kCentralYellowSea, port.at));
    CHECK(nearest_m > 100 * nm);
    const double route_nm = 2 * nearest_m / nm;
    const double needed_h = route_nm / 10 + 1;
    const auto yes = dprk.reachable(places::kCentralYellowSea, places::kCentralYellowSea, needed_h + 0.1, 10, 1);
    REQUIRE(yes.size() == 1);
    CHECK(yes.front().port.zone->is_dprk_port());
    CHECK(yes.front().slack_h == Approx(0.1).margin(1e-6));
    CHECK(dprk.reachable(places::kCentralYellowSea, places::kCentralYellowSea, needed_h - 0.5, 10, 1).empty());
    CHECK_FALSE(dprk.reachable(places::kCentralYellowSea, std::nullopt, needed_h / 2 + 0.6, 10, 1).empty());
    const auto many = dprk.reachable(places::kCentralYellowSea, places::kCentralYellowSea, 200, 10, 1);
    CHECK(many.size() == dprk.ports().size());
    CHECK(std::is_sorted(many.begin(), many.end(), [](const auto& a, const auto& b) { return a.slack_h > b.slack_h; }));
  }
}
