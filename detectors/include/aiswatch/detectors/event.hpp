// event.hpp — the one event struct every detector emits (contract: ../shared/DESIGN.md "Events").
//
// Events are plain data; report/ is the only place that serialises them (JSON lines, CSV, HTML, GIS).
// The id is derived from content (type, vessels, start time, zone) so the same evidence gets the same
// id in every run, live or replay:
//   Event e{.type = EventType::port_call, .mmsi = 273382620, .start = t0, .zone = "Rajin"};
//   e.id = make_event_id(e);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/watchlists/match.hpp"

namespace aiswatch::detectors {

inline constexpr int kEventSchemaVersion = 1;

enum class EventType : std::uint8_t {
  port_call,
  ais_gap,
  encounter,
  loitering,
  dark_transfer,
  spoofing,
  identity_change,
  watchlist_match,
  zone_entry,
  zone_exit,
};

enum class Severity : std::uint8_t { info, low, medium, high, critical };

const char* to_string(EventType t) noexcept;
const char* to_string(Severity s) noexcept;
std::optional<EventType> event_type_from_string(std::string_view s) noexcept;
std::optional<Severity> severity_from_string(std::string_view s) noexcept;

// A detector-specific fact ("gap_hours": 14.5, "draught_before_m": 12.1, "partner_name": "…").
using EvidenceValue = std::variant<bool, std::int64_t, double, std::string>;
struct EvidenceItem {
  std::string key;
  EvidenceValue value;
};

// A raw sentence (or CSV row) behind an event, copied — not an offset — so stdin/gzip/live work too.
struct RawSentence {
  std::string text;
  std::optional<UnixMillis> rx_time;
};

// Bound on raw records copied into one event.
inline constexpr std::size_t kMaxRawPerEvent = 16;

struct Event {
  std::string id;
  EventType type = EventType::port_call;
  std::uint32_t mmsi = 0;
  std::optional<std::uint32_t> other_mmsi;
  std::optional<std::uint32_t> imo;
  std::string name, callsign, flag;  // identity known at the time (flag: ISO 3166-1 alpha-2)
  UnixMillis start = 0, end = 0;
  std::optional<double> lat, lon;     // representative position
  std::string zone, zone_country;
  bool flagged = false;
  Severity severity = Severity::info;
  std::vector<std::string> reasons;
  std::vector<watchlists::WatchlistMatch> watchlist;
  std::vector<EvidenceItem> evidence;
  std::vector<RawSentence> raw;

  void add_evidence(std::string key, EvidenceValue value) { evidence.push_back({std::move(key), std::move(value)}); }
  const EvidenceValue* find_evidence(std::string_view key) const;
};

// 16 lowercase hex digits from (type, mmsi, other_mmsi, start, zone): stable across runs and modes.
std::string make_event_id(const Event& e);

// Deterministic order for output: by start time, then type, mmsi, other_mmsi, id.
bool event_order_less(const Event& a, const Event& b) noexcept;

}  // namespace aiswatch::detectors
