// Damaged list files: bad rows are reported with file:line and a reason and skipped, the rest loads;
// files that can't be used at all throw WatchlistError naming the file. Built from the real OFAC rows
// and the fixtures, cut or altered the way downloads and hand edits break them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "aiswatch/watchlists/load.hpp"
#include "watchlist_files.hpp"

using namespace aiswatch::watchlists;
using Catch::Matchers::Contains;

namespace {

std::string join_crlf(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\r\n";
  return out;
}

std::vector<std::string> ofac_lines(std::size_t n) {
  auto lines = wl_test::lines_of(wl_test::read_bytes(wl_test::kOfacSdn));
  lines.resize(n);
  return lines;
}

const LoadIssue& only_issue(const LoadedWatchlist& wl) {
  REQUIRE(wl.report.issues.size() == 1);
  return wl.report.issues.front();
}

}  // namespace

TEST_CASE("OFAC: a row cut short at the end of the file", "[watchlists][malformed]") {
  auto lines = ofac_lines(10);
  lines.back() = lines.back().substr(0, 60);  // inside a quoted field
  const LoadedWatchlist wl = wl_test::load_text(join_crlf(lines).substr(0, join_crlf(lines).size() - 2), "cut.csv");
  CHECK(wl.entries.size() == 9);
  const LoadIssue& issue = only_issue(wl);
  CHECK(issue.problem == LoadProblem::truncated_row);
  CHECK(issue.line == 10);
  CHECK(issue.row_skipped);
  CHECK_THAT(to_string(issue), Contains("cut.csv:10: truncated row"));
  CHECK(wl.report.rows_skipped == 1);
  CHECK(wl.report.files[0].skipped == 1);
}

TEST_CASE("OFAC: a row cut inside quotes does not swallow the rows after it", "[watchlists][malformed]") {
  auto lines = ofac_lines(6);
  lines[2] = lines[2].substr(0, lines[2].find("IMO") + 5);  // ...,"Vessel Registration Identification IMO 9
  const LoadedWatchlist wl = wl_test::load_text(join_crlf(lines), "mid.csv");
  CHECK(wl.entries.size() == 5);
  CHECK(only_issue(wl).line == 3);
  CHECK(only_issue(wl).problem == LoadProblem::truncated_row);
  CHECK(wl_test::find_entry(wl.entries, "ARTAVIL"));  // line 4 is intact
}

TEST_CASE("OFAC: wrong field counts and a non-numeric ent_num", "[watchlists][malformed]") {
  auto lines = ofac_lines(5);
  lines[1] = lines[1].substr(0, lines[1].find(",\"Panama\""));  // unquoted cut: 9 fields
  lines[2] += ",\"extra\"";                                    // 13 fields
  lines[3].replace(0, lines[3].find(','), "X4249");
  const LoadedWatchlist wl = wl_test::load_text(join_crlf(lines), "fields.csv");
  CHECK(wl.entries.size() == 2);
  CHECK(wl.report.count(LoadProblem::wrong_field_count) == 2);
  CHECK(wl.report.count(LoadProblem::bad_id) == 1);
  CHECK(wl.report.rows_skipped == 3);
  CHECK_THAT(to_string(wl.report.issues[0]), Contains("fields.csv:2: wrong field count: 9 fields, expected 12"));
  CHECK_THAT(to_string(wl.report.issues[1]), Contains("fields.csv:3: wrong field count: 13 fields, expected 12"));
}

TEST_CASE("OFAC encodings: latin-1 converted to UTF-8, a UTF-8/latin-1 mix reported", "[watchlists][malformed][encoding]") {
  auto lines = ofac_lines(3);
  // Row 1: "Samir de Navegacion" -> latin-1 "Navegaci\xF3n" in Vess_owner, and the name "MAR AZ\xDAL".
  lines[0].replace(lines[0].find("MAR AZUL"), 8, "MAR AZ\xDAL");
  SECTION("latin-1 only, as Treasury publishes: converted, no issue") {
    const LoadedWatchlist wl = wl_test::load_text(join_crlf(lines), "latin1.csv");
    CHECK(wl.report.issue_count == 0);
    CHECK(wl_test::find_entry(wl.entries, "MAR AZ\xC3\x9AL"));  // U+00DA in UTF-8
  }
  SECTION("a UTF-8 row among latin-1 rows: each decoded as what it is, reported once") {
    lines[1].replace(lines[1].find("EBANO"), 5, "\xC3\x89" "BANO");  // "ÉBANO" in UTF-8
    const LoadedWatchlist wl = wl_test::load_text(join_crlf(lines), "mixed.csv");
    CHECK(wl.entries.size() == 3);
    CHECK(wl_test::find_entry(wl.entries, "MAR AZ\xC3\x9AL"));
    CHECK(wl_test::find_entry(wl.entries, "\xC3\x89" "BANO"));
    const LoadIssue& issue = only_issue(wl);
    CHECK(issue.problem == LoadProblem::bad_encoding);
    CHECK(issue.line == 2);
    CHECK_FALSE(issue.row_skipped);
  }
}

TEST_CASE("UK: unknown column reported and ignored; invalid UTF-8 read as latin-1", "[watchlists][malformed][uk]") {
  const auto lines = wl_test::lines_of(wl_test::read_bytes(wl_test::kUk));
  // lines: 0 preamble, 1 header, 2..3 RUS9901 (a quoted line break), 4 alias row, 5 LADY R
  std::string lady = lines[5];
  lady.replace(lady.find("LADY R"), 6, "LADY \xD2");  // a latin-1 byte in a UTF-8 file
  const std::string text = lines[0] + "\r\n" + lines[1] + ",Vessel colour\r\n" + lady + ",grey\r\n";
  const LoadedWatchlist wl = wl_test::load_text(text, "uk_extra.csv");
  REQUIRE(wl.entries.size() == 1);
  CHECK(wl.entries[0].name == "LADY \xC3\x92");
  CHECK(wl.entries[0].imo == 9161003u);
  CHECK(wl.report.count(LoadProblem::unknown_column) == 1);
  CHECK(wl.report.count(LoadProblem::bad_encoding) == 1);
  CHECK_THAT(to_string(wl.report.issues[0]), Contains("uk_extra.csv:2: unknown column: column 'Vessel colour' ignored"));
}

TEST_CASE("team CSV: bad fields dropped, rows without identity skipped", "[watchlists][malformed][team]") {
  const std::string text =
      "imo,mmsi,name,callsign,flag,list,program,note,colour\n"
      "12345,,SHORT IMO,,RU,,,,red\n"           // 2: bad IMO, row kept by its name
      "9300014,,BAD CHECK,,RU,,,,red\n"         // 3: check digit wrong: kept (never matched)
      ",27399,SHORT MMSI,,Atlantis,,,,red\n"    // 4: bad MMSI, unknown country
      ",,,,RU,,,only a note,red\n"              // 5: nothing to match on
      "9300013,,TOO FEW\n"                      // 6: wrong field count
      "9300025,,\"FINE \x01 NAME\",,KP,,,,red\n";  // 7: control byte kept in data, escaped in messages
  const LoadedWatchlist wl = wl_test::load_text(text, "team.csv");
  CHECK(wl.entries.size() == 4);
  CHECK(wl.report.count(LoadProblem::unknown_column) == 1);
  CHECK(wl.report.count(LoadProblem::bad_imo) == 1);
  CHECK(wl.report.count(LoadProblem::imo_check_digit) == 1);
  CHECK(wl.report.count(LoadProblem::bad_mmsi) == 1);
  CHECK(wl.report.count(LoadProblem::unknown_country) == 1);
  CHECK(wl.report.count(LoadProblem::missing_identity) == 1);
  CHECK(wl.report.count(LoadProblem::wrong_field_count) == 1);
  CHECK(wl.report.rows_skipped == 2);
  CHECK_FALSE(wl_test::find_entry(wl.entries, "SHORT IMO")->imo);
  CHECK(wl_test::find_entry(wl.entries, "BAD CHECK")->imo == 9300014u);
  CHECK(wl_test::find_entry(wl.entries, "SHORT MMSI")->flag.empty());
  for (const LoadIssue& i : wl.report.issues) {
    for (const char c : to_string(i)) CHECK((c >= 0x20 && c < 0x7F));
  }
  CHECK_THAT(to_string(wl.report.issues[1]), Contains("team.csv:2: bad IMO: '12345' is not a 7-digit IMO number"));
}

TEST_CASE("OpenSanctions: bad JSON and bad UTF-8 lines skipped with their line", "[watchlists][malformed][opensanctions]") {
  const auto good = wl_test::lines_of(wl_test::read_bytes(wl_test::kFtm));
  const std::string text = good[0] + "\n{\"id\": \"x\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"CUT\n" +
                           "{\"id\": \"y\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"BAD \xFF\"]}}\n" +
                           "[1, 2, 3]\n" + good[4] + "\n";
  const LoadedWatchlist wl = wl_test::load_text(text, "os.jsonl");
  CHECK(wl.entries.size() == 2);
  REQUIRE(wl.report.issues.size() == 3);
  CHECK(wl.report.issues[0].line == 2);
  CHECK(wl.report.issues[0].problem == LoadProblem::bad_json);
  CHECK(wl.report.issues[1].line == 3);
  CHECK(wl.report.issues[1].problem == LoadProblem::bad_encoding);
  CHECK(wl.report.issues[2].line == 4);
  CHECK(wl.report.issues[2].problem == LoadProblem::bad_json);
}

TEST_CASE("UN XML: a cut file keeps the complete records; a mismatched tag stops with its line", "[watchlists][malformed][un]") {
  const std::string xml = wl_test::read_bytes(wl_test::kUn);
  SECTION("cut inside the third entity") {
    const std::string cut = xml.substr(0, xml.find("KPe.903"));
    const LoadedWatchlist wl = wl_test::load_text(cut, "cut.xml");
    CHECK(wl.entries.size() == 3);  // KPe.901 and both IMOs of KPe.902
    const LoadIssue& issue = only_issue(wl);
    CHECK(issue.problem == LoadProblem::truncated_row);
    CHECK(issue.line == 9);  // where <ENTITY> KPe.903 opens (KPe.902 spans lines 7-8)
    CHECK_THAT(to_string(issue), Contains("file ends inside <ENTITY>"));
  }
  SECTION("mismatched end tag") {
    std::string bad = xml;
    bad.replace(bad.find("</COMMENTS1><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE><LAST_DAY_UPDATED><VALUE>2016"), 12, "</COMMENTS2>");
    const LoadedWatchlist wl = wl_test::load_text(bad, "bad.xml");
    CHECK(wl.entries.size() == 1);
    CHECK(only_issue(wl).problem == LoadProblem::bad_xml);
    CHECK(only_issue(wl).line == 8);  // KPe.902 comments, after its two-line name
  }
}

TEST_CASE("unusable files throw WatchlistError naming the file", "[watchlists][malformed]") {
  const auto message = [](auto&& fn) {
    try {
      fn();
    } catch (const WatchlistError& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  CHECK_THAT(message([] { wl_test::load_text("", "empty.csv"); }), Contains("empty.csv: is empty"));
  CHECK_THAT(message([] { wl_test::load_text(" \r\n\r\n", "blank.csv"); }), Contains("blank.csv: is empty"));
  CHECK_THAT(message([] { wl_test::load_text("\xEF\xBB\xBF", "bom.csv"); }), Contains("bom.csv: is empty"));
  CHECK_THAT(message([] { wl_test::load_text("vessel;imo\nX;1\n", "semi.csv"); }),
             Contains("semi.csv:1: unknown format (starts 'vessel;imo')"));
  CHECK_THAT(message([] { wl_test::load_text("<rss>\n</rss>\n", "feed.xml"); }), Contains("feed.xml:1: unknown format"));
  CHECK_THAT(message([] { load_watchlist(AISWATCH_TEST_DATA_DIR "/watchlists/no_such_file.csv"); }),
             Contains("no_such_file.csv: does not exist"));
  CHECK_THAT(message([] { load_watchlist(AISWATCH_TEST_DATA_DIR "/watchlists"); }), Contains("is a directory"));
  CHECK_THAT(message([] { wl_test::load_text(wl_test::read_bytes(wl_test::kOfacSdn), "ok.csv"); }), Contains("no exception"));
}

TEST_CASE("a hostile file cannot fill memory with issues", "[watchlists][malformed]") {
  std::string text = "imo,name\n";
  for (int i = 0; i < 3000; ++i) text += "1,BAD\n";
  const LoadedWatchlist wl = wl_test::load_text(text, "many.csv");
  CHECK(wl.report.issue_count == 3000);
  CHECK(wl.report.issues.size() == LoadReport::kMaxStoredIssues);
  CHECK(wl.report.count(LoadProblem::bad_imo) == 3000);
  CHECK(wl.entries.size() == 3000);  // each row still has its name
}
