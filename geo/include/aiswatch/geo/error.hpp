// error.hpp — the one exception of the geo layer: a zone or land file that cannot be used ends the run.
//
// Its message names the file (and the layer/feature when one is at fault), so `main` can print it as is:
//   try { auto zones = load_zones(options); } catch (const aiswatch::geo::GeoError& e) { fmt::print(stderr, "{}\n", e.what()); }
#pragma once

#include <stdexcept>
#include <string>

namespace aiswatch::geo {

class GeoError : public std::runtime_error {
 public:
  explicit GeoError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace aiswatch::geo
