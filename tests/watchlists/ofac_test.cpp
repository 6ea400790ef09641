// The real OFAC SDN vessel rows (sdn.csv of 2024-05-03, 851 rows) and alt.csv alias rows: every row
// loads, the identifiers hidden in Remarks come out, programs split, countries map, aliases attach.
// Counts marked "Python" were taken independently with Python's csv module over the same file.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/watchlists/country.hpp"
#include "aiswatch/watchlists/load.hpp"
#include "watchlist_files.hpp"

using namespace aiswatch::watchlists;
using wl_test::find_entry;
using wl_test::has_alias;

namespace {
const LoadedWatchlist& sdn() {
  static const LoadedWatchlist loaded = load_watchlist(wl_test::kOfacSdn);
  return loaded;
}
}  // namespace

TEST_CASE("all 851 OFAC SDN vessel rows load without a problem", "[watchlists][ofac]") {
  const LoadedWatchlist& wl = sdn();
  REQUIRE(wl.report.files.size() == 1);
  CHECK(wl.report.files[0].format == ListFormat::ofac_sdn);
  CHECK(wl.report.files[0].records == 851);
  CHECK(wl.report.files[0].entries == 851);
  CHECK(wl.entries.size() == 851);
  CHECK(wl.report.issue_count == 0);
  CHECK(wl.report.rows_skipped == 0);
  for (const WatchlistEntry& e : wl.entries) {
    CHECK(e.list == "OFAC SDN");
    CHECK_FALSE(e.name.empty());
    CHECK_FALSE(e.programs.empty());
  }
}

TEST_CASE("OFAC identifiers from Remarks: the issue's reference vessels", "[watchlists][ofac]") {
  const auto& entries = sdn().entries;
  struct Expected {
    const char* name;
    std::uint32_t imo;
    const char* program;
    const char* entry;
    const char* flag;
  };
  const auto [name, imo, program, entry, flag] = GENERATE(table<const char*, std::uint32_t, const char*, const char*, const char*>({
      {"ANGARA", 9179842, "RUSSIA-EO14024", "37059", "RU"},
      {"LADY R", 9161003, "RUSSIA-EO14024", "37095", "RU"},
      {"MAIA-1", 9358010, "RUSSIA-EO14024", "37098", "RU"},
      {"LADY RANIA", 9784893, "RUSSIA-EO14024", "36400", "RU"},
      {"CHON MA SAN", 8660313, "DPRK4", "23729", "KP"},
  }));
  CAPTURE(name);
  const WatchlistEntry* e = find_entry(entries, name);
  REQUIRE(e);
  REQUIRE(e->imo);
  CHECK(*e->imo == imo);
  CHECK(aiswatch::ais::is_valid_imo(*e->imo));
  CHECK(e->programs == std::vector<std::string>{program});
  CHECK(e->entry_id == entry);
  CHECK(e->flag == flag);
  CHECK(e->source.starts_with(wl_test::kOfacSdn + ":"));
}

TEST_CASE("OFAC LADY RANIA has IMO, MMSI, call sign and type", "[watchlists][ofac]") {
  const WatchlistEntry* e = find_entry(sdn().entries, "LADY RANIA");
  REQUIRE(e);
  CHECK(e->imo == 9784893u);
  CHECK(e->mmsi == 273382620u);
  CHECK(e->callsigns == std::vector<std::string>{"UBBO9"});
  CHECK(e->vessel_type == "Chemical/Oil Tanker");
}

TEST_CASE("OFAC Remarks variants seen in the real file", "[watchlists][ofac]") {
  const auto& entries = sdn().entries;
  SECTION("IMO written without 'IMO' is taken when its check digit is valid") {
    const WatchlistEntry* e = find_entry(entries, "RYONG GUN BONG");  // "Vessel Registration Identification 8606173."
    REQUIRE(e);
    CHECK(e->imo == 8606173u);
  }
  SECTION("national registration numbers are not IMO numbers") {
    const WatchlistEntry* bonu = find_entry(entries, "BONU 5");  // "15411 (Malta)"
    REQUIRE(bonu);
    CHECK_FALSE(bonu->imo);
    const WatchlistEntry* shellest = find_entry(entries, "SHELLEST");  // "RS 150443 (Russia); MMSI 273385420"
    REQUIRE(shellest);
    CHECK_FALSE(shellest->imo);
    CHECK(shellest->mmsi == 273385420u);
  }
  SECTION("'Identification Number IMO', a country after the number, two spaces") {
    CHECK(find_entry(entries, "NS LEADER")->imo == 9339301u);
    CHECK(find_entry(entries, "NS LEADER")->mmsi == 636013272u);
    std::size_t with_two_spaces = 0;
    for (const WatchlistEntry& e : entries) with_two_spaces += e.imo == 8730455u || e.imo == 8904408u;
    CHECK(with_two_spaces == 2);  // "IMO  8730455", "IMO  8904408"
  }
  SECTION("f.k.a. and a.k.a. names") {
    const WatchlistEntry* ebano = find_entry(entries, "EBANO");
    REQUIRE(ebano);
    CHECK(has_alias(*ebano, "ANA I", AliasKind::fka));
    CHECK(has_alias(*ebano, "SAND SWAN", AliasKind::fka));  // the last remark, with its final '.'
    const WatchlistEntry* maria = find_entry(entries, "MARIA E");
    REQUIRE(maria);
    CHECK(has_alias(*maria, "MARIA", AliasKind::aka));
    const WatchlistEntry* sea_star = find_entry(entries, "SEA STAR III");
    REQUIRE(sea_star);
    CHECK(has_alias(*sea_star, "YARD NO. 1220 SHANGHAI WAIGAOQIAO", AliasKind::aka));
  }
  SECTION("other call signs and other/former flags") {
    const WatchlistEntry* progres = find_entry(entries, "PROGRES");
    REQUIRE(progres);
    CHECK(progres->callsigns == std::vector<std::string>{"9HB4398", "5IM713"});
    CHECK(progres->flag == "MT");
    CHECK(progres->other_flags == std::vector<std::string>{"TZ", "TT"});
    const WatchlistEntry* artavil = find_entry(entries, "ARTAVIL");  // Malta, Tuvalu, "None Identified", Tanzania
    REQUIRE(artavil);
    CHECK(artavil->other_flags == std::vector<std::string>{"MT", "TV", "TZ"});
  }
  SECTION("counts over the whole file (Python: 846 IMO numbers, 154 MMSIs, 26 rows with f.k.a./a.k.a.)") {
    std::size_t imo = 0, mmsi = 0, with_alias = 0;
    std::set<std::uint32_t> distinct;
    for (const WatchlistEntry& e : entries) {
      imo += e.imo.has_value();
      mmsi += e.mmsi.has_value();
      with_alias += !e.aliases.empty();
      if (e.imo) distinct.insert(*e.imo);
    }
    CHECK(imo == 846);
    CHECK(distinct.size() == 846);
    CHECK(mmsi == 154);
    CHECK(with_alias == 26);
  }
}

TEST_CASE("OFAC packed programs are split", "[watchlists][ofac]") {
  const auto& entries = sdn().entries;
  const WatchlistEntry* vitamin = find_entry(entries, "ST. VITAMIN");  // "UKRAINE-EO13661] [CYBER2] [ELECTION-EO13848"
  REQUIRE(vitamin);
  CHECK(vitamin->programs == std::vector<std::string>{"UKRAINE-EO13661", "CYBER2", "ELECTION-EO13848"});
  std::size_t multi = 0;
  for (const WatchlistEntry& e : entries) {
    multi += e.programs.size() > 1;
    for (const std::string& p : e.programs) {
      CHECK(p.find('[') == std::string::npos);
      CHECK(p.find(']') == std::string::npos);
      CHECK((!p.empty() && p.front() != ' ' && p.back() != ' '));
    }
  }
  CHECK(multi == 131);  // Python: rows whose Program holds "] ["
}

TEST_CASE("every OFAC Vess_flag country name maps to ISO alpha-2", "[watchlists][ofac][country]") {
  // The 42 distinct Vess_flag values of the file (Python): these 40 names, "-0- " and "None Identified".
  std::map<std::string, std::string> expected = {
      {"Iran", "IR"}, {"Russia", "RU"}, {"China", "CN"}, {"Democratic People's Republic of Korea", "KP"},
      {"Panama", "PA"}, {"Venezuela", "VE"}, {"Liberia", "LR"}, {"Gabon", "GA"}, {"Comoros", "KM"},
      {"Hong Kong", "HK"}, {"Togo", "TG"}, {"Sierra Leone", "SL"}, {"Malta", "MT"}, {"Cayman Islands", "KY"},
      {"Cook Islands", "CK"}, {"Palau", "PW"}, {"St. Vincent and the Grenadines", "VC"}, {"Vietnam", "VN"},
      {"Cameroon", "CM"}, {"Djibouti", "DJ"}, {"Cuba", "CU"}, {"Cambodia", "KH"}, {"Singapore", "SG"},
      {"Turkey", "TR"}, {"Mongolia", "MN"}, {"Tanzania", "TZ"}, {"Antigua and Barbuda", "AG"}, {"Belize", "BZ"},
      {"Saint Kitts and Nevis", "KN"}, {"St. Kitts & Nevis", "KN"}, {"St. Kitts and Nevis", "KN"}, {"Samoa", "WS"},
      {"Honduras", "HN"}, {"British Virgin Islands", "VG"}, {"Marshall Islands", "MH"}, {"Guyana", "GY"},
      {"Sao Tome and Principe", "ST"}, {"Tuvalu", "TV"}, {"Syria", "SY"}, {"Kiribati", "KI"}};
  for (const auto& [name, iso2] : expected) {
    CAPTURE(name);
    CHECK(country_to_iso2(name) == std::optional<std::string_view>(iso2));
  }
  CHECK(is_no_country("None Identified"));
  CHECK(is_no_country("-0- "));
  std::size_t flagged = 0;
  for (const WatchlistEntry& e : sdn().entries) flagged += !e.flag.empty();
  CHECK(flagged == 851 - 35 - 1);  // Python: 35 rows "-0- ", 1 "None Identified"
}

TEST_CASE("OFAC alt.csv rows attach to their SDN entity by ent_num, in either order", "[watchlists][ofac]") {
  const bool alt_first = GENERATE(false, true);
  WatchlistLoader loader;
  if (alt_first) loader.add_file(wl_test::kOfacAlt);
  loader.add_file(wl_test::kOfacSdn);
  if (!alt_first) loader.add_file(wl_test::kOfacAlt);
  const LoadedWatchlist wl = loader.finish();
  CHECK(wl.report.issue_count == 0);
  const FileReport& alt = wl.report.files[alt_first ? 0 : 1];
  CHECK(alt.format == ListFormat::ofac_alt);
  CHECK(alt.aliases == 150);
  CHECK(alt.aliases_attached == 150);
  const WatchlistEntry* artavil = find_entry(wl.entries, "ARTAVIL");  // ent_num 15036
  REQUIRE(artavil);
  CHECK(has_alias(*artavil, "ABADAN", AliasKind::fka));
  CHECK(has_alias(*artavil, "SHONA", AliasKind::fka));
  CHECK(has_alias(*artavil, "ALPHA", AliasKind::fka));  // from its own Remarks
  const WatchlistEntry* argo = find_entry(wl.entries, "ARGO I");  // ent_num 15038, "aka" rows
  REQUIRE(argo);
  CHECK(has_alias(*argo, "ARGO 1", AliasKind::aka));
  CHECK(has_alias(*argo, "SILVER CLOUD", AliasKind::aka));
}

TEST_CASE("OFAC alt.csv alone reports its rows unused, once", "[watchlists][ofac]") {
  const LoadedWatchlist wl = load_watchlist(wl_test::kOfacAlt);
  CHECK(wl.entries.empty());
  CHECK(wl.report.issue_count == 1);
  CHECK(wl.report.count(LoadProblem::orphan_alias) == 1);
  CHECK(to_string(wl.report.issues.at(0)).find("150 alias rows unused") != std::string::npos);
}
