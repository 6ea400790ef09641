// Name normalisation rules (docs/watchlists.md "Names") and the country table beyond OFAC's values.
#include <catch2/catch.hpp>

#include "aiswatch/watchlists/country.hpp"
#include "aiswatch/watchlists/normalize.hpp"

using namespace aiswatch::watchlists;

TEST_CASE("vessel names: spellings that are the same ship", "[watchlists][normalize]") {
  const auto [a, b] = GENERATE(table<const char*, const char*>({
      {"MAIA-1", "MAIA 1"},
      {"MAIA-1", "maia1"},
      {"M/V MAIA-1", "MAIA-1"},
      {"M.V. ANGARA", "ANGARA"},
      {"MV ANGARA", "ANGARA"},
      {"MT LADY RANIA", "LADY RANIA"},
      {"ST. VITAMIN", "ST VITAMIN"},
      {"YARD NO. 1220 SHANGHAI WAIGAOQIAO", "YARD 1220 SHANGHAI WAIGAOQIAO"},
      {"FU YUAN YU NO 8683", "FU YUAN YU 8683"},
      {"HAI FICTION NO.8", "HAI FICTION 8"},
      {"SEASTAR III", "SEA STAR III"},
      {"MARIYA", "MARIA"},
      {"ANASTASIYA", "ANASTASIA"},
      {"VOSTOCHNYY", "VOSTOCHNY"},
      {"VOSTOCHNYI", "VOSTOCHNY"},
      {"BALTIYSKIY", "BALTIYSKI"},
      {"BALTIYSKII", "BALTIYSKIY"},
      {"LADY R@@@@@@@@@@@@@@", "LADY R"},  // AIS padding
      {"  lady   r ", "LADY R"},
      {"S\xC3\x83O FIC\xC3\x87\xC3\x83O", "SAO FICCAO"},  // accents (UTF-8)
      {"O'HARA", "OHARA"},
  }));
  CAPTURE(a, b);
  CHECK(vessel_name_key(a) == vessel_name_key(b));
  CHECK_FALSE(vessel_name_key(a).empty());
}

TEST_CASE("vessel names: different ships stay different", "[watchlists][normalize]") {
  const auto [a, b] = GENERATE(table<const char*, const char*>({
      {"SASCO ANGARA", "ANGARA"},  // whole-name equality, never substring
      {"ANGARA 2", "ANGARA"},
      {"ARGO I", "ARGO II"},        // roman numerals are not transliteration endings
      {"ARK III", "ARK II"},
      {"LADY R", "LADY RANIA"},
      {"CEDAR 4", "CEDAR"},
      {"MV", "M"},
      {"NO NAME", "NAME"},          // "NO" is dropped only before a number
      {"ARGO 1", "ARGO I"},         // the list gives both as aliases; no roman-numeral folding
      {"MAYA", "MAIA"},             // Y/I only at Russian adjective endings
  }));
  CAPTURE(a, b);
  CHECK(vessel_name_key(a) != vessel_name_key(b));
}

TEST_CASE("normalised display form and edge cases", "[watchlists][normalize]") {
  CHECK(normalize_vessel_name("M/V Maia-1") == "MAIA 1");
  CHECK(normalize_vessel_name("YARD NO. 1220") == "YARD 1220");
  CHECK(normalize_vessel_name("MV") == "MV");  // a prefix alone is the name
  CHECK(normalize_vessel_name("M.T.") == "M T");
  CHECK(normalize_vessel_name("") == "");
  CHECK(normalize_vessel_name("@@@@") == "");
  CHECK(normalize_vessel_name("\xD0\x90\xD0\x9D\xD0\x93\xD0\x90\xD0\xA0\xD0\x90") == "\xD0\x90\xD0\x9D\xD0\x93\xD0\x90\xD0\xA0\xD0\x90");  // Cyrillic kept
  CHECK(normalize_vessel_name("\xFF\xFE" " broken") == "YT BROKEN");  // bytes that are not UTF-8 read as latin-1 (ÿþ)
  CHECK(normalize_callsign("5IM 592") == "5IM592");
  CHECK(normalize_callsign("ubbo9@@") == "UBBO9");
}

TEST_CASE("country names beyond the OFAC file", "[watchlists][country]") {
  const auto [name, iso2] = GENERATE(table<const char*, const char*>({
      {"Korea, North", "KP"}, {"North Korea", "KP"}, {"DPRK", "KP"}, {"Korea, Democratic People's Republic of", "KP"},
      {"Russian Federation", "RU"}, {"RUSSIA", "RU"}, {"Iran, Islamic Republic of", "IR"}, {"ir", "IR"},
      {"Syrian Arab Republic", "SY"}, {"Viet Nam", "VN"}, {"T\xC3\xBCrkiye", "TR"}, {"Turkiye", "TR"},
      {"S\xC3\xA3o Tom\xC3\xA9 and Pr\xC3\xADncipe", "ST"}, {"Saint Vincent and the Grenadines", "VC"},
      {"St Kitts-Nevis", "KN"}, {"Virgin Islands, British", "VG"}, {"The Bahamas", "BS"}, {"Bahamas", "BS"},
      {"C\xC3\xB4" "te d'Ivoire", "CI"}, {"Cura\xC3\xA7" "ao", "CW"}, {"United Republic of Tanzania", "TZ"},
      {"Republic of Korea", "KR"}, {"Korea, South", "KR"}, {"Hong Kong SAR", "HK"}, {"Macau", "MO"},
      {"Cameroon", "CM"}, {"Equatorial Guinea", "GQ"}, {"Guinea-Bissau", "GW"}, {"Guinea", "GN"},
      {"United Arab Emirates", "AE"}, {"Marshall Islands", "MH"}, {"Eswatini", "SZ"}, {"Burma", "MM"},
  }));
  CAPTURE(name);
  CHECK(country_to_iso2(name) == std::optional<std::string_view>(iso2));
}

TEST_CASE("country names that are not countries", "[watchlists][country]") {
  CHECK_FALSE(country_to_iso2("Atlantis"));
  CHECK_FALSE(country_to_iso2("Korea"));  // ambiguous: north or south
  CHECK_FALSE(country_to_iso2("XX"));     // two letters but no country
  CHECK_FALSE(country_to_iso2(""));
  CHECK(is_no_country("None Identified"));
  CHECK(is_no_country("unknown"));
  CHECK(is_no_country(""));
  CHECK_FALSE(is_no_country("Russia"));
  CHECK(country_name("KP") == "North Korea");
  CHECK(country_name("kp") == "North Korea");
  CHECK(country_name("ZZ").empty());
}
