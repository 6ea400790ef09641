// html_report.hpp — the self-contained HTML report (index.html) a sanctions team reviews.
//
//   const LandOutlines land = LandOutlines::load(LandOutlines::default_file());
//   std::string html = render_html_report(model, {}, &land);
//
// One file, no network access at all: inline CSS and JS only (allowed by a Content-Security-Policy with
// default-src 'none' and the SHA-256 of each inline block), no tiles, no fonts, no URLs. First page: run
// summary, flagged vessels ranked (ranking.hpp), counts by event type, review decisions, and the
// reproducibility record (version, configuration, every input with size and SHA-256, time span, event
// schema version). Then one section per flagged vessel (anchor #v-<MMSI>): identity and its history,
// watchlist matches, review decisions, an inline SVG voyage map (svg_map.hpp), and the voyage timeline
// (anchor #ev-<event id> per event) with reasons, evidence, decisions and the raw AIS sentences.
// Every piece of text from data goes through append_html_text (text_escape.hpp).
#pragma once

#include <cstddef>
#include <string>

#include "aiswatch/report/land_outline.hpp"
#include "aiswatch/report/model.hpp"
#include "aiswatch/report/svg_map.hpp"

namespace aiswatch::report {

struct HtmlReportOptions {
  std::string title = "aiswatch report";
  std::size_t max_dossiers = 300;         // vessel sections, from the top of the ranking
  std::size_t max_timeline_events = 250;  // per vessel: flagged events first, the rest by time
  SvgMapOptions map;
};

// `land` may be null: maps are then drawn without land.
std::string render_html_report(const ReportModel& model, const HtmlReportOptions& options, const LandOutlines* land);

}  // namespace aiswatch::report
