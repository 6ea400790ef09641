// csv_reader.hpp — rows of the CSV exports turned into the same observations NMEA gives the tracker.
//
// Two layouts, detected from the header line (any column order, a UTF-8 BOM and unnamed columns such
// as a pandas index tolerated):
//   NOAA MarineCadastre daily files: MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,
//     VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass  (IMO as "IMO9179842", empty = missing)
//   Danish Maritime Authority aisdk: # Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational
//     status,ROT,SOG,COG,Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,Type of position
//     fixing device,Draught,Destination,ETA,Data source type[,A,B,C,D]  (dd/mm/yyyy times, text values)
// Sentinels become std::nullopt (lat 91, lon 181, SOG 102.3, COG 360, heading 511, IMO 0, "Unknown",
// "Undefined"); DMA's text ship types map to the base code of their ITU category (Cargo -> 70).
// Each row gives a PositionReport (when it has a position) and a StaticReport (when it has any identity
// field), both with raw = the row text and a payload hash of the row so repeated rows count once.
// A bad row is an expected input error: parse() returns the reason and the caller counts it.
//
//   auto parser = CsvRowParser::from_header(first_line);          // nullopt: not a known export
//   auto row = parser->parse(line);                               // Result<CsvRow, CsvRowError>
//   if (row && row->position) tracker.on_position(*row->position);
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/result.hpp"

namespace aiswatch::ais {

enum class CsvFormat : std::uint8_t { noaa_marinecadastre, dma_aisdk };
const char* to_string(CsvFormat format) noexcept;

enum class CsvRowError : std::uint8_t {
  wrong_field_count,    // not as many fields as the header (often an unquoted comma in a name)
  unterminated_quote,
  line_too_long,
  bad_mmsi,             // missing, or not a number that fits the 30-bit AIS field
  bad_time,
  bad_position,         // not a number, or out of range and not the "not available" sentinel
  bad_number,           // another numeric column holds something that is not a number
  count_
};
const char* to_string(CsvRowError error) noexcept;

// The observations of one row. Views and raw spans point into the parser and the line: valid until the
// next parse() call on the same parser.
struct CsvRow {
  std::optional<PositionReport> position;
  std::optional<StaticReport> identity;
};

// Header-only detection, for sniffing an input's format.
std::optional<CsvFormat> detect_csv_format(std::string_view header_line);

class CsvRowParser {
 public:
  static constexpr std::size_t kMaxRowBytes = 4096;

  static std::optional<CsvRowParser> from_header(std::string_view header_line);

  [[nodiscard]] CsvFormat format() const noexcept { return format_; }
  Result<CsvRow, CsvRowError> parse(std::string_view line);

  // Columns the parser reads, by meaning. Public for the table in csv_reader.cpp.
  enum class Column : std::uint8_t {
    mmsi, time, lat, lon, sog, cog, heading, rot, nav_status, name, imo, callsign, ship_type, length,
    width, draught, destination, eta, transceiver, to_bow, to_stern, to_port, to_starboard, count_
  };

 private:
  CsvRowParser() = default;
  bool split(std::string_view line);  // fills fields_; false on an unterminated quote
  [[nodiscard]] std::string_view field(Column c) const noexcept {
    const int at = column_at_[static_cast<std::size_t>(c)];
    return at >= 0 ? fields_[static_cast<std::size_t>(at)] : std::string_view{};
  }

  CsvFormat format_ = CsvFormat::noaa_marinecadastre;
  std::array<int, static_cast<std::size_t>(Column::count_)> column_at_{};   // header position of each column, -1 when absent
  std::size_t header_fields_ = 0;
  std::size_t hash_skip_fields_ = 0;        // leading unnamed columns (a pandas index) left out of the hash
  std::vector<std::string_view> fields_;
  std::string unquoted_;                    // storage for fields that needed unquoting
  RawRef raw_;
};

}  // namespace aiswatch::ais
