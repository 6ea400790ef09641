// event_json.hpp — THE serialisation of an event as one JSON line (contract: ../shared/DESIGN.md,
// "Events"). Used for events.jsonl in the report, for `--events FILE|-` in replay and live, and nowhere
// else may an event be turned into JSON by hand.
//
//   std::string line;
//   for (const Event& e : events) { line.clear(); write_event_json(e, line); std::fwrite(line.data(), 1, line.size(), out); }
//
// Every key is always present, in this order: id, type, mmsi, other_mmsi, imo, name, callsign, flag,
// start, end, lat, lon, zone, zone_country, flagged, severity, reasons, watchlist, evidence, raw.
// Absent optional values are null (other_mmsi, imo, lat, lon, a raw sentence's rxtime, a match's imo);
// text fields are strings, "" when unknown. Times are ISO 8601 UTC with a Z. Numbers are written in
// their shortest round-trip form; a non-finite number (which JSON cannot hold) is written as null.
// Every string goes through append_json_string (text_escape.hpp): AIS text is attacker-controlled.
#pragma once

#include <string>

#include "aiswatch/detectors/event.hpp"

namespace aiswatch::report {

// Appends one JSON object and a '\n' to `out`.
void write_event_json(const detectors::Event& e, std::string& out);

}  // namespace aiswatch::report
