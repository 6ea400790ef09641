// enrich.hpp — the one place that turns a detector's finding into a complete Event: identity at the
// time, watchlist matches, flag-of-concern and watchlist severity policy, bounded raw evidence, and the
// content-derived id. Detectors fill type, mmsi/other_mmsi, start/end, position, zone, their own
// reasons, base severity/flagged and evidence, then call finish_event():
//   Event e{.type = EventType::ais_gap, .mmsi = v.mmsi, .start = t0, .end = t1};
//   e.add_evidence("gap_hours", 14.5);
//   add_raw(e, update.raw());
//   ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
//
// Severity policy (docs/detectors.md): an event of a watchlisted vessel (named-list match with
// confidence >= 0.7) is flagged and raised two steps (at least `high`); a vessel flying a flag of concern
// raises a flagged event one step; the partner of a pair event counts too. Reasons are appended saying
// why. Unflagged events on ordinary vessels stay `info`/unflagged: decoys must never be flagged.
#pragma once

#include <span>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/vessel.hpp"
#include "aiswatch/detectors/detector.hpp"
#include "aiswatch/detectors/event.hpp"

namespace aiswatch::detectors {

// Copies raw records into e.raw (up to kMaxRawPerEvent; later ones are dropped, not the first).
void add_raw(Event& e, std::span<const ais::RawRef> raw);
void add_raw(Event& e, std::span<const ais::RawCopy> raw);

// Severity one or more steps up, saturating at critical.
Severity raise(Severity s, int steps = 1) noexcept;

// Fills identity (imo, name, callsign, flag from `vessel`, which may be null), watchlist matches of the
// vessel (and of other_mmsi, looked up in the tracker), applies the severity policy, and sets the id.
Event finish_event(Event e, const ais::Vessel* vessel, const DetectorContext& ctx);

}  // namespace aiswatch::detectors
