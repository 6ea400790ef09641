// geos_context.hpp — a small RAII layer over GEOS's reentrant C API (geos_c.h), private to geo/.
//
// One GeosContext per object that queries GEOS (a context is not shared between threads). Geometries
// and prepared geometries are owned by unique_ptrs that remember their context:
//   GeosContext ctx;
//   GeomPtr poly = ctx.own(GEOSWKBReader_read_r(ctx.get(), reader, bytes, size));
//   PreparedPtr prep = ctx.prepare(*poly);
//   bool in = GEOSPreparedIntersects_r(ctx.get(), prep.get(), point) == 1;
#pragma once

#include <geos_c.h>

#include <memory>
#include <string>

namespace aiswatch::geo::detail {

struct GeomDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(handle, g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const noexcept { GEOSPreparedGeom_destroy_r(handle, g); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;  // GEOS keeps a pointer to this object (error handler)
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const noexcept { return handle_; }
  // The last error GEOS reported through this context ("" if none).
  const std::string& last_error() const noexcept { return last_error_; }

  GeomPtr own(GEOSGeometry* g) const noexcept { return GeomPtr(g, GeomDeleter{handle_}); }
  PreparedPtr prepare(const GEOSGeometry& g) const noexcept {
    return PreparedPtr(GEOSPrepare_r(handle_, &g), PreparedDeleter{handle_});
  }
  // A WKB (ISO or extended, either byte order) geometry, or null with last_error() set.
  GeomPtr read_wkb(const unsigned char* bytes, std::size_t size) const;
  GeomPtr point(double x, double y) const noexcept { return own(GEOSGeom_createPointFromXY_r(handle_, x, y)); }
  GeomPtr rectangle(double xmin, double ymin, double xmax, double ymax) const noexcept {
    return own(GEOSGeom_createRectangle_r(handle_, xmin, ymin, xmax, ymax));
  }

 private:
  static void on_error(const char* message, void* self);

  GEOSContextHandle_t handle_;
  std::string last_error_;
};

}  // namespace aiswatch::geo::detail
