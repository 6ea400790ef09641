// geos_context.cpp — see geos_context.hpp.
#include "geos_context.hpp"

namespace aiswatch::geo::detail {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char* message, void* self) {
  static_cast<GeosContext*>(self)->last_error_ = message ? message : "";
}

GeomPtr GeosContext::read_wkb(const unsigned char* bytes, std::size_t size) const {
  GEOSWKBReader* reader = GEOSWKBReader_create_r(handle_);
  GeomPtr g = own(GEOSWKBReader_read_r(handle_, reader, bytes, size));
  GEOSWKBReader_destroy_r(handle_, reader);
  return g;
}

}  // namespace aiswatch::geo::detail
