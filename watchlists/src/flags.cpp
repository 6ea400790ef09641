#include "aiswatch/watchlists/flags.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "aiswatch/watchlists/country.hpp"
#include "text.hpp"

namespace aiswatch::watchlists {

FlagsOfConcern::FlagsOfConcern() : codes_{"IR", "KP", "RU"} {}

FlagsOfConcern::FlagsOfConcern(const std::vector<std::string>& countries) {
  for (const std::string& c : countries) {
    const auto iso2 = country_to_iso2(c);
    if (!iso2) throw std::invalid_argument(fmt::format("flags of concern: unknown country '{}'", detail::printable(c)));
    codes_.emplace_back(*iso2);
  }
  std::sort(codes_.begin(), codes_.end());
  codes_.erase(std::unique(codes_.begin(), codes_.end()), codes_.end());
}

FlagsOfConcern FlagsOfConcern::parse(std::string_view comma_separated) {
  std::vector<std::string> countries;
  while (!comma_separated.empty()) {
    const auto comma = comma_separated.find(',');
    if (const auto one = detail::trim(comma_separated.substr(0, comma)); !one.empty()) countries.emplace_back(one);
    comma_separated = comma == std::string_view::npos ? std::string_view{} : comma_separated.substr(comma + 1);
  }
  return FlagsOfConcern(countries);
}

bool FlagsOfConcern::flag_of_concern(std::string_view iso2) const noexcept {
  if (iso2.size() != 2) return false;
  const std::string upper = detail::to_upper_ascii(iso2);
  return std::binary_search(codes_.begin(), codes_.end(), upper);
}

std::optional<WatchlistMatch> FlagsOfConcern::as_match(std::string_view iso2) const {
  if (!flag_of_concern(iso2)) return std::nullopt;
  const std::string code = detail::to_upper_ascii(iso2);
  return WatchlistMatch{.list = "flags of concern",
                        .program = code,
                        .entry = code,
                        .name = std::string(country_name(code)),
                        .matched_on = MatchedOn::flag,
                        .confidence = 1.0,
                        .detail = fmt::format("flag {}", code)};
}

}  // namespace aiswatch::watchlists
