// filters.hpp — the replay filters --since/--until (time), --bbox (area) and --mmsi (vessels), and the
// parsers of their option text.
//
// Rules (docs/replay.md "Filters"):
//   * time: records at or after --since and strictly before --until are kept;
//   * --bbox W,S,E,N: positions inside the box (edges included) are kept; W > E is a box across the
//     antimeridian. A static (identity) report is kept only for a vessel already seen inside the box, so
//     vessels that never enter it do not appear at all;
//   * --mmsi: only those vessels (pair events then need both vessels in the list).
//
//   FilterOptions f{.since = parse_time_option("--since", "2024-03-10"), .bbox = parse_bbox("124,37,131,43")};
//   ObservationFilter filter(f);
//   if (filter.keep_position(*o.position)) tracker.on_position(*o.position);
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "aiswatch/ais/flat_u32_map.hpp"
#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::pipeline {

// A bad option value; the message names the option and says what was expected.
class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BoundingBox {
  double west_deg = -180, south_deg = -90, east_deg = 180, north_deg = 90;
  [[nodiscard]] bool contains(double lat_deg, double lon_deg) const noexcept;
};

// "W,S,E,N" in degrees. Throws OptionError naming --bbox.
BoundingBox parse_bbox(std::string_view text);
// "273459120,445123000" (commas or spaces). Throws OptionError naming --mmsi.
std::vector<std::uint32_t> parse_mmsi_list(std::string_view text);
// ISO 8601 (ais/time.hpp forms). Throws OptionError naming `option`.
UnixMillis parse_time_option(std::string_view option, std::string_view text);

struct FilterOptions {
  std::optional<UnixMillis> since, until;
  std::optional<BoundingBox> bbox;
  std::vector<std::uint32_t> mmsis;  // empty: every vessel
  [[nodiscard]] bool any() const noexcept { return since || until || bbox || !mmsis.empty(); }
};

struct FilterStats {
  std::uint64_t outside_time = 0;
  std::uint64_t outside_bbox = 0;   // positions outside the box and identities of vessels never inside
  std::uint64_t other_mmsi = 0;
  [[nodiscard]] std::uint64_t total() const noexcept { return outside_time + outside_bbox + other_mmsi; }
};

class ObservationFilter {
 public:
  explicit ObservationFilter(FilterOptions options);

  bool keep_position(const ais::PositionReport& p);
  bool keep_identity(const ais::StaticReport& s);

  [[nodiscard]] const FilterOptions& options() const noexcept { return options_; }
  [[nodiscard]] const FilterStats& stats() const noexcept { return stats_; }

 private:
  bool keep_time_and_vessel(UnixMillis time, std::uint32_t mmsi);

  FilterOptions options_;
  FilterStats stats_;
  ais::FlatU32Map seen_in_box_;  // MMSIs with a position inside --bbox
};

}  // namespace aiswatch::pipeline
