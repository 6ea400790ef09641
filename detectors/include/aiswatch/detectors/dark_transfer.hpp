// dark_transfer.hpp — a vessel goes dark and the evidence says it met another vessel or moved cargo while
// unseen: our headline detector (docs/detectors.md "dark_transfer"). When a vessel's AIS gap closes away
// from ports, three rules are tried:
//   (a) partner  — another vessel stayed slow within `partner_max_distance_km` of the dark vessel's last or
//                  first position for `partner_min_presence_h` during the gap, and the dark vessel itself
//                  was slow at that end of the gap (a ship passing by is not a transfer);
//   (b) draught  — the draught changed by `min_draught_change_m` across a gap that starts and ends within
//                  `max_gap_displacement_km`, and no port could have been visited in between (no port
//                  within reach at `reach_speed_floor_kn` or the observed speed, leaving `min_port_stay_h`);
//   (c) both dark — two vessels' gaps overlap and they vanish and reappear within `pair_max_distance_km`
//                  of each other, both stopped at one end of the gap (ships sailing together through a
//                  coverage hole are not a transfer).
// Gaps that start or end in a harbour zone or within `min_port_distance_km` of a port are never
// considered: ships anchored together in port with coverage gaps are not dark transfers. Events are
// emitted once the draught report after the gap has arrived (or `draught_wait_h` has passed), flagged,
// severity high (raised by enrich for flags of concern and watchlists).
//
//   DarkTransferDetector dark(ctx, ctx.config.dark_transfer);
//   tracker.add_observer(dark);
//   … input …
//   dark.finish(last_time);             // emits events still waiting for a draught report, and rule (a)
//                                       // for vessels still dark at the end (evidence "open": true)
#pragma once

#include <cstdint>
#include <memory>

#include "aiswatch/detectors/detector.hpp"
#include "aiswatch/detectors/params.hpp"

namespace aiswatch::detectors {

struct DarkTransferConfig {
  double min_gap_h = 6;
  double min_gap_watch_area_h = 2;
  double min_port_distance_km = 10;
  double max_edge_speed_kn = 3;
  double partner_max_distance_km = 2;
  double partner_max_speed_kn = 2;
  double partner_min_presence_h = 1;
  double min_draught_change_m = 1;
  double max_gap_displacement_km = 10;
  double reach_speed_floor_kn = 12;
  double min_port_stay_h = 2;
  double pair_max_distance_km = 5;
  double pair_min_overlap_h = 1;
  double draught_wait_h = 1;
  double history_h = 72;
  double slow_fix_interval_min = 5;
  double cell_m = 2000;
  std::int64_t max_raw = 6;

  template <class V>
  void visit(V&& v) {
    v("min_gap_h", min_gap_h, "h", "GFW naive AIS gap: > 6 h between consecutive positions (pipe-gaps min_gap_length)");
    v("min_gap_watch_area_h", min_gap_watch_area_h, "h",
      "shorter gaps considered when they start or end in DPRK waters or an STS hotspot (UN Panel of Experts: "
      "transfers off Nampo and in Korea Bay take a few hours)");
    v("min_port_distance_km", min_port_distance_km, "km",
      "gaps starting or ending this close to a port reference point, or in a harbour zone, are coverage or "
      "port operations, not transfers (GFW encounters' 10 km from anchorage)");
    v("max_edge_speed_kn", max_edge_speed_kn, "kn",
      "rules (a) and (c): the dark vessel's reported speed at the end of the gap where it met the partner; "
      "transfers happen stopped or drifting (GFW 2 kn plus margin for deceleration and noise)");
    v("partner_max_distance_km", partner_max_distance_km, "km",
      "rule (a): partner within this distance of the dark vessel's last or first position (issue #4)");
    v("partner_max_speed_kn", partner_max_speed_kn, "kn", "rule (a): partner counts only while this slow (GFW loitering < 2 kn)");
    v("partner_min_presence_h", partner_min_presence_h, "h",
      "rule (a): the partner's slow fixes near the dark vessel span at least this long during the gap");
    v("min_draught_change_m", min_draught_change_m, "m",
      "rule (b), and evidence for all: draught change across the gap (Pole Star PurpleTRAC; detection-methods.md §2.2)");
    v("max_gap_displacement_km", max_gap_displacement_km, "km", "rule (b): the gap starts and ends within this distance (issue #4)");
    v("reach_speed_floor_kn", reach_speed_floor_kn, "kn",
      "rule (b): the dark vessel's speed for the port-reachability test is the larger of this and its observed "
      "speed around the gap (a tanker's service speed; a higher speed only suppresses rule (b))");
    v("min_port_stay_h", min_port_stay_h, "h",
      "rule (b): a port call that changes the draught by a metre takes at least this long alongside");
    v("pair_max_distance_km", pair_max_distance_km, "km",
      "rule (c): the two vessels' last positions, and their first positions, within this distance (issue #4)");
    v("pair_min_overlap_h", pair_min_overlap_h, "h", "rule (c): the two gaps overlap at least this long");
    v("draught_wait_h", draught_wait_h, "h",
      "after the gap, wait this long for the first static report (type 5 draught) before emitting");
    v("history_h", history_h, "h",
      "slow positions and closed gaps are kept this long for partner searches (longer gaps see only this much)");
    v("slow_fix_interval_min", slow_fix_interval_min, "min",
      "a slow vessel's positions are kept at most once per this interval (GFW resamples to 10 min)");
    v("cell_m", cell_m, "m", "spatial grid cell size for partner searches");
    v("max_raw", max_raw, "records", "raw sentences copied into the event");
  }
};

// Counters for tests, benchmarks and the run summary.
struct DarkTransferStats {
  std::uint64_t gaps_closed = 0;        // gaps over the threshold that closed
  std::uint64_t gaps_near_port = 0;     // of which excluded: in/near a port
  std::uint64_t slow_fixes_kept = 0;    // positions stored for partner searches
  std::uint64_t candidates_checked = 0; // stored positions / gaps examined by partner searches
  std::uint64_t by_partner = 0;         // events found by rule (a)
  std::uint64_t by_draught = 0;         // … by rule (b) alone
  std::uint64_t by_both_dark = 0;       // … by rule (c)
  std::uint64_t emitted = 0;
};

class DarkTransferDetector final : public Detector {
 public:
  DarkTransferDetector(const DetectorContext& context, DarkTransferConfig config);
  ~DarkTransferDetector() override;
  DarkTransferDetector(const DarkTransferDetector&) = delete;
  DarkTransferDetector& operator=(const DarkTransferDetector&) = delete;

  [[nodiscard]] const char* name() const noexcept override { return "dark_transfer"; }
  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) override;
  void on_static(const ais::Vessel& vessel, const ais::StaticReport& report) override;
  void on_time(UnixMillis now) override;
  void finish(UnixMillis end_of_data) override;

  [[nodiscard]] const DarkTransferStats& stats() const noexcept;
  [[nodiscard]] const DarkTransferConfig& config() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The pipeline's factory: a DarkTransferDetector with ctx.config's dark_transfer parameters.
std::unique_ptr<Detector> make_dark_transfer_detector(const DetectorContext& context);

}  // namespace aiswatch::detectors
