// gdal_util.hpp — private: GDAL driver registration and error capture for report/'s GDAL boundary
// (land outlines for maps, GIS layers). GDAL reports problems through CPLError; inside a GdalErrors
// scope they are kept, not printed, and end up in a ReportError naming the file.
//
//   GdalErrors errors;
//   if (!ds) throw ReportError(fmt::format("cannot create {}: {}", path, errors.last("unknown error")));
#pragma once

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>
#include <string>

namespace aiswatch::report::detail {

inline void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

class GdalErrors {
 public:
  GdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~GdalErrors() { CPLPopErrorHandler(); }
  GdalErrors(const GdalErrors&) = delete;
  GdalErrors& operator=(const GdalErrors&) = delete;

  std::string last(const char* fallback) const {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? std::string(msg) : std::string(fallback);
  }
};

}  // namespace aiswatch::report::detail
