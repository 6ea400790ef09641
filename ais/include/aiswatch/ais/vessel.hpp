// vessel.hpp — what the tracker knows about one MMSI: last fix, identity, identity history, counters.
//
// Kept compact on purpose (an idle vessel costs well under 512 bytes, see bench/tracker_bench.cpp):
// identity text lives inline in FixedStrings; the identity history and the Kalman filter are separate
// allocations that exist only while there is something in them (a change; a moving vessel).
//
//   const Vessel* v = tracker.find(273382620);
//   if (v && v->last) fmt::print("{} at {},{} ({})", v->identity.name.view(), v->last->lat_deg,
//                                v->last->lon_deg, v->flag() ? v->flag()->alpha2 : "??");
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aiswatch/ais/fixed_string.hpp"
#include "aiswatch/ais/kalman.hpp"
#include "aiswatch/ais/mmsi.hpp"
#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::ais {

// One accepted position fix as the tracker keeps it.
struct TrackPoint {
  UnixMillis time = 0;
  double lat_deg = 0, lon_deg = 0;
  std::optional<float> sog_kn, cog_deg;
  std::optional<std::uint16_t> heading_deg;
  std::optional<std::uint8_t> nav_status;
  std::uint32_t segment = 0;   // per-vessel track segment (0, 1, …): a new one starts after a long gap
  bool suspect = false;        // implied speed from the previous fix over the configured limit
};

// Latest identity as broadcast (types 5/19/24, CSV columns). Absent fields never erase known ones.
struct Identity {
  std::optional<std::uint32_t> imo;    // as broadcast; see is_valid_imo() before trusting it
  FixedString<7> callsign;
  FixedString<20> name;
  FixedString<20> destination;
  std::optional<std::uint8_t> ship_type;
  std::optional<float> draught_m;
  std::optional<std::uint16_t> to_bow_m, to_stern_m;
  std::optional<std::uint8_t> to_port_m, to_starboard_m;
  std::optional<std::uint16_t> length_m, beam_m;   // overall, when a CSV gives only those
  std::optional<Eta> eta;
  std::optional<UnixMillis> time;                   // the static report last applied

  // Overall length/beam from the reference-point offsets, or the CSV values.
  [[nodiscard]] std::optional<std::uint16_t> length_overall_m() const noexcept;
  [[nodiscard]] std::optional<std::uint16_t> beam_overall_m() const noexcept;
};

enum class IdentityField : std::uint8_t {
  name,
  callsign,
  imo,
  ship_type,
  draught,
  destination,
  flag,   // this IMO was last broadcast by an MMSI of another flag (re-flagging, or a stolen identity)
  mmsi,   // this IMO was last broadcast by another MMSI of the same flag
};
const char* to_string(IdentityField field) noexcept;

// A copy of an input record (the views in observations do not outlive the call).
struct RawCopy {
  std::string text;   // cut at TrackerConfig::raw_text_max bytes
  std::optional<UnixMillis> rx_time;
};

struct IdentityChange {
  IdentityField field = IdentityField::name;
  UnixMillis time = 0;
  std::string before, after;       // as text: "9179842", "7.5", "KP", "OCEAN STAR"
  std::uint32_t other_mmsi = 0;    // flag/mmsi changes: the MMSI that broadcast this IMO before
  std::vector<RawCopy> raw;        // the records of the report that made the change (bounded)
};

// Latest changes, oldest first; older ones are only counted.
struct IdentityHistory {
  std::deque<IdentityChange> latest;
  std::uint32_t dropped = 0;
  [[nodiscard]] std::uint32_t total() const noexcept {
    return dropped + static_cast<std::uint32_t>(latest.size());
  }
};

struct VesselCounts {
  std::uint32_t positions = 0;    // accepted in-order fixes
  std::uint32_t late = 0;         // out-of-order fixes within the reorder window (kept, flagged)
  std::uint32_t too_old = 0;      // older than the reorder window (dropped, counted)
  std::uint32_t duplicates = 0;   // the same message again (another station, or a repeated CSV row)
  std::uint32_t suspect = 0;      // fixes marked suspect (implausible jump)
  std::uint32_t statics = 0;      // static/identity reports applied
};

// Remembers the last 8 payload hashes of a vessel so a message heard by several stations counts once.
// Eight, because a copy from a slow station can arrive after several newer messages of the same vessel
// (seen in the NOAA sample). Stored compactly (32-bit hash fold, whole seconds): 64 bytes.
class RecentPayloads {
 public:
  // True when `hash` was seen within `window_ms` (to the second) of `time`; otherwise remembers it.
  bool seen_before(std::uint64_t hash, UnixMillis time, std::int64_t window_ms) noexcept;

 private:
  static constexpr std::size_t kSlots = 8;
  std::array<std::uint32_t, kSlots> hashes_{};   // 0 = empty; stored folds are never 0
  std::array<std::uint32_t, kSlots> seconds_{};  // Unix seconds (good until 2106)
  std::uint8_t next_ = 0;
};

// Field order is for the position hot path: everything a position report reads and writes (the fix,
// times, counts, duplicate check, filter) comes first, in adjacent cache lines; the identity, read on
// static reports and by detectors now and then, comes last.
struct Vessel {
  std::uint32_t mmsi = 0;
  MmsiClass mmsi_class;
  UnixMillis first_seen = 0, last_seen = 0;   // any message, positions or identity
  std::optional<TrackPoint> last;          // latest in-order fix
  VesselCounts counts;
  std::optional<UnixMillis> last_moving;   // last fix at or above the moving threshold
  RecentPayloads recent;
  std::unique_ptr<KalmanTrack> kalman;        // only while moving
  std::unique_ptr<IdentityHistory> history;   // null until the first change
  Identity identity;

  [[nodiscard]] std::optional<MidEntry> flag() const noexcept {
    return mmsi_class.mid ? flag_of_mid(*mmsi_class.mid) : std::nullopt;
  }
};

// What is left of a vessel after eviction (and what the report lists for every vessel).
struct VesselSummary {
  std::uint32_t mmsi = 0;
  MmsiKind kind = MmsiKind::invalid;
  std::optional<MidEntry> flag;
  std::optional<std::uint32_t> imo;
  std::string name, callsign, destination;
  std::optional<std::uint8_t> ship_type;
  std::optional<float> draught_m;
  std::optional<std::uint16_t> length_m;
  UnixMillis first_seen = 0, last_seen = 0;
  std::optional<TrackPoint> last;
  VesselCounts counts;
  std::uint32_t segments = 0;
  std::uint32_t identity_changes = 0;
};

VesselSummary summarise(const Vessel& vessel);

}  // namespace aiswatch::ais
