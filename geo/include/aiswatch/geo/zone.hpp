// zone.hpp — what a zone is: a named area (harbour, DPRK waters, STS hotspot, user polygon) and its facts.
//
// Zones are plain data; their geometry lives in the ZoneSet that answers queries (zone_set.hpp). Detectors
// ask the questions sanctions work needs through the flags and helpers here:
//   for (const Zone* z : hits) {
//     if (z->is_dprk_port()) …;            // a call at a North Korean port
//     if (z->shuttle_port) …;              // a Russian port of the Rajin shuttle (Vostochny, Dunai, …)
//     if (z->kind == ZoneKind::dprk_waters) …;
//   }
// The attribute convention that fills these fields from a zone file is in docs/geo.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aiswatch::geo {

enum class ZoneKind : std::uint8_t {
  port,         // a harbour area around a port
  dprk_waters,  // within 12 nm of North Korea's coast (approximation of its territorial sea)
  sts_hotspot,  // an area where ship-to-ship transfers have been reported
  country,      // a country polygon
  user,         // any other area a user watches (the default kind of a user zone file)
};

const char* to_string(ZoneKind kind) noexcept;
std::optional<ZoneKind> zone_kind_from_string(std::string_view text) noexcept;

struct Zone {
  std::string id;    // unique in a ZoneSet; a later zone with the same id replaces an earlier one
  std::string name;  // text from a zone file: escape it in every output format
  ZoneKind kind = ZoneKind::user;
  std::string country_iso2;  // ISO 3166-1 alpha-2, empty when unknown
  bool watched = false;      // belongs in the sanctions team's review when a vessel is in it
  bool shuttle_port = false; // a Russian port of the Russia–DPRK Rajin shuttle
  bool approximate = false;  // the geometry is an estimate, not a published boundary
  std::optional<double> port_lat_deg, port_lon_deg;  // port reference point (ports only)
  std::optional<double> radius_m;  // set when the zone is a circle around a point
  std::string source;              // the file the zone came from
  std::vector<std::pair<std::string, std::string>> properties;  // other attributes, as text

  bool is_port() const noexcept { return kind == ZoneKind::port; }
  bool is_dprk_port() const noexcept { return kind == ZoneKind::port && country_iso2 == "KP"; }
  // The value of a property kept in `properties` (e.g. "harbour_size", "unlocode"), if any.
  std::optional<std::string_view> property(std::string_view key) const noexcept;
};

}  // namespace aiswatch::geo
