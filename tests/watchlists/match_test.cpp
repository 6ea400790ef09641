// Matching AIS identities against the real OFAC rows (with alt.csv) and the fixtures: what matches,
// on which field, with what confidence, and what must not match.
#include <catch2/catch.hpp>

#include <set>

#include "aiswatch/watchlists/flags.hpp"
#include "aiswatch/watchlists/index.hpp"
#include "aiswatch/watchlists/load.hpp"
#include "watchlist_files.hpp"

using namespace aiswatch::watchlists;

namespace {

const WatchlistIndex& ofac() {
  static const WatchlistIndex index = [] {
    const std::vector<std::filesystem::path> paths = {wl_test::kOfacSdn, wl_test::kOfacAlt};
    return WatchlistIndex(load_watchlists(paths).entries);
  }();
  return index;
}

const WatchlistIndex& all_lists() {
  static const WatchlistIndex index = [] {
    const std::vector<std::filesystem::path> paths = {wl_test::kOfacSdn, wl_test::kOfacAlt, wl_test::kUk,
                                                      wl_test::kUn,      wl_test::kFtm,     wl_test::kTeam};
    return WatchlistIndex(load_watchlists(paths).entries);
  }();
  return index;
}

std::set<std::string> entries_of(const MatchResult& r) {
  std::set<std::string> out;
  for (const WatchlistMatch& m : r.matches) out.insert(m.list + " " + m.entry);
  return out;
}

}  // namespace

TEST_CASE("exact IMO match carries the contract fields", "[watchlists][match]") {
  const MatchResult r = ofac().match({.imo = 9179842});
  CHECK(r.imo == ImoStatus::valid);
  REQUIRE(r.matches.size() == 1);
  const WatchlistMatch& m = r.matches[0];
  CHECK(m.list == "OFAC SDN");
  CHECK(m.program == "RUSSIA-EO14024");
  CHECK(m.entry == "37059");
  CHECK(m.name == "ANGARA");
  CHECK(m.imo == 9179842u);
  CHECK(m.matched_on == MatchedOn::imo);
  CHECK(m.confidence == MatchConfidence::imo);
  CHECK(m.detail == "IMO 9179842");
  CHECK(std::string(to_string(m.matched_on)) == "imo");
}

TEST_CASE("an IMO learned from a static report makes position reports match", "[watchlists][match]") {
  // The tracker's identity for MMSI 273999999 before and after its type 5 message (IMO, name, call sign).
  VesselIdentity vessel{.mmsi = 273999999};
  CHECK(ofac().match(vessel).empty());  // type 1 reports alone: an MMSI no list knows
  vessel.imo = 8660313;                 // CHON MA SAN (DPRK4): OFAC lists no MMSI for it
  vessel.name = "CHON MA SAN";
  const MatchResult r = ofac().match(vessel);
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].entry == "23729");
  CHECK(r.matches[0].program == "DPRK4");
  CHECK(r.matches[0].matched_on == MatchedOn::imo);
  CHECK(r.matches[0].confidence == MatchConfidence::imo_corroborated);  // the name agrees too
  // Later position reports carry only the MMSI; the tracker keeps the learned IMO with it.
  CHECK(ofac().match({.mmsi = 273999999, .imo = 8660313}).matches.size() == 1);
}

TEST_CASE("a renamed vessel matches by IMO and by former name", "[watchlists][match]") {
  // ARTAVIL (ent 15036, IMO 9187629): f.k.a. ALPHA in its Remarks, ABADAN and SHONA in alt.csv.
  SECTION("new name, same IMO") {
    const MatchResult r = ofac().match({.mmsi = 572000001, .imo = 9187629, .name = "BRAND NEW NAME"});
    REQUIRE_FALSE(r.empty());
    CHECK(r.matches[0].entry == "15036");
    CHECK(r.matches[0].matched_on == MatchedOn::imo);
    CHECK(r.matches[0].confidence == MatchConfidence::imo);
  }
  SECTION("broadcasting a name the list gives as former (alt.csv fka), IMO unknown") {
    const MatchResult r = ofac().match({.mmsi = 572000001, .name = "SHONA"});
    REQUIRE(r.matches.size() == 1);
    CHECK(r.matches[0].entry == "15036");
    CHECK(r.matches[0].matched_on == MatchedOn::former_name);
    CHECK(r.matches[0].confidence == MatchConfidence::former_name);
    CHECK(r.matches[0].detail == "name SHONA (listed as a former name)");
  }
  SECTION("renamed after listing: the tracker remembers the listed name as a former name") {
    const MatchResult r = ofac().match({.mmsi = 572000001, .name = "OCEAN BREEZE", .former_names = {"ARTAVIL"}});
    REQUIRE(r.matches.size() == 1);
    CHECK(r.matches[0].entry == "15036");
    CHECK(r.matches[0].matched_on == MatchedOn::former_name);
    CHECK(r.matches[0].detail == "former name ARTAVIL");
  }
}

TEST_CASE("name-only matches rank below identifier matches", "[watchlists][match]") {
  const MatchResult by_name = ofac().match({.mmsi = 273000001, .name = "ANGARA"});
  REQUIRE(by_name.matches.size() == 1);
  CHECK(by_name.matches[0].entry == "37059");
  CHECK(by_name.matches[0].matched_on == MatchedOn::name);
  CHECK(by_name.matches[0].confidence == MatchConfidence::name);
  const MatchResult by_imo = ofac().match({.imo = 9179842});
  CHECK(by_name.matches[0].confidence < by_imo.matches[0].confidence);
  // Normalised: prefix, punctuation, spacing.
  CHECK(entries_of(ofac().match({.name = "M/V MAIA 1"})) == std::set<std::string>{"OFAC SDN 37098"});
  CHECK(entries_of(ofac().match({.name = "maia1"})) == std::set<std::string>{"OFAC SDN 37098"});
}

TEST_CASE("a similar but different vessel does not match", "[watchlists][match]") {
  // SASCO ANGARA (44245, IMO 9242986) and ANGARA (37059, IMO 9179842) are two ships.
  CHECK(entries_of(ofac().match({.name = "SASCO ANGARA"})) == std::set<std::string>{"OFAC SDN 44245"});
  CHECK(entries_of(ofac().match({.name = "ANGARA"})) == std::set<std::string>{"OFAC SDN 37059"});
  CHECK(ofac().match({.name = "ANGARA 2"}).empty());
  CHECK(ofac().match({.name = "LADY"}).empty());  // LADY R, LADY RANIA, … are not "LADY"
  SECTION("a name shared with a listed ship but a different valid IMO: kept only as a weak lead") {
    const MatchResult r = ofac().match({.imo = 9242986, .name = "ANGARA"});
    REQUIRE(r.matches.size() == 2);
    CHECK(r.matches[0].entry == "44245");  // the IMO's ship
    CHECK(r.matches[0].matched_on == MatchedOn::imo);
    CHECK(r.matches[1].entry == "37059");  // same name, other hull
    CHECK(r.matches[1].matched_on == MatchedOn::name);
    CHECK(r.matches[1].confidence == MatchConfidence::imo_conflict_cap);
    CHECK(r.matches[1].detail == "name ANGARA; broadcast IMO 9242986 differs from listed IMO 9179842");
  }
}

TEST_CASE("an IMO with a wrong check digit is reported, not matched", "[watchlists][match]") {
  const MatchResult r = ofac().match({.imo = 9179843});  // ANGARA's number, last digit wrong
  CHECK(r.imo == ImoStatus::invalid_check_digit);
  CHECK(r.empty());
  const MatchResult with_name = ofac().match({.imo = 9179843, .name = "ANGARA"});
  CHECK(with_name.imo == ImoStatus::invalid_check_digit);
  REQUIRE(with_name.matches.size() == 1);
  CHECK(with_name.matches[0].matched_on == MatchedOn::name);  // no IMO conflict either: the IMO is not used
  CHECK(with_name.matches[0].confidence == MatchConfidence::name);
  CHECK(ofac().match({.imo = 0}).imo == ImoStatus::absent);
}

TEST_CASE("MMSI matches, corroborated and contradicted", "[watchlists][match]") {
  const MatchResult alone = ofac().match({.mmsi = 273382620});  // LADY RANIA
  REQUIRE(alone.matches.size() == 1);
  CHECK(alone.matches[0].entry == "36400");
  CHECK(alone.matches[0].matched_on == MatchedOn::mmsi);
  CHECK(alone.matches[0].confidence == MatchConfidence::mmsi);
  CHECK(ofac().match({.mmsi = 273382620, .name = "LADY RANIA"}).matches[0].confidence == MatchConfidence::mmsi_corroborated);
  // The MMSI now sits on a hull with another valid IMO: the MMSI was probably reassigned.
  const MatchResult other_hull = ofac().match({.mmsi = 273382620, .imo = 9300013});
  REQUIRE(other_hull.matches.size() == 1);
  CHECK(other_hull.matches[0].confidence == MatchConfidence::mmsi_imo_conflict);
  CHECK(other_hull.matches[0].detail == "MMSI 273382620; broadcast IMO 9300013 differs from listed IMO 9784893");
}

TEST_CASE("name and call sign together", "[watchlists][match]") {
  const MatchResult r = ofac().match({.name = "LADY RANIA", .callsign = "UBBO 9"});
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].matched_on == MatchedOn::name_callsign);
  CHECK(r.matches[0].confidence == MatchConfidence::name_callsign);
  CHECK(ofac().match({.name = "LADY RANIA", .callsign = "XXXX1"}).matches[0].matched_on == MatchedOn::name);
  CHECK(ofac().match({.callsign = "UBBO9"}).empty());  // a call sign alone identifies nothing
}

TEST_CASE("one match per program of a multi-program entry", "[watchlists][match]") {
  const MatchResult r = ofac().match({.name = "ST. VITAMIN"});
  REQUIRE(r.matches.size() == 3);
  std::set<std::string> programs;
  for (const WatchlistMatch& m : r.matches) {
    CHECK(m.entry == "27200");
    programs.insert(m.program);
  }
  CHECK(programs == std::set<std::string>{"UKRAINE-EO13661", "CYBER2", "ELECTION-EO13848"});
}

TEST_CASE("matches across lists", "[watchlists][match]") {
  SECTION("the same ship on OFAC and UK") {
    CHECK(entries_of(all_lists().match({.imo = 9161003})) == std::set<std::string>{"OFAC SDN 37095", "UK RUS9902"});
  }
  SECTION("OFAC and the team list") {
    CHECK(entries_of(all_lists().match({.imo = 9179842})) ==
          std::set<std::string>{"OFAC SDN 37059", "team team_watchlist_sample.csv:2"});
  }
  SECTION("UK, OpenSanctions and UK alias by one IMO, and UK alias names") {
    CHECK(entries_of(all_lists().match({.imo = 9300013})) ==
          std::set<std::string>{"UK RUS9901", "OpenSanctions os-fixture-vessel-1"});
    CHECK(entries_of(all_lists().match({.name = "OKEAN FIKTSIYA"})) ==
          std::set<std::string>{"UK RUS9901", "OpenSanctions os-fixture-vessel-1"});
  }
  SECTION("UN: IMO from a company's comments, at a lower confidence; the company name is no ship name") {
    const MatchResult r = all_lists().match({.imo = 9300025});
    CHECK(entries_of(r) == std::set<std::string>{"UN KPe.901", "UK DPR9901"});
    for (const WatchlistMatch& m : r.matches) {
      if (m.list == "UN") CHECK(m.confidence == MatchConfidence::imo_free_text);
    }
    CHECK(all_lists().match({.name = "FICTION OCEAN SHIPPING & TRADING CO"}).empty());
    CHECK(all_lists().match({.imo = 5434358}).imo == ImoStatus::invalid_check_digit);  // company number
    CHECK(all_lists().match({.imo = 5434358}).empty());
  }
  SECTION("OpenSanctions by MMSI, by transliterated name, by previous name") {
    CHECK(entries_of(all_lists().match({.mmsi = 273999002})) == std::set<std::string>{"OpenSanctions os-fixture-vessel-3"});
    CHECK(entries_of(all_lists().match({.name = "MARIA FIKTIVNAYA"})) ==
          std::set<std::string>{"OpenSanctions os-fixture-vessel-3"});
    const MatchResult prev = all_lists().match({.name = "NORDIC FICTION"});
    REQUIRE(prev.matches.size() == 2);  // two programs
    CHECK(prev.matches[0].matched_on == MatchedOn::former_name);
  }
  SECTION("team list: M/V prefix, MMSI, and a wrong check digit never matches") {
    CHECK(entries_of(all_lists().match({.name = "FICTION MOON"})).count("team team_watchlist_sample.csv:4") == 1);
    CHECK(entries_of(all_lists().match({.mmsi = 273999003})) ==
          std::set<std::string>{"team_watchlist_sample team_watchlist_sample.csv:3"});
  }
  SECTION("results are ordered by confidence") {
    const MatchResult r = all_lists().match({.mmsi = 273999001, .imo = 9161003, .name = "OCEAN FICTION"});
    REQUIRE(r.matches.size() >= 3);
    for (std::size_t i = 1; i < r.matches.size(); ++i) CHECK(r.matches[i - 1].confidence >= r.matches[i].confidence);
  }
}

TEST_CASE("an empty index matches nothing", "[watchlists][match]") {
  const WatchlistIndex empty;
  CHECK(empty.size() == 0);
  CHECK(empty.match({.mmsi = 273382620, .imo = 9179842, .name = "ANGARA"}).empty());
}

TEST_CASE("flags of concern are separate from the lists", "[watchlists][flags]") {
  const FlagsOfConcern flags;
  CHECK(flags.codes() == std::vector<std::string>{"IR", "KP", "RU"});
  CHECK(flags.flag_of_concern("RU"));
  CHECK(flags.flag_of_concern("kp"));
  CHECK_FALSE(flags.flag_of_concern("PA"));
  CHECK_FALSE(flags.flag_of_concern(""));
  CHECK_FALSE(flags.flag_of_concern("RUS"));
  const auto m = flags.as_match("kp");
  REQUIRE(m);
  CHECK(m->list == "flags of concern");
  CHECK(m->program == "KP");
  CHECK(m->name == "North Korea");
  CHECK(m->matched_on == MatchedOn::flag);
  CHECK_FALSE(flags.as_match("PA"));

  const FlagsOfConcern custom = FlagsOfConcern::parse("RU, Syria,kp,RU");
  CHECK(custom.codes() == std::vector<std::string>{"KP", "RU", "SY"});
  CHECK(FlagsOfConcern::parse("").codes().empty());
  CHECK_THROWS_WITH(FlagsOfConcern::parse("RU,Atlantis"), Catch::Matchers::Contains("unknown country 'Atlantis'"));
}
