// ranking.cpp — see ranking.hpp.
#include "aiswatch/report/ranking.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace aiswatch::report {

double severity_weight(detectors::Severity s) noexcept {
  switch (s) {
    case detectors::Severity::info: return 0;
    case detectors::Severity::low: return 1;
    case detectors::Severity::medium: return 4;
    case detectors::Severity::high: return 16;
    case detectors::Severity::critical: return 64;
  }
  return 0;
}

std::vector<RankedVessel> rank_flagged_vessels(const ReportModel& model, const std::vector<ReviewDecision>& latest) {
  std::unordered_map<std::uint32_t, RankedVessel> by_mmsi;
  const auto touch = [&](std::uint32_t mmsi) -> RankedVessel& {
    RankedVessel& v = by_mmsi[mmsi];
    v.mmsi = mmsi;
    return v;
  };
  const auto count = [&](std::uint32_t mmsi, const detectors::Event& e) {
    RankedVessel& v = touch(mmsi);
    ++v.events;
    if (!e.flagged) return;
    if (v.flagged_events == 0 || e.severity > v.top_severity) v.top_severity = e.severity;
    ++v.flagged_events;
    v.score += severity_weight(e.severity);
  };
  for (const auto& e : model.events) {
    count(e.mmsi, e);
    if (e.other_mmsi && *e.other_mmsi != e.mmsi) count(*e.other_mmsi, e);
  }
  for (const auto& d : latest)
    if (d.vessel_mmsi) touch(*d.vessel_mmsi).decision = &d;
  for (const auto& dossier : model.vessels) {
    const auto it = by_mmsi.find(dossier.mmsi);
    if (it == by_mmsi.end()) continue;
    it->second.dossier = &dossier;
    double best = 0;
    for (const auto& m : dossier.watchlist) best = std::max(best, m.confidence);
    it->second.score += 10 * best;
  }

  std::vector<RankedVessel> ranked;
  for (auto& [mmsi, v] : by_mmsi) {
    const bool reviewed_in = v.decision && v.decision->status != ReviewStatus::dismissed;
    if (v.flagged_events > 0 || reviewed_in) ranked.push_back(v);
  }
  std::sort(ranked.begin(), ranked.end(), [](const RankedVessel& a, const RankedVessel& b) {
    const int sa = a.flagged_events ? static_cast<int>(a.top_severity) : -1;
    const int sb = b.flagged_events ? static_cast<int>(b.top_severity) : -1;
    return std::make_tuple(-sa, -a.score, -static_cast<long long>(a.flagged_events), a.mmsi) <
           std::make_tuple(-sb, -b.score, -static_cast<long long>(b.flagged_events), b.mmsi);
  });
  return ranked;
}

}  // namespace aiswatch::report
