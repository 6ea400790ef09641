// svg_map.hpp — the inline SVG map of one vessel's voyage in the HTML report: land (bundled Natural
// Earth, clipped by LandOutlines), the track as one polyline per segment, gaps as dashed lines, event
// markers with tooltips (<title>) linking to the timeline entry, start/end marks, a graticule with
// labels, and a scale bar in nautical miles. Web Mercator, north up; no external resource of any kind.
//
//   if (auto box = voyage_box(dossier.track, events)) {
//     std::string svg;
//     append_voyage_svg(svg, *box, land.clip(*box, map_tolerance_deg(*box)), dossier.track, events, "Voyage of …");
//   }
//
// All text that reaches the SVG (tooltips, the label) is HTML-escaped: the SVG is parsed as part of the
// HTML page. Longitudes across the antimeridian are unwrapped so a Bering Sea voyage is not drawn
// across the whole world.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/detectors/event.hpp"
#include "aiswatch/report/land_outline.hpp"
#include "aiswatch/report/model.hpp"

namespace aiswatch::report {

struct SvgMapOptions {
  double width_px = 960;
  double min_height_px = 360;
  double max_height_px = 640;
  double min_span_deg = 0.2;        // a berthed vessel still gets ~12 nm of context
  double padding_fraction = 0.08;   // margin around the voyage, each side
};

// The box to draw (padded, at least min_span_deg, stretched to the map's aspect limits), or nullopt when
// neither the track nor any event has a position.
std::optional<MapBox> voyage_box(std::span<const TrackPoint> track, std::span<const detectors::Event* const> events,
                                 const SvgMapOptions& options = {});

// About half a pixel in degrees: the simplification tolerance for the box's land.
double map_tolerance_deg(const MapBox& box, const SvgMapOptions& options = {});

// The first page's map: every flagged vessel's track (coloured by its top severity, linked to its
// dossier) and its flagged events, on one map.
struct OverviewTrack {
  std::uint32_t mmsi = 0;
  std::string label;  // tooltip: name, MMSI, severity
  detectors::Severity severity = detectors::Severity::info;
  std::span<const TrackPoint> track;
};
void append_overview_svg(std::string& out, const MapBox& box, const std::vector<Ring>& land,
                         std::span<const OverviewTrack> tracks, std::span<const detectors::Event* const> events,
                         std::string_view label, const SvgMapOptions& options = {});

void append_voyage_svg(std::string& out, const MapBox& box, const std::vector<Ring>& land,
                       std::span<const TrackPoint> track, std::span<const detectors::Event* const> events,
                       std::string_view label, const SvgMapOptions& options = {});

}  // namespace aiswatch::report
