// encounter.hpp — visible ship-to-ship encounters: two vessels close together, both slow, away from port,
// for hours (Global Fishing Watch's encounter definition as the baseline preset; docs/detectors.md).
//
// Only slow vessels away from harbours enter a spatial grid (cells about `cell_m` wide); each position
// update of such a vessel compares it with the vessels in its own and neighbouring cells (never all
// pairs). A pair within `max_distance_m` opens a window; the window ends when the two have been apart or
// one of them fast for `apart_grace_min`, or were not seen together for `max_joint_gap_h`. Windows of
// one pair less than `merge_gap_h` apart merge. An encounter is emitted `merge_gap_h` after its last
// window ends (so a late draught report is included) when it lasted `min_duration_h`, both median speeds
// were below `max_speed_kn`, and it lies `min_port_distance_km` from any port. One event per pair: the
// vessel of greater concern (watchlisted, then flag of concern) is `mmsi`, otherwise the lower MMSI.
//
//   EncounterDetector enc(ctx, ctx.config.encounter);
//   tracker.add_observer(enc);
//   … input …
//   enc.finish(last_time);                 // closes open encounters, emits the qualifying ones
//   enc.stats().pair_checks;               // distance comparisons made (grows ~linearly with updates)
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"
#include "aiswatch/detectors/params.hpp"

namespace aiswatch::detectors {

struct EncounterConfig {
  double max_distance_m = 500;
  double max_speed_kn = 2;
  double min_duration_h = 2;
  double min_window_h = 1;
  double min_port_distance_km = 10;
  double merge_gap_h = 4;
  double max_fix_age_min = 10;
  double max_joint_gap_h = 1;
  double apart_grace_min = 10;
  double min_draught_change_m = 1;
  double cell_m = 1000;
  std::int64_t max_raw_per_vessel = 4;

  template <class V>
  void visit(V&& v) {
    v("max_distance_m", max_distance_m, "m", "GFW encounters: max separation 0.5 km (encounters.html §15.2)");
    v("max_speed_kn", max_speed_kn, "kn",
      "GFW encounters: median speed < 2 kn (pipe-events encounter-events.sql.j2); reported SOG, implied speed "
      "where SOG is missing");
    v("min_duration_h", min_duration_h, "h", "GFW encounters: >= 2 h after merging (encounters_pipeline merge pass)");
    v("min_window_h", min_window_h, "h",
      "GFW encounters: raw encounters shorter than 60 min are dropped before merging (create_raw_pipeline)");
    v("min_port_distance_km", min_port_distance_km, "km",
      "GFW encounters: >= 10 km from a coastal anchorage (merge_pipeline filter_by_distance); start, end and mean "
      "position are checked against port reference points, and none may lie in a harbour zone");
    v("merge_gap_h", merge_gap_h, "h",
      "GFW encounters: the same pair < 4 h apart is one encounter (merge_options min_hours_between_encounters); "
      "also how long after the end an encounter waits before it is emitted");
    v("max_fix_age_min", max_fix_age_min, "min",
      "two vessels' fixes are compared when at most this far apart in time, the older one dead-reckoned "
      "(GFW resamples tracks to 10-min steps)");
    v("max_joint_gap_h", max_joint_gap_h, "h",
      "a window ends when the pair was not seen together for this long (GFW does not interpolate across gaps > 1 h)");
    v("apart_grace_min", apart_grace_min, "min",
      "a window ends after the pair has been apart, or one vessel fast, this long without interruption (one "
      "noisy fix does not split an encounter; one 10-min GFW step)");
    v("min_draught_change_m", min_draught_change_m, "m",
      "draught change of either vessel across the encounter (up to its emission) that flags it: cargo moved at "
      "sea (Pole Star; detection-methods.md §2.2)");
    v("cell_m", cell_m, "m", "spatial grid cell size for the neighbour search (>= max_distance_m)");
    v("max_raw_per_vessel", max_raw_per_vessel, "records", "raw sentences copied into the event per vessel");
  }
};

// Counters for tests, benchmarks and the run summary.
struct EncounterStats {
  std::uint64_t updates_in_grid = 0;   // position updates of slow vessels away from harbours
  std::uint64_t pair_checks = 0;       // distance comparisons between two vessels
  std::uint64_t windows_opened = 0;    // pairs that came within max_distance_m
  std::uint64_t windows_merged = 0;    // windows joined to the pair's previous one (< merge_gap_h apart)
  std::uint64_t emitted = 0;
  std::uint64_t dropped_short = 0;     // under min_duration_h / min_window_h
  std::uint64_t dropped_fast = 0;      // a median speed at or over max_speed_kn
  std::uint64_t dropped_port = 0;      // within min_port_distance_km of a port, or in a harbour zone
  std::uint64_t dropped_land = 0;      // mean position on land (bad positions)
};

class EncounterDetector final : public Detector {
 public:
  EncounterDetector(const DetectorContext& context, EncounterConfig config);
  ~EncounterDetector() override;
  EncounterDetector(const EncounterDetector&) = delete;
  EncounterDetector& operator=(const EncounterDetector&) = delete;

  [[nodiscard]] const char* name() const noexcept override { return "encounter"; }
  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) override;
  void on_static(const ais::Vessel& vessel, const ais::StaticReport& report) override;
  void on_time(UnixMillis now) override;
  void finish(UnixMillis end_of_data) override;

  [[nodiscard]] const EncounterStats& stats() const noexcept;
  [[nodiscard]] const EncounterConfig& config() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The pipeline's factory: an EncounterDetector with ctx.config's encounter parameters.
std::unique_ptr<Detector> make_encounter_detector(const DetectorContext& context);

}  // namespace aiswatch::detectors
