// enrich.hpp — the one place that turns a detector's finding into a complete Event: identity at the
// time, watchlist matches, flag-of-concern and watchlist severity policy, bounded raw evidence, and the
// content-derived id. Detectors fill type, mmsi/other_mmsi, start/end, position, zone, their own
// reasons, base severity/flagged and evidence, then call finish_event():
//   Event e{.type = EventType::ais_gap, .mmsi = v.mmsi, .start = t0, .end = t1};
//   e.add_evidence("gap_hours", 14.5);
//   add_raw(e, update.raw());
//   ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
//
// Severity policy (docs/detectors.md "Flagging and severity"), applied on top of the detector's base:
//   * a watchlisted vessel (a named-list match with confidence >= kWatchlistedConfidence, of the vessel
//     or of the partner of a pair event): the event is flagged and raised two steps; an event the
//     detector had flagged becomes at least `high`. Weaker matches only add a reason.
//   * a vessel (or partner) flying a flag of concern: a flagged event is raised one step; an unflagged
//     event stays as it is (Russian ships calling at Busan are not news).
// Reasons are appended saying why. Unflagged events on ordinary vessels stay as the detector made them:
// decoys must never be flagged.
#pragma once

#include <span>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/vessel.hpp"
#include "aiswatch/detectors/detector.hpp"
#include "aiswatch/detectors/event.hpp"

namespace aiswatch::detectors {

// A named-list match at or above this confidence makes a vessel "watchlisted" (name + call sign 0.75,
// MMSI 0.85, IMO 0.95; a name alone, 0.35, or a former name, 0.5, does not).
inline constexpr double kWatchlistedConfidence = 0.7;
// Bytes kept of one raw record (a CSV row can be long; an NMEA sentence is at most 82 + tag block).
inline constexpr std::size_t kMaxRawTextBytes = 512;

// Copies raw records into e.raw (up to kMaxRawPerEvent; later ones are dropped, not the first; the same
// record twice is kept once; each cut at kMaxRawTextBytes).
void add_raw(Event& e, std::span<const ais::RawRef> raw);
void add_raw(Event& e, std::span<const ais::RawCopy> raw);

// Severity one or more steps up, saturating at critical.
Severity raise(Severity s, int steps = 1) noexcept;

// Fills identity (imo, name, callsign, flag from `vessel`, which may be null), watchlist matches of the
// vessel (and of other_mmsi, looked up in the tracker), applies the severity policy, and sets the id.
Event finish_event(Event e, const ais::Vessel* vessel, const DetectorContext& ctx);

}  // namespace aiswatch::detectors
