// Country names to ISO 3166-1 alpha-2: every ISO country by its English short name, then the variants
// sanctions lists and registries use. Lookups compare a folded key (see fold()), so "St. Kitts & Nevis",
// "Saint Kitts and Nevis" and "ST KITTS AND NEVIS" are one entry.
#include "aiswatch/watchlists/country.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <utility>

#include "text.hpp"

namespace aiswatch::watchlists {
namespace {

struct Country {
  std::string_view iso2;
  std::string_view name;
};

// ISO 3166-1 (English short names, as commonly written).
constexpr std::array kCountries = std::to_array<Country>({
    {"AD", "Andorra"}, {"AE", "United Arab Emirates"}, {"AF", "Afghanistan"}, {"AG", "Antigua and Barbuda"},
    {"AI", "Anguilla"}, {"AL", "Albania"}, {"AM", "Armenia"}, {"AO", "Angola"}, {"AQ", "Antarctica"},
    {"AR", "Argentina"}, {"AS", "American Samoa"}, {"AT", "Austria"}, {"AU", "Australia"}, {"AW", "Aruba"},
    {"AX", "Aland Islands"}, {"AZ", "Azerbaijan"}, {"BA", "Bosnia and Herzegovina"}, {"BB", "Barbados"},
    {"BD", "Bangladesh"}, {"BE", "Belgium"}, {"BF", "Burkina Faso"}, {"BG", "Bulgaria"}, {"BH", "Bahrain"},
    {"BI", "Burundi"}, {"BJ", "Benin"}, {"BL", "Saint Barthelemy"}, {"BM", "Bermuda"}, {"BN", "Brunei"},
    {"BO", "Bolivia"}, {"BQ", "Bonaire, Sint Eustatius and Saba"}, {"BR", "Brazil"}, {"BS", "Bahamas"},
    {"BT", "Bhutan"}, {"BV", "Bouvet Island"}, {"BW", "Botswana"}, {"BY", "Belarus"}, {"BZ", "Belize"},
    {"CA", "Canada"}, {"CC", "Cocos (Keeling) Islands"}, {"CD", "Democratic Republic of the Congo"},
    {"CF", "Central African Republic"}, {"CG", "Republic of the Congo"}, {"CH", "Switzerland"},
    {"CI", "Cote d'Ivoire"}, {"CK", "Cook Islands"}, {"CL", "Chile"}, {"CM", "Cameroon"}, {"CN", "China"},
    {"CO", "Colombia"}, {"CR", "Costa Rica"}, {"CU", "Cuba"}, {"CV", "Cabo Verde"}, {"CW", "Curacao"},
    {"CX", "Christmas Island"}, {"CY", "Cyprus"}, {"CZ", "Czechia"}, {"DE", "Germany"}, {"DJ", "Djibouti"},
    {"DK", "Denmark"}, {"DM", "Dominica"}, {"DO", "Dominican Republic"}, {"DZ", "Algeria"}, {"EC", "Ecuador"},
    {"EE", "Estonia"}, {"EG", "Egypt"}, {"EH", "Western Sahara"}, {"ER", "Eritrea"}, {"ES", "Spain"},
    {"ET", "Ethiopia"}, {"FI", "Finland"}, {"FJ", "Fiji"}, {"FK", "Falkland Islands"}, {"FM", "Micronesia"},
    {"FO", "Faroe Islands"}, {"FR", "France"}, {"GA", "Gabon"}, {"GB", "United Kingdom"}, {"GD", "Grenada"},
    {"GE", "Georgia"}, {"GF", "French Guiana"}, {"GG", "Guernsey"}, {"GH", "Ghana"}, {"GI", "Gibraltar"},
    {"GL", "Greenland"}, {"GM", "Gambia"}, {"GN", "Guinea"}, {"GP", "Guadeloupe"}, {"GQ", "Equatorial Guinea"},
    {"GR", "Greece"}, {"GS", "South Georgia and the South Sandwich Islands"}, {"GT", "Guatemala"},
    {"GU", "Guam"}, {"GW", "Guinea-Bissau"}, {"GY", "Guyana"}, {"HK", "Hong Kong"},
    {"HM", "Heard Island and McDonald Islands"}, {"HN", "Honduras"}, {"HR", "Croatia"}, {"HT", "Haiti"},
    {"HU", "Hungary"}, {"ID", "Indonesia"}, {"IE", "Ireland"}, {"IL", "Israel"}, {"IM", "Isle of Man"},
    {"IN", "India"}, {"IO", "British Indian Ocean Territory"}, {"IQ", "Iraq"}, {"IR", "Iran"},
    {"IS", "Iceland"}, {"IT", "Italy"}, {"JE", "Jersey"}, {"JM", "Jamaica"}, {"JO", "Jordan"}, {"JP", "Japan"},
    {"KE", "Kenya"}, {"KG", "Kyrgyzstan"}, {"KH", "Cambodia"}, {"KI", "Kiribati"}, {"KM", "Comoros"},
    {"KN", "Saint Kitts and Nevis"}, {"KP", "North Korea"}, {"KR", "South Korea"}, {"KW", "Kuwait"},
    {"KY", "Cayman Islands"}, {"KZ", "Kazakhstan"}, {"LA", "Laos"}, {"LB", "Lebanon"}, {"LC", "Saint Lucia"},
    {"LI", "Liechtenstein"}, {"LK", "Sri Lanka"}, {"LR", "Liberia"}, {"LS", "Lesotho"}, {"LT", "Lithuania"},
    {"LU", "Luxembourg"}, {"LV", "Latvia"}, {"LY", "Libya"}, {"MA", "Morocco"}, {"MC", "Monaco"},
    {"MD", "Moldova"}, {"ME", "Montenegro"}, {"MF", "Saint Martin"}, {"MG", "Madagascar"},
    {"MH", "Marshall Islands"}, {"MK", "North Macedonia"}, {"ML", "Mali"}, {"MM", "Myanmar"},
    {"MN", "Mongolia"}, {"MO", "Macao"}, {"MP", "Northern Mariana Islands"}, {"MQ", "Martinique"},
    {"MR", "Mauritania"}, {"MS", "Montserrat"}, {"MT", "Malta"}, {"MU", "Mauritius"}, {"MV", "Maldives"},
    {"MW", "Malawi"}, {"MX", "Mexico"}, {"MY", "Malaysia"}, {"MZ", "Mozambique"}, {"NA", "Namibia"},
    {"NC", "New Caledonia"}, {"NE", "Niger"}, {"NF", "Norfolk Island"}, {"NG", "Nigeria"}, {"NI", "Nicaragua"},
    {"NL", "Netherlands"}, {"NO", "Norway"}, {"NP", "Nepal"}, {"NR", "Nauru"}, {"NU", "Niue"},
    {"NZ", "New Zealand"}, {"OM", "Oman"}, {"PA", "Panama"}, {"PE", "Peru"}, {"PF", "French Polynesia"},
    {"PG", "Papua New Guinea"}, {"PH", "Philippines"}, {"PK", "Pakistan"}, {"PL", "Poland"},
    {"PM", "Saint Pierre and Miquelon"}, {"PN", "Pitcairn"}, {"PR", "Puerto Rico"}, {"PS", "Palestine"},
    {"PT", "Portugal"}, {"PW", "Palau"}, {"PY", "Paraguay"}, {"QA", "Qatar"}, {"RE", "Reunion"},
    {"RO", "Romania"}, {"RS", "Serbia"}, {"RU", "Russia"}, {"RW", "Rwanda"}, {"SA", "Saudi Arabia"},
    {"SB", "Solomon Islands"}, {"SC", "Seychelles"}, {"SD", "Sudan"}, {"SE", "Sweden"}, {"SG", "Singapore"},
    {"SH", "Saint Helena, Ascension and Tristan da Cunha"}, {"SI", "Slovenia"},
    {"SJ", "Svalbard and Jan Mayen"}, {"SK", "Slovakia"}, {"SL", "Sierra Leone"}, {"SM", "San Marino"},
    {"SN", "Senegal"}, {"SO", "Somalia"}, {"SR", "Suriname"}, {"SS", "South Sudan"},
    {"ST", "Sao Tome and Principe"}, {"SV", "El Salvador"}, {"SX", "Sint Maarten"}, {"SY", "Syria"},
    {"SZ", "Eswatini"}, {"TC", "Turks and Caicos Islands"}, {"TD", "Chad"},
    {"TF", "French Southern Territories"}, {"TG", "Togo"}, {"TH", "Thailand"}, {"TJ", "Tajikistan"},
    {"TK", "Tokelau"}, {"TL", "Timor-Leste"}, {"TM", "Turkmenistan"}, {"TN", "Tunisia"}, {"TO", "Tonga"},
    {"TR", "Turkey"}, {"TT", "Trinidad and Tobago"}, {"TV", "Tuvalu"}, {"TW", "Taiwan"}, {"TZ", "Tanzania"},
    {"UA", "Ukraine"}, {"UG", "Uganda"}, {"UM", "United States Minor Outlying Islands"},
    {"US", "United States"}, {"UY", "Uruguay"}, {"UZ", "Uzbekistan"}, {"VA", "Holy See"},
    {"VC", "Saint Vincent and the Grenadines"}, {"VE", "Venezuela"}, {"VG", "British Virgin Islands"},
    {"VI", "U.S. Virgin Islands"}, {"VN", "Vietnam"}, {"VU", "Vanuatu"}, {"WF", "Wallis and Futuna"},
    {"WS", "Samoa"}, {"YE", "Yemen"}, {"YT", "Mayotte"}, {"ZA", "South Africa"}, {"ZM", "Zambia"},
    {"ZW", "Zimbabwe"},
});

// Other spellings met in OFAC, UK, UN and registry data ("official" names, inverted forms, old names).
constexpr std::array kVariants = std::to_array<Country>({
    {"KP", "Democratic People's Republic of Korea"}, {"KP", "Korea, North"}, {"KP", "North Korea"},
    {"KP", "Korea, Democratic People's Republic of"}, {"KP", "DPRK"}, {"KP", "Korea (North)"},
    {"KR", "Republic of Korea"}, {"KR", "Korea, South"}, {"KR", "Korea, Republic of"}, {"KR", "Korea (South)"},
    {"RU", "Russian Federation"}, {"IR", "Iran, Islamic Republic of"}, {"IR", "Islamic Republic of Iran"},
    {"SY", "Syrian Arab Republic"}, {"VE", "Venezuela, Bolivarian Republic of"},
    {"VE", "Bolivarian Republic of Venezuela"}, {"VN", "Viet Nam"}, {"TZ", "United Republic of Tanzania"},
    {"TZ", "Tanzania, United Republic of"}, {"TR", "Turkiye"}, {"TR", "Republic of Turkiye"},
    {"KN", "St. Kitts & Nevis"}, {"KN", "Saint Christopher and Nevis"}, {"KN", "St Kitts-Nevis"},
    {"VC", "St. Vincent & the Grenadines"}, {"VC", "Saint Vincent"}, {"LC", "St. Lucia"},
    {"ST", "Sao Tome & Principe"}, {"VG", "Virgin Islands, British"}, {"VG", "Virgin Islands (British)"},
    {"VG", "BVI"}, {"VI", "Virgin Islands, U.S."}, {"VI", "United States Virgin Islands"},
    {"HK", "Hong Kong SAR"}, {"HK", "Hong Kong, China"}, {"HK", "Hong Kong Special Administrative Region"},
    {"MO", "Macau"}, {"MO", "Macao SAR"}, {"CN", "People's Republic of China"}, {"CN", "China, People's Republic of"},
    {"TW", "Taiwan, Province of China"}, {"TW", "Republic of China"},
    {"CD", "Congo, Democratic Republic of the"}, {"CD", "DR Congo"}, {"CD", "Congo (Kinshasa)"},
    {"CG", "Congo"}, {"CG", "Congo, Republic of the"}, {"CG", "Congo (Brazzaville)"},
    {"CI", "Ivory Coast"}, {"CV", "Cape Verde"}, {"CZ", "Czech Republic"}, {"SZ", "Swaziland"},
    {"MK", "Macedonia"}, {"MM", "Burma"}, {"LA", "Lao People's Democratic Republic"}, {"BN", "Brunei Darussalam"},
    {"BO", "Bolivia, Plurinational State of"}, {"MD", "Moldova, Republic of"}, {"FM", "Micronesia, Federated States of"},
    {"FM", "Federated States of Micronesia"}, {"GB", "UK"}, {"GB", "Great Britain"}, {"GB", "Britain"},
    {"GB", "United Kingdom of Great Britain and Northern Ireland"}, {"US", "United States of America"},
    {"US", "USA"}, {"US", "U.S.A."}, {"US", "U.S."}, {"AE", "UAE"}, {"AE", "U.A.E."}, {"NL", "The Netherlands"},
    {"NL", "Holland"}, {"BS", "The Bahamas"}, {"BS", "Bahamas, The"}, {"GM", "The Gambia"}, {"GM", "Gambia, The"},
    {"PS", "Palestinian Territories"}, {"PS", "State of Palestine"}, {"VA", "Vatican City"}, {"VA", "Vatican"},
    {"TL", "East Timor"}, {"FK", "Falkland Islands (Malvinas)"}, {"RE", "Reunion Island"},
    {"CW", "Curacao (Netherlands)"}, {"SX", "Sint Maarten (Dutch part)"}, {"MF", "Saint Martin (French part)"},
    {"PN", "Pitcairn Islands"}, {"SH", "Saint Helena"}, {"WS", "Western Samoa"}, {"AG", "Antigua"},
    {"TT", "Trinidad"}, {"BA", "Bosnia"}, {"MH", "Marshall Is."}, {"SB", "Solomon Is."}, {"KY", "Cayman Is."},
    {"CK", "Cook Is."}, {"FO", "Faroes"}, {"KM", "Union of the Comoros"}, {"GQ", "Equatorial Guinea (Bioko)"},
    {"LY", "Libyan Arab Jamahiriya"}, {"YE", "Republic of Yemen"}, {"CY", "Republic of Cyprus"},
    {"RS", "Republic of Serbia"}, {"ME", "Republic of Montenegro"},
});

// Lower-case ASCII words; accents folded (UTF-8 or latin-1 input), '&' as "and", "st" as "saint",
// apostrophes dropped, other punctuation as word breaks, a leading "the" dropped.
std::string fold(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  auto add = [&out](char c) { out += c; };
  for (std::size_t i = 0; i < name.size();) {
    const char32_t cp = detail::next_code_point(name, i);
    if (cp < 0x80) {
      if (std::isalnum(static_cast<int>(cp))) add(static_cast<char>(std::tolower(static_cast<int>(cp))));
      else if (cp == '&') out += " and ";
      else if (cp == '\'') continue;
      else add(' ');
      continue;
    }
    // Accented Latin letters: fold to their base letter (Å->a, ç->c, é->e, í->i, ñ->n, ô->o, ü->u, ý->y).
    static constexpr std::string_view kBase =  // U+00C0..U+00FF
        "aaaaaaaceeeeiiiidnooooo ouuuuyts" "aaaaaaaceeeeiiiidnooooo ouuuuyty";
    if (cp >= 0xC0 && cp <= 0xFF) add(kBase[cp - 0xC0]);
    else if (cp == 0x2019 || cp == 0x2018) continue;
    else add(' ');
  }
  // Words, with "st" -> "saint" and a leading "the" dropped.
  std::string folded;
  std::size_t pos = 0;
  bool first = true;
  while (pos < out.size()) {
    while (pos < out.size() && out[pos] == ' ') ++pos;
    const auto end = out.find(' ', pos);
    std::string_view word = std::string_view(out).substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? out.size() : end;
    if (word.empty()) continue;
    if (first && word == "the") {
      first = false;
      continue;
    }
    first = false;
    if (word == "st") word = "saint";
    if (!folded.empty()) folded += ' ';
    folded += word;
  }
  return folded;
}

struct Tables {
  std::unordered_map<std::string, std::string_view> by_name;  // folded name -> alpha-2
  std::unordered_map<std::string, std::string_view> names;    // alpha-2 -> short name
};

const Tables& tables() {
  static const Tables t = [] {
    Tables built;
    for (const Country& c : kCountries) {
      built.by_name.emplace(fold(c.name), c.iso2);
      built.names.emplace(std::string(c.iso2), c.name);
    }
    for (const Country& c : kVariants) built.by_name.emplace(fold(c.name), c.iso2);
    return built;
  }();
  return t;
}

}  // namespace

std::optional<std::string_view> country_to_iso2(std::string_view name) {
  name = detail::trim(name);
  const Tables& t = tables();
  if (name.size() == 2) {
    if (const auto it = t.names.find(detail::to_upper_ascii(name)); it != t.names.end()) {
      return std::string_view(it->first);
    }
  }
  if (const auto it = t.by_name.find(fold(name)); it != t.by_name.end()) return it->second;
  return std::nullopt;
}

std::string_view country_name(std::string_view iso2) {
  const Tables& t = tables();
  const auto it = t.names.find(detail::to_upper_ascii(iso2));
  return it == t.names.end() ? std::string_view{} : it->second;
}

bool is_no_country(std::string_view name) {
  const std::string f = fold(name);
  return f.empty() || f == "none identified" || f == "unknown" || f == "n a" || f == "none" || f == "0" ||
         f == "not known" || f == "stateless";
}

}  // namespace aiswatch::watchlists
