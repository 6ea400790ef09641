// html_parts.hpp — private: what the parts of the HTML report share — an index over the model (events by
// vessel, latest decisions, ranking) and small markup helpers. Markup is built by appending to a string;
// every piece of data goes through `text()` (HTML-escaped), literal markup is ours.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aiswatch/report/html_report.hpp"
#include "aiswatch/report/ranking.hpp"
#include "aiswatch/report/text_escape.hpp"

namespace aiswatch::report::detail {

struct PageIndex {
  PageIndex(const ReportModel& m, std::size_t max_dossiers);

  const ReportModel& model;
  std::vector<const detectors::Event*> events;  // in event_order_less order
  std::unordered_map<std::uint32_t, std::vector<const detectors::Event*>> by_vessel;  // as mmsi or other_mmsi
  std::vector<ReviewDecision> latest;
  std::unordered_map<std::string, const ReviewDecision*> event_decision;
  std::unordered_map<std::string, std::size_t> event_decision_count;
  std::unordered_map<std::uint32_t, const ReviewDecision*> vessel_decision;
  std::unordered_map<std::uint32_t, std::size_t> vessel_decision_count;
  std::unordered_map<std::uint32_t, const VesselDossier*> dossiers;
  std::vector<RankedVessel> ranking;
  std::unordered_set<std::uint32_t> with_section;  // vessels that get a dossier section on the page

  const ReviewDecision* decision_for(const detectors::Event& e) const;
  // The event's vessel-name for display: the dossier's latest name, else the event's.
  std::string vessel_name(std::uint32_t mmsi) const;
};

inline void text(std::string& out, std::string_view s) { append_html_text(out, s); }

// <a href="#v-MMSI">label</a> when the vessel has a section, else the label alone.
void vessel_link(std::string& out, const PageIndex& index, std::uint32_t mmsi, std::string_view label);
void severity_badge(std::string& out, detectors::Severity s);
void status_badge(std::string& out, ReviewStatus s);
std::string duration_text(UnixMillis ms);
std::string ship_type_text(std::uint8_t type);
// "same evidence", "evidence changed" or "" (vessel decisions, unknown fingerprints).
std::string_view decision_evidence_state(const ReviewDecision& d, const detectors::Event* e);

void append_summary(std::string& out, const PageIndex& index, const HtmlReportOptions& options,
                    const LandOutlines* land);
void append_dossier(std::string& out, const PageIndex& index, const RankedVessel& vessel, std::size_t rank,
                    const HtmlReportOptions& options, const LandOutlines* land);

}  // namespace aiswatch::report::detail
