// gdal_session.hpp — GDAL driver registration and error capture for the geo layer's load-time code.
//
// GDAL reports problems through CPLError; a GdalErrorScope silences GDAL's default stderr printing for
// its lifetime and keeps the last message so it can go into a GeoError naming the file:
//   GdalErrorScope errors;
//   if (!ds) throw GeoError(fmt::format("cannot read {}: {}", path, errors.last()));
#pragma once

#include <string>

namespace aiswatch::geo::detail {

// Registers GDAL's drivers once per process (thread-safe).
void ensure_gdal_registered();

class GdalErrorScope {
 public:
  GdalErrorScope();
  ~GdalErrorScope();
  GdalErrorScope(const GdalErrorScope&) = delete;
  GdalErrorScope& operator=(const GdalErrorScope&) = delete;

  // The last error message GDAL raised in this scope ("" if none).
  std::string last() const;
};

}  // namespace aiswatch::geo::detail
