// ranking.hpp — which vessels the sanctions team should look at first: the flagged vessels of a report,
// ranked by the most severe flagged event, then by score.
//
//   for (const RankedVessel& v : rank_flagged_vessels(model)) fmt::print("{} {}\n", v.mmsi, to_string(v.top_severity));
//
// A vessel is flagged when at least one flagged event involves it (as mmsi or other_mmsi: both ships of
// a flagged encounter are shown), or when its latest vessel decision is `confirmed` or `needs-info`.
// score = Σ over its flagged events of 4^(severity − low) (low 1, medium 4, high 16, critical 64; info 0)
//         + 10 × the highest watchlist-match confidence on its dossier,
// so one high-severity event outweighs several lower ones. Ties: more flagged events first, then MMSI.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "aiswatch/detectors/event.hpp"
#include "aiswatch/report/model.hpp"

namespace aiswatch::report {

struct RankedVessel {
  std::uint32_t mmsi = 0;
  detectors::Severity top_severity = detectors::Severity::info;  // of its flagged events
  double score = 0;
  std::size_t flagged_events = 0;
  std::size_t events = 0;                      // all events involving it
  const VesselDossier* dossier = nullptr;      // into the model; null when only events name the vessel
  const ReviewDecision* decision = nullptr;    // latest vessel decision (into `latest`), if any
};

double severity_weight(detectors::Severity s) noexcept;

// `latest` as returned by latest_decisions(); the result points into `model` and `latest`.
std::vector<RankedVessel> rank_flagged_vessels(const ReportModel& model, const std::vector<ReviewDecision>& latest);

}  // namespace aiswatch::report
