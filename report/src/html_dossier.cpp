// html_dossier.cpp — one flagged vessel's section of the HTML report: identity and history, watchlist
// matches, review decisions, the voyage map and the timeline of its events. See html_report.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <variant>

#include "aiswatch/ais/imo.hpp"
#include "anchors.hpp"
#include "html_parts.hpp"

namespace aiswatch::report::detail {

namespace {

void identity_row(std::string& out, std::string_view key, std::string_view value) {
  out += "<tr><th>";
  text(out, key);
  out += "</th><td>";
  if (value.empty()) out += "<span class=\"muted\">unknown</span>";
  else text(out, value);
  out += "</td></tr>";
}

std::string number_text(const std::optional<double>& v, std::string_view unit) {
  return v ? fmt::format("{:g} {}", *v, unit) : std::string();
}

std::string evidence_value_text(const detectors::EvidenceValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) return x ? "yes" : "no";
        else if constexpr (std::is_same_v<T, std::string>) return x;
        else if constexpr (std::is_same_v<T, double>) return std::isfinite(x) ? fmt::format("{:.6g}", x) : "n/a";
        else return fmt::format("{}", x);
      },
      v);
}

void append_identity(std::string& out, const PageIndex& index, const RankedVessel& v) {
  out += "<div><h3>Identity</h3><table class=\"kv\">";
  identity_row(out, "MMSI", fmt::format("{}", v.mmsi));
  if (v.dossier) {
    const VesselIdentity& id = v.dossier->identity;
    identity_row(out, "Name", id.name);
    identity_row(out, "Call sign", id.callsign);
    std::string imo;
    if (id.imo) imo = fmt::format("{}{}", *id.imo, ais::is_valid_imo(*id.imo) ? "" : " (check digit invalid)");
    identity_row(out, "IMO", imo);
    identity_row(out, "Flag (from MMSI)", id.flag);
    identity_row(out, "Ship type", id.ship_type ? ship_type_text(*id.ship_type) : "");
    std::string dims;
    if (id.length_m || id.beam_m) dims = fmt::format("{} \u00D7 {}", number_text(id.length_m, "m"), number_text(id.beam_m, "m"));
    identity_row(out, "Length \u00D7 beam", dims);
    identity_row(out, "Draught", number_text(id.draught_m, "m"));
    identity_row(out, "Destination", id.destination);
    if (!v.dossier->related_mmsis.empty()) {
      std::string related;
      for (const auto m : v.dossier->related_mmsis) related += fmt::format("{}{}", related.empty() ? "" : ", ", m);
      identity_row(out, "Other MMSIs with this IMO", related);
    }
    const std::uint64_t received = std::max<std::uint64_t>(v.dossier->positions_total, v.dossier->track.size());
    identity_row(out, "Positions", fmt::format("{} received, {} drawn", received, v.dossier->track.size()));
  } else {
    identity_row(out, "Name", index.vessel_name(v.mmsi));
    out += "<tr><td colspan=\"2\" class=\"muted\">No track for this vessel in the run (it appears only as the other "
           "vessel of an event).</td></tr>";
  }
  out += "</table></div>";
}

void append_watchlist(std::string& out, const std::vector<watchlists::WatchlistMatch>& matches) {
  if (matches.empty()) {
    out += "<p class=\"muted\">None.</p>";
    return;
  }
  out += "<table><thead><tr><th>List</th><th>Program</th><th>Entry</th><th>Listed name</th><th>Matched on</th>"
         "<th class=\"num\">Confidence</th></tr></thead><tbody>";
  for (const auto& m : matches) {
    out += "<tr><td>";
    text(out, m.list);
    out += "</td><td>";
    text(out, m.program);
    out += "</td><td class=\"mono\">";
    text(out, m.entry);
    out += "</td><td>";
    text(out, m.name);
    if (m.imo) text(out, fmt::format(" (IMO {})", *m.imo));
    if (!m.detail.empty()) {
      out += "<br><span class=\"muted\">";
      text(out, m.detail);
      out += "</span>";
    }
    out += "</td><td>";
    text(out, watchlists::to_string(m.matched_on));
    fmt::format_to(std::back_inserter(out), "</td><td class=\"num\">{:.2f}</td></tr>", m.confidence);
  }
  out += "</tbody></table>";
}

void append_decision(std::string& out, const ReviewDecision& d, std::size_t history, std::string_view evidence_state) {
  out += "<div class=\"decision\">";
  status_badge(out, d.status);
  out += " by <b>";
  text(out, d.reviewer);
  out += "</b> at <span class=\"when\">";
  text(out, format_iso8601(d.decided_at));
  out += "</span>";
  if (!evidence_state.empty()) {
    out += " \u00B7 ";
    text(out, evidence_state);
  }
  if (history > 1) fmt::format_to(std::back_inserter(out), " \u00B7 {} decisions in history", history);
  if (!d.note.empty()) {
    out += "<br>";
    text(out, d.note);
  }
  out += "</div>";
}

void append_vessel_review(std::string& out, const PageIndex& index, std::uint32_t mmsi) {
  out += "<h3>Review</h3>";
  const auto it = index.vessel_decision.find(mmsi);
  if (it == index.vessel_decision.end()) {
    out += "<p class=\"muted\">No decision on this vessel.</p>";
    return;
  }
  const auto count = index.vessel_decision_count.find(mmsi);
  append_decision(out, *it->second, count == index.vessel_decision_count.end() ? 1 : count->second, "");
}

void append_history(std::string& out, const VesselDossier& v) {
  out += "<h3>Identity history</h3>";
  if (v.identity_history.empty()) {
    out += "<p class=\"muted\">No change of name, call sign, IMO, flag, type, draught or destination seen.</p>";
    return;
  }
  out += "<table class=\"sortable\"><thead><tr><th>Time</th><th>Field</th><th>From</th><th>To</th><th>Sentence</th>"
         "</tr></thead><tbody>";
  for (const auto& c : v.identity_history) {
    out += "<tr><td class=\"when\">";
    text(out, format_iso8601(c.time));
    out += "</td><td>";
    text(out, c.field);
    out += "</td><td>";
    text(out, c.old_value);
    out += "</td><td>";
    text(out, c.new_value);
    out += "</td><td class=\"mono hash\">";
    text(out, c.raw);
    out += "</td></tr>";
  }
  out += "</tbody></table>";
  if (v.identity_changes_dropped)
    fmt::format_to(std::back_inserter(out), "<p class=\"muted\">{} older changes not kept.</p>", v.identity_changes_dropped);
}

void append_event(std::string& out, const PageIndex& index, const detectors::Event& e, std::uint32_t self) {
  fmt::format_to(std::back_inserter(out), "<li id=\"{}\"{}>", event_anchor(e.id), e.flagged ? " class=\"flagged\"" : "");
  fmt::format_to(std::back_inserter(out), "<span class=\"badge type\">{}</span> ", detectors::to_string(e.type));
  severity_badge(out, e.severity);
  if (e.flagged) out += " <span class=\"badge flag\">flagged</span>";
  out += " <span class=\"when\">";
  text(out, format_iso8601(e.start));
  if (e.end != e.start) text(out, fmt::format(" \u2192 {} ({})", format_iso8601(e.end), duration_text(e.end - e.start)));
  out += "</span>";
  if (!e.zone.empty()) {
    out += " \u00B7 ";
    text(out, e.zone);
    if (!e.zone_country.empty()) text(out, " (" + e.zone_country + ")");
  }
  // The other ship of a pair event, seen from this vessel.
  const std::optional<std::uint32_t> other = e.mmsi == self ? e.other_mmsi : std::optional<std::uint32_t>(e.mmsi);
  if (other) {
    out += " \u00B7 with ";
    const std::string name = index.vessel_name(*other);
    vessel_link(out, index, *other, name.empty() ? fmt::format("MMSI {}", *other) : fmt::format("{} ({})", name, *other));
  }
  if (e.lat && e.lon && std::isfinite(*e.lat) && std::isfinite(*e.lon))
    fmt::format_to(std::back_inserter(out), " \u00B7 <span class=\"mono\">{:.5f}, {:.5f}</span>", *e.lat, *e.lon);

  if (!e.reasons.empty()) {
    out += "<ul class=\"reasons\">";
    for (const auto& r : e.reasons) {
      out += "<li>";
      text(out, r);
      out += "</li>";
    }
    out += "</ul>";
  }
  if (!e.evidence.empty()) {
    out += "<h4>Evidence</h4><table class=\"kv\">";
    for (const auto& item : e.evidence) {
      out += "<tr><th>";
      text(out, item.key);
      out += "</th><td>";
      text(out, evidence_value_text(item.value));
      out += "</td></tr>";
    }
    out += "</table>";
  }
  if (!e.watchlist.empty()) {
    out += "<h4>Watchlist matches</h4>";
    append_watchlist(out, e.watchlist);
  }
  if (const ReviewDecision* d = index.decision_for(e)) {
    const auto count = index.event_decision_count.find(e.id);
    append_decision(out, *d, count == index.event_decision_count.end() ? 1 : count->second, decision_evidence_state(*d, &e));
  }
  fmt::format_to(std::back_inserter(out), "<div class=\"muted\">event id <span class=\"mono\">");
  text(out, e.id);
  out += "</span> \u00B7 evidence fingerprint <span class=\"mono\">";
  text(out, evidence_fingerprint(e));
  out += "</span></div>";
  if (!e.raw.empty()) {
    fmt::format_to(std::back_inserter(out), "<details><summary>Raw AIS ({} {})</summary><pre>", e.raw.size(),
                   e.raw.size() == 1 ? "sentence" : "sentences");
    for (const auto& r : e.raw) {
      if (r.rx_time) text(out, format_iso8601(*r.rx_time) + "  ");
      text(out, r.text);
      out += '\n';
    }
    out += "</pre></details>";
  }
  out += "</li>\n";
}

// The events shown: all when they fit, else flagged first (then the rest), back in time order.
std::vector<const detectors::Event*> timeline_events(const std::vector<const detectors::Event*>& all, std::size_t cap) {
  if (all.size() <= cap) return all;
  std::vector<const detectors::Event*> chosen = all;
  std::stable_partition(chosen.begin(), chosen.end(), [](const detectors::Event* e) { return e->flagged; });
  chosen.resize(cap);
  std::sort(chosen.begin(), chosen.end(),
            [](const detectors::Event* a, const detectors::Event* b) { return detectors::event_order_less(*a, *b); });
  return chosen;
}

}  // namespace

void append_dossier(std::string& out, const PageIndex& index, const RankedVessel& v, std::size_t rank,
                    const HtmlReportOptions& options, const LandOutlines* land) {
  const std::string name = index.vessel_name(v.mmsi);
  fmt::format_to(std::back_inserter(out), "<section class=\"card dossier\" id=\"{}\"><h2>#{} ", vessel_anchor(v.mmsi), rank);
  text(out, name.empty() ? "(no name)" : name);
  fmt::format_to(std::back_inserter(out), " <small>MMSI {}</small> ", v.mmsi);
  if (v.flagged_events) severity_badge(out, v.top_severity);
  if (v.decision) {
    out += ' ';
    status_badge(out, v.decision->status);
  }
  fmt::format_to(std::back_inserter(out), "</h2><p class=\"muted\">{} flagged of {} events \u00B7 score {:.1f} \u00B7 "
                 "<a href=\"#vessels\">back to the ranking</a></p>", v.flagged_events, v.events, v.score);

  out += "<div class=\"grid\">";
  append_identity(out, index, v);
  out += "<div>";
  out += "<h3>Watchlist matches</h3>";
  append_watchlist(out, v.dossier ? v.dossier->watchlist : std::vector<watchlists::WatchlistMatch>{});
  append_vessel_review(out, index, v.mmsi);
  out += "</div></div>";
  if (v.dossier) append_history(out, *v.dossier);

  static const std::vector<const detectors::Event*> kNone;
  const auto it = index.by_vessel.find(v.mmsi);
  const auto& all = it == index.by_vessel.end() ? kNone : it->second;
  const std::vector<const detectors::Event*> shown = timeline_events(all, options.max_timeline_events);

  out += "<h3>Voyage map</h3>";
  const std::span<const TrackPoint> track = v.dossier ? std::span<const TrackPoint>(v.dossier->track) : std::span<const TrackPoint>();
  if (const auto box = voyage_box(track, shown, options.map)) {
    const std::vector<Ring> rings = land ? land->clip(*box, map_tolerance_deg(*box, options.map)) : std::vector<Ring>{};
    append_voyage_svg(out, *box, rings, track, shown, fmt::format("Voyage of {} (MMSI {})", name, v.mmsi), options.map);
    out += "<p class=\"legend\"><i></i>track<i class=\"gap\"></i>gap in reception \u00B7 circles: events, coloured by "
           "severity (black outline: flagged; click to open) \u00B7 green: first position, black square: last "
           "position</p>";
  } else {
    out += "<p class=\"muted\">No positions to draw.</p>";
  }

  fmt::format_to(std::back_inserter(out), "<h3>Voyage timeline</h3><div class=\"tools\"><label><input type=\"checkbox\" "
                 "data-flagged-only=\"tl-{0}\"> flagged events only</label></div><ol class=\"timeline\" id=\"tl-{0}\">",
                 v.mmsi);
  for (const detectors::Event* e : shown) append_event(out, index, *e, v.mmsi);
  out += "</ol>";
  if (shown.size() < all.size())
    fmt::format_to(std::back_inserter(out), "<p class=\"muted\">{} more events of this vessel are in events.csv and "
                   "events.jsonl.</p>", all.size() - shown.size());
  out += "</section>\n";
}

}  // namespace aiswatch::report::detail
