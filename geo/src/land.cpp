// land.cpp — Land: GEOS point-in-polygon behind a cell grid, and nearest-shore search over coastline
// segments (see land.hpp).
#include "aiswatch/geo/land.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

#include "aiswatch/geo/error.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/geo/zone_file.hpp"
#include "cell_grid.hpp"
#include "geos_context.hpp"

namespace aiswatch::geo {
namespace {

using detail::CellGrid;
using detail::CellGridBuilder;
using detail::GeomPtr;
using detail::GeosContext;
using detail::GridGeometry;
using detail::PreparedPtr;

constexpr double kCellDeg = 0.25;
constexpr double kFirstSearchRadiusM = 10'000.0;
constexpr int kCoarse = 8;  // 2° blocks of cells: far from land the search skips empty blocks whole

enum class CellState : std::uint8_t { water, land, coastal };

struct Segment {
  double lon0, lat0, lon1, lat1;
};

// Natural Earth closes polygons along the antimeridian and along −90° (Antarctica): not shore.
bool artificial_edge(double lon0, double lat0, double lon1, double lat1) {
  if (lon0 == lon1 && std::fabs(lon0) == 180.0) return true;
  return lat0 <= -89.999 && lat1 <= -89.999;
}

double wrap_dlon(double dlon) {
  if (dlon > 180.0) return dlon - 360.0;
  if (dlon < -180.0) return dlon + 360.0;
  return dlon;
}

// A range of grid cells (inclusive) and a lower bound of its distance from the query point.
struct Block {
  double lower_bound_m;
  int r0, r1, c0, c1;
};

// Lower bound of the distance from p to the cells [r0..r1] × [c0..c1]: the flat-frame distance to the
// rectangle, with the smaller longitude scale of its edges and 2 % slack for the flat-frame error.
double lower_bound_m(LatLon p, const GridGeometry& g, int r0, int r1, int c0, int c1) {
  const double lat0 = g.lat_of_row(r0), lat1 = g.lat_of_row(r1 + 1);
  const double lon0 = g.lon_of_col(c0), lon1 = g.lon_of_col(c1 + 1);
  const double dlat = p.lat_deg < lat0 ? lat0 - p.lat_deg : (p.lat_deg > lat1 ? p.lat_deg - lat1 : 0.0);
  double dlon = 0;
  if (p.lon_deg < lon0 || p.lon_deg > lon1) {
    const double a = std::fabs(wrap_dlon(lon0 - p.lon_deg)), b = std::fabs(wrap_dlon(lon1 - p.lon_deg));
    dlon = std::min(a, b);
  }
  const double max_abs_lat = std::max({std::fabs(lat0), std::fabs(lat1), std::fabs(p.lat_deg)});
  const double lat_m = 110'574.0;  // the smallest metres per degree of latitude (at the equator)
  const double lon_m = metres_per_degree(std::min(90.0, max_abs_lat)).lon_m;
  const double y = dlat * lat_m, x = dlon * lon_m;
  return 0.98 * std::sqrt(x * x + y * y);
}

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

int col_unwrapped(const GridGeometry& g, double lon) { return static_cast<int>(std::floor((lon + 180.0) / g.cell_deg())); }

}  // namespace

struct Land::Impl {
  std::unique_ptr<GeosContext> ctx = std::make_unique<GeosContext>();  // declared first: destroyed last
  std::vector<GeomPtr> polygons;
  std::vector<PreparedPtr> prepared;
  std::vector<Segment> segments;
  std::vector<std::uint32_t> segment_polygon;
  CellGrid segment_grid{GridGeometry(kCellDeg)};  // cell → shore segments touching it
  CellGrid polygon_grid{GridGeometry(kCellDeg)};  // coastal cell → polygons with a segment in it
  std::vector<CellState> state;
  std::vector<std::uint8_t> block_has_shore;  // per kCoarse × kCoarse block of cells
  LandStats stats;

  void add_polygon(GeomPtr polygon);
  void build_grids();
  bool point_in(LatLon p, std::span<const std::uint32_t> candidates, GeomPtr& point) const;
  bool on_land(LatLon p) const;
  double distance_to_shore_m(LatLon p) const;
};

void Land::Impl::add_polygon(GeomPtr polygon) {
  GEOSContextHandle_t h = ctx->get();
  const auto index = static_cast<std::uint32_t>(polygons.size());
  auto add_ring = [&](const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    double x0 = 0, y0 = 0;
    for (unsigned int i = 0; i < n; ++i) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
      if (i > 0 && !artificial_edge(x0, y0, x, y)) {
        segments.push_back({x0, y0, x, y});
        segment_polygon.push_back(index);
      }
      x0 = x;
      y0 = y;
    }
  };
  add_ring(GEOSGetExteriorRing_r(h, polygon.get()));
  const int holes = GEOSGetNumInteriorRings_r(h, polygon.get());
  for (int i = 0; i < holes; ++i) add_ring(GEOSGetInteriorRingN_r(h, polygon.get(), i));
  prepared.push_back(ctx->prepare(*polygon));
  polygons.push_back(std::move(polygon));
}

void Land::Impl::build_grids() {
  const GridGeometry g(kCellDeg);
  CellGridBuilder seg_builder(kCellDeg);
  std::vector<std::uint64_t> cell_polygon;  // cell << 32 | polygon
  for (std::uint32_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    const int r0 = g.row(std::min(s.lat0, s.lat1)), r1 = g.row(std::max(s.lat0, s.lat1));
    const int c0 = std::clamp(col_unwrapped(g, std::min(s.lon0, s.lon1)), 0, g.cols() - 1);
    const int c1 = std::clamp(col_unwrapped(g, std::max(s.lon0, s.lon1)), 0, g.cols() - 1);
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        seg_builder.add(g.cell(r, c), i);
        cell_polygon.push_back(std::uint64_t{g.cell(r, c)} << 32 | segment_polygon[i]);
      }
    }
  }
  segment_grid = std::move(seg_builder).build();
  const int block_cols = g.cols() / kCoarse;
  block_has_shore.assign(static_cast<std::size_t>(g.rows() / kCoarse * block_cols), 0);
  for (int r = 0; r < g.rows(); ++r) {
    for (int c = 0; c < g.cols(); ++c) {
      if (!segment_grid.entries(g.cell(r, c)).empty()) {
        block_has_shore[static_cast<std::size_t>(r / kCoarse * block_cols + c / kCoarse)] = 1;
      }
    }
  }
  std::sort(cell_polygon.begin(), cell_polygon.end());
  cell_polygon.erase(std::unique(cell_polygon.begin(), cell_polygon.end()), cell_polygon.end());
  CellGridBuilder poly_builder(kCellDeg);
  for (const std::uint64_t key : cell_polygon) {
    poly_builder.add(static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key & 0xffffffffu));
  }
  polygon_grid = std::move(poly_builder).build();

  // Cells without shore are all land or all water, and so is every cell of a run of them along a row
  // (no boundary separates neighbours without passing through one). One GEOS test per run, through an
  // STRtree of the polygons.
  GEOSContextHandle_t h = ctx->get();
  GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
  std::vector<std::uint32_t> ids(polygons.size());
  for (std::uint32_t i = 0; i < polygons.size(); ++i) {
    ids[i] = i;
    GEOSSTRtree_insert_r(h, tree, polygons[i].get(), &ids[i]);
  }
  struct Query {
    const Impl* self;
    const GEOSGeometry* point;
    bool inside;
  };
  state.assign(g.cell_count(), CellState::water);
  for (int r = 0; r < g.rows(); ++r) {
    CellState run_state = CellState::water;
    bool in_run = false;
    for (int c = 0; c < g.cols(); ++c) {
      const std::uint32_t cell = g.cell(r, c);
      if (!segment_grid.entries(cell).empty()) {
        state[cell] = CellState::coastal;
        ++stats.coastal_cells;
        in_run = false;
        continue;
      }
      if (!in_run) {
        GeomPtr point = ctx->point(g.lon_of_col(c) + 0.5 * kCellDeg, g.lat_of_row(r) + 0.5 * kCellDeg);
        Query q{this, point.get(), false};
        GEOSSTRtree_query_r(
            h, tree, point.get(),
            [](void* item, void* data) {
              auto* query = static_cast<Query*>(data);
              const std::uint32_t id = *static_cast<std::uint32_t*>(item);
              if (!query->inside &&
                  GEOSPreparedIntersects_r(query->self->ctx->get(), query->self->prepared[id].get(), query->point) == 1) {
                query->inside = true;
              }
            },
            &q);
        run_state = q.inside ? CellState::land : CellState::water;
        in_run = true;
      }
      state[cell] = run_state;
    }
  }
  GEOSSTRtree_destroy_r(h, tree);
  stats.polygons = polygons.size();
  stats.shore_segments = segments.size();
}

bool Land::Impl::point_in(LatLon p, std::span<const std::uint32_t> candidates, GeomPtr& point) const {
  for (const std::uint32_t id : candidates) {
    if (!point) point = ctx->point(p.lon_deg, p.lat_deg);
    if (GEOSPreparedIntersects_r(ctx->get(), prepared[id].get(), point.get()) == 1) return true;
  }
  return false;
}

bool Land::Impl::on_land(LatLon p) const {
  const std::uint32_t cell = polygon_grid.geometry().cell_of(p.lat_deg, p.lon_deg);
  switch (state[cell]) {
    case CellState::water: return false;
    case CellState::land: return true;
    case CellState::coastal: break;
  }
  GeomPtr point = ctx->own(nullptr);
  return point_in(p, polygon_grid.entries(cell), point);
}

double Land::Impl::distance_to_shore_m(LatLon p) const {
  if (segments.empty()) return std::numeric_limits<double>::infinity();
  if (on_land(p)) return 0.0;
  const GridGeometry& g = segment_grid.geometry();
  const int pcol = col_unwrapped(g, p.lon_deg);

  double best_d2 = std::numeric_limits<double>::infinity();
  thread_local std::vector<Block> blocks;  // reused: no allocation once warm
  const Segment* best = nullptr;
  double best_t = 0;
  // Rows/cols scanned so far (unwrapped columns); empty at first.
  int done_r0 = 1, done_r1 = 0, done_c0 = 1, done_c1 = 0;
  for (double radius = kFirstSearchRadiusM;; radius *= 2.0) {
    // Box holding every point within `radius` (2 % margin over the flat-earth scale).
    const double reach = radius * 1.02;
    const double dlat = reach / metres_per_degree(p.lat_deg).lat_m;
    const double max_abs_lat = std::min(90.0, std::fabs(p.lat_deg) + dlat);
    const double lon_m = metres_per_degree(max_abs_lat).lon_m;
    const bool all_lons = max_abs_lat >= 89.5 || reach / lon_m >= 180.0;
    const double dlon = all_lons ? 180.0 : reach / lon_m;
    const int r0 = g.row(p.lat_deg - dlat), r1 = g.row(p.lat_deg + dlat);
    int c0 = col_unwrapped(g, p.lon_deg - dlon), c1 = col_unwrapped(g, p.lon_deg + dlon);
    if (all_lons || c1 - c0 + 1 >= g.cols()) {
      c0 = pcol - g.cols() / 2;
      c1 = c0 + g.cols() - 1;
    }
    // Blocks with shore, nearest first, so the best distance found prunes the rest early.
    const int block_cols = g.cols() / kCoarse;
    blocks.clear();
    for (int br = r0 / kCoarse; br <= r1 / kCoarse; ++br) {
      for (int bc = floor_div(c0, kCoarse); bc <= floor_div(c1, kCoarse); ++bc) {
        const int wrapped_bc = ((bc % block_cols) + block_cols) % block_cols;
        if (!block_has_shore[static_cast<std::size_t>(br * block_cols + wrapped_bc)]) continue;
        const int rr0 = std::max(r0, br * kCoarse), rr1 = std::min(r1, br * kCoarse + kCoarse - 1);
        const int cc0 = std::max(c0, bc * kCoarse), cc1 = std::min(c1, bc * kCoarse + kCoarse - 1);
        blocks.push_back({lower_bound_m(p, g, rr0, rr1, cc0, cc1), rr0, rr1, cc0, cc1});
      }
    }
    std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.lower_bound_m < b.lower_bound_m; });
    for (const Block& b : blocks) {
      if (b.lower_bound_m * b.lower_bound_m >= best_d2) break;
      for (int r = b.r0; r <= b.r1; ++r) {
        // One scale per row: the flat frame at the mean latitude of the query and this row.
        const MetresPerDegree k = metres_per_degree(0.5 * (p.lat_deg + g.lat_of_row(r) + 0.5 * kCellDeg));
        for (int c = b.c0; c <= b.c1; ++c) {
          if (r >= done_r0 && r <= done_r1 && c >= done_c0 && c <= done_c1) continue;
          const auto ids = segment_grid.entries(g.cell(r, c));
          if (ids.empty()) continue;
          const double lb = lower_bound_m(p, g, r, r, c, c);
          if (lb * lb >= best_d2) continue;
          for (const std::uint32_t id : ids) {
            const Segment& s = segments[id];
            const double x0 = wrap_dlon(s.lon0 - p.lon_deg) * k.lon_m, y0 = (s.lat0 - p.lat_deg) * k.lat_m;
            const double dx = wrap_dlon(s.lon1 - s.lon0) * k.lon_m, dy = (s.lat1 - s.lat0) * k.lat_m;
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0 ? std::clamp(-(x0 * dx + y0 * dy) / len2, 0.0, 1.0) : 0.0;
            const double ex = x0 + t * dx, ey = y0 + t * dy;
            const double d2 = ex * ex + ey * ey;
            if (d2 < best_d2) {
              best_d2 = d2;
              best = &s;
              best_t = t;
            }
          }
        }
      }
    }
    const bool whole_world = r0 == 0 && r1 == g.rows() - 1 && c1 - c0 + 1 >= g.cols();
    if (best_d2 <= radius * radius || whole_world) break;
    done_r0 = r0;
    done_r1 = r1;
    done_c0 = c0;
    done_c1 = c1;
  }
  const LatLon nearest{best->lat0 + best_t * (best->lat1 - best->lat0),
                       best->lon0 + best_t * wrap_dlon(best->lon1 - best->lon0)};
  return distance_m(p, nearest);
}

Land::Land(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Land::~Land() = default;
Land::Land(Land&&) noexcept = default;
Land& Land::operator=(Land&&) noexcept = default;

Land Land::load() { return load(data_dir() / "ne_10m_land_world.gpkg"); }

Land Land::load(const std::filesystem::path& file) {
  auto impl = std::make_unique<Impl>();
  GEOSContextHandle_t h = impl->ctx->get();
  for (const ZoneSpec& spec : read_zone_file(file, {.default_kind = ZoneKind::country})) {
    const auto* wkb = std::get_if<PolygonWkb>(&spec.shape);
    if (!wkb) throw GeoError(fmt::format("land file {}: feature {} is a point, not land", file.string(), spec.zone.id));
    GeomPtr g = impl->ctx->read_wkb(wkb->bytes.data(), wkb->bytes.size());
    if (!g) throw GeoError(fmt::format("land file {}: unreadable geometry: {}", file.string(), impl->ctx->last_error()));
    // One prepared geometry per polygon keeps each point test to the polygons of its cell.
    const int parts = GEOSGetNumGeometries_r(h, g.get());
    for (int i = 0; i < parts; ++i) {
      impl->add_polygon(impl->ctx->own(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, g.get(), i))));
    }
  }
  if (impl->polygons.empty()) throw GeoError(fmt::format("land file {} has no polygons", file.string()));
  impl->build_grids();
  return Land(std::move(impl));
}

bool Land::on_land(LatLon p) const { return impl_->on_land(p); }
double Land::distance_to_shore_m(LatLon p) const { return impl_->distance_to_shore_m(p); }
const LandStats& Land::stats() const noexcept { return impl_->stats; }

}  // namespace aiswatch::geo
