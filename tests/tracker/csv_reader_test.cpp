// CSV exports: the real DMA and NOAA samples, header detection, quoting and bad rows.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "aiswatch/ais/csv_reader.hpp"
#include "aiswatch/ais/csv_reader_file.hpp"
#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/mmsi.hpp"

using namespace aiswatch::ais;
using Catch::Matchers::WithinAbs;

namespace {

const std::string kSamples = std::string(AISWATCH_SOURCE_DIR) + "/samples/data/";
const std::string kNoaa = kSamples + "noaa_marinecadastre_AIS_2022_01_03_first99999.csv.gz";
const std::string kDma = kSamples + "dma_aisdk_20180208_sample10.csv";
constexpr std::string_view kNoaaHeader =
    "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,"
    "Draft,Cargo,TransceiverClass";

// A scratch file removed at scope exit.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name, const std::string& text)
      : path(std::string(AISWATCH_BINARY_DIR) + "/" + name) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

}  // namespace

TEST_CASE("DMA aisdk sample: 10 rows with their values", "[csv][dma]") {
  CsvFileReader csv(kDma);
  CHECK(csv.format() == CsvFormat::dma_aisdk);
  std::vector<PositionReport> rows;
  std::vector<std::string> raws;
  while (const CsvRow* row = csv.next()) {
    REQUIRE(row->position);
    CHECK_FALSE(row->identity);  // this sample carries no identity columns with values
    rows.push_back(*row->position);
    raws.emplace_back(row->position->raw[0].text);
  }
  REQUIRE(rows.size() == 10);
  CHECK(csv.stats().rejected == 0);

  // 60,08/02/2018 00:00:00,Class A,265177000,57.602225,11.644943,Under way using engine,0.0,15.7,61.4,63.0,...
  const PositionReport& first = rows[0];
  CHECK(first.mmsi == 265177000);
  CHECK(first.time == *aiswatch::parse_iso8601("2018-02-08T00:00:00Z"));
  CHECK_THAT(first.lat_deg, WithinAbs(57.602225, 1e-9));
  CHECK_THAT(first.lon_deg, WithinAbs(11.644943, 1e-9));
  CHECK(first.nav_status == std::optional<std::uint8_t>(0));
  CHECK(first.rot_deg_per_min == std::optional<float>(0.0f));
  CHECK_THAT(*first.sog_kn, WithinAbs(15.7, 1e-5));
  CHECK_THAT(*first.cog_deg, WithinAbs(61.4, 1e-4));
  CHECK(first.heading_deg == std::optional<std::uint16_t>(63));
  CHECK_FALSE(first.class_b);
  CHECK(first.input == InputKind::dma_csv);
  CHECK(raws[0].starts_with("60,08/02/2018 00:00:00,Class A,265177000"));

  CHECK(rows[1].nav_status == std::optional<std::uint8_t>(1));           // At anchor
  CHECK(rows[1].rot_deg_per_min == std::optional<float>(-5.4f));
  CHECK(rows[3].nav_status == std::optional<std::uint8_t>(9));           // Reserved ... [HSC]
  CHECK_FALSE(rows[4].nav_status);                                        // Unknown value
  CHECK(rows[4].time == *aiswatch::parse_iso8601("2018-02-08T00:00:01Z"));
  CHECK(rows[6].nav_status == std::optional<std::uint8_t>(7));           // Engaged in fishing
  CHECK(rows[9].mmsi == 265547220);
  CHECK(rows[9].time == *aiswatch::parse_iso8601("2018-02-08T00:00:02Z"));
  CHECK_THAT(rows[9].lon_deg, WithinAbs(11.939327, 1e-9));
}

TEST_CASE("NOAA MarineCadastre sample: every row parses", "[csv][noaa][slow]") {
  CsvFileReader csv(kNoaa);
  CHECK(csv.format() == CsvFormat::noaa_marinecadastre);
  std::uint64_t with_imo = 0, class_b = 0, no_heading = 0, with_quote_in_name = 0;
  bool saw_eagle = false;
  while (const CsvRow* row = csv.next()) {
    REQUIRE(row->position);
    const PositionReport& p = *row->position;
    REQUIRE(p.lat_deg >= -90);
    REQUIRE(p.lat_deg <= 90);
    if (p.sog_kn) REQUIRE(*p.sog_kn < 102.3f);
    if (p.cog_deg) REQUIRE(*p.cog_deg < 360.0f);
    if (p.heading_deg) REQUIRE(*p.heading_deg < 360);
    if (!p.heading_deg) ++no_heading;
    if (p.class_b) ++class_b;
    if (row->identity && row->identity->imo) ++with_imo;
    if (row->identity && row->identity->name && row->identity->name->find('"') != std::string_view::npos)
      ++with_quote_in_name;
    // 367379190,2022-01-03T00:00:00,30.37060,-88.56408,0,336.2,511,EAGLE,IMO8207721,WTD4583,31,0,28,11,3.3,52,A
    if (p.mmsi == 367379190 && !saw_eagle) {
      saw_eagle = true;
      REQUIRE(row->identity);
      const StaticReport& s = *row->identity;
      CHECK(s.imo == std::optional<std::uint32_t>(8207721));
      CHECK(s.name == std::optional<std::string_view>("EAGLE"));
      CHECK(s.callsign == std::optional<std::string_view>("WTD4583"));
      CHECK(s.ship_type == std::optional<std::uint8_t>(31));
      CHECK(s.length_m == std::optional<std::uint16_t>(28));
      CHECK(s.beam_m == std::optional<std::uint16_t>(11));
      CHECK(s.draught_m == std::optional<float>(3.3f));
      CHECK(p.nav_status == std::optional<std::uint8_t>(0));
      CHECK_FALSE(p.heading_deg);   // 511
      CHECK(p.sog_kn == std::optional<float>(0.0f));
      CHECK(s.payload_hash != p.payload_hash);
    }
  }
  CHECK(saw_eagle);
  const CsvReadStats& st = csv.stats();
  CHECK(st.rows == 99'999);
  CHECK(st.positions == 99'999);
  CHECK(st.rejected == 0);
  // Counted independently with Python's csv module over the same file (see docs/tracker.md):
  // 40,544 rows carry an IMO other than IMO0000000, 23,805 are class B, 52,249 have heading 511 and 6
  // the invalid 360. Five rows of MMSI 1072211352 (ten digits, but within the 30-bit field) are kept.
  CHECK(with_imo == 40'544);
  CHECK(class_b == 23'805);
  CHECK(no_heading == 52'249 + 6);
  CHECK(with_quote_in_name > 0);   // RAY "CHIEF" TONEY, unquoted with literal quotes
}

TEST_CASE("CSV header detection", "[csv]") {
  SECTION("valid: either layout, any order, BOM, quotes, pandas index") {
    CHECK(detect_csv_format(kNoaaHeader) == CsvFormat::noaa_marinecadastre);
    CHECK(detect_csv_format("\xEF\xBB\xBF" "LAT,LON,MMSI,BaseDateTime") == CsvFormat::noaa_marinecadastre);
    CHECK(detect_csv_format("\"MMSI\",\"BaseDateTime\",\"LAT\",\"LON\"") == CsvFormat::noaa_marinecadastre);
    CHECK(detect_csv_format(",# Timestamp,Type of mobile,MMSI,Latitude,Longitude") == CsvFormat::dma_aisdk);
    CHECK(detect_csv_format("# Timestamp,Type of mobile,MMSI,Latitude,Longitude,A,B,C,D") == CsvFormat::dma_aisdk);
  }
  SECTION("bad input") {
    CHECK_FALSE(detect_csv_format(""));
    CHECK_FALSE(detect_csv_format("!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*5C"));
    CHECK_FALSE(detect_csv_format("MMSI,LAT,LON"));   // no time column
  }
}

TEST_CASE("CSV rows: columns in another order, quoting, sentinels, DMA identity", "[csv]") {
  SECTION("NOAA columns reordered, quoted name with a comma, sentinels") {
    auto parser = CsvRowParser::from_header("LON,LAT,BaseDateTime,MMSI,VesselName,IMO,SOG,COG,Heading");
    REQUIRE(parser);
    auto row = parser->parse("-70.5,41.25,2022-01-03T10:00:00,338148873,\"SMITH, JOHN \"\"JR\"\"\",IMO0000000,102.3,360,511");
    REQUIRE(row);
    REQUIRE(row->position);
    CHECK(row->position->mmsi == 338148873);
    CHECK(row->position->lat_deg == 41.25);
    CHECK(row->position->lon_deg == -70.5);
    CHECK_FALSE(row->position->sog_kn);
    CHECK_FALSE(row->position->cog_deg);
    CHECK_FALSE(row->position->heading_deg);
    REQUIRE(row->identity);
    CHECK(row->identity->name == std::optional<std::string_view>("SMITH, JOHN \"JR\""));
    CHECK_FALSE(row->identity->imo);
  }
  SECTION("lat 91 / lon 181: no position, identity kept") {
    auto parser = CsvRowParser::from_header(kNoaaHeader);
    auto row = parser->parse("273382620,2022-01-03T00:00:00,91,181,0,0,511,OCEAN,IMO9179842,UBAB2,70,0,100,20,5.5,,A");
    REQUIRE(row);
    CHECK_FALSE(row->position);
    REQUIRE(row->identity);
    CHECK(row->identity->imo == std::optional<std::uint32_t>(9179842));
  }
  SECTION("DMA identity columns with A-D") {
    auto parser = CsvRowParser::from_header(
        "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,"
        "Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,"
        "ETA,Data source type,A,B,C,D");
    REQUIRE(parser);
    auto row = parser->parse(
        "08/02/2018 13:45:10,Class B,219000001,55.5,10.5,Moored,,0.0,,,9179842,OXAB1,NORD STAR,Tanker,"
        "No additional information,12,80,GPS,6.4,AARHUS,09/02/2018 06:00:00,AIS,60,20,6,6");
    REQUIRE(row);
    REQUIRE(row->position);
    CHECK(row->position->class_b);
    CHECK(row->position->nav_status == std::optional<std::uint8_t>(5));
    CHECK(row->position->time == *aiswatch::parse_iso8601("2018-02-08T13:45:10Z"));
    REQUIRE(row->identity);
    const StaticReport& s = *row->identity;
    CHECK(s.imo == std::optional<std::uint32_t>(9179842));
    CHECK(s.callsign == std::optional<std::string_view>("OXAB1"));
    CHECK(s.name == std::optional<std::string_view>("NORD STAR"));
    CHECK(s.ship_type == std::optional<std::uint8_t>(80));
    CHECK(s.destination == std::optional<std::string_view>("AARHUS"));
    CHECK(s.to_bow_m == std::optional<std::uint16_t>(60));
    CHECK(s.to_starboard_m == std::optional<std::uint8_t>(6));
    REQUIRE(s.eta);
    CHECK((s.eta->month == 2 && s.eta->day == 9 && s.eta->hour == 6 && s.eta->minute == 0));
  }
  SECTION("bad rows give their reason") {
    auto parser = CsvRowParser::from_header(kNoaaHeader);
    auto reason = [&](std::string_view line) {
      auto row = parser->parse(line);
      REQUIRE_FALSE(row);
      return row.error();
    };
    CHECK(reason("1,2,3") == CsvRowError::wrong_field_count);
    CHECK(reason("x,2022-01-03T00:00:00,30,-88,0,0,511,A,,,,,,,,,A") == CsvRowError::bad_mmsi);
    CHECK(reason("1073741824,2022-01-03T00:00:00,30,-88,0,0,511,A,,,,,,,,,A") == CsvRowError::bad_mmsi);
    CHECK(reason("367379190,03/01/2022,30,-88,0,0,511,A,,,,,,,,,A") == CsvRowError::bad_time);
    CHECK(reason("367379190,2022-01-03T00:00:00,95,-88,0,0,511,A,,,,,,,,,A") == CsvRowError::bad_position);
    CHECK(reason("367379190,2022-01-03T00:00:00,3O.1,-88,0,0,511,A,,,,,,,,,A") == CsvRowError::bad_position);
    CHECK(reason("367379190,2022-01-03T00:00:00,30,-88,fast,0,511,A,,,,,,,,,A") == CsvRowError::bad_number);
    CHECK(reason("367379190,2022-01-03T00:00:00,30,-88,0,0,511,\"A,,,,,,,,,A") == CsvRowError::unterminated_quote);
    CHECK(reason(std::string(5000, '1')) == CsvRowError::line_too_long);
  }
}

TEST_CASE("CSV file: bad rows are reported with their line and skipped, the rest kept", "[csv]") {
  SECTION("mixed file") {
    const TempFile file("tracker_csv_mixed.csv",
                        std::string(kNoaaHeader) + "\r\n" +
                            "367379190,2022-01-03T00:00:00,30.37060,-88.56408,0,336.2,511,EAGLE,IMO8207721,WTD4583,31,0,28,11,3.3,52,A\r\n"
                            "367379190,2022-01-03T00:00:10,999,-88.56408,0,336.2,511,EAGLE,,,,,,,,,A\r\n"
                            "\r\n"
                            "garbage\r\n"
                            "367379190,2022-01-03T00:01:00,30.37061,-88.56408,0,336.2,511,EAGLE,IMO8207721,WTD4583,31,0,28,11,3.3,52,A\r\n");
    CsvFileReader csv(file.path);
    int good = 0;
    while (csv.next()) ++good;
    CHECK(good == 2);
    const CsvReadStats& st = csv.stats();
    CHECK(st.rows == 4);
    CHECK(st.rejected == 2);
    REQUIRE(st.issues.size() == 2);
    CHECK(format_issue(csv.path(), st.issues[0]) == file.path + ":3: bad_position");
    CHECK(format_issue(csv.path(), st.issues[1]) == file.path + ":5: wrong_field_count");
    CHECK(st.rejected_by_reason[static_cast<std::size_t>(CsvRowError::bad_position)] == 1);
  }
  SECTION("not a CSV export: InputError naming the file") {
    const TempFile file("tracker_csv_not.csv", "hello,world\n1,2\n");
    CHECK_THROWS_WITH(CsvFileReader(file.path), Catch::Contains("tracker_csv_not.csv:1"));
    CHECK_THROWS_AS(CsvFileReader(file.path + ".missing"), InputError);
  }
}

TEST_CASE("CSV rows: mutated real rows never crash and always give a row or a reason", "[csv][hostile]") {
  auto parser = CsvRowParser::from_header(kNoaaHeader);
  REQUIRE(parser);
  const std::string seed =
      "367379190,2022-01-03T00:00:00,30.37060,-88.56408,0,336.2,511,EAGLE,IMO8207721,WTD4583,31,0,28,11,3.3,52,A";
  static constexpr char kAlphabet[] = "0123456789,.-+\"eE \tIMOnan\0\xff\r";
  const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);  // NUL included
  std::mt19937 rng(5);
  int good = 0, bad = 0;
  for (int i = 0; i < 20'000; ++i) {
    std::string line = seed;
    const int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % (line.size() + 1);
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: line.insert(line.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        case 1: if (at < line.size()) line.erase(at, 1); break;
        default: if (at < line.size()) line[at] = c; break;
      }
    }
    auto row = parser->parse(line);
    if (!row) {
      ++bad;
      continue;
    }
    ++good;
    if (row->position) {
      REQUIRE(row->position->lat_deg >= -90);
      REQUIRE(row->position->lat_deg <= 90);
      REQUIRE(row->position->lon_deg >= -180);
      REQUIRE(row->position->lon_deg <= 180);
      REQUIRE(row->position->mmsi <= kMaxAisMmsi);
    }
  }
  CHECK(good > 0);
  CHECK(bad > 0);
}
