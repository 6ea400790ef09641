// country.hpp — country names as sanctions lists write them, mapped to ISO 3166-1 alpha-2.
//
// Covers every ISO 3166-1 country by its English short name plus the variants lists use (OFAC's
// "Democratic People's Republic of Korea", "St. Kitts & Nevis", "Korea, North", "Russian Federation",
// "Türkiye", …). Matching ignores case, accents, punctuation and "St."/"Saint"; a two-letter input
// is taken as an alpha-2 code when it is one:
//   country_to_iso2("Democratic People's Republic of Korea") == "KP"
//   country_to_iso2("St. Kitts & Nevis") == "KN";  country_to_iso2("ru") == "RU"
//   country_to_iso2("Atlantis") == std::nullopt;   is_no_country("None Identified") == true
#pragma once

#include <optional>
#include <string_view>

namespace aiswatch::watchlists {

std::optional<std::string_view> country_to_iso2(std::string_view name);

// The English short name for an alpha-2 code ("KP" -> "North Korea"); "" when unknown.
std::string_view country_name(std::string_view iso2);

// Values lists use to say "no country" ("None Identified", "Unknown", "N/A", "-0-", ""): not errors.
bool is_no_country(std::string_view name);

}  // namespace aiswatch::watchlists
