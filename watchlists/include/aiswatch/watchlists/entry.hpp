// entry.hpp — one vessel as a sanctions list describes it, whatever the list's file format.
//
// Every importer (OFAC SDN CSV, UK Sanctions List CSV, UN consolidated XML, OpenSanctions FtM,
// team CSV) produces these; WatchlistIndex matches AIS identities against them. Text is UTF-8 and
// attacker-controlled (lists are downloaded files): every output format must escape it.
//   WatchlistEntry e{.list = "OFAC SDN", .programs = {"RUSSIA-EO14024"}, .entry_id = "37059",
//                    .name = "ANGARA", .imo = 9179842, .flag = "RU"};
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aiswatch::watchlists {

// How a list relates another name to the vessel.
enum class AliasKind : std::uint8_t {
  aka,  // also known as: another current name (OFAC a.k.a./aka/nka, UK alias, FtM alias)
  fka,  // formerly known as: a name the vessel had before (OFAC f.k.a./fka, FtM previousName)
};

struct EntryAlias {
  std::string name;
  AliasKind kind = AliasKind::aka;
};

// The file formats load_watchlist() recognises from content.
enum class ListFormat : std::uint8_t {
  ofac_sdn,             // Treasury sdn.csv: headerless, 12 columns, latin-1, "-0- " for null
  ofac_alt,             // Treasury alt.csv: ent_num, alt_num, alt_type, alt_name, alt_remarks
  uk_sanctions_list,    // FCDO UK Sanctions List CSV ("Report Date:" preamble, 58 columns)
  un_consolidated_xml,  // UN Security Council consolidated list XML
  opensanctions_ftm,    // OpenSanctions FollowTheMoney entities, JSON lines
  team_csv,             // a team's own list: header imo,mmsi,name,callsign,flag,list,program,note
};

const char* to_string(ListFormat f) noexcept;

struct WatchlistEntry {
  std::string list;                   // "OFAC SDN", "UK", "UN", "OpenSanctions" or the team list's name
  std::vector<std::string> programs;  // one match per program; may be empty
  std::string entry_id;               // OFAC ent_num, UK Unique ID, UN reference number, FtM id, file:line
  std::string name;                   // primary name as listed
  std::vector<EntryAlias> aliases;    // other current names and former names
  std::optional<std::uint32_t> imo;   // as listed; matched only when its check digit is valid
  std::optional<std::uint32_t> mmsi;
  std::vector<std::string> callsigns;   // as listed; first is the primary one
  std::string flag;                     // ISO 3166-1 alpha-2, "" when unknown
  std::vector<std::string> other_flags; // ISO alpha-2: former flags and other flags the list gives
  std::string vessel_type;              // as listed ("Crude Oil Tanker")
  std::string listed_on;                // YYYY-MM-DD when the list gives a designation date
  std::string note;                     // free text worth showing a reviewer (team note, FtM topics)
  // UN entries are companies whose comments quote an IMO number: the name is not a ship's name,
  // and the number may be the company's own IMO number (see docs/watchlists.md).
  bool name_is_vessel_name = true;
  bool imo_from_free_text = false;
  std::string source;  // "file:line" the entry came from, for reviewers
};

}  // namespace aiswatch::watchlists
