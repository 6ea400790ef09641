// gis_layers.hpp — vessel tracks and events as GIS layers through GDAL/OGR, for QGIS, ArcGIS and Google
// Earth: GeoPackage by default, or any OGR vector driver that can create files, by name
// (`--gis-format GeoJSON|KML|"ESRI Shapefile"|CSV|FlatGeobuf|…`).
//
//   std::vector<std::filesystem::path> files = write_gis_layers(model, "GPKG", "out/report/gis");
//   // -> out/report/gis/tracks.gpkg (layer "tracks"), out/report/gis/events.gpkg (layer "events")
//
// Layers (WGS 84, EPSG:4326, longitude/latitude order):
//   tracks  LineString per track segment (a new segment after each gap; a segment crossing the
//           antimeridian is cut there into two features); mmsi, name, segment, start, end, points, title
//   events  Point per event with a position (others are in events.csv/.jsonl); id, type, mmsi,
//           other_mmsi, name, start, end, flagged, severity, zone, country, reasons, title
// start/end are DateTime where the driver has it, else ISO 8601 text. KML shows `title` as the placemark
// name and `reasons` as its description.
//
// Attacker-controlled text is made safe for each format on top of GDAL's own escaping: invalid UTF-8
// and control characters become U+FFFD for every driver (XML cannot hold them); for KML/LIBKML every
// text value is also HTML-escaped, because Google Earth renders descriptions and data as HTML; for
// spreadsheet drivers (CSV, XLSX, ODS) text that could start a formula gets a leading apostrophe.
// GDAL errors become ReportErrors naming the file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aiswatch/report/model.hpp"

namespace aiswatch::report {

// Writes the two layers into `dir` (created; same-named files replaced) and returns the paths.
// Throws ReportError for an unknown driver (listing the usable ones) or a GDAL failure.
std::vector<std::filesystem::path> write_gis_layers(const ReportModel& model, const std::string& driver,
                                                    const std::filesystem::path& dir);

// The OGR drivers write_gis_layers accepts (vector, can create), e.g. "GPKG", "GeoJSON", "KML".
std::vector<std::string> gis_driver_names();

}  // namespace aiswatch::report
