// gdal_session.cpp — see gdal_session.hpp.
#include "gdal_session.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace aiswatch::geo::detail {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorScope::GdalErrorScope() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

GdalErrorScope::~GdalErrorScope() { CPLPopErrorHandler(); }

std::string GdalErrorScope::last() const {
  const char* msg = CPLGetLastErrorMsg();
  return msg ? std::string(msg) : std::string();
}

}  // namespace aiswatch::geo::detail
