#include "aiswatch/detectors/event.hpp"

#include <array>
#include <tuple>

#include <fmt/format.h>

namespace aiswatch::detectors {

namespace {
constexpr std::array<const char*, 10> kTypeNames = {"port_call",       "ais_gap",       "encounter", "loitering",
                                                    "dark_transfer",   "spoofing",      "identity_change",
                                                    "watchlist_match", "zone_entry",    "zone_exit"};
constexpr std::array<const char*, 5> kSeverityNames = {"info", "low", "medium", "high", "critical"};

// FNV-1a 64: tiny, stable across platforms and versions (std::hash is neither).
struct Fnv1a {
  std::uint64_t h = 1469598103934665603ULL;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    add_byte(0x1f);  // field separator so ("ab","c") != ("a","bc")
  }
  void add_byte(unsigned char c) {
    h ^= c;
    h *= 1099511628211ULL;
  }
};
}  // namespace

const char* to_string(EventType t) noexcept { return kTypeNames.at(static_cast<std::size_t>(t)); }
const char* to_string(Severity s) noexcept { return kSeverityNames.at(static_cast<std::size_t>(s)); }

std::optional<EventType> event_type_from_string(std::string_view s) noexcept {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i)
    if (s == kTypeNames[i]) return static_cast<EventType>(i);
  return std::nullopt;
}

std::optional<Severity> severity_from_string(std::string_view s) noexcept {
  for (std::size_t i = 0; i < kSeverityNames.size(); ++i)
    if (s == kSeverityNames[i]) return static_cast<Severity>(i);
  return std::nullopt;
}

const EvidenceValue* Event::find_evidence(std::string_view key) const {
  for (const auto& item : evidence)
    if (item.key == key) return &item.value;
  return nullptr;
}

std::string make_event_id(const Event& e) {
  Fnv1a h;
  h.add(to_string(e.type));
  h.add(fmt::format("{}", e.mmsi));
  h.add(e.other_mmsi ? fmt::format("{}", *e.other_mmsi) : std::string());
  h.add(fmt::format("{}", e.start));
  h.add(e.zone);
  return fmt::format("{:016x}", h.h);
}

bool event_order_less(const Event& a, const Event& b) noexcept {
  return std::forward_as_tuple(a.start, a.type, a.mmsi, a.other_mmsi, a.id) <
         std::forward_as_tuple(b.start, b.type, b.mmsi, b.other_mmsi, b.id);
}

}  // namespace aiswatch::detectors
