// reference_layers.cpp — bundled layers and DPRK waters (see reference_layers.hpp).
#include "aiswatch/geo/reference_layers.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <cstdlib>
#include <memory>
#include <unordered_set>
#include <vector>

#include "aiswatch/geo/error.hpp"
#include "gdal_session.hpp"
#include "geos_context.hpp"

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


std::vector<unsigned char> to_wkb(const OGRGeometry& g) {
  std::vector<unsigned char> bytes(static_cast<std::size_t>(g.WkbSize()));
  g.exportToWkb(wkbNDR, bytes.data(), wkbVariantIso);
  return bytes;
}

// Keeps the part of `waters` that is closer to KP's boundary than to any neighbour's (the equidistance
// rule of UNCLOS art. 15 between adjacent or opposite coasts), so the zone stops at the median line in
// the Yalu and Tumen estuaries and towards South Korea. All geometries in the same metric projection.
// Built from a Voronoi diagram of the boundaries densified to 2.5 km (the median line is then within
// about a kilometre of the exact one away from land-border ends — below the 1:50m coastline error).
std::unique_ptr<OGRGeometry> clip_to_median_line(const OGRGeometry& kp, const OGRGeometry& waters,
                                                 const std::vector<std::unique_ptr<OGRGeometry>>& neighbours,
                                                 const std::string& file) {
  detail::GeosContext ctx;
  GEOSContextHandle_t h = ctx.get();
  auto read = [&](const OGRGeometry& g) {
    const auto wkb = to_wkb(g);
    detail::GeomPtr out = ctx.read_wkb(wkb.data(), wkb.size());
    if (!out) throw GeoError(fmt::format("countries file {}: {}", file, ctx.last_error()));
    return out;
  };
  const detail::GeomPtr waters_g = read(waters);
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
  GEOSGeom_getXMin_r(h, waters_g.get(), &xmin);
  GEOSGeom_getYMin_r(h, waters_g.get(), &ymin);
  GEOSGeom_getXMax_r(h, waters_g.get(), &xmax);
  GEOSGeom_getYMax_r(h, waters_g.get(), &ymax);
  constexpr double kMargin = 50'000.0, kStep = 2'500.0;

  // Sites: boundary points of KP (label true) and of the neighbours near the zone (label false).
  std::vector<detail::GeomPtr> sites;
  std::unordered_set<const GEOSGeometry*> kp_sites;
  auto add_sites = [&](const detail::GeomPtr& g, bool is_kp) {
    detail::GeomPtr clipped = ctx.own(GEOSClipByRect_r(h, g.get(), xmin - kMargin, ymin - kMargin, xmax + kMargin, ymax + kMargin));
    if (!clipped || GEOSisEmpty_r(h, clipped.get()) != 0) return;
    detail::GeomPtr boundary = ctx.own(GEOSBoundary_r(h, clipped.get()));
    detail::GeomPtr dense = ctx.own(boundary ? GEOSDensify_r(h, boundary.get(), kStep) : nullptr);
    detail::GeomPtr points = ctx.own(dense ? GEOSGeom_extractUniquePoints_r(h, dense.get()) : nullptr);
    if (!points) throw GeoError(fmt::format("countries file {}: {}", file, ctx.last_error()));
    for (int i = 0; i < GEOSGetNumGeometries_r(h, points.get()); ++i) {
      sites.push_back(ctx.own(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, points.get(), i))));
      if (is_kp) kp_sites.insert(sites.back().get());
    }
  };
  add_sites(read(kp), true);
  for (const auto& n : neighbours) add_sites(read(*n), false);
  if (kp_sites.size() == sites.size()) return std::unique_ptr<OGRGeometry>(waters.clone());

  GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
  std::vector<GEOSGeometry*> raw;
  for (auto& site : sites) {
    GEOSSTRtree_insert_r(h, tree, site.get(), site.get());
    raw.push_back(GEOSGeom_clone_r(h, site.get()));
  }
  detail::GeomPtr multipoint = ctx.own(GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, raw.data(), static_cast<unsigned>(raw.size())));
  detail::GeomPtr cells = ctx.own(multipoint ? GEOSVoronoiDiagram_r(h, multipoint.get(), nullptr, 0.0, 0) : nullptr);
  if (!cells) {
    GEOSSTRtree_destroy_r(h, tree);
    throw GeoError(fmt::format("countries file {}: Voronoi diagram failed: {}", file, ctx.last_error()));
  }
  // A cell belongs to KP when its site (the site nearest any point of the cell) is a KP site.
  std::vector<GEOSGeometry*> kp_cells;
  for (int i = 0; i < GEOSGetNumGeometries_r(h, cells.get()); ++i) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(h, cells.get(), i);
    detail::GeomPtr inside = ctx.own(GEOSPointOnSurface_r(h, cell));
    const GEOSGeometry* site = inside ? GEOSSTRtree_nearest_r(h, tree, inside.get()) : nullptr;
    if (site && kp_sites.count(site)) kp_cells.push_back(GEOSGeom_clone_r(h, cell));
  }
  GEOSSTRtree_destroy_r(h, tree);
  detail::GeomPtr kp_region_parts = ctx.own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, kp_cells.data(),
                                                                        static_cast<unsigned>(kp_cells.size())));
  detail::GeomPtr kp_region = ctx.own(kp_region_parts ? GEOSUnaryUnion_r(h, kp_region_parts.get()) : nullptr);
  detail::GeomPtr clipped = ctx.own(kp_region ? GEOSIntersection_r(h, waters_g.get(), kp_region.get()) : nullptr);
  if (!clipped) throw GeoError(fmt::format("countries file {}: median-line clip failed: {}", file, ctx.last_error()));

  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(h);
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(h, writer, clipped.get(), &size);
  GEOSWKBWriter_destroy_r(h, writer);
  OGRGeometry* out = nullptr;
  const OGRErr err = OGRGeometryFactory::createFromWkb(bytes, nullptr, &out, size);
  GEOSFree_r(h, bytes);
  if (err != OGRERR_NONE || !out) throw GeoError(fmt::format("countries file {}: cannot convert the clipped zone", file));
  return std::unique_ptr<OGRGeometry>(out);
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
  std::unique_ptr<OGRGeometry> buffered(geom->Buffer(distance_m, 16));
  if (!buffered) throw GeoError(fmt::format("countries file {}: cannot buffer the KP polygon: {}", file, errors.last()));

  // The other countries near Korea, for the median line.
  std::vector<std::unique_ptr<OGRGeometry>> neighbours;
  layer->SetAttributeFilter("ISO_A2 <> 'KP'");
  layer->SetSpatialFilterRect(env.MinX - 1.0, env.MinY - 1.0, env.MaxX + 1.0, env.MaxY + 1.0);
  layer->ResetReading();
  for (OGRFeatureUniquePtr other(layer->GetNextFeature()); other; other.reset(layer->GetNextFeature())) {
    if (!other->GetGeometryRef()) continue;
    std::unique_ptr<OGRGeometry> g(other->GetGeometryRef()->clone());
    if (g->transform(to_local.get()) == OGRERR_NONE) neighbours.push_back(std::move(g));
  }
  std::unique_ptr<OGRGeometry> waters = clip_to_median_line(*geom, *buffered, neighbours, file);
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
      "note", "within 12 nm of the Natural Earth 1:50m North Korea polygon and closer to it than to any other "
              "country's polygon (median line); approximates the territorial sea; not a legal boundary");
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
