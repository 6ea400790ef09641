// html_summary.cpp — the first page of the HTML report: run summary, flagged vessels ranked, counts by
// event type, review decisions and the reproducibility record. See html_report.hpp.
#include <fmt/format.h>

#include <iterator>
#include <map>

#include "anchors.hpp"
#include "html_parts.hpp"

namespace aiswatch::report::detail {

namespace {

void stat(std::string& out, std::string_view value, std::string_view label) {
  out += "<div class=\"stat\"><b>";
  text(out, value);
  out += "</b><span>";
  text(out, label);
  out += "</span></div>";
}

void kv_row(std::string& out, std::string_view key, std::string_view value, bool mono = false) {
  out += "<tr><th>";
  text(out, key);
  out += mono ? "</th><td class=\"mono\">" : "</th><td>";
  text(out, value);
  out += "</td></tr>";
}

std::string time_span(const RunInfo& run) {
  if (!run.first_time || !run.last_time) return "unknown";
  return fmt::format("{} \u2192 {} ({})", format_iso8601(*run.first_time), format_iso8601(*run.last_time),
                     duration_text(*run.last_time - *run.first_time));
}

void append_header(std::string& out, const PageIndex& index, const HtmlReportOptions& options) {
  const RunInfo& run = index.model.run;
  out += "<header class=\"top\"><h1>";
  text(out, options.title);
  out += "</h1><p>";
  text(out, fmt::format("Data {} \u00B7 aiswatch {} \u00B7 event schema {}", time_span(run), run.aiswatch_version,
                        run.event_schema_version));
  if (run.generated_at) text(out, " \u00B7 generated " + format_iso8601(*run.generated_at));
  out += "</p></header>\n";
  out += "<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#vessels\">Flagged vessels</a>"
         "<a href=\"#overview\">Map</a>"
         "<a href=\"#types\">Events by type</a><a href=\"#review\">Review</a><a href=\"#run\">Run &amp; inputs</a>";
  if (!index.ranking.empty()) out += "<a href=\"#dossiers\">Vessel dossiers</a>";
  out += "</nav>\n<main>\n";
}

void append_counts(std::string& out, const PageIndex& index) {
  const ReportModel& m = index.model;
  std::size_t flagged = 0;
  for (const auto& e : m.events) flagged += e.flagged ? 1 : 0;
  const std::uint64_t vessels = m.run.vessels ? m.run.vessels : m.vessels.size();
  out += "<section class=\"card\" id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  stat(out, fmt::format("{}", index.ranking.size()), "flagged vessels");
  stat(out, fmt::format("{}", flagged), "flagged events");
  stat(out, fmt::format("{}", m.events.size()), "events");
  stat(out, fmt::format("{}", vessels), "vessels tracked");
  stat(out, fmt::format("{}", m.run.messages), "AIS messages");
  stat(out, m.run.first_time && m.run.last_time ? duration_text(*m.run.last_time - *m.run.first_time) : "unknown",
       "time span");
  out += "</div>";
  if (m.run.receipt_time)
    out += "<p class=\"warn\">The input carried no timestamps: times are when aiswatch received the data.</p>";
  out += "</section>\n";
}

void append_ranking(std::string& out, const PageIndex& index, const HtmlReportOptions& options) {
  out += "<section class=\"card\" id=\"vessels\"><h2>Flagged vessels</h2>";
  if (index.ranking.empty()) {
    out += "<p class=\"muted\">No vessel is flagged.</p></section>\n";
    return;
  }
  out += "<p class=\"muted\">Ranked by the most severe flagged event, then by score (see the documentation). "
         "Click a column to sort.</p>"
         "<div class=\"tools\"><input type=\"search\" data-filter=\"vessel-table\" placeholder=\"Filter vessels\u2026\" "
         "aria-label=\"Filter vessels\"></div>"
         "<table id=\"vessel-table\" class=\"sortable\"><thead><tr><th class=\"num\">#</th><th>Vessel</th>"
         "<th class=\"num\">MMSI</th><th class=\"num\">IMO</th><th>Flag</th><th>Top severity</th>"
         "<th class=\"num\">Score</th><th class=\"num\">Flagged events</th><th>Watchlists</th><th>Review</th>"
         "</tr></thead><tbody>";
  std::size_t rank = 0;
  for (const auto& v : index.ranking) {
    ++rank;
    const VesselIdentity* id = v.dossier ? &v.dossier->identity : nullptr;
    std::string name = index.vessel_name(v.mmsi);
    fmt::format_to(std::back_inserter(out), "<tr><td class=\"num\">{}</td><td>", rank);
    vessel_link(out, index, v.mmsi, name.empty() ? fmt::format("MMSI {}", v.mmsi) : name);
    if (rank > options.max_dossiers) out += " <span class=\"muted\">(no section: see events.csv)</span>";
    fmt::format_to(std::back_inserter(out), "</td><td class=\"num\">{}</td><td class=\"num\">", v.mmsi);
    if (id && id->imo) fmt::format_to(std::back_inserter(out), "{}", *id->imo);
    out += "</td><td>";
    if (id) text(out, id->flag);
    fmt::format_to(std::back_inserter(out), "</td><td data-sort=\"{}\">",
                   v.flagged_events ? static_cast<int>(v.top_severity) : -1);
    if (v.flagged_events) severity_badge(out, v.top_severity);
    else out += "<span class=\"muted\">none</span>";
    fmt::format_to(std::back_inserter(out), "</td><td class=\"num\">{:.1f}</td><td class=\"num\">{}</td><td>", v.score,
                   v.flagged_events);
    if (v.dossier) {
      std::string lists;
      for (const auto& m : v.dossier->watchlist) {
        if (!lists.empty()) lists += "; ";
        lists += m.list + " " + m.program;
      }
      text(out, lists);
    }
    out += "</td><td>";
    if (v.decision) status_badge(out, v.decision->status);
    out += "</td></tr>";
  }
  out += "</tbody></table></section>\n";
}

// Where the flagged vessels are: every dossier's track on one map.
void append_overview(std::string& out, const PageIndex& index, const HtmlReportOptions& options, const LandOutlines* land) {
  std::vector<OverviewTrack> tracks;
  std::vector<TrackPoint> all_points;  // only to find the box
  std::vector<const detectors::Event*> flagged;
  for (const auto& v : index.ranking) {
    if (!index.with_section.contains(v.mmsi)) continue;
    if (v.dossier && !v.dossier->track.empty()) {
      const std::string name = index.vessel_name(v.mmsi);
      tracks.push_back({.mmsi = v.mmsi,
                        .label = fmt::format("{} (MMSI {}) · {}", name.empty() ? "no name" : name, v.mmsi,
                                             v.flagged_events ? detectors::to_string(v.top_severity) : "reviewed"),
                        .severity = v.flagged_events ? v.top_severity : detectors::Severity::info,
                        .track = v.dossier->track});
      all_points.insert(all_points.end(), v.dossier->track.begin(), v.dossier->track.end());
    }
    if (const auto it = index.by_vessel.find(v.mmsi); it != index.by_vessel.end())
      for (const detectors::Event* e : it->second)
        if (e->flagged && e->mmsi == v.mmsi) flagged.push_back(e);
  }
  const auto box = voyage_box(all_points, flagged, options.map);
  if (!box) return;
  out += "<section class=\"card\" id=\"overview\"><h2>Where the flagged vessels went</h2>";
  const std::vector<Ring> rings = land ? land->clip(*box, map_tolerance_deg(*box, options.map)) : std::vector<Ring>{};
  append_overview_svg(out, *box, rings, tracks, flagged, "Tracks of the flagged vessels", options.map);
  out += "<p class=\"legend\">Lines: tracks of the flagged vessels, coloured by their most severe flagged event "
         "(click one to open its dossier) \u00B7 circles: flagged events</p></section>\n";
}

void append_types(std::string& out, const PageIndex& index) {
  struct Count {
    std::size_t total = 0, flagged = 0, unflagged_by_review = 0;
  };
  std::map<std::string, Count> counts;  // sorted by type name
  for (const detectors::Event* e : index.events) {
    Count& c = counts[detectors::to_string(e->type)];
    ++c.total;
    if (e->flagged) ++c.flagged;
    const ReviewDecision* d = index.decision_for(*e);
    if (d && d->status == ReviewStatus::dismissed && decision_evidence_state(*d, e) == "same evidence")
      ++c.unflagged_by_review;
  }
  out += "<section class=\"card\" id=\"types\"><h2>Events by type</h2>";
  if (counts.empty()) {
    out += "<p class=\"muted\">No events.</p></section>\n";
    return;
  }
  out += "<table class=\"sortable\"><thead><tr><th>Type</th><th class=\"num\">Events</th><th class=\"num\">Flagged</th>"
         "<th class=\"num\">Dismissed in review (same evidence)</th></tr></thead><tbody>";
  for (const auto& [type, c] : counts)
    fmt::format_to(std::back_inserter(out),
                   "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>", type,
                   c.total, c.flagged, c.unflagged_by_review);
  out += "</tbody></table></section>\n";
}

void append_review(std::string& out, const PageIndex& index) {
  out += "<section class=\"card\" id=\"review\"><h2>Review decisions</h2>";
  if (index.latest.empty()) {
    out += "<p class=\"muted\">No decisions recorded (use <code>aiswatch review</code> with a case file).</p></section>\n";
    return;
  }
  std::map<std::string, std::size_t> by_status;
  for (const auto& d : index.latest) ++by_status[to_string(d.status)];
  out += "<div class=\"cards\">";
  for (const auto& [status, n] : by_status) stat(out, fmt::format("{}", n), status);
  stat(out, fmt::format("{}", index.model.decisions.size()), "decisions in history");
  out += "</div><p class=\"muted\">The latest decision per event or vessel. A dismissed event is not flagged again "
         "while its evidence is the same; when the evidence changes it is flagged again.</p>"
         "<table class=\"sortable\"><thead><tr><th>Subject</th><th>Status</th><th>Reviewer</th><th>Decided</th>"
         "<th>Note</th><th>Evidence</th></tr></thead><tbody>";

  std::unordered_map<std::string_view, const detectors::Event*> event_by_id;
  for (const detectors::Event* e : index.events) event_by_id.emplace(e->id, e);
  for (const auto& d : index.latest) {
    out += "<tr><td>";
    const detectors::Event* e = nullptr;
    if (d.is_event_decision()) {
      const auto it = event_by_id.find(d.event_id);
      e = it == event_by_id.end() ? nullptr : it->second;
      if (e && index.with_section.contains(e->mmsi)) {
        fmt::format_to(std::back_inserter(out), "<a href=\"#{}\">", event_anchor(e->id));
        text(out, fmt::format("{} of {} ({})", detectors::to_string(e->type), index.vessel_name(e->mmsi), e->mmsi));
        out += "</a>";
      } else {
        text(out, "event " + d.event_id);
        if (!e) out += " <span class=\"muted\">(not in this run)</span>";
      }
    } else {
      out += "vessel ";
      vessel_link(out, index, *d.vessel_mmsi, fmt::format("{} ({})", index.vessel_name(*d.vessel_mmsi), *d.vessel_mmsi));
    }
    out += "</td><td>";
    status_badge(out, d.status);
    out += "</td><td>";
    text(out, d.reviewer);
    out += "</td><td class=\"when\">";
    text(out, format_iso8601(d.decided_at));
    out += "</td><td>";
    text(out, d.note);
    out += "</td><td>";
    text(out, decision_evidence_state(d, e));
    out += "</td></tr>";
  }
  out += "</tbody></table></section>\n";
}

void append_run(std::string& out, const PageIndex& index) {
  const RunInfo& run = index.model.run;
  out += "<section class=\"card\" id=\"run\"><h2>Run and inputs</h2><p class=\"muted\">What is needed to reproduce "
         "this report: the same aiswatch version and configuration over the same input bytes.</p><table class=\"kv\">";
  kv_row(out, "aiswatch version", run.aiswatch_version);
  kv_row(out, "event schema version", fmt::format("{}", run.event_schema_version));
  if (run.generated_at) kv_row(out, "report generated", format_iso8601(*run.generated_at));
  kv_row(out, "time span of the data", time_span(run));
  kv_row(out, "times are", run.receipt_time ? "receipt times (the feed carried none)" : "from the data");
  kv_row(out, "AIS messages", fmt::format("{}", run.messages));
  kv_row(out, "vessels tracked", fmt::format("{}", run.vessels ? run.vessels : index.model.vessels.size()));
  out += "</table>";

  out += "<h3>Inputs</h3>";
  if (run.inputs.empty()) {
    out += "<p class=\"muted\">None recorded.</p>";
  } else {
    out += "<table><thead><tr><th>Role</th><th>File</th><th class=\"num\">Size (bytes)</th><th>SHA-256</th></tr></thead><tbody>";
    for (const auto& f : run.inputs) {
      out += "<tr><td>";
      text(out, to_string(f.role));
      out += "</td><td class=\"mono\">";
      text(out, f.path);
      out += "</td><td class=\"num\">";
      if (f.size_bytes) fmt::format_to(std::back_inserter(out), "{}", *f.size_bytes);
      else out += "<span class=\"muted\">n/a</span>";
      out += "</td><td class=\"mono hash\">";
      if (f.sha256_hex) text(out, *f.sha256_hex);
      else out += "<span class=\"muted\">n/a</span>";
      out += "</td></tr>";
    }
    out += "</tbody></table>";
  }

  out += "<h3>Configuration in force</h3>";
  if (run.configuration.empty()) {
    out += "<p class=\"muted\">None recorded.</p>";
  } else {
    out += "<table class=\"kv\">";
    for (const auto& s : run.configuration) kv_row(out, s.key, s.value, true);
    out += "</table>";
  }
  if (!run.statistics.empty()) {
    out += "<h3>Statistics</h3><table class=\"kv\">";
    for (const auto& c : run.statistics) kv_row(out, c.name, fmt::format("{}", c.value));
    out += "</table>";
  }
  out += "</section>\n";
}

}  // namespace

void append_summary(std::string& out, const PageIndex& index, const HtmlReportOptions& options,
                    const LandOutlines* land) {
  append_header(out, index, options);
  append_counts(out, index);
  append_ranking(out, index, options);
  append_overview(out, index, options, land);
  append_types(out, index);
  append_review(out, index);
  append_run(out, index);
  if (!index.ranking.empty()) out += "<h2 id=\"dossiers\" class=\"noprint\">Vessel dossiers</h2>\n";
}

}  // namespace aiswatch::report::detail
