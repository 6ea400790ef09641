#include "aiswatch/simulator/flags.hpp"

#include <array>

namespace aiswatch::simulator {

namespace {

// ITU-R M.585 MIDs (ITU "Table of Maritime Identification Digits").
constexpr std::array<FlagState, 41> kFlags = {{
    {209, "CY"}, {210, "CY"}, {212, "CY"}, {215, "MT"}, {229, "MT"}, {248, "MT"}, {249, "MT"}, {256, "MT"},
    {273, "RU"}, {312, "BZ"}, {351, "PA"}, {352, "PA"}, {353, "PA"}, {354, "PA"}, {355, "PA"}, {356, "PA"},
    {357, "PA"}, {370, "PA"}, {371, "PA"}, {372, "PA"}, {373, "PA"}, {412, "CN"}, {413, "CN"}, {414, "CN"},
    {416, "TW"}, {431, "JP"}, {432, "JP"}, {440, "KR"}, {441, "KR"}, {445, "KP"}, {457, "MN"}, {477, "HK"},
    {511, "PW"}, {538, "MH"}, {563, "SG"}, {564, "SG"}, {565, "SG"}, {566, "SG"}, {636, "LR"}, {667, "SL"},
    {671, "TG"},
}};

}  // namespace

std::span<const FlagState> known_flags() noexcept { return kFlags; }

std::string_view flag_of_mmsi(std::uint32_t mmsi) noexcept {
  if (mmsi < 200'000'000 || mmsi > 799'999'999) return {};
  const auto mid = static_cast<std::uint16_t>(mmsi / 1'000'000);
  for (const auto& f : kFlags)
    if (f.mid == mid) return f.iso2;
  return {};
}

}  // namespace aiswatch::simulator
