// Voyage map geometry: the box (padding, minimum span, aspect, antimeridian) and land outlines clipped
// from the bundled Natural Earth layer.
#include <catch2/catch.hpp>

#include <cmath>

#include "aiswatch/report/land_outline.hpp"
#include "aiswatch/report/svg_map.hpp"
#include "scenario.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {
const LandOutlines& land() {
  static const LandOutlines loaded = LandOutlines::load(AISWATCH_SOURCE_DIR "/geo/data/ne_10m_land_world.gpkg");
  return loaded;
}

std::vector<TrackPoint> line(double lat0, double lon0, double lat1, double lon1, int n) {
  std::vector<TrackPoint> out;
  test::add_leg(out, "2020-01-01T00:00:00Z", lat0, lon0, lat1, lon1, n, 10, 1);
  return out;
}
}  // namespace

TEST_CASE("voyage box", "[report][svg]") {
  SECTION("contains the track with a margin") {
    const auto track = line(42.2, 130.3, 42.8, 133.1, 20);
    const auto box = voyage_box(track, {});
    REQUIRE(box);
    CHECK(box->west_deg < 130.3);
    CHECK(box->east_deg > 133.1);
    CHECK(box->south_deg < 42.2);
    CHECK(box->north_deg > 42.8);
  }
  SECTION("a berthed vessel still gets context") {
    const auto box = voyage_box(line(42.24, 130.3, 42.24, 130.3, 5), {});
    REQUIRE(box);
    CHECK(box->width_deg() >= 0.2);
    CHECK(box->height_deg() > 0.05);
  }
  SECTION("events without a track") {
    detectors::Event e;
    e.lat = 35.0;
    e.lon = 129.0;
    const detectors::Event* events[] = {&e};
    const auto box = voyage_box({}, events);
    REQUIRE(box);
    CHECK(box->west_deg < 129.0);
    CHECK(box->east_deg > 129.0);
  }
  SECTION("across the antimeridian: a narrow box with unwrapped longitudes") {
    const auto box = voyage_box(line(62.0, 179.2, 62.3, 180.8, 30), {});
    REQUIRE(box);
    CHECK(box->width_deg() < 5);
    CHECK(box->west_deg < 179.2);
    CHECK(box->east_deg > 180.8);
  }
  SECTION("bad input: nothing with a position, or non-finite event positions") {
    CHECK_FALSE(voyage_box({}, {}).has_value());
    detectors::Event e;
    e.lat = std::nan("");
    e.lon = 1;
    const detectors::Event* events[] = {&e};
    CHECK_FALSE(voyage_box({}, events).has_value());
  }
}

TEST_CASE("land outlines from Natural Earth", "[report][svg][land]") {
  CHECK(land().polygon_count() > 1000);

  SECTION("Rajin bay: land clipped to the box, simplified, inside it") {
    const MapBox box{.west_deg = 129.5, .south_deg = 41.8, .east_deg = 131.0, .north_deg = 42.8};
    const auto rings = land().clip(box, map_tolerance_deg(box));
    REQUIRE_FALSE(rings.empty());
    std::size_t vertices = 0;
    for (const auto& r : rings) {
      CHECK(r.size() >= 4);
      for (const auto& v : r) {
        CHECK(v.lon_deg >= box.west_deg - 1e-9);
        CHECK(v.lon_deg <= box.east_deg + 1e-9);
        CHECK(v.lat_deg >= box.south_deg - 1e-9);
        CHECK(v.lat_deg <= box.north_deg + 1e-9);
      }
      vertices += r.size();
    }
    CHECK(vertices < 5000);  // simplified to about a pixel
  }
  SECTION("open ocean: no land") {
    CHECK(land().clip({.west_deg = -150, .south_deg = 20, .east_deg = -149, .north_deg = 21}, 0.001).empty());
  }
  SECTION("a box across the antimeridian gets both sides, in its own frame") {
    const MapBox box{.west_deg = 178, .south_deg = 64, .east_deg = 182, .north_deg = 66.5};  // Chukotka, Anadyr gulf
    const auto rings = land().clip(box, map_tolerance_deg(box));
    bool east_side = false, west_side = false;
    for (const auto& r : rings)
      for (const auto& v : r) {
        CHECK(v.lon_deg >= 178 - 1e-9);
        CHECK(v.lon_deg <= 182 + 1e-9);
        if (v.lon_deg > 180.5) east_side = true;
        if (v.lon_deg < 179.5) west_side = true;
      }
    CHECK(east_side);
    CHECK(west_side);
  }
  SECTION("bad input: a file that is not a dataset, a dataset without polygons") {
    CHECK_THROWS_WITH(LandOutlines::load(AISWATCH_TEST_DATA_DIR "/nothing-here.gpkg"), Catch::Contains("nothing-here.gpkg"));
    CHECK_THROWS_WITH(LandOutlines::load(AISWATCH_TEST_DATA_DIR "/report/chromium_netlog_page_request.json"),
                      Catch::Contains("chromium_netlog_page_request.json"));
  }
}

TEST_CASE("SVG map markup", "[report][svg]") {
  const auto track = line(42.2, 130.3, 42.8, 133.1, 20);
  detectors::Event e;
  e.id = "0123456789abcdef";
  e.lat = 42.5;
  e.lon = 131.7;
  e.flagged = true;
  e.severity = detectors::Severity::high;
  e.reasons = {"<b>bold</b>"};
  const detectors::Event* events[] = {&e};
  const auto box = voyage_box(track, events);
  REQUIRE(box);
  std::string svg;
  append_voyage_svg(svg, *box, {}, track, events, "Voyage of \"X\" <Y>");
  CHECK_THAT(svg, Catch::StartsWith("<svg class=\"map\" viewBox=\"0 0 960 "));
  CHECK_THAT(svg, Catch::Contains("aria-label=\"Voyage of &quot;X&quot; &lt;Y&gt;\""));
  CHECK_THAT(svg, Catch::Contains("<a href=\"#ev-0123456789abcdef\"><circle class=\"ev sev-high flagged\""));
  CHECK_THAT(svg, Catch::Contains("\u2022 &lt;b&gt;bold&lt;/b&gt;</title>"));
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("class=\"land\"") == std::string::npos);  // no land given
  CHECK_THAT(svg, Catch::EndsWith("</svg>"));
  SECTION("bad input: a hostile event id cannot leave the href") {
    e.id = "\" onmouseover=\"alert(1)";
    std::string s2;
    append_voyage_svg(s2, *box, {}, track, events, "x");
    CHECK(s2.find("onmouseover") == std::string::npos);
    CHECK_THAT(s2, Catch::Contains("<a href=\"#ev-x"));
  }
}
