// zone_set.cpp — grid + GEOS implementation of ZoneSet (see zone_set.hpp).
#include "aiswatch/geo/zone_set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "aiswatch/geo/error.hpp"
#include "cell_grid.hpp"
#include "geos_context.hpp"

namespace aiswatch::geo {
namespace {

using detail::CellGrid;
using detail::CellGridBuilder;
using detail::GeomPtr;
using detail::GeosContext;
using detail::PreparedPtr;

constexpr double kZoneCellDeg = 0.25;  // ~28 km: most zones are ports a few km wide
constexpr double kPortCellDeg = 1.0;   // port reference points, for nearest_port
constexpr std::uint32_t kFullBit = 1;  // grid entry = zone index << 1 | kFullBit when the cell is inside

struct PolygonShape {
  GeomPtr geometry;
  PreparedPtr prepared;
};

struct Envelope {
  double min_lon, min_lat, max_lon, max_lat;
};

// Lat/lon box holding a circle (a slight overestimate; the ±0.5 % margin covers the flat-earth radii).
Envelope circle_envelope(const Circle& c) {
  const double r = c.radius_m * 1.005;
  const MetresPerDegree k = metres_per_degree(c.centre.lat_deg);
  const double dlat = r / k.lat_m;
  const double max_abs_lat = std::min(90.0, std::fabs(c.centre.lat_deg) + dlat);
  const double lon_m = metres_per_degree(max_abs_lat).lon_m;
  const double dlon = (max_abs_lat >= 89.0 || lon_m <= 0) ? 180.0 : std::min(180.0, r / lon_m);
  return {c.centre.lon_deg - dlon, std::max(-90.0, c.centre.lat_deg - dlat), c.centre.lon_deg + dlon,
          std::min(90.0, c.centre.lat_deg + dlat)};
}

// True for Polygon or MultiPolygon.
bool is_polygonal(GEOSContextHandle_t h, const GEOSGeometry& g) {
  const int type = GEOSGeomTypeId_r(h, &g);
  return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

}  // namespace

struct ZoneSet::Impl {
  std::unique_ptr<GeosContext> ctx = std::make_unique<GeosContext>();  // declared first: destroyed last
  std::vector<Zone> zones;
  std::vector<std::optional<Circle>> circles;  // per zone; nullopt for polygons
  std::vector<PolygonShape> polygons;          // per zone; empty for circles
  std::unordered_map<std::string, std::size_t> by_id;
  CellGrid grid{detail::GridGeometry(kZoneCellDeg)};
  CellGrid port_grid{detail::GridGeometry(kPortCellDeg)};
  ZoneSetStats stats;

  void add(ZoneSpec spec);
  PolygonShape make_polygon(const Zone& zone, const PolygonWkb& wkb);
  void index_polygon(std::uint32_t index, CellGridBuilder& builder);
  void index_circle(std::uint32_t index, CellGridBuilder& builder) const;
  void build_grids();
  bool contains(std::uint32_t entry, LatLon p, GeomPtr& point) const;
};

PolygonShape ZoneSet::Impl::make_polygon(const Zone& zone, const PolygonWkb& wkb) {
  GEOSContextHandle_t h = ctx->get();
  GeomPtr g = ctx->read_wkb(wkb.bytes.data(), wkb.bytes.size());
  if (!g) {
    throw GeoError(fmt::format("zone {} from {}: unreadable geometry: {}", zone.id, zone.source, ctx->last_error()));
  }
  if (!is_polygonal(h, *g)) {
    throw GeoError(fmt::format("zone {} from {}: geometry is a {}, not a polygon", zone.id, zone.source,
                               GEOSGeomType_r(h, g.get())));
  }
  if (GEOSisValid_r(h, g.get()) != 1) {
    // Self-intersections, wrong ring orientation/nesting: repair, keeping the polygonal result.
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
    GeomPtr fixed = ctx->own(GEOSMakeValidWithParams_r(h, g.get(), params));
    GEOSMakeValidParams_destroy_r(h, params);
    if (!fixed || GEOSisEmpty_r(h, fixed.get()) != 0 || !is_polygonal(h, *fixed)) {
      throw GeoError(fmt::format("zone {} from {}: invalid polygon that cannot be repaired{}{}", zone.id, zone.source,
                                 ctx->last_error().empty() ? "" : ": ", ctx->last_error()));
    }
    g = std::move(fixed);
    stats.repaired_ids.push_back(zone.id);
  }
  PolygonShape shape{std::move(g), nullptr};
  shape.prepared = ctx->prepare(*shape.geometry);
  if (!shape.prepared) throw GeoError(fmt::format("zone {} from {}: {}", zone.id, zone.source, ctx->last_error()));
  return shape;
}

void ZoneSet::Impl::add(ZoneSpec spec) {
  std::optional<Circle> circle;
  PolygonShape polygon;
  if (const auto* c = std::get_if<Circle>(&spec.shape)) {
    circle = *c;
    spec.zone.radius_m = c->radius_m;
  } else {
    polygon = make_polygon(spec.zone, std::get<PolygonWkb>(spec.shape));
    spec.zone.radius_m.reset();
    if (spec.zone.kind == ZoneKind::port && (!spec.zone.port_lat_deg || !spec.zone.port_lon_deg)) {
      // A harbour polygon without a reference point: use a point surely inside it.
      GEOSContextHandle_t h = ctx->get();
      GeomPtr inside = ctx->own(GEOSPointOnSurface_r(h, polygon.geometry.get()));
      double x = 0, y = 0;
      if (inside && GEOSGeomGetX_r(h, inside.get(), &x) == 1 && GEOSGeomGetY_r(h, inside.get(), &y) == 1) {
        spec.zone.port_lat_deg = y;
        spec.zone.port_lon_deg = x;
      }
    }
  }
  if (const auto it = by_id.find(spec.zone.id); it != by_id.end()) {
    // A later file corrects an earlier one: same id, new facts and shape, same position.
    zones[it->second] = std::move(spec.zone);
    circles[it->second] = circle;
    polygons[it->second] = std::move(polygon);
    ++stats.replaced;
    return;
  }
  by_id.emplace(spec.zone.id, zones.size());
  zones.push_back(std::move(spec.zone));
  circles.push_back(circle);
  polygons.push_back(std::move(polygon));
}

void ZoneSet::Impl::index_circle(std::uint32_t index, CellGridBuilder& builder) const {
  const auto& g = builder.geometry();
  const Envelope e = circle_envelope(*circles[index]);
  const int c0 = static_cast<int>(std::floor((e.min_lon + 180.0) / g.cell_deg()));
  const int c1 = static_cast<int>(std::floor((e.max_lon + 180.0) / g.cell_deg()));
  const int ncols = std::min(c1 - c0 + 1, g.cols());
  for (int r = g.row(e.min_lat); r <= g.row(e.max_lat); ++r) {
    for (int c = c0; c < c0 + ncols; ++c) builder.add(g.cell(r, c), index << 1);
  }
}

void ZoneSet::Impl::index_polygon(std::uint32_t index, CellGridBuilder& builder) {
  GEOSContextHandle_t h = ctx->get();
  const PolygonShape& shape = polygons[index];
  const auto& g = builder.geometry();
  double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
  GEOSGeom_getXMin_r(h, shape.geometry.get(), &xmin);
  GEOSGeom_getYMin_r(h, shape.geometry.get(), &ymin);
  GEOSGeom_getXMax_r(h, shape.geometry.get(), &xmax);
  GEOSGeom_getYMax_r(h, shape.geometry.get(), &ymax);
  const int r0 = g.row(ymin), r1 = g.row(ymax);
  const int c0 = std::clamp(static_cast<int>(std::floor((xmin + 180.0) / g.cell_deg())), 0, g.cols() - 1);
  const int c1 = std::clamp(static_cast<int>(std::floor((xmax + 180.0) / g.cell_deg())), 0, g.cols() - 1);

  // Quadtree over the envelope's cells: drop blocks outside, mark blocks inside, split the rest.
  struct Block {
    int r0, r1, c0, c1;  // inclusive
  };
  std::vector<Block> todo{{r0, r1, c0, c1}};
  while (!todo.empty()) {
    const Block b = todo.back();
    todo.pop_back();
    GeomPtr rect = ctx->rectangle(g.lon_of_col(b.c0), g.lat_of_row(b.r0), g.lon_of_col(b.c1 + 1), g.lat_of_row(b.r1 + 1));
    if (GEOSPreparedIntersects_r(h, shape.prepared.get(), rect.get()) != 1) continue;
    const bool inside = GEOSPreparedCovers_r(h, shape.prepared.get(), rect.get()) == 1;
    if (inside || (b.r0 == b.r1 && b.c0 == b.c1)) {
      for (int r = b.r0; r <= b.r1; ++r) {
        for (int c = b.c0; c <= b.c1; ++c) builder.add(g.cell(r, c), index << 1 | (inside ? kFullBit : 0));
      }
      if (inside) stats.full_cells += static_cast<std::size_t>((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1));
      continue;
    }
    const int rm = (b.r0 + b.r1) / 2, cm = (b.c0 + b.c1) / 2;
    todo.push_back({b.r0, rm, b.c0, cm});
    if (cm < b.c1) todo.push_back({b.r0, rm, cm + 1, b.c1});
    if (rm < b.r1) todo.push_back({rm + 1, b.r1, b.c0, cm});
    if (rm < b.r1 && cm < b.c1) todo.push_back({rm + 1, b.r1, cm + 1, b.c1});
  }
}

void ZoneSet::Impl::build_grids() {
  CellGridBuilder builder(kZoneCellDeg);
  CellGridBuilder ports(kPortCellDeg);
  for (std::uint32_t i = 0; i < zones.size(); ++i) {
    if (circles[i]) {
      index_circle(i, builder);
    } else {
      index_polygon(i, builder);
    }
    const Zone& z = zones[i];
    if (z.kind == ZoneKind::port && z.port_lat_deg && z.port_lon_deg) {
      ports.add(ports.geometry().cell_of(*z.port_lat_deg, *z.port_lon_deg), i);
    }
  }
  grid = std::move(builder).build();
  port_grid = std::move(ports).build();
  stats.grid_entries = grid.entry_count();
}

bool ZoneSet::Impl::contains(std::uint32_t entry, LatLon p, GeomPtr& point) const {
  if (entry & kFullBit) return true;
  const std::uint32_t index = entry >> 1;
  if (const auto& circle = circles[index]) return approx_distance_m(circle->centre, p) <= circle->radius_m;
  // GEOS 3.11 has no PreparedContainsXY: make the point once per query, only when a polygon needs it.
  if (!point) point = ctx->point(p.lon_deg, p.lat_deg);
  return GEOSPreparedIntersects_r(ctx->get(), polygons[index].prepared.get(), point.get()) == 1;
}

ZoneSet::ZoneSet() : impl_(std::make_unique<Impl>()) {}

ZoneSet::ZoneSet(std::vector<ZoneSpec> specs) : impl_(std::make_unique<Impl>()) {
  for (ZoneSpec& spec : specs) impl_->add(std::move(spec));
  impl_->build_grids();
}

ZoneSet::~ZoneSet() = default;
ZoneSet::ZoneSet(ZoneSet&&) noexcept = default;
ZoneSet& ZoneSet::operator=(ZoneSet&&) noexcept = default;

std::span<const Zone> ZoneSet::zones() const noexcept { return impl_->zones; }
const ZoneSetStats& ZoneSet::stats() const noexcept { return impl_->stats; }

const Zone* ZoneSet::find(std::string_view id) const noexcept {
  const auto it = impl_->by_id.find(std::string(id));
  return it == impl_->by_id.end() ? nullptr : &impl_->zones[it->second];
}

void ZoneSet::zones_at(LatLon p, std::vector<const Zone*>& out) const {
  out.clear();
  const Impl& m = *impl_;
  GeomPtr point = m.ctx->own(nullptr);
  for (const std::uint32_t entry : m.grid.entries(m.grid.geometry().cell_of(p.lat_deg, p.lon_deg))) {
    if (m.contains(entry, p, point)) out.push_back(&m.zones[entry >> 1]);
  }
}

bool ZoneSet::in_any(LatLon p, ZoneKind kind) const {
  const Impl& m = *impl_;
  GeomPtr point = m.ctx->own(nullptr);
  for (const std::uint32_t entry : m.grid.entries(m.grid.geometry().cell_of(p.lat_deg, p.lon_deg))) {
    if (m.zones[entry >> 1].kind == kind && m.contains(entry, p, point)) return true;
  }
  return false;
}

std::optional<PortDistance> ZoneSet::nearest_port(LatLon p, double max_km) const {
  const Impl& m = *impl_;
  const auto& g = m.port_grid.geometry();
  const double max_m = max_km * 1000.0;
  const Envelope e = circle_envelope(Circle{p, max_m});
  const int c0 = static_cast<int>(std::floor((e.min_lon + 180.0) / g.cell_deg()));
  const int c1 = static_cast<int>(std::floor((e.max_lon + 180.0) / g.cell_deg()));
  const int ncols = std::min(c1 - c0 + 1, g.cols());
  std::optional<PortDistance> best;
  for (int r = g.row(e.min_lat); r <= g.row(e.max_lat); ++r) {
    for (int c = c0; c < c0 + ncols; ++c) {
      for (const std::uint32_t index : m.port_grid.entries(g.cell(r, c))) {
        const Zone& z = m.zones[index];
        const LatLon port{*z.port_lat_deg, *z.port_lon_deg};
        // Cheap filter first; the geodesic decides.
        if (approx_distance_m(p, port) > max_m * 1.01 + 1.0) continue;
        const double d = distance_m(p, port);
        if (d <= max_m && (!best || d < best->distance_m)) best = PortDistance{&z, d};
      }
    }
  }
  return best;
}

}  // namespace aiswatch::geo
