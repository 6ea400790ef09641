// flags.hpp — flag states of concern (default Russia, DPRK, Iran), kept apart from the named lists.
//
// A flag is a fact about the vessel, not an identification, so it never mixes with list matches;
// as_match() turns it into a WatchlistMatch (matched_on flag) for events that want one list of reasons:
//   FlagsOfConcern flags;                               // RU, KP, IR
//   flags.flag_of_concern("kp") == true
//   FlagsOfConcern custom = FlagsOfConcern::parse("RU,KP,IR,SY");   // throws on an unknown code
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/watchlists/match.hpp"

namespace aiswatch::watchlists {

class FlagsOfConcern {
 public:
  FlagsOfConcern();  // RU, KP, IR
  // ISO alpha-2 codes or country names; an unknown one is an error (std::invalid_argument naming it).
  explicit FlagsOfConcern(const std::vector<std::string>& countries);
  // Comma-separated list ("RU,KP,IR"); "" means no flag is of concern.
  static FlagsOfConcern parse(std::string_view comma_separated);

  bool flag_of_concern(std::string_view iso2) const noexcept;
  const std::vector<std::string>& codes() const noexcept { return codes_; }

  // {list "flags of concern", program and entry = the code, name = the country, matched_on flag,
  //  confidence 1: the vessel does fly it}; nullopt when the flag is not of concern.
  std::optional<WatchlistMatch> as_match(std::string_view iso2) const;

 private:
  std::vector<std::string> codes_;  // upper-case alpha-2, sorted, unique
};

}  // namespace aiswatch::watchlists
