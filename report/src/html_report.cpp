// html_report.cpp — the page skeleton (head, Content-Security-Policy, inline style and script), the
// index shared by its parts, and small markup helpers. See html_report.hpp.
#include "aiswatch/report/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "aiswatch/report/sha256.hpp"
#include "anchors.hpp"
#include "html_assets.hpp"
#include "html_parts.hpp"

namespace aiswatch::report {

namespace detail {

PageIndex::PageIndex(const ReportModel& m, std::size_t max_dossiers) : model(m) {
  events.reserve(m.events.size());
  for (const auto& e : m.events) events.push_back(&e);
  std::sort(events.begin(), events.end(),
            [](const detectors::Event* a, const detectors::Event* b) { return detectors::event_order_less(*a, *b); });
  for (const detectors::Event* e : events) {
    by_vessel[e->mmsi].push_back(e);
    if (e->other_mmsi && *e->other_mmsi != e->mmsi) by_vessel[*e->other_mmsi].push_back(e);
  }
  for (const auto& d : m.decisions) {
    if (d.is_event_decision()) ++event_decision_count[d.event_id];
    else if (d.vessel_mmsi) ++vessel_decision_count[*d.vessel_mmsi];
  }
  latest = latest_decisions(m.decisions);
  for (const auto& d : latest) {
    if (d.is_event_decision()) event_decision[d.event_id] = &d;
    else if (d.vessel_mmsi) vessel_decision[*d.vessel_mmsi] = &d;
  }
  for (const auto& v : m.vessels) dossiers[v.mmsi] = &v;
  ranking = rank_flagged_vessels(m, latest);
  for (std::size_t i = 0; i < ranking.size() && i < max_dossiers; ++i) with_section.insert(ranking[i].mmsi);
}

const ReviewDecision* PageIndex::decision_for(const detectors::Event& e) const {
  const auto it = event_decision.find(e.id);
  return it == event_decision.end() ? nullptr : it->second;
}

std::string PageIndex::vessel_name(std::uint32_t mmsi) const {
  if (const auto it = dossiers.find(mmsi); it != dossiers.end() && !it->second->identity.name.empty())
    return it->second->identity.name;
  if (const auto it = by_vessel.find(mmsi); it != by_vessel.end()) {
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e)
      if ((*e)->mmsi == mmsi && !(*e)->name.empty()) return (*e)->name;
  }
  return "";
}

void vessel_link(std::string& out, const PageIndex& index, std::uint32_t mmsi, std::string_view label) {
  const bool linked = index.with_section.contains(mmsi);
  if (linked) fmt::format_to(std::back_inserter(out), "<a href=\"#{}\">", vessel_anchor(mmsi));
  text(out, label);
  if (linked) out += "</a>";
}

void severity_badge(std::string& out, detectors::Severity s) {
  fmt::format_to(std::back_inserter(out), "<span class=\"badge sev-{0}\">{0}</span>", detectors::to_string(s));
}

void status_badge(std::string& out, ReviewStatus s) {
  fmt::format_to(std::back_inserter(out), "<span class=\"badge st-{0}\">{0}</span>", to_string(s));
}

std::string duration_text(UnixMillis ms) {
  if (ms <= 0) return "instant";
  const long long minutes = ms / 60'000;
  if (minutes < 1) return fmt::format("{} s", ms / 1000);
  if (minutes < 60) return fmt::format("{} min", minutes);
  const long long hours = minutes / 60;
  if (hours < 48) return minutes % 60 ? fmt::format("{} h {} min", hours, minutes % 60) : fmt::format("{} h", hours);
  return hours % 24 ? fmt::format("{} d {} h", hours / 24, hours % 24) : fmt::format("{} d", hours / 24);
}

std::string ship_type_text(std::uint8_t type) {
  static constexpr std::array<const char*, 10> kSpecial = {"fishing",  "towing",   "towing (large)", "dredging",
                                                           "diving",   "military", "sailing",        "pleasure craft",
                                                           "reserved", "reserved"};
  static constexpr std::array<const char*, 10> kService = {"pilot vessel", "search and rescue", "tug", "port tender",
                                                           "anti-pollution", "law enforcement", "local vessel",
                                                           "local vessel", "medical transport", "noncombatant"};
  const unsigned tens = type / 10u;
  std::string name;
  switch (tens) {
    case 2: name = "wing in ground"; break;
    case 3: name = kSpecial[type % 10u]; break;
    case 4: name = "high-speed craft"; break;
    case 5: name = kService[type % 10u]; break;
    case 6: name = "passenger"; break;
    case 7: name = "cargo"; break;
    case 8: name = "tanker"; break;
    case 9: name = "other"; break;
    default: name = "reserved"; break;
  }
  return fmt::format("{} ({})", name, type);
}

std::string_view decision_evidence_state(const ReviewDecision& d, const detectors::Event* e) {
  if (!d.is_event_decision() || !e || d.evidence_fingerprint.empty()) return "";
  return evidence_fingerprint(*e) == d.evidence_fingerprint ? "same evidence" : "evidence changed since";
}

}  // namespace detail

namespace {

std::string csp_hash(std::string_view block) {
  Sha256 h;
  h.update(block);
  return "'sha256-" + to_base64(h.finish()) + "'";
}

}  // namespace

std::string render_html_report(const ReportModel& model, const HtmlReportOptions& options, const LandOutlines* land) {
  const detail::PageIndex index(model, options.max_dossiers);
  std::string out;
  out.reserve(1 << 20);

  // The policy comes before anything it governs. Nothing may be fetched: not scripts, styles, images,
  // fonts, frames, connections or form targets; only the two inline blocks below, by hash.
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  fmt::format_to(std::back_inserter(out),
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; "
                 "script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'\">\n",
                 csp_hash(detail::kReportCss), csp_hash(detail::kReportJs));
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"aiswatch ";
  detail::text(out, model.run.aiswatch_version);
  out += "\">\n<title>";
  detail::text(out, options.title);
  out += "</title>\n<style>";
  out += detail::kReportCss;
  out += "</style>\n</head>\n<body>\n";

  detail::append_summary(out, index, options, land);

  std::size_t rank = 0;
  for (const auto& v : index.ranking) {
    if (++rank > options.max_dossiers) break;
    detail::append_dossier(out, index, v, rank, options, land);
  }
  out += "</main>\n<footer>Generated by aiswatch ";
  detail::text(out, model.run.aiswatch_version);
  out += ". Self-contained: this page loads nothing from the network.</footer>\n<script>";
  out += detail::kReportJs;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace aiswatch::report
