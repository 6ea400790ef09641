// anchors.hpp — private: the HTML ids of vessel dossiers and timeline entries, shared by the page and its
// maps. Ids are built from our own digits and hex only, so no event id can break out of an attribute or
// collide with page structure; an id holding anything else is replaced by a digest of it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "aiswatch/report/sha256.hpp"

namespace aiswatch::report::detail {

inline std::string vessel_anchor(std::uint32_t mmsi) { return fmt::format("v-{}", mmsi); }

inline std::string event_anchor(std::string_view event_id) {
  const bool plain = !event_id.empty() && event_id.size() <= 64 &&
                     event_id.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
  return plain ? fmt::format("ev-{}", event_id) : fmt::format("ev-x{}", sha256_hex(event_id).substr(0, 16));
}

}  // namespace aiswatch::report::detail
