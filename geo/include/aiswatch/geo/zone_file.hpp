// zone_file.hpp — reads zones from any OGR dataset (GeoJSON, GeoPackage, Shapefile, KML, CSV with lat/lon
// columns, `.gz`/`.zip` of those) with GDAL. GDAL is used here, at load time only.
//
// Every layer of the dataset is read. Geometries are reprojected to WGS84 lon/lat when the layer has
// another CRS. Polygons and multipolygons become polygon zones (passed on as WKB); points become
// circles (radius from the `radius_km` attribute, else the option's default). Attributes follow the
// convention of docs/geo.md (id, name, kind, country, watched, shuttle_port, approximate, radius_km);
// every other attribute is kept as a text property.
//
//   auto specs = aiswatch::geo::read_zone_file("my_zones.gpkg");            // kind "user" by default
//   auto ports = aiswatch::geo::read_zone_file("ports.csv", {.default_kind = ZoneKind::port});
//
// A missing file, a format GDAL cannot read, a feature without geometry or with a non-areal geometry
// (line), or an attribute with a bad value throws GeoError naming the file (and layer and feature).
// Invalid polygons are not rejected here: the ZoneSet repairs them (MakeValid) and counts them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <variant>
#include <vector>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/geo/zone.hpp"

namespace aiswatch::geo {

struct Circle {
  LatLon centre;
  double radius_m = 0;
};

// A polygon or multipolygon as ISO WKB (little endian), lon/lat degrees WGS84.
struct PolygonWkb {
  std::vector<std::uint8_t> bytes;
};

// A zone as read from a file, before it is indexed.
struct ZoneSpec {
  Zone zone;
  std::variant<Circle, PolygonWkb> shape;
};

struct ZoneFileOptions {
  ZoneKind default_kind = ZoneKind::user;
  std::optional<bool> default_watched;   // unset: true for user/dprk_waters/sts_hotspot, else false
  bool default_approximate = false;
  double default_point_radius_m = 3'000.0;  // circle radius for points without `radius_km`
};

std::vector<ZoneSpec> read_zone_file(const std::filesystem::path& path, const ZoneFileOptions& options = {});

}  // namespace aiswatch::geo
