// svg_map.cpp — see svg_map.hpp.
#include "aiswatch/report/svg_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <numbers>

#include "aiswatch/geo/geodesy.hpp"
#include "aiswatch/report/text_escape.hpp"
#include "anchors.hpp"

namespace aiswatch::report {

namespace {

constexpr double kMaxLatDeg = 85.0;  // Web Mercator's usual limit

double radians(double deg) { return deg * std::numbers::pi / 180.0; }
double mercator_y(double lat_deg) {
  const double lat = std::clamp(lat_deg, -kMaxLatDeg, kMaxLatDeg);
  return std::log(std::tan(std::numbers::pi / 4 + radians(lat) / 2));
}
double inverse_mercator_deg(double y) { return (2 * std::atan(std::exp(y)) - std::numbers::pi / 2) * 180.0 / std::numbers::pi; }

// Longitude in the box's frame (a box across the antimeridian has east_deg > 180).
double unwrap(double lon, const MapBox& box) { return lon < box.west_deg - 1e-9 ? lon + 360.0 : lon; }

struct Projection {
  MapBox box;
  double scale;  // pixels per radian of longitude
  double top_y;  // mercator y of the north edge
  double width, height;

  Projection(const MapBox& b, double width_px)
      : box(b), scale(width_px / radians(b.width_deg())), top_y(mercator_y(b.north_deg)), width(width_px),
        height((mercator_y(b.north_deg) - mercator_y(b.south_deg)) * scale) {}

  double x(double lon) const { return radians(unwrap(lon, box) - box.west_deg) * scale; }
  double y(double lat) const { return (top_y - mercator_y(lat)) * scale; }
};

void append_xy(std::string& out, double x, double y) { fmt::format_to(std::back_inserter(out), "{:.1f},{:.1f}", x, y); }

std::string degrees_label(double value, bool latitude) {
  if (!latitude) {
    while (value > 180.0) value -= 360.0;
    while (value < -180.0) value += 360.0;
  }
  const char hemisphere = latitude ? (value >= 0 ? 'N' : 'S') : (value >= 0 ? 'E' : 'W');
  std::string number = fmt::format("{:.4f}", std::fabs(value));
  while (number.back() == '0') number.pop_back();
  if (number.back() == '.') number.pop_back();
  return fmt::format("{}\u00B0{}", number, hemisphere);
}

// A round graticule step giving about 3–8 lines over `span_deg`.
double graticule_step(double span_deg) {
  constexpr std::array<double, 14> kSteps = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 20, 30};
  for (const double s : kSteps)
    if (span_deg / s <= 8) return s;
  return 45;
}

double nice_scale_nm(double px_per_nm) {
  constexpr std::array<double, 13> kLengths = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
  for (const double l : kLengths)
    if (l * px_per_nm >= 60) return l;
  return kLengths.back();
}

void append_title(std::string& out, std::string_view text) {
  out += "<title>";
  append_html_text(out, text);
  out += "</title>";
}

std::string event_tooltip(const detectors::Event& e) {
  std::string t = fmt::format("{} \u00B7 {}{}\n{} \u2192 {}", detectors::to_string(e.type), detectors::to_string(e.severity),
                              e.flagged ? " \u00B7 flagged" : "", format_iso8601(e.start), format_iso8601(e.end));
  if (!e.zone.empty()) fmt::format_to(std::back_inserter(t), "\n{}", e.zone);
  for (const auto& r : e.reasons) fmt::format_to(std::back_inserter(t), "\n\u2022 {}", r);
  return t;
}

void append_land(std::string& out, const Projection& p, const std::vector<Ring>& land) {
  if (land.empty()) return;
  out += "<path class=\"land\" fill-rule=\"evenodd\" d=\"";
  for (const auto& ring : land) {
    char command = 'M';
    for (const auto& v : ring) {
      out += command;
      append_xy(out, p.x(v.lon_deg), p.y(v.lat_deg));
      command = 'L';
    }
    out += 'Z';
  }
  out += "\"/>";
}

void append_graticule(std::string& out, const Projection& p) {
  const MapBox& b = p.box;
  const double step = graticule_step(std::max(b.width_deg(), b.height_deg()));
  out += "<g class=\"graticule\">";
  for (double lon = std::ceil(b.west_deg / step) * step; lon <= b.east_deg; lon += step) {
    const double x = p.x(lon);
    fmt::format_to(std::back_inserter(out), "<line x1=\"{0:.1f}\" y1=\"0\" x2=\"{0:.1f}\" y2=\"{1:.1f}\"/>", x, p.height);
    if (x < p.width - 48)  // a label that would run off the right edge is left out
      fmt::format_to(std::back_inserter(out), "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>", x + 3, p.height - 4,
                     degrees_label(lon, false));
  }
  for (double lat = std::ceil(b.south_deg / step) * step; lat <= b.north_deg; lat += step) {
    const double y = p.y(lat);
    fmt::format_to(std::back_inserter(out), "<line x1=\"0\" y1=\"{0:.1f}\" x2=\"{1:.1f}\" y2=\"{0:.1f}\"/>", y, p.width);
    fmt::format_to(std::back_inserter(out), "<text x=\"4\" y=\"{:.1f}\">{}</text>", y - 3, degrees_label(lat, true));
  }
  out += "</g>";
}

void append_track(std::string& out, const Projection& p, std::span<const TrackPoint> track) {
  if (track.empty()) return;
  out += "<g class=\"track\">";
  std::size_t begin = 0;
  while (begin < track.size()) {
    std::size_t end = begin + 1;
    while (end < track.size() && track[end].segment == track[begin].segment) ++end;
    if (end - begin == 1) {
      fmt::format_to(std::back_inserter(out), "<circle class=\"lone\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2\"/>",
                     p.x(track[begin].lon_deg), p.y(track[begin].lat_deg));
    } else {
      out += "<polyline points=\"";
      for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) out += ' ';
        append_xy(out, p.x(track[i].lon_deg), p.y(track[i].lat_deg));
      }
      out += "\"/>";
    }
    begin = end;
  }
  out += "</g>";

  // A dashed line across each gap between segments: where the vessel went dark and where it reappeared.
  out += "<g class=\"gaps\">";
  for (std::size_t i = 1; i < track.size(); ++i) {
    const TrackPoint& a = track[i - 1];
    const TrackPoint& b = track[i];
    if (a.segment == b.segment) continue;
    const double hours = static_cast<double>(b.time - a.time) / 3'600'000.0;
    const double nm = geo::distance_m({a.lat_deg, a.lon_deg}, {b.lat_deg, b.lon_deg}) / 1852.0;
    fmt::format_to(std::back_inserter(out), "<line class=\"gap\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\">",
                   p.x(a.lon_deg), p.y(a.lat_deg), p.x(b.lon_deg), p.y(b.lat_deg));
    append_title(out, fmt::format("Gap in the track: {:.1f} h, {:.1f} nm\n{} \u2192 {}", hours, nm, format_iso8601(a.time),
                                  format_iso8601(b.time)));
    out += "</line>";
  }
  out += "</g>";

  const TrackPoint& first = track.front();
  const TrackPoint& last = track.back();
  fmt::format_to(std::back_inserter(out), "<circle class=\"start\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\">", p.x(first.lon_deg),
                 p.y(first.lat_deg));
  append_title(out, "First position " + format_iso8601(first.time));
  out += "</circle>";
  fmt::format_to(std::back_inserter(out), "<rect class=\"end\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"8\" height=\"8\">",
                 p.x(last.lon_deg) - 4, p.y(last.lat_deg) - 4);
  append_title(out, "Last position " + format_iso8601(last.time));
  out += "</rect>";
}

void append_events(std::string& out, const Projection& p, std::span<const detectors::Event* const> events) {
  out += "<g class=\"events\">";
  for (const bool flagged_pass : {false, true}) {  // flagged markers drawn last, on top
    for (const detectors::Event* e : events) {
      if (e->flagged != flagged_pass || !e->lat || !e->lon || !std::isfinite(*e->lat) || !std::isfinite(*e->lon)) continue;
      fmt::format_to(std::back_inserter(out),
                     "<a href=\"#{}\"><circle class=\"ev sev-{}{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\">",
                     detail::event_anchor(e->id), detectors::to_string(e->severity), e->flagged ? " flagged" : "",
                     p.x(*e->lon), p.y(*e->lat), e->flagged ? 6 : 4);
      append_title(out, event_tooltip(*e));
      out += "</circle></a>";
    }
  }
  out += "</g>";
}

void append_scale_bar(std::string& out, const Projection& p) {
  const double lat_mid = inverse_mercator_deg(p.top_y - p.height / 2 / p.scale);
  const double deg_per_nm = 1852.0 / geo::metres_per_degree(lat_mid).lon_m;
  const double px_per_nm = radians(deg_per_nm) * p.scale;
  const double nm = nice_scale_nm(px_per_nm);
  const double len = nm * px_per_nm;
  const double x0 = 12, y0 = p.height - 26;
  fmt::format_to(std::back_inserter(out),
                 "<g class=\"scale\"><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"20\"/>"
                 "<path d=\"M{:.1f},{:.1f}v5h{:.1f}v-5\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{} nm</text></g>",
                 x0 - 4, y0 - 4, len + 70, x0, y0 + 6, len, x0 + len + 6, y0 + 11, nm);
}

// One line per segment of a track, each linked to the vessel's dossier, with the vessel as tooltip.
void append_overview_track(std::string& out, const Projection& p, const OverviewTrack& t) {
  fmt::format_to(std::back_inserter(out), "<a href=\"#{}\"><g class=\"ovt sev-{}\">", detail::vessel_anchor(t.mmsi),
                 detectors::to_string(t.severity));
  append_title(out, t.label);
  std::size_t begin = 0;
  while (begin < t.track.size()) {
    std::size_t end = begin + 1;
    while (end < t.track.size() && t.track[end].segment == t.track[begin].segment) ++end;
    if (end - begin == 1) {
      fmt::format_to(std::back_inserter(out), "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>", p.x(t.track[begin].lon_deg),
                     p.y(t.track[begin].lat_deg));
    } else {
      out += "<polyline points=\"";
      for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) out += ' ';
        append_xy(out, p.x(t.track[i].lon_deg), p.y(t.track[i].lat_deg));
      }
      out += "\"/>";
    }
    begin = end;
  }
  out += "</g></a>";
}

}  // namespace

void append_overview_svg(std::string& out, const MapBox& box, const std::vector<Ring>& land,
                         std::span<const OverviewTrack> tracks, std::span<const detectors::Event* const> events,
                         std::string_view label, const SvgMapOptions& options) {
  const Projection p(box, options.width_px);
  fmt::format_to(std::back_inserter(out), "<svg class=\"map overview\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"",
                 p.width, std::ceil(p.height));
  append_html_text(out, label);
  out += "\">";
  append_title(out, label);
  fmt::format_to(std::back_inserter(out), "<rect class=\"sea\" width=\"{:.0f}\" height=\"{:.0f}\"/>", p.width, std::ceil(p.height));
  append_land(out, p, land);
  append_graticule(out, p);
  // Least severe first, so the most severe vessels are drawn on top.
  for (auto it = tracks.rbegin(); it != tracks.rend(); ++it) append_overview_track(out, p, *it);
  append_events(out, p, events);
  append_scale_bar(out, p);
  out += "</svg>";
}

std::optional<MapBox> voyage_box(std::span<const TrackPoint> track, std::span<const detectors::Event* const> events,
                                 const SvgMapOptions& options) {
  std::vector<double> lons, lats;
  for (const auto& t : track) {
    lons.push_back(t.lon_deg);
    lats.push_back(t.lat_deg);
  }
  for (const detectors::Event* e : events) {
    if (e->lat && e->lon && std::isfinite(*e->lat) && std::isfinite(*e->lon)) {
      lons.push_back(*e->lon);
      lats.push_back(*e->lat);
    }
  }
  if (lons.empty()) return std::nullopt;

  // Across the antimeridian the longitudes shifted into 0..360 span less: use that frame.
  const auto [min_it, max_it] = std::minmax_element(lons.begin(), lons.end());
  double west = *min_it, east = *max_it;
  double shifted_west = 1e9, shifted_east = -1e9;
  for (const double lon : lons) {
    const double s = lon < 0 ? lon + 360 : lon;
    shifted_west = std::min(shifted_west, s);
    shifted_east = std::max(shifted_east, s);
  }
  if (shifted_east - shifted_west < east - west) west = shifted_west, east = shifted_east;
  const auto [lat_min, lat_max] = std::minmax_element(lats.begin(), lats.end());
  double south = std::max(*lat_min, -kMaxLatDeg), north = std::min(*lat_max, kMaxLatDeg);

  // Pad, and give a stationary vessel some context.
  const double w = std::max(east - west, options.min_span_deg) * (1 + 2 * options.padding_fraction);
  const double h = std::max(north - south, options.min_span_deg) * (1 + 2 * options.padding_fraction);
  const double cx = (west + east) / 2, cy = (south + north) / 2;
  MapBox box{.west_deg = cx - w / 2, .south_deg = std::max(cy - h / 2, -kMaxLatDeg),
             .east_deg = cx + w / 2, .north_deg = std::min(cy + h / 2, kMaxLatDeg)};
  if (box.west_deg < -180 && box.east_deg <= 180) {  // keep a box near the antimeridian in the 0..360 frame
    box.west_deg += 360;
    box.east_deg += 360;
  }

  // Stretch the shorter side (in Mercator) to the map's aspect limits.
  const double xs = radians(box.width_deg());
  const double ys = mercator_y(box.north_deg) - mercator_y(box.south_deg);
  const double height_px = options.width_px * ys / xs;
  if (height_px < options.min_height_px) {
    const double want = xs * options.min_height_px / options.width_px;
    const double mid = (mercator_y(box.north_deg) + mercator_y(box.south_deg)) / 2;
    box.north_deg = std::min(inverse_mercator_deg(mid + want / 2), kMaxLatDeg);
    box.south_deg = std::max(inverse_mercator_deg(mid - want / 2), -kMaxLatDeg);
  } else if (height_px > options.max_height_px) {
    const double want_deg = ys * options.width_px / options.max_height_px * 180.0 / std::numbers::pi;
    const double mid = (box.west_deg + box.east_deg) / 2;
    box.west_deg = mid - want_deg / 2;
    box.east_deg = mid + want_deg / 2;
  }
  return box;
}

double map_tolerance_deg(const MapBox& box, const SvgMapOptions& options) {
  return box.width_deg() / options.width_px * 0.5;
}

void append_voyage_svg(std::string& out, const MapBox& box, const std::vector<Ring>& land,
                       std::span<const TrackPoint> track, std::span<const detectors::Event* const> events,
                       std::string_view label, const SvgMapOptions& options) {
  const Projection p(box, options.width_px);
  fmt::format_to(std::back_inserter(out), "<svg class=\"map\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"",
                 p.width, std::ceil(p.height));
  append_html_text(out, label);
  out += "\">";
  append_title(out, label);
  fmt::format_to(std::back_inserter(out), "<rect class=\"sea\" width=\"{:.0f}\" height=\"{:.0f}\"/>", p.width, std::ceil(p.height));
  append_land(out, p, land);
  append_graticule(out, p);
  append_track(out, p, track);
  append_events(out, p, events);
  append_scale_bar(out, p);
  out += "</svg>";
}

}  // namespace aiswatch::report
