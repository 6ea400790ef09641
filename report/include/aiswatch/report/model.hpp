// model.hpp — the in-memory report model: what `aiswatch replay` (and live mode, on each refresh) fills
// after a run, and what write_report() turns into events.jsonl, events.csv, index.html and GIS layers.
//
// It is plain data, filled by the caller:
//   ReportModel m;
//   m.run.aiswatch_version = AISWATCH_VERSION;
//   m.run.inputs.push_back(describe_input(InputRole::input, "day1.nmea.gz"));   // size + SHA-256
//   m.vessels.push_back(VesselDossier{.mmsi = 273382620, .identity = {.name = "SASCO ANGARA"}, .track = thinned});
//   m.events = std::move(events);               // already passed through apply_review()
//   m.decisions = case_file.history();           // shown on the dossiers
//   write_report(m, {}, "out/report");
//
// Events are not copied into dossiers: a vessel's timeline is every event whose mmsi or other_mmsi is
// the vessel's. Tracks are bounded by the caller (TrackThinner, track_thinning.hpp): the report draws
// every point it is given.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/detectors/event.hpp"
#include "aiswatch/report/review.hpp"
#include "aiswatch/watchlists/match.hpp"

namespace aiswatch::report {

enum class InputRole : std::uint8_t { input, watchlist, zones, config, case_file };
const char* to_string(InputRole r) noexcept;

// One file the run read, for reproducibility: same bytes, same configuration, same events.
struct InputFile {
  InputRole role = InputRole::input;
  std::string path;                         // as given on the command line ("-" for stdin)
  std::optional<std::uint64_t> size_bytes;  // nullopt when not measurable (a live socket)
  std::optional<std::string> sha256_hex;
};

// size + SHA-256 of a file on disk (throws ReportError naming it when unreadable).
InputFile describe_input(InputRole role, const std::filesystem::path& file);

struct Setting {
  std::string key;
  std::string value;
};

struct Counter {
  std::string name;  // "messages read", "rejected: bad checksum", …
  std::uint64_t value = 0;
};

struct RunInfo {
  std::string aiswatch_version;
  int event_schema_version = detectors::kEventSchemaVersion;
  std::optional<UnixMillis> generated_at;   // wall clock when the report was written (nullopt: omitted)
  std::vector<Setting> configuration;       // every setting in force, in display order
  std::vector<InputFile> inputs;            // input logs, watchlists, zone files, config file
  std::optional<UnixMillis> first_time;     // time span covered by the data
  std::optional<UnixMillis> last_time;
  std::uint64_t messages = 0;               // AIS messages decoded
  std::uint64_t vessels = 0;                // distinct MMSIs tracked
  std::vector<Counter> statistics;          // anything else worth reporting (rejects by reason…)
  bool receipt_time = false;                // a live feed without timestamps: times are of receipt
};

struct VesselIdentity {
  std::optional<std::uint32_t> imo;
  std::string name, callsign, flag, destination;  // flag: ISO 3166-1 alpha-2 (from the MID)
  std::optional<std::uint8_t> ship_type;          // ITU ship and cargo type 1..99
  std::optional<double> length_m, beam_m, draught_m;
};

// One change of a broadcast identity field, with the sentence it came from.
struct IdentityChange {
  std::string field;  // "name", "callsign", "imo", "flag", "ship_type", "draught", "destination", "mmsi"
  std::string old_value, new_value;
  UnixMillis time = 0;
  std::string raw;    // the raw sentence(s) behind the new value
};

struct TrackPoint {
  UnixMillis time = 0;
  double lat_deg = 0;
  double lon_deg = 0;
  std::optional<float> sog_kn;
  std::uint32_t segment = 0;  // the tracker's segment id: a new id after each gap
};

struct VesselDossier {
  std::uint32_t mmsi = 0;
  VesselIdentity identity;                     // latest known
  std::vector<IdentityChange> identity_history;  // oldest first
  std::uint64_t identity_changes_dropped = 0;  // older changes the tracker no longer keeps
  std::vector<std::uint32_t> related_mmsis;    // other MMSIs seen with the same IMO
  std::vector<watchlists::WatchlistMatch> watchlist;
  std::vector<TrackPoint> track;               // time order, already thinned
  std::uint64_t positions_total = 0;           // positions before thinning
};

struct ReportModel {
  RunInfo run;
  std::vector<VesselDossier> vessels;         // every tracked vessel (GIS tracks); flagged ones get a dossier
  std::vector<detectors::Event> events;       // after apply_review(); any order (outputs sort them)
  std::vector<ReviewDecision> decisions;      // the case file's history (latest per subject is shown)
};

}  // namespace aiswatch::report
