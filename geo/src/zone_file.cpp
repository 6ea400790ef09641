// zone_file.cpp — GDAL/OGR reader for zone files (see zone_file.hpp and docs/geo.md for the convention).
#include "aiswatch/geo/zone_file.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>

#include "aiswatch/geo/error.hpp"
#include "gdal_session.hpp"

namespace aiswatch::geo {
namespace {

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Where a feature is, for error messages: "file.gpkg, layer harbours, feature 12".
struct Where {
  const std::string& file;
  const std::string& layer;
  GIntBig fid;
  std::string str() const { return fmt::format("{}, layer {}, feature {}", file, layer, fid); }
};

bool parse_bool(std::string_view text, const Where& where, std::string_view field) {
  const std::string v = lower(text);
  if (v == "true" || v == "1" || v == "yes" || v == "y" || v == "t") return true;
  if (v == "false" || v == "0" || v == "no" || v == "n" || v == "f") return false;
  throw GeoError(fmt::format("{}: attribute {} must be true/false/1/0/yes/no, not \"{}\"", where.str(), field, text));
}

double parse_number(std::string_view text, const Where& where, std::string_view field) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    throw GeoError(fmt::format("{}: attribute {} must be a number, not \"{}\"", where.str(), field, text));
  }
  return value;
}

// Fills the zone's fields from the feature's attributes following the convention in docs/geo.md.
// Returns the circle radius given by the feature (radius_km / radius_m), if any.
std::optional<double> apply_attributes(const OGRFeature& feature, Zone& zone, std::optional<bool>& watched,
                                       const Where& where) {
  std::optional<double> radius_m;
  for (int i = 0; i < feature.GetFieldCount(); ++i) {
    if (!feature.IsFieldSetAndNotNull(i)) continue;
    const std::string field = feature.GetFieldDefnRef(i)->GetNameRef();
    const std::string key = lower(field);
    const std::string value = feature.GetFieldAsString(i);
    if (value.empty()) continue;  // an empty CSV/KML cell means "not given"
    if (key == "id") {
      if (!value.empty()) zone.id = value;
    } else if (key == "name") {
      zone.name = value;
    } else if (key == "kind") {
      const auto kind = zone_kind_from_string(lower(value));
      if (!kind) {
        throw GeoError(fmt::format("{}: unknown zone kind \"{}\" (port, dprk_waters, sts_hotspot, country, user)",
                                   where.str(), value));
      }
      zone.kind = *kind;
    } else if (key == "country" || key == "country_iso" || key == "country_iso2" || key == "iso_a2") {
      // Only a two-letter code is a country; Natural Earth writes "-99" for "none".
      if (value.size() == 2 && std::isalpha(static_cast<unsigned char>(value[0])) &&
          std::isalpha(static_cast<unsigned char>(value[1]))) {
        zone.country_iso2 = {static_cast<char>(std::toupper(static_cast<unsigned char>(value[0]))),
                             static_cast<char>(std::toupper(static_cast<unsigned char>(value[1])))};
      } else {
        zone.properties.emplace_back(field, value);
      }
    } else if (key == "watched") {
      watched = parse_bool(value, where, field);
    } else if (key == "shuttle_port") {
      zone.shuttle_port = parse_bool(value, where, field);
    } else if (key == "approximate") {
      zone.approximate = parse_bool(value, where, field);
    } else if (key == "radius_km" || key == "radius_m") {
      const double r = parse_number(value, where, field) * (key == "radius_km" ? 1000.0 : 1.0);
      if (!(r > 0)) throw GeoError(fmt::format("{}: attribute {} must be positive, not \"{}\"", where.str(), field, value));
      radius_m = r;
    } else if (key == "port_lat") {
      zone.port_lat_deg = parse_number(value, where, field);
    } else if (key == "port_lon") {
      zone.port_lon_deg = parse_number(value, where, field);
    } else {
      zone.properties.emplace_back(field, value);
    }
  }
  return radius_m;
}

bool default_watched(ZoneKind kind) {
  return kind == ZoneKind::user || kind == ZoneKind::dprk_waters || kind == ZoneKind::sts_hotspot;
}

PolygonWkb to_wkb(const OGRGeometry& geom) {
  PolygonWkb out;
  out.bytes.resize(static_cast<std::size_t>(geom.WkbSize()));
  geom.exportToWkb(wkbNDR, out.bytes.data(), wkbVariantIso);
  return out;
}

void check_degrees(const OGRGeometry& geom, bool has_crs, const Where& where) {
  OGREnvelope env;
  geom.getEnvelope(&env);
  constexpr double kTolerance = 1e-9;
  if (env.MinX < -180.0 - kTolerance || env.MaxX > 180.0 + kTolerance || env.MinY < -90.0 - kTolerance ||
      env.MaxY > 90.0 + kTolerance) {
    throw GeoError(fmt::format("{}: coordinates ({:.6g}, {:.6g})–({:.6g}, {:.6g}) are not longitude/latitude degrees{}",
                               where.str(), env.MinX, env.MinY, env.MaxX, env.MaxY,
                               has_crs ? "" : " and the layer has no coordinate reference system"));
  }
}

// Turns a feature geometry (already in WGS84 lon/lat, 2D) into a zone shape.
std::variant<Circle, PolygonWkb> to_shape(std::unique_ptr<OGRGeometry> geom, std::optional<double> radius_m,
                                          double default_radius_m, const Where& where) {
  OGRwkbGeometryType type = wkbFlatten(geom->getGeometryType());
  if (type == wkbMultiPoint && geom->toMultiPoint()->getNumGeometries() == 1) {
    geom.reset(geom->toMultiPoint()->getGeometryRef(0)->clone());
    type = wkbPoint;
  }
  if (type == wkbPoint) {
    const OGRPoint* p = geom->toPoint();
    return Circle{{p->getY(), p->getX()}, radius_m.value_or(default_radius_m)};
  }
  if (type == wkbGeometryCollection) {
    // KML's MultiGeometry arrives as a collection: accept it when every member is areal.
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const OGRGeometry* part : *geom->toGeometryCollection()) {
      const OGRwkbGeometryType pt = wkbFlatten(part->getGeometryType());
      if (pt == wkbPolygon) {
        multi->addGeometry(part);
      } else if (pt == wkbMultiPolygon) {
        for (const OGRPolygon* poly : *part->toMultiPolygon()) multi->addGeometry(poly);
      } else {
        throw GeoError(fmt::format("{}: geometry collection holds a {}; zones must be polygons or points",
                                   where.str(), OGRGeometryTypeToName(pt)));
      }
    }
    return to_wkb(*multi);
  }
  if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon) || OGR_GT_IsSubClassOf(type, wkbMultiSurface)) {
    if (type != wkbPolygon && type != wkbMultiPolygon) {
      geom.reset(OGRGeometryFactory::forceToMultiPolygon(geom.release()));
    }
    return to_wkb(*geom);
  }
  throw GeoError(fmt::format("{}: unsupported geometry type {}; zones must be polygons or points", where.str(),
                             OGRGeometryTypeToName(type)));
}

std::string gdal_path(const std::filesystem::path& path) {
  const std::string s = path.string();
  if (s.rfind("/vsi", 0) == 0) return s;
  if (ends_with(lower(s), ".gz")) return "/vsigzip/" + s;
  if (ends_with(lower(s), ".zip")) return "/vsizip/" + s;
  return s;
}

std::string zone_id_stem(const std::filesystem::path& path) {
  std::filesystem::path p = path.filename();
  if (ends_with(lower(p.string()), ".gz")) p = p.stem();
  return p.stem().string();
}

}  // namespace

std::vector<ZoneSpec> read_zone_file(const std::filesystem::path& path, const ZoneFileOptions& options) {
  const std::string file = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) && !std::filesystem::is_directory(path, ec)) {
    throw GeoError(fmt::format("zone file not found: {}", file));
  }
  detail::ensure_gdal_registered();
  detail::GdalErrorScope errors;

  // CSV files carry points as lat/lon columns.
  CPLStringList open_options;
  const std::string lower_name = lower(file);
  if (ends_with(lower_name, ".csv") || ends_with(lower_name, ".csv.gz")) {
    open_options.AddString("X_POSSIBLE_NAMES=lon,longitude,x");
    open_options.AddString("Y_POSSIBLE_NAMES=lat,latitude,y");
    open_options.AddString("KEEP_GEOM_COLUMNS=NO");
  }
  DatasetPtr ds(GDALDataset::Open(gdal_path(path).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                  open_options.List(), nullptr));
  if (!ds) {
    const std::string why = errors.last();
    throw GeoError(fmt::format("cannot read zone file {}: not a vector format GDAL can read{}{}", file,
                               why.empty() ? "" : ": ", why));
  }
  if (ds->GetLayerCount() == 0) throw GeoError(fmt::format("zone file {} has no layers", file));

  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  const std::string stem = zone_id_stem(path);
  std::vector<ZoneSpec> out;
  for (OGRLayer* layer : ds->GetLayers()) {
    const std::string layer_name = layer->GetName();
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    TransformPtr transform;
    if (srs) {
      transform.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
      if (!transform) {
        throw GeoError(fmt::format("{}, layer {}: cannot reproject its coordinate reference system to WGS84: {}",
                                   file, layer_name, errors.last()));
      }
    }
    layer->ResetReading();
    for (OGRFeatureUniquePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
      const Where where{file, layer_name, feature->GetFID()};
      ZoneSpec spec;
      Zone& zone = spec.zone;
      zone.kind = options.default_kind;
      zone.approximate = options.default_approximate;
      zone.source = file;
      std::optional<bool> watched;
      const std::optional<double> radius_m = apply_attributes(*feature, zone, watched, where);
      zone.watched = watched.value_or(options.default_watched.value_or(default_watched(zone.kind)));
      if (zone.id.empty()) {
        zone.id = ds->GetLayerCount() > 1 ? fmt::format("{}:{}:{}", stem, layer_name, where.fid)
                                          : fmt::format("{}:{}", stem, where.fid);
      }
      if (zone.name.empty()) zone.name = zone.id;

      const OGRGeometry* geometry = feature->GetGeometryRef();
      if (!geometry || geometry->IsEmpty()) throw GeoError(fmt::format("{}: feature has no geometry", where.str()));
      std::unique_ptr<OGRGeometry> geom(geometry->clone());
      if (transform && geom->transform(transform.get()) != OGRERR_NONE) {
        throw GeoError(fmt::format("{}: cannot reproject the geometry to WGS84: {}", where.str(), errors.last()));
      }
      geom->flattenTo2D();
      check_degrees(*geom, srs != nullptr, where);
      spec.shape = to_shape(std::move(geom), radius_m, options.default_point_radius_m, where);
      if (const auto* circle = std::get_if<Circle>(&spec.shape); circle && zone.kind == ZoneKind::port) {
        if (!zone.port_lat_deg) zone.port_lat_deg = circle->centre.lat_deg;
        if (!zone.port_lon_deg) zone.port_lon_deg = circle->centre.lon_deg;
      }
      if (const auto* circle = std::get_if<Circle>(&spec.shape)) zone.radius_m = circle->radius_m;
      out.push_back(std::move(spec));
    }
  }
  return out;
}

}  // namespace aiswatch::geo
