// The bundled reference layers (geo/data/): what is loaded by default, the DPRK and shuttle ports, Rajin's
// harbour area, DPRK waters and the STS hotspots, and nearest_port.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "aiswatch/geo/error.hpp"
#include "aiswatch/geo/reference_layers.hpp"

namespace geo = aiswatch::geo;
using geo::LatLon;
using geo::ZoneKind;

namespace {

const geo::ZoneSet& reference() {
  static const geo::ZoneSet zones = geo::load_zones({});
  return zones;
}

bool has(const std::vector<const geo::Zone*>& hits, const std::string& id) {
  return std::any_of(hits.begin(), hits.end(), [&](const geo::Zone* z) { return z->id == id; });
}

// Najin (Rajin) as published by WPI 60510 — the harbour circle's centre.
constexpr LatLon kRajin{42.233333, 130.3};
constexpr const char* kRajinId = "wpi-60510";

}  // namespace

TEST_CASE("the bundled layers load every WPI port and the watch lists", "[geo][reference]") {
  const auto& zones = reference();
  const auto all = zones.zones();
  const auto count = [&](auto pred) { return std::count_if(all.begin(), all.end(), pred); };
  CHECK(count([](const geo::Zone& z) { return z.id.rfind("wpi-", 0) == 0; }) == 3803);
  CHECK(count([](const geo::Zone& z) { return z.kind == ZoneKind::port; }) == 3803 + 8);  // + 8 hand-estimated
  CHECK(count([](const geo::Zone& z) { return z.kind == ZoneKind::sts_hotspot; }) == 8);
  CHECK(count([](const geo::Zone& z) { return z.kind == ZoneKind::dprk_waters; }) == 1);
  CHECK(zones.size() == 3803 + 8 + 8 + 1);
  CHECK(zones.stats().replaced == 18);  // the WPI ports that watch_ports.csv describes again
  CHECK(zones.stats().repaired_ids.empty());

  // Every DPRK port sanctions work names is there, marked as such.
  for (const char* name : {"Nampo", "Kyomip'o", "Haeju Hang", "Ch'ongjin", "Najin", "Senbong", "Kimch'aek",
                           "Hungnam", "Wonsan", "Sinpo", "Tanchon", "Ryongampo", "Taean"}) {
    INFO(name);
    const auto it = std::find_if(all.begin(), all.end(), [&](const geo::Zone& z) { return z.name == name; });
    REQUIRE(it != all.end());
    CHECK(it->is_dprk_port());
    CHECK(it->watched);
    CHECK(it->approximate);
  }
  std::vector<std::string> shuttle;
  for (const auto& z : all) {
    if (z.shuttle_port) shuttle.push_back(z.name);
  }
  std::sort(shuttle.begin(), shuttle.end());
  CHECK(shuttle == std::vector<std::string>{"Dunai (Dunay)", "Nakhodka", "Pos'yet", "Slavyanka", "Vladivostok",
                                            "Vostochnyy", "Zarubino"});
  // An ordinary WPI port: not watched, exact WPI circle.
  const geo::Zone* busan = zones.find("wpi-60390");
  REQUIRE(busan);
  CHECK(busan->country_iso2 == "KR");
  CHECK_FALSE(busan->watched);
  CHECK(busan->property("harbour_size") == std::optional<std::string_view>("Large"));
}

TEST_CASE("Rajin's harbour area contains the port and not the sea 20 km off", "[geo][reference]") {
  const auto& zones = reference();
  std::vector<const geo::Zone*> hits;
  const geo::Zone* rajin = zones.find(kRajinId);
  REQUIRE(rajin);
  CHECK(rajin->name == "Najin");
  CHECK(rajin->country_iso2 == "KP");
  CHECK(rajin->is_dprk_port());

  zones.zones_at({42.24, 130.30}, hits);  // at the quays, ~0.8 km from the reference point
  CHECK(has(hits, kRajinId));
  CHECK(has(hits, geo::kDprkWatersId));

  const LatLon offshore = geo::destination(kRajin, 135.0, 20'000.0);  // south-east, out of Rajin bay
  zones.zones_at(offshore, hits);
  CHECK_FALSE(has(hits, kRajinId));
  CHECK(std::none_of(hits.begin(), hits.end(), [](const geo::Zone* z) { return z->is_port(); }));
  CHECK(has(hits, geo::kDprkWatersId));  // 20 km is still inside 12 nm (22.2 km) of the coast

  // The harbour circle's edge: 3.5 km (WPI "Small").
  zones.zones_at(geo::destination(kRajin, 200.0, 3'400.0), hits);
  CHECK(has(hits, kRajinId));
  zones.zones_at(geo::destination(kRajin, 200.0, 3'600.0), hits);
  CHECK_FALSE(has(hits, kRajinId));
}

TEST_CASE("DPRK waters reach 12 nm off the coast", "[geo][reference]") {
  const auto& zones = reference();
  // Kimch'aek (WPI 60480) on the straight north-east coast; bearing 135° points out to the open sea.
  const LatLon kimchaek{40.666667, 129.2};
  const LatLon five_nm = geo::destination(kimchaek, 135.0, 5 * 1852.0);
  const LatLon thirty_nm = geo::destination(kimchaek, 135.0, 30 * 1852.0);
  CHECK(zones.in_any(five_nm, ZoneKind::dprk_waters));
  CHECK_FALSE(zones.in_any(thirty_nm, ZoneKind::dprk_waters));
  // Far from Korea: Tokyo Bay, the Yellow Sea off Qingdao.
  CHECK_FALSE(zones.in_any({35.5, 139.8}, ZoneKind::dprk_waters));
  CHECK_FALSE(zones.in_any({36.0, 121.0}, ZoneKind::dprk_waters));
  // The median line keeps neighbours' ports out: Dandong (CN) across the Yalu from Sinuiju, the Russian
  // shore north of the Tumen; the DPRK side of the Yalu estuary stays in.
  CHECK_FALSE(zones.in_any({39.816667, 124.15}, ZoneKind::dprk_waters));  // Dandong, WPI 60233
  CHECK_FALSE(zones.in_any({42.55, 130.75}, ZoneKind::dprk_waters));      // Russia, south of Pos'yet
  CHECK(zones.in_any({39.9, 124.37}, ZoneKind::dprk_waters));             // Ryongampo (estimated position)
  const geo::Zone* waters = zones.find(geo::kDprkWatersId);
  REQUIRE(waters);
  CHECK(waters->approximate);
  CHECK(waters->watched);
}

TEST_CASE("STS hotspots are answered from the grid's full cells", "[geo][reference]") {
  const auto& zones = reference();
  CHECK(zones.stats().full_cells > 100);
  std::vector<const geo::Zone*> hits;
  zones.zones_at({31.0, 123.9}, hits);  // centre of the East China Sea box
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]->kind == ZoneKind::sts_hotspot);
  CHECK(hits[0]->approximate);
  CHECK(zones.in_any({39.0, 124.65}, ZoneKind::sts_hotspot));  // Korea Bay / approaches to Nampo
  zones.zones_at({0.0, -140.0}, hits);                         // mid Pacific
  CHECK(hits.empty());
}

TEST_CASE("nearest_port measures geodesically to the port reference point", "[geo][reference]") {
  const auto& zones = reference();
  const LatLon p = geo::destination(kRajin, 90.0, 5'000.0);
  const auto near = zones.nearest_port(p, 30.0);
  REQUIRE(near);
  CHECK(near->zone->id == kRajinId);
  CHECK_THAT(near->distance_m, Catch::Matchers::WithinAbs(5'000.0, 0.01));
  CHECK_FALSE(zones.nearest_port({0.0, -140.0}, 100.0));
  // max_km is a hard limit.
  const auto far = zones.nearest_port(geo::destination(kRajin, 135.0, 30'000.0), 10.0);
  CHECK_FALSE(far);
}

TEST_CASE("--no-default-zones and a missing data directory", "[geo][reference]") {
  const geo::ZoneSet none = geo::load_zones({.default_zones = false});
  CHECK(none.size() == 0);
  std::vector<const geo::Zone*> hits;
  none.zones_at({42.24, 130.30}, hits);
  CHECK(hits.empty());
  CHECK_FALSE(none.nearest_port({42.24, 130.30}, 50));
  CHECK_THROWS_WITH(geo::read_reference_zones("/nonexistent/aiswatch-data"),
                    Catch::Matchers::Contains("/nonexistent/aiswatch-data/wpi_ports.csv"));
}
