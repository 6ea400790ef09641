// report_writer.hpp — writes a whole report directory from the model (`--report DIR` in replay, and on
// every refresh in live mode):
//   DIR/index.html     self-contained HTML report (html_report.hpp)
//   DIR/events.jsonl   every event, one JSON object per line (event_json.hpp), sorted by start time
//   DIR/events.csv     the same events for spreadsheets (event_csv.hpp)
//   DIR/gis/tracks.EXT and DIR/gis/events.EXT   GIS layers (gis_layers.hpp), GeoPackage by default
//
//   ReportOptions options;
//   options.gis_format = "KML";
//   ReportFiles files = write_report(model, options, "out/report");
//
// Each file is written to a temporary name and renamed into place, so a browser or a script reading the
// directory while live mode refreshes it never sees half a file. Throws ReportError naming the file or
// directory that could not be written, or the land file that could not be read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "aiswatch/report/html_report.hpp"
#include "aiswatch/report/land_outline.hpp"
#include "aiswatch/report/model.hpp"

namespace aiswatch::report {

struct ReportOptions {
  HtmlReportOptions html;
  std::string gis_format = "GPKG";                 // OGR driver name; "" writes no GIS layers
  bool draw_land = true;                           // land on the voyage maps
  std::optional<std::filesystem::path> land_file;  // default: LandOutlines::default_file()
  const LandOutlines* land = nullptr;              // already loaded land (live mode keeps one); else loaded
                                                   // from land_file when there is a map to draw
};

struct ReportFiles {
  std::filesystem::path index_html, events_jsonl, events_csv;
  std::vector<std::filesystem::path> gis;
};

ReportFiles write_report(const ReportModel& model, const ReportOptions& options, const std::filesystem::path& dir);

// Writes `content` to `file` through a temporary file in the same directory and a rename.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

}  // namespace aiswatch::report
