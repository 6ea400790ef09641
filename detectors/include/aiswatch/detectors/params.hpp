// params.hpp — detector parameters, each documented once with its default, unit and source.
//
// Every detector's config struct lists its fields through `visit`, so one mechanism serves the config
// file (--config, JSON), `aiswatch replay --print-config`, the report's "configuration in force" and the
// docs — no second list to keep in sync:
//   struct EncounterConfig {
//     double max_distance_m = 500;
//     template <class V> void visit(V&& v) {
//       v("max_distance_m", max_distance_m, "m", "GFW encounters: max separation 0.5 km");
//     }
//   };
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aiswatch::detectors {

// Hours and kilometres are the units analysts think in; configs keep them as written in the sources.
inline constexpr double kMsPerHour = 3'600'000.0;
inline constexpr double kMetresPerNm = 1852.0;
inline constexpr double kMsPerKnot = 1852.0 / 3600.0;  // metres per second in one knot

// A parameter as the visitor sees it: its name, a reference to the value, its unit and its source.
// Supported value types: double, std::int64_t, bool, std::string.
struct ParamInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view source;
};

}  // namespace aiswatch::detectors
