// zone.cpp — ZoneKind names and property lookup.
#include "aiswatch/geo/zone.hpp"

#include <array>

namespace aiswatch::geo {
namespace {

constexpr std::array<std::pair<ZoneKind, const char*>, 5> kKindNames{{
    {ZoneKind::port, "port"},
    {ZoneKind::dprk_waters, "dprk_waters"},
    {ZoneKind::sts_hotspot, "sts_hotspot"},
    {ZoneKind::country, "country"},
    {ZoneKind::user, "user"},
}};

}  // namespace

const char* to_string(ZoneKind kind) noexcept {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "user";
}

std::optional<ZoneKind> zone_kind_from_string(std::string_view text) noexcept {
  for (const auto& [k, name] : kKindNames) {
    if (text == name) return k;
  }
  return std::nullopt;
}

std::optional<std::string_view> Zone::property(std::string_view key) const noexcept {
  for (const auto& [k, v] : properties) {
    if (k == key) return std::string_view(v);
  }
  return std::nullopt;
}

}  // namespace aiswatch::geo
