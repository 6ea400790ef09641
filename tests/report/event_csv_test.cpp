// Events as CSV: RFC 4180 structure read back by an independent parser, formula injection neutralised,
// numbers (negative longitudes) left as numbers.
#include <catch2/catch.hpp>

#include "aiswatch/report/event_csv.hpp"
#include "aiswatch/report/text_escape.hpp"
#include "fixtures.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {
struct Cell {
  std::string text;
  bool quoted = false;
};
using Row = std::vector<Cell>;

// A strict RFC 4180 reader (CRLF records, quoted fields with "" escapes), written for the test.
std::vector<Row> parse_csv(std::string_view s) {
  std::vector<Row> rows;
  Row row;
  Cell cell;
  std::size_t i = 0;
  bool at_cell_start = true;
  while (i < s.size()) {
    const char c = s[i];
    if (at_cell_start && c == '"') {
      cell.quoted = true;
      ++i;
      while (true) {
        REQUIRE(i < s.size());
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            cell.text += '"';
            i += 2;
          } else {
            ++i;
            break;
          }
        } else {
          cell.text += s[i++];
        }
      }
      at_cell_start = false;
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(cell));
      cell = {};
      at_cell_start = true;
      ++i;
    } else if (c == '\r') {
      REQUIRE(i + 1 < s.size());
      REQUIRE(s[i + 1] == '\n');
      row.push_back(std::move(cell));
      cell = {};
      rows.push_back(std::move(row));
      row = {};
      at_cell_start = true;
      i += 2;
    } else {
      REQUIRE_FALSE(cell.quoted);  // nothing may follow a closing quote but a separator
      REQUIRE(c != '"');           // a bare quote inside an unquoted cell is malformed
      REQUIRE(c != '\n');
      cell.text += c;
      at_cell_start = false;
      ++i;
    }
  }
  REQUIRE(at_cell_start);
  REQUIRE(row.empty());  // the file ends with CRLF
  return rows;
}

std::size_t column(const Row& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i].text == name) return i;
  FAIL("no column " << name);
  return 0;
}
}  // namespace

TEST_CASE("events CSV: structure and values", "[report][csv]") {
  std::string out;
  write_events_csv_header(out);
  auto e = test::make_event(detectors::EventType::encounter, 273382620, "2018-11-01T03:00:00Z", "2018-11-01T04:30:00Z");
  e.other_mmsi = 445123000;
  e.lat = -33.25;
  e.lon = -70.5;
  write_event_csv(e, out);
  REQUIRE(out.starts_with(kCsvBom));
  const auto rows = parse_csv(std::string_view(out).substr(kCsvBom.size()));
  REQUIRE(rows.size() == 2);
  const Row& header = rows[0];
  const Row& row = rows[1];
  REQUIRE(row.size() == header.size());
  CHECK(header.size() == 21);

  SECTION("numbers are bare, so a spreadsheet reads them as numbers") {
    CHECK(row[column(header, "lon")].text == "-70.5");
    CHECK_FALSE(row[column(header, "lon")].quoted);
    CHECK(row[column(header, "lat")].text == "-33.25");
    CHECK(row[column(header, "mmsi")].text == "273382620");
    CHECK_FALSE(row[column(header, "mmsi")].quoted);
    CHECK(row[column(header, "other_mmsi")].text == "445123000");
    CHECK(row[column(header, "imo")].text == "9179842");
    CHECK(row[column(header, "duration_hours")].text == "1.500");
  }
  SECTION("text is quoted and readable") {
    CHECK(row[column(header, "name")].text == "SASCO ANGARA");
    CHECK(row[column(header, "name")].quoted);
    CHECK(row[column(header, "type")].text == "encounter");
    CHECK(row[column(header, "start")].text == "2018-11-01T03:00:00Z");
    CHECK(row[column(header, "evidence")].text ==
          "gap_hours=14.5; messages=42; draught_changed=true; partner_name=SASCO ANGARA");
    CHECK(row[column(header, "watchlist")].text ==
          "OFAC SDN DPRK3 entry 27426 \"SASCO ANGARA\" (on imo, confidence 0.99)");
    CHECK(row[column(header, "raw")].text ==
          "2018-11-01T03:00:00Z !AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\nSASCO ANGARA");
  }
  SECTION("absent numbers are empty cells") {
    auto bare = e;
    bare.other_mmsi.reset();
    bare.imo.reset();
    bare.lat.reset();
    std::string more;
    write_event_csv(bare, more);
    const auto r = parse_csv(more);
    REQUIRE(r.size() == 1);
    CHECK(r[0][column(header, "other_mmsi")].text.empty());
    CHECK(r[0][column(header, "imo")].text.empty());
    CHECK(r[0][column(header, "lat")].text.empty());
  }
}

TEST_CASE("events CSV: hostile text is neutralised in every text cell", "[report][csv][hostile]") {
  std::string out;
  write_events_csv_header(out);
  for (const auto& hostile : test::kHostile) {
    auto e = test::make_event(detectors::EventType::zone_entry, 445000002, "2019-01-01T00:00:00Z",
                              "2019-01-01T00:00:00Z", hostile);
    e.callsign = hostile;
    e.zone = hostile;
    e.zone_country = hostile;
    e.reasons = {hostile};
    e.evidence = {{"partner", hostile}};
    e.raw = {{hostile, std::nullopt}};
    e.lon = -70.5;
    write_event_csv(e, out);
  }
  const auto rows = parse_csv(std::string_view(out).substr(kCsvBom.size()));
  REQUIRE(rows.size() == test::kHostile.size() + 1);
  const Row& header = rows[0];
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    REQUIRE(row.size() == header.size());
    CAPTURE(test::kHostile[r - 1]);
    for (std::size_t c = 0; c < row.size(); ++c) {
      CAPTURE(header[c].text, row[c].text);
      if (row[c].quoted) {
        // A quoted (text) cell never starts like a formula unless it is neutralised by an apostrophe.
        CHECK((!starts_like_formula(row[c].text) || row[c].text.front() == '\''));
        CHECK(row[c].text.find('\0') == std::string::npos);
      } else {
        // Bare cells are our own numbers and keywords only.
        CHECK(row[c].text.find_first_not_of("0123456789.-abcdefghijklmnopqrstuvwxyz_") == std::string::npos);
      }
    }
    CHECK(row[column(header, "lon")].text == "-70.5");
  }
  CHECK(rows[3][column(header, "name")].text == "'=HYPERLINK(\"http://x\")");
  CHECK(rows[9][column(header, "zone")].text == "'-2+3+cmd|' /C calc'!A0");
}
