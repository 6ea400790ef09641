// UK Sanctions List CSV, UN consolidated XML, OpenSanctions FtM JSON lines and team CSV fixtures
// (hand-written in the published layouts, tests/data/watchlists/PROVENANCE.md), and format detection.
#include <catch2/catch.hpp>

#include "aiswatch/watchlists/load.hpp"
#include "watchlist_files.hpp"

using namespace aiswatch::watchlists;
using wl_test::find_entry;
using wl_test::has_alias;

TEST_CASE("formats are detected from content, not file names", "[watchlists][detect]") {
  CHECK(detect_format(wl_test::read_bytes(wl_test::kOfacSdn)) == ListFormat::ofac_sdn);
  CHECK(detect_format(wl_test::read_bytes(wl_test::kOfacAlt)) == ListFormat::ofac_alt);
  CHECK(detect_format(wl_test::read_bytes(wl_test::kUk)) == ListFormat::uk_sanctions_list);
  CHECK(detect_format(wl_test::read_bytes(wl_test::kUn)) == ListFormat::un_consolidated_xml);
  CHECK(detect_format(wl_test::read_bytes(wl_test::kFtm)) == ListFormat::opensanctions_ftm);
  CHECK(detect_format(wl_test::read_bytes(wl_test::kTeam)) == ListFormat::team_csv);
  // A misleading name does not matter: the OFAC file given as "list.json" is still OFAC.
  const LoadedWatchlist wl = wl_test::load_text(wl_test::read_bytes(wl_test::kOfacSdn), "list.json");
  CHECK(wl.report.files.at(0).format == ListFormat::ofac_sdn);
  CHECK(wl.entries.size() == 851);

  SECTION("no known format") {
    CHECK_FALSE(detect_format("hello,world\n1,2\n"));
    CHECK_FALSE(detect_format("<html><body>not a list</body></html>"));
    CHECK_FALSE(detect_format("{\"type\": \"FeatureCollection\"}\n"));
    CHECK_FALSE(detect_format(""));
  }
  SECTION("a first row damaged does not hide the OFAC format") {
    const auto lines = wl_test::lines_of(wl_test::read_bytes(wl_test::kOfacSdn));
    const std::string text = "4238,\"MAR AZUL\",\"vessel\"\r\n" + lines[1] + "\r\n" + lines[2] + "\r\n";
    CHECK(detect_format(text) == ListFormat::ofac_sdn);
  }
}

TEST_CASE("UK Sanctions List CSV: ships merged by Unique ID", "[watchlists][uk]") {
  const LoadedWatchlist wl = load_watchlist(wl_test::kUk);
  const FileReport& f = wl.report.files.at(0);
  CHECK(f.format == ListFormat::uk_sanctions_list);
  CHECK(f.records == 8);      // data rows after the preamble and header
  CHECK(f.not_vessels == 2);  // a person and a company
  CHECK(f.entries == 4);
  CHECK(wl.report.issue_count == 0);

  const WatchlistEntry* ocean = find_entry(wl.entries, "OCEAN FICTION");
  REQUIRE(ocean);
  CHECK(ocean->list == "UK");
  CHECK(ocean->entry_id == "RUS9901");
  CHECK(ocean->imo == 9300013u);  // "IMO9300013"
  CHECK(ocean->flag == "RU");
  CHECK(ocean->other_flags == std::vector<std::string>{"MT", "TV"});  // "(1) Malta (2) Tuvalu"
  CHECK(ocean->programs == std::vector<std::string>{"The Russia (Sanctions) (EU Exit) Regulations 2019"});
  CHECK(ocean->listed_on == "2023-02-24");
  CHECK(ocean->vessel_type == "Crude Oil Tanker");
  CHECK(has_alias(*ocean, "OKEAN FIKTSIYA", AliasKind::aka));
  CHECK(ocean->source == wl_test::kUk + ":3");

  const WatchlistEntry* lady = find_entry(wl.entries, "LADY R");
  REQUIRE(lady);
  CHECK(lady->imo == 9161003u);  // bare number

  const WatchlistEntry* sea = find_entry(wl.entries, "SEA FICTION 7");
  REQUIRE(sea);
  CHECK(sea->flag == "KP");
  CHECK(sea->other_flags == std::vector<std::string>{"SL", "TG"});  // "Sierra Leone; Togo"
  CHECK(has_alias(*sea, "SEA FICTION NO. 7", AliasKind::aka));      // "Primary name variation"

  const WatchlistEntry* sao = find_entry(wl.entries, "S\xC3\x83O FIC\xC3\x87\xC3\x83O");  // UTF-8 kept
  REQUIRE(sao);
  CHECK(sao->flag == "CM");

  SECTION("a second preamble line or none at all still loads") {
    const std::string text = wl_test::read_bytes(wl_test::kUk);
    const std::string body = text.substr(text.find("\r\n") + 2);
    CHECK(wl_test::load_text("Report Date: 03-May-2024\r\n\r\n" + body, "uk2.csv").entries.size() == 4);
    CHECK(wl_test::load_text(body, "uk0.csv").entries.size() == 4);
  }
}

TEST_CASE("UN consolidated XML: IMO numbers from entity comments", "[watchlists][un]") {
  const LoadedWatchlist wl = load_watchlist(wl_test::kUn);
  const FileReport& f = wl.report.files.at(0);
  CHECK(f.format == ListFormat::un_consolidated_xml);
  CHECK(f.records == 5);      // 1 individual + 4 entities
  CHECK(f.not_vessels == 2);  // the individual (even though its comment quotes an IMO) and the bank
  CHECK(f.entries == 4);      // KPe.901: one IMO, KPe.902: two, KPe.903: one (company number)

  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const WatchlistEntry& e : wl.entries) {
    CHECK(e.list == "UN");
    CHECK(e.programs == std::vector<std::string>{"DPRK"});
    CHECK_FALSE(e.name_is_vessel_name);
    CHECK(e.imo_from_free_text);
    got.emplace_back(e.entry_id, e.imo.value_or(0));
  }
  CHECK(got == std::vector<std::pair<std::string, std::uint32_t>>{
                   {"KPe.901", 9300025}, {"KPe.902", 9300051}, {"KPe.902", 9300063}, {"KPe.903", 5434358}});
  CHECK(wl.entries[0].name == "FICTION OCEAN SHIPPING & TRADING CO");  // &amp; decoded, trailing space gone
  CHECK(wl.entries[0].listed_on == "2018-03-30");
  CHECK(has_alias(wl.entries[0], "FICTION OCEAN SHIPPING AND TRADING COMPANY", AliasKind::aka));
  CHECK(wl.entries[1].name == "FICTION MARITIME MANAGEMENT COMPANY, LIMITED");  // name over two lines
  // The company IMO number fails the ship check digit: kept, reported, never matched.
  CHECK(wl.report.issue_count == 1);
  CHECK(wl.report.count(LoadProblem::imo_check_digit) == 1);
}

namespace {
// The IMO numbers the UN importer takes from one entity's COMMENTS1.
std::vector<std::uint32_t> un_comment_imos(const std::string& comment) {
  const LoadedWatchlist wl = wl_test::load_text(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>X CO</FIRST_NAME>"
      "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER><COMMENTS1>" +
          comment + "</COMMENTS1></ENTITY></ENTITIES></CONSOLIDATED_LIST>",
      "un.xml");
  std::vector<std::uint32_t> out;
  for (const WatchlistEntry& e : wl.entries) out.push_back(e.imo.value_or(0));
  return out;
}
}  // namespace

TEST_CASE("UN comment IMO wordings", "[watchlists][un]") {
  CHECK(un_comment_imos("IMO Number: 5342883. The company") == std::vector<std::uint32_t>{5342883});
  CHECK(un_comment_imos("Maritime Organization (IMO) Number: 1790183.") == std::vector<std::uint32_t>{1790183});
  CHECK(un_comment_imos("Company Number IMO 5434358.") == std::vector<std::uint32_t>{5434358});
  CHECK(un_comment_imos("IMO no. 9300013 and IMO#9300025") == std::vector<std::uint32_t>{9300013, 9300025});
  CHECK(un_comment_imos("IMO 93000130 (eight digits), PRIMO 9300013, IMO 930001").empty());
  CHECK(un_comment_imos("no number here").empty());
}

TEST_CASE("OpenSanctions FtM JSON lines: Vessel entities and their programs", "[watchlists][opensanctions]") {
  const LoadedWatchlist wl = load_watchlist(wl_test::kFtm);
  const FileReport& f = wl.report.files.at(0);
  CHECK(f.format == ListFormat::opensanctions_ftm);
  CHECK(f.records == 7);
  CHECK(f.not_vessels == 2);  // Person, Company (Sanction lines are read for programs)
  CHECK(f.entries == 3);
  CHECK(wl.report.issue_count == 0);

  const WatchlistEntry* ocean = find_entry(wl.entries, "OCEAN FICTION");
  REQUIRE(ocean);
  CHECK(ocean->list == "OpenSanctions");
  CHECK(ocean->entry_id == "os-fixture-vessel-1");
  CHECK(ocean->imo == 9300013u);  // "IMO9300013"
  CHECK(ocean->mmsi == 273999001u);
  CHECK(ocean->callsigns == std::vector<std::string>{"UFIC1"});
  CHECK(ocean->flag == "RU");  // "ru"
  CHECK(ocean->other_flags == std::vector<std::string>{"MT", "TV"});
  CHECK(has_alias(*ocean, "OKEAN FIKTSIYA", AliasKind::aka));
  CHECK(has_alias(*ocean, "NORDIC FICTION", AliasKind::fka));
  CHECK(ocean->programs == std::vector<std::string>{"GB-RUS", "US-RUSHAR"});  // from two Sanction lines
  CHECK(ocean->listed_on == "2023-02-24");
  CHECK(ocean->note == "topics: sanction; datasets: gb_fcdo_sanctions, us_ofac_sdn");

  const WatchlistEntry* star = find_entry(wl.entries, "FICTION STAR");
  REQUIRE(star);
  CHECK(star->imo == 9300051u);
  CHECK(star->programs == std::vector<std::string>{"UN-SCDPRK"});  // nested properties.sanctions
  CHECK(star->flag == "KP");

  const WatchlistEntry* mariya = find_entry(wl.entries, "MARIYA FIKTIVNAYA");
  REQUIRE(mariya);
  CHECK(mariya->programs == std::vector<std::string>{"ua_war_sanctions"});  // datasets stand in
  CHECK(mariya->flag == "RU");  // a country name where a code belongs
  CHECK_FALSE(mariya->imo);
}

TEST_CASE("team CSV: header-named columns, defaults, several programs", "[watchlists][team]") {
  const LoadedWatchlist wl = load_watchlist(wl_test::kTeam);
  const FileReport& f = wl.report.files.at(0);
  CHECK(f.format == ListFormat::team_csv);
  CHECK(f.entries == 4);
  CHECK(wl.report.issue_count == 0);
  const WatchlistEntry* angara = find_entry(wl.entries, "ANGARA");
  REQUIRE(angara);
  CHECK(angara->list == "team");
  CHECK(angara->imo == 9179842u);
  CHECK(angara->programs == std::vector<std::string>{"dark fleet"});
  CHECK(angara->note == "seen at Rajin, 2023");
  CHECK(angara->entry_id == "team_watchlist_sample.csv:2");
  const WatchlistEntry* river = find_entry(wl.entries, "FICTION RIVER");
  REQUIRE(river);
  CHECK(river->list == "team_watchlist_sample");  // empty list column: the file's name
  CHECK(river->mmsi == 273999003u);
  CHECK(river->flag == "RU");
  CHECK(river->programs.empty());
  const WatchlistEntry* moon = find_entry(wl.entries, "M/V FICTION MOON");  // listed name kept as written
  REQUIRE(moon);
  CHECK(moon->programs == std::vector<std::string>{"STS", "coal"});
  CHECK(moon->flag == "KP");

  SECTION("columns in another order, some missing") {
    const LoadedWatchlist other = wl_test::load_text("name,imo\nOCEAN FICTION,9300013\n", "ours.csv");
    REQUIRE(other.entries.size() == 1);
    CHECK(other.entries[0].imo == 9300013u);
    CHECK(other.entries[0].list == "ours");
  }
}

TEST_CASE("several lists load together", "[watchlists]") {
  const std::vector<std::filesystem::path> paths = {wl_test::kOfacSdn, wl_test::kOfacAlt, wl_test::kUk,
                                                    wl_test::kUn,      wl_test::kFtm,     wl_test::kTeam};
  const LoadedWatchlist wl = load_watchlists(paths);
  CHECK(wl.report.files.size() == 6);
  CHECK(wl.entries.size() == 851 + 4 + 4 + 3 + 4);
  CHECK(wl.report.issue_count == 1);  // the UN company number's check digit
}

TEST_CASE("per-file summaries for the CLI", "[watchlists]") {
  const std::vector<std::filesystem::path> paths = {wl_test::kOfacSdn, wl_test::kOfacAlt, wl_test::kUk};
  const LoadedWatchlist wl = load_watchlists(paths);
  CHECK(to_string(wl.report.files[0]) ==
        wl_test::kOfacSdn + ": OFAC SDN CSV, 851 entries from 851 records (0 skipped, 0 not vessels)");
  CHECK(to_string(wl.report.files[1]) == wl_test::kOfacAlt + ": OFAC alt.csv, 150 alias rows, 150 attached (0 skipped)");
  CHECK(to_string(wl.report.files[2]) ==
        wl_test::kUk + ": UK Sanctions List CSV, 4 entries from 8 records (0 skipped, 2 not vessels)");
}

TEST_CASE("an OpenSanctions line longer than the detection window is still recognised", "[watchlists][detect]") {
  const std::string line = "{\"id\": \"v\", \"caption\": \"" + std::string(10000, 'X') +
                           "\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"LONG ONE\"], \"imoNumber\": [\"9300013\"]}}\n";
  CHECK(detect_format(line) == ListFormat::opensanctions_ftm);
  CHECK(wl_test::load_text(line, "long.jsonl").entries.size() == 1);
}
