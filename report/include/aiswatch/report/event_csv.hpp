// event_csv.hpp — events as CSV for spreadsheets (events.csv of the report).
//
//   std::string out;
//   write_events_csv_header(out);
//   for (const Event& e : events) write_event_csv(e, out);
//
// Spreadsheet-safe: RFC 4180 (CRLF rows, text cells quoted with "" for a quote), every text cell through
// append_csv_text (text_escape.hpp: a cell that could start a formula gets a leading apostrophe), and
// numeric columns (mmsi, other_mmsi, imo, lat, lon, duration_hours) written bare, so -70.5 stays a
// number. The file starts with a UTF-8 byte order mark (kCsvBom) so Excel reads non-ASCII names right.
// Columns: id, type, severity, flagged, mmsi, other_mmsi, imo, name, callsign, flag, start, end,
// duration_hours, lat, lon, zone, zone_country, reasons (" | "-joined), watchlist, evidence
// ("key=value; …"), raw (one sentence per line, with its receive time).
#pragma once

#include <string>
#include <string_view>

#include "aiswatch/detectors/event.hpp"

namespace aiswatch::report {

inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

// Appends the BOM and the header row.
void write_events_csv_header(std::string& out);
// Appends one row (CRLF-terminated).
void write_event_csv(const detectors::Event& e, std::string& out);

}  // namespace aiswatch::report
