// reference_layers.cpp — bundled layers and DPRK waters (see reference_layers.hpp).
#include "aiswatch/geo/reference_layers.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <cstdlib>
#include <memory>

#include "aiswatch/geo/error.hpp"
#include "gdal_session.hpp"

#ifndef AISWATCH_GEO_DATA_DIR
#error "AISWATCH_GEO_DATA_DIR must point at geo/data (set in geo/CMakeLists.txt)"
#endif

namespace aiswatch::geo {
namespace {

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
struct TransformDeleter {
  void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

std::filesystem::path require(const std::filesystem::path& dir, const char* name) {
  std::filesystem::path p = dir / name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) {
    throw GeoError(fmt::format("bundled reference layer missing: {} (set AISWATCH_DATA_DIR to the geo/data "
                               "directory, or use --no-default-zones)", p.string()));
  }
  return p;
}

}  // namespace

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("AISWATCH_DATA_DIR"); env && *env) return env;
  return AISWATCH_GEO_DATA_DIR;
}

ZoneSpec make_dprk_waters(const std::filesystem::path& countries_file, double distance_m) {
  const std::string file = countries_file.string();
  detail::ensure_gdal_registered();
  detail::GdalErrorScope errors;
  std::string open_path = file;
  if (open_path.size() > 3 && open_path.substr(open_path.size() - 3) == ".gz") open_path = "/vsigzip/" + open_path;
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() == 0) {
    throw GeoError(fmt::format("cannot read countries file {}: {}", file, errors.last()));
  }
  OGRLayer* layer = ds->GetLayer(0);
  if (layer->SetAttributeFilter("ISO_A2 = 'KP'") != OGRERR_NONE) {
    throw GeoError(fmt::format("countries file {} has no ISO_A2 attribute", file));
  }
  OGRFeatureUniquePtr feature(layer->GetNextFeature());
  if (!feature || !feature->GetGeometryRef()) {
    throw GeoError(fmt::format("countries file {} has no North Korea (ISO_A2 KP) polygon", file));
  }
  std::unique_ptr<OGRGeometry> geom(feature->GetGeometryRef()->clone());

  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGREnvelope env;
  geom->getEnvelope(&env);
  // Transverse Mercator on the polygon's central meridian: over Korea's ±3° the scale error is < 0.1 %.
  OGRSpatialReference local;
  local.importFromProj4(fmt::format("+proj=tmerc +lat_0={} +lon_0={} +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m",
                                    0.5 * (env.MinY + env.MaxY), 0.5 * (env.MinX + env.MaxX))
                            .c_str());
  local.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  TransformPtr to_local(OGRCreateCoordinateTransformation(&wgs84, &local));
  TransformPtr to_wgs84(OGRCreateCoordinateTransformation(&local, &wgs84));
  if (!to_local || !to_wgs84 || geom->transform(to_local.get()) != OGRERR_NONE) {
    throw GeoError(fmt::format("countries file {}: cannot project the KP polygon: {}", file, errors.last()));
  }
  std::unique_ptr<OGRGeometry> waters(geom->Buffer(distance_m, 16));
  if (!waters || waters->transform(to_wgs84.get()) != OGRERR_NONE) {
    throw GeoError(fmt::format("countries file {}: cannot buffer the KP polygon: {}", file, errors.last()));
  }

  ZoneSpec spec;
  spec.zone.id = kDprkWatersId;
  spec.zone.name = fmt::format("DPRK waters ({:g} nm of the coast, approximate)", distance_m / 1852.0);
  spec.zone.kind = ZoneKind::dprk_waters;
  spec.zone.country_iso2 = "KP";
  spec.zone.watched = true;
  spec.zone.approximate = true;
  spec.zone.source = file;
  spec.zone.properties.emplace_back(
      "note", "within 12 nm of the Natural Earth 1:50m North Korea polygon; approximates the territorial sea, "
              "overreaches near the borders (Yalu, Tumen, NLL islands); not a legal boundary");
  PolygonWkb wkb;
  wkb.bytes.resize(static_cast<std::size_t>(waters->WkbSize()));
  waters->exportToWkb(wkbNDR, wkb.bytes.data(), wkbVariantIso);
  spec.shape = std::move(wkb);
  return spec;
}

std::vector<ZoneSpec> read_reference_zones(const std::filesystem::path& dir) {
  std::vector<ZoneSpec> out = read_zone_file(require(dir, "wpi_ports.csv"), {.default_kind = ZoneKind::port});
  auto append = [&out](std::vector<ZoneSpec> more) {
    for (ZoneSpec& s : more) out.push_back(std::move(s));
  };
  append(read_zone_file(require(dir, "watch_ports.csv"), {.default_kind = ZoneKind::port, .default_approximate = true}));
  append(read_zone_file(require(dir, "sts_hotspots.geojson"),
                        {.default_kind = ZoneKind::sts_hotspot, .default_watched = true, .default_approximate = true}));
  out.push_back(make_dprk_waters(require(dir, "ne_50m_countries_world.geojson.gz")));
  return out;
}

ZoneSet load_zones(const ZoneOptions& options) {
  std::vector<ZoneSpec> specs;
  if (options.default_zones) specs = read_reference_zones();
  for (const auto& file : options.files) {
    for (ZoneSpec& s : read_zone_file(file)) specs.push_back(std::move(s));
  }
  return ZoneSet(std::move(specs));
}

}  // namespace aiswatch::geo
