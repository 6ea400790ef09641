// track_store.hpp — a bounded, evenly thinned track of every vessel, collected while the input streams
// through, for the report's voyage maps and GIS track layers (re-reading the input would not work for
// stdin or live feeds).
//
// Cost: the hot path looks at the tracker's own vessel (already in cache) and takes only every
// `sample_every`-th in-order fix, plus every segment's first and last fix; only those touch the store's
// memory. Memory is bounded twice: each vessel keeps at most `points_per_vessel` fixes (24 bytes each) —
// when full, every other thinnable fix goes and the stride doubles, as report::TrackThinner does — and
// all vessels together at most `total_points`: past that, the per-vessel budget halves for everyone (down
// to `min_points_per_vessel`). Segment ends are pinned (up to half the budget), so gaps are drawn between
// the right places. Late (out-of-order) fixes are not stored; suspect ones are (the map shows the jump
// that was broadcast). The vessel's latest fix is the tracker's (report_model.cpp appends it).
//
//   TrackStore tracks;                     // a tracker observer
//   tracker.add_observer(tracks);
//   … input …
//   dossier.track = tracks.track(273459120);              // report::TrackPoints, oldest first
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "aiswatch/ais/flat_u32_map.hpp"
#include "aiswatch/ais/track_observer.hpp"
#include "aiswatch/report/model.hpp"

namespace aiswatch::pipeline {

struct TrackLimits {
  std::uint32_t sample_every = 4;         // in-order fixes between samples (segment ends always kept)
  std::size_t points_per_vessel = 256;
  std::size_t total_points = 8'000'000;  // ~190 MB of fixes at most
  std::size_t min_points_per_vessel = 16;
};

class TrackStore final : public ais::TrackObserver {
 public:
  explicit TrackStore(TrackLimits limits = {});

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& update) override;

  // The kept fixes of a vessel, oldest first (positions rounded to float, ~2 m); empty when unknown.
  [[nodiscard]] std::vector<report::TrackPoint> track(std::uint32_t mmsi) const;
  // Every vessel with a track, in the order they were first seen.
  [[nodiscard]] std::vector<std::uint32_t> mmsis() const;

  [[nodiscard]] std::size_t vessels() const noexcept { return tracks_.size(); }
  [[nodiscard]] std::size_t points() const noexcept { return points_; }
  [[nodiscard]] std::size_t points_per_vessel() const noexcept { return cap_; }
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

 private:
  struct Fix {
    UnixMillis time = 0;
    float lat = 0, lon = 0;
    std::uint32_t segment = 0;
    std::uint16_t sog_dkn = kNoSpeed;  // tenths of a knot
    bool pinned = false;               // a segment end, never thinned
    static constexpr std::uint16_t kNoSpeed = 0xFFFF;
  };
  struct VesselTrack {
    std::uint32_t mmsi = 0;
    std::uint32_t stride = 1;    // thinnable fixes are kept when ordinal % stride == 0
    std::uint32_t ordinal = 0;   // thinnable fixes seen
    std::uint32_t pinned = 0;    // pinned fixes stored
    std::vector<Fix> fixes;
  };

  static Fix to_fix(const ais::TrackPoint& p, bool pinned) noexcept;
  VesselTrack& track_of(std::uint32_t mmsi);
  void commit(VesselTrack& t, Fix f);
  void halve(VesselTrack& t);
  void shrink_all();
  [[nodiscard]] const VesselTrack* find(std::uint32_t mmsi) const noexcept;

  TrackLimits limits_;
  std::size_t cap_;
  std::size_t points_ = 0;
  std::vector<VesselTrack> tracks_;
  ais::FlatU32Map index_;  // MMSI -> position in tracks_
};

}  // namespace aiswatch::pipeline
