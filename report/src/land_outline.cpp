// land_outline.cpp — see land_outline.hpp. GDAL reads the layer once (WKB), GEOS's reentrant C API clips
// and simplifies; GDAL and GEOS errors become ReportErrors naming the file at this boundary.
#include "aiswatch/report/land_outline.hpp"

#include <fmt/format.h>
#include <geos_c.h>
#include <ogr_api.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/report/error.hpp"
#include "gdal_util.hpp"

namespace aiswatch::report {

namespace {

struct GeosHandle {
  GEOSContextHandle_t handle = GEOS_init_r();
  GeosHandle() { GEOSContext_setErrorMessageHandler_r(handle, [](const char*, void*) {}, nullptr); }
  ~GeosHandle() { GEOS_finish_r(handle); }
  GeosHandle(const GeosHandle&) = delete;
  GeosHandle& operator=(const GeosHandle&) = delete;
};

struct GeomDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(handle, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct Polygon {
  double xmin, ymin, xmax, ymax;
  GeomPtr geometry;
};

}  // namespace

struct LandOutlines::Impl {
  GeosHandle geos;  // declared first: destroyed last, after the geometries that use it
  std::vector<Polygon> polygons;

  GeomPtr own(GEOSGeometry* g) const { return GeomPtr(g, GeomDeleter{geos.handle}); }

  void add(GeomPtr g) {
    const int type = GEOSGeomTypeId_r(geos.handle, g.get());
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
      // Split, so a query only clips the parts near its box.
      const int n = GEOSGetNumGeometries_r(geos.handle, g.get());
      for (int i = 0; i < n; ++i)
        add(own(GEOSGeom_clone_r(geos.handle, GEOSGetGeometryN_r(geos.handle, g.get(), i))));
      return;
    }
    if (type != GEOS_POLYGON) return;  // land is polygons; stray points/lines are not drawn
    Polygon p{.geometry = std::move(g)};
    GEOSGeom_getXMin_r(geos.handle, p.geometry.get(), &p.xmin);
    GEOSGeom_getYMin_r(geos.handle, p.geometry.get(), &p.ymin);
    GEOSGeom_getXMax_r(geos.handle, p.geometry.get(), &p.xmax);
    GEOSGeom_getYMax_r(geos.handle, p.geometry.get(), &p.ymax);
    polygons.push_back(std::move(p));
  }

  void append_ring(const GEOSGeometry* ring, double shift_deg, std::vector<Ring>& out) const {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos.handle, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(geos.handle, seq, &n) || n < 4) return;
    Ring r;
    r.reserve(n);
    for (unsigned int i = 0; i < n; ++i) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(geos.handle, seq, i, &x, &y);
      r.push_back({x + shift_deg, y});
    }
    out.push_back(std::move(r));
  }

  void append_rings(const GEOSGeometry* g, double shift_deg, std::vector<Ring>& out) const {
    const int type = GEOSGeomTypeId_r(geos.handle, g);
    if (type == GEOS_POLYGON) {
      append_ring(GEOSGetExteriorRing_r(geos.handle, g), shift_deg, out);
      const int holes = GEOSGetNumInteriorRings_r(geos.handle, g);
      for (int i = 0; i < holes; ++i) append_ring(GEOSGetInteriorRingN_r(geos.handle, g, i), shift_deg, out);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
      const int n = GEOSGetNumGeometries_r(geos.handle, g);
      for (int i = 0; i < n; ++i) append_rings(GEOSGetGeometryN_r(geos.handle, g, i), shift_deg, out);
    }
  }

  // Clip to [xmin, xmax] within -180..180, then shift the result into the caller's longitude frame.
  void clip_into(double xmin, double ymin, double xmax, double ymax, double shift_deg, double tolerance,
                 std::vector<Ring>& out) const {
    if (xmin >= xmax || ymin >= ymax) return;
    for (const auto& p : polygons) {
      if (p.xmax < xmin || p.xmin > xmax || p.ymax < ymin || p.ymin > ymax) continue;
      GeomPtr clipped = own(GEOSClipByRect_r(geos.handle, p.geometry.get(), xmin, ymin, xmax, ymax));
      if (!clipped || GEOSisEmpty_r(geos.handle, clipped.get()) == 1) continue;
      GeomPtr simple = own(GEOSSimplify_r(geos.handle, clipped.get(), tolerance));
      append_rings(simple ? simple.get() : clipped.get(), shift_deg, out);
    }
  }
};

LandOutlines::LandOutlines(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LandOutlines::~LandOutlines() = default;
LandOutlines::LandOutlines(LandOutlines&&) noexcept = default;
LandOutlines& LandOutlines::operator=(LandOutlines&&) noexcept = default;

std::size_t LandOutlines::polygon_count() const noexcept { return impl_->polygons.size(); }

std::filesystem::path LandOutlines::default_file() { return geo::data_dir() / "ne_10m_land_world.gpkg"; }

LandOutlines LandOutlines::load(const std::filesystem::path& file) {
  detail::ensure_gdal_registered();
  detail::GdalErrors errors;
  const std::string name = file.string();
  GDALDatasetH ds = GDALOpenEx(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) throw ReportError(fmt::format("cannot read land polygons from {}: {}", name, errors.last("not an OGR dataset")));
  struct Closer {
    GDALDatasetH ds;
    ~Closer() { GDALClose(ds); }
  } closer{ds};

  auto impl = std::make_unique<Impl>();
  std::vector<unsigned char> wkb;
  for (int li = 0; li < GDALDatasetGetLayerCount(ds); ++li) {
    OGRLayerH layer = GDALDatasetGetLayer(ds, li);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
      if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
        wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(g)));
        if (OGR_G_ExportToIsoWkb(g, wkbNDR, wkb.data()) == OGRERR_NONE) {
          if (GEOSGeometry* geom = GEOSGeomFromWKB_buf_r(impl->geos.handle, wkb.data(), wkb.size()))
            impl->add(impl->own(geom));
        }
      }
      OGR_F_Destroy(f);
    }
  }
  if (impl->polygons.empty()) throw ReportError(fmt::format("no land polygons in {}", name));
  return LandOutlines(std::move(impl));
}

std::vector<Ring> LandOutlines::clip(const MapBox& box, double tolerance_deg) const {
  std::vector<Ring> out;
  const double south = std::max(box.south_deg, -90.0), north = std::min(box.north_deg, 90.0);
  // The part of the box in -180..180, then the parts beyond either edge, shifted by a full turn.
  impl_->clip_into(std::max(box.west_deg, -180.0), south, std::min(box.east_deg, 180.0), north, 0, tolerance_deg, out);
  if (box.east_deg > 180.0)
    impl_->clip_into(-180.0, south, std::min(box.east_deg - 360.0, 180.0), north, 360.0, tolerance_deg, out);
  if (box.west_deg < -180.0)
    impl_->clip_into(std::max(box.west_deg + 360.0, -180.0), south, 180.0, north, -360.0, tolerance_deg, out);
  return out;
}

}  // namespace aiswatch::report
