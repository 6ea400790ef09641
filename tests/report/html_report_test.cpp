// The HTML report from a constructed scenario: ranking order, first page, dossiers, timeline, raw
// sentences, SVG map elements, hostile text as text, and a page that can load nothing.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "aiswatch/report/html_report.hpp"
#include "aiswatch/report/ranking.hpp"
#include "aiswatch/report/sha256.hpp"
#include "aiswatch/report/text_escape.hpp"
#include "scenario.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {

const LandOutlines& land() {
  static const LandOutlines loaded = LandOutlines::load(AISWATCH_SOURCE_DIR "/geo/data/ne_10m_land_world.gpkg");
  return loaded;
}

const std::string& page() {
  static const std::string html = render_html_report(test::scenario_model(), {}, &land());
  return html;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The text of the dossier section of one vessel.
std::string_view section(std::string_view html, std::uint32_t mmsi) {
  const std::string open = fmt::format("<section class=\"card dossier\" id=\"v-{}\"", mmsi);
  const std::size_t begin = html.find(open);
  if (begin == std::string_view::npos) return {};
  return html.substr(begin, html.find("</section>", begin) - begin);
}

std::string between(std::string_view html, std::string_view open, std::string_view close) {
  const std::size_t a = html.find(open);
  REQUIRE(a != std::string_view::npos);
  const std::size_t b = html.find(close, a + open.size());
  REQUIRE(b != std::string_view::npos);
  return std::string(html.substr(a + open.size(), b - a - open.size()));
}

struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

// A small tokenizer for our own markup: tags with double-quoted attributes; script and style bodies skipped.
std::vector<Tag> parse_tags(std::string_view html) {
  std::vector<Tag> tags;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
    Tag tag;
    while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-')) tag.name += static_cast<char>(std::tolower(html[i++]));
    while (i < html.size() && html[i] != '>') {
      if (html[i] == ' ' || html[i] == '/' || html[i] == '\n') {
        ++i;
        continue;
      }
      std::string name, value;
      while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>') name += static_cast<char>(std::tolower(html[i++]));
      if (i < html.size() && html[i] == '=') {
        ++i;
        REQUIRE(html[i] == '"');  // we always quote
        const std::size_t close = html.find('"', i + 1);
        REQUIRE(close != std::string_view::npos);
        value = std::string(html.substr(i + 1, close - i - 1));
        REQUIRE(value.find('<') == std::string::npos);
        i = close + 1;
      }
      tag.attributes.emplace_back(name, value);
    }
    if (tag.name == "script" || tag.name == "style") i = html.find("</" + tag.name, i);
    tags.push_back(std::move(tag));
  }
  return tags;
}

std::string csp_hash(std::string_view block) {
  Sha256 h;
  h.update(block);
  return "'sha256-" + to_base64(h.finish()) + "'";
}

}  // namespace

TEST_CASE("ranking: flagged vessels by top severity, then score", "[report][html]") {
  const ReportModel m = test::scenario_model();
  const auto latest = latest_decisions(m.decisions);
  const auto ranked = rank_flagged_vessels(m, latest);
  std::vector<std::uint32_t> order;
  for (const auto& v : ranked) order.push_back(v.mmsi);
  // Angara: critical port call; Chon Ma San: high (the encounter, as other_mmsi); the hostile ship: medium;
  // Bering: low. The freighter has no flagged event and is not ranked.
  CHECK(order == std::vector<std::uint32_t>{test::kAngara, test::kChonMaSan, test::kHostileShip, test::kBering});
  CHECK(ranked[0].top_severity == detectors::Severity::critical);
  // Four flagged events (the dismissed zone entry is no longer flagged): 64 + 16 + 16 + 16, plus 10 × 0.99.
  CHECK(ranked[0].flagged_events == 4);
  CHECK(ranked[0].score == Approx(64 + 16 + 16 + 16 + 9.9));
  CHECK(ranked[1].decision != nullptr);
  CHECK(ranked[1].decision->status == ReviewStatus::needs_info);
  CHECK(ranked[1].dossier != nullptr);

  SECTION("the page shows the dossiers in the same order") {
    const std::string& html = page();
    std::size_t last = 0;
    for (const auto mmsi : order) {
      const std::size_t at = html.find(fmt::format("id=\"v-{}\"", mmsi));
      REQUIRE(at != std::string::npos);
      CHECK(at > last);
      last = at;
    }
    CHECK(html.find(fmt::format("id=\"v-{}\"", test::kFreighter)) == std::string::npos);
  }
  SECTION("bad input: no events, no ranking") {
    ReportModel empty;
    CHECK(rank_flagged_vessels(empty, {}).empty());
    const std::string html = render_html_report(empty, {}, nullptr);
    CHECK_THAT(html, Catch::Contains("No vessel is flagged."));
    CHECK_THAT(html, Catch::Contains("No events."));
  }
}

TEST_CASE("first page: run record, counts by type, review summary", "[report][html]") {
  const std::string& html = page();
  CHECK_THAT(html, Catch::Contains("0.1.0-test"));
  CHECK_THAT(html, Catch::Contains("<th>event schema version</th><td>1</td>"));
  CHECK_THAT(html, Catch::Contains("2018-11-01T00:00:00Z \u2192 2018-11-03T12:00:00Z (2 d 12 h)"));
  CHECK_THAT(html, Catch::Contains("<th>gap.min_hours</th><td class=\"mono\">6</td>"));
  // The input file with its size and SHA-256 (value from sha256sum).
  CHECK_THAT(html, Catch::Contains("c645120bc7716466f5af6bd5e520830b6406857e4ce0079bc3b7f9de488ccf09"));
  CHECK_THAT(html, Catch::Contains("/ais/gpsd/sample.aivdm</td>"));
  CHECK_THAT(html, Catch::Contains("<th>rejected: bad checksum</th><td>17</td>"));
  // Counts by type: two port calls (one flagged), one zone entry dismissed in review.
  CHECK_THAT(html, Catch::Contains("<tr><td>port_call</td><td class=\"num\">2</td><td class=\"num\">1</td>"));
  CHECK_THAT(html, Catch::Contains("<tr><td>zone_entry</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                                   "<td class=\"num\">1</td></tr>"));
  // Review: three subjects, latest decision each; the dismissed one still has the same evidence.
  CHECK_THAT(html, Catch::Contains("<b>4</b><span>decisions in history</span>"));
  CHECK_THAT(html, Catch::Contains("routine approach</td><td>same evidence</td>"));
  CHECK_THAT(html, Catch::Contains("<span class=\"badge st-needs-info\">needs-info</span>"));
}

TEST_CASE("dossier: identity, watchlist, timeline in order, evidence, raw sentences", "[report][html]") {
  const std::string_view s = section(page(), test::kAngara);
  REQUIRE_FALSE(s.empty());
  CHECK_THAT(std::string(s), Catch::Contains("<th>IMO</th><td>9179842</td>"));
  CHECK_THAT(std::string(s), Catch::Contains("tanker (80)"));
  CHECK_THAT(std::string(s), Catch::Contains("<td>OFAC SDN</td><td>DPRK3</td><td class=\"mono\">27426</td>"));
  CHECK_THAT(std::string(s), Catch::Contains("4321 received, 130 drawn"));
  CHECK_THAT(std::string(s), Catch::Contains("<td>draught</td><td>8.9</td><td>5.8</td>"));

  // Timeline: every event of the vessel, in time order, each with its anchor.
  const ReportModel m = test::scenario_model();
  std::vector<const detectors::Event*> mine;
  for (const auto& e : m.events)
    if (e.mmsi == test::kAngara) mine.push_back(&e);
  std::sort(mine.begin(), mine.end(), [](auto* a, auto* b) { return detectors::event_order_less(*a, *b); });
  REQUIRE(mine.size() == 5);
  std::size_t last = 0;
  for (const auto* e : mine) {
    const std::size_t at = s.find(fmt::format("<li id=\"ev-{}\"", e->id));
    CAPTURE(detectors::to_string(e->type));
    REQUIRE(at != std::string_view::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(mine.front()->type == detectors::EventType::watchlist_match);
  CHECK(mine.back()->type == detectors::EventType::port_call);

  const std::string port = between(s, fmt::format("<li id=\"ev-{}\"", mine.back()->id), "</li>\n");
  CHECK_THAT(port, Catch::Contains("<span class=\"badge sev-critical\">critical</span>"));
  CHECK_THAT(port, Catch::Contains("Rajin (KP)"));
  CHECK_THAT(port, Catch::Contains("port call at Rajin (KP)"));
  CHECK_THAT(port, Catch::Contains("<th>draught_after_m</th><td>5.8</td>"));
  CHECK_THAT(port, Catch::Contains("2018-11-01T21:00:00Z  !AIVDM,1,1,,B,13u?etP000Pn:JFPw1?hO?vN0&lt;0g,0*6B\n"));
  CHECK_THAT(port, Catch::Contains("Raw AIS (2 sentences)"));
  // The confirmed decision with its (hostile, escaped) note and reviewer.
  CHECK_THAT(port, Catch::Contains("<span class=\"badge st-confirmed\">confirmed</span> by <b>&quot;&gt;&lt;B&gt;X&lt;/B&gt;</b>"));

  SECTION("the encounter shows the other ship, linked to its dossier") {
    CHECK_THAT(std::string(s), Catch::Contains(fmt::format("with <a href=\"#v-{0}\">CHON MA SAN ({0})</a>", test::kChonMaSan)));
    const std::string_view other = section(page(), test::kChonMaSan);
    CHECK_THAT(std::string(other), Catch::Contains(fmt::format("with <a href=\"#v-{0}\">SASCO ANGARA ({0})</a>", test::kAngara)));
  }
  SECTION("the dismissed event shows the decision and is not flagged") {
    const std::string entry = between(s, fmt::format("<li id=\"ev-{}\"", mine[3]->id), "</li>\n");
    CHECK(mine[3]->type == detectors::EventType::zone_entry);
    CHECK_THAT(entry, !Catch::Contains("flagged</span>"));
    CHECK_THAT(entry, Catch::Contains("dismissed in review by ana at 2024-05-01T10:00:00Z (same evidence)"));
    CHECK_THAT(entry, Catch::Contains("same evidence \u00B7 2 decisions in history"));
  }
}

TEST_CASE("voyage map: land, track, dashed gaps, markers with tooltips", "[report][html][svg]") {
  const std::string svg = between(section(page(), test::kAngara), "<svg class=\"map\"", "</svg>");
  CHECK(count(svg, "<path class=\"land\"") == 1);         // Primorye and the Korean coast
  CHECK(count(svg, "<polyline points=") == 3);            // three segments
  CHECK(count(svg, "<line class=\"gap\"") == 2);          // two gaps between them
  CHECK_THAT(svg, Catch::Contains("Gap in the track: 14.1 h"));
  CHECK(count(svg, "<circle class=\"ev ") == 5);
  CHECK(count(svg, "class=\"ev sev-critical flagged\"") == 1);
  CHECK(count(svg, "class=\"ev sev-medium\"") == 1);       // the dismissed zone entry: not flagged
  CHECK_THAT(svg, Catch::Contains("<title>port_call \u00B7 critical \u00B7 flagged\n2018-11-01T21:00:00Z"));
  CHECK_THAT(svg, Catch::Contains("class=\"graticule\""));
  CHECK_THAT(svg, Catch::Contains(" nm</text>"));
  CHECK_THAT(svg, Catch::Contains("class=\"start\""));
  CHECK_THAT(svg, Catch::Contains("class=\"end\""));

  SECTION("a voyage across the antimeridian is drawn in one piece") {
    const std::string bering = between(section(page(), test::kBering), "<svg class=\"map\"", "</svg>");
    const std::string points = between(bering, "<polyline points=\"", "\"");
    std::regex xy(R"(([-0-9.]+),([-0-9.]+))");
    double previous_x = -1;
    int n = 0;
    for (auto it = std::sregex_iterator(points.begin(), points.end(), xy); it != std::sregex_iterator(); ++it, ++n) {
      const double x = std::stod((*it)[1]);
      CHECK(x > previous_x);  // steadily eastwards, no jump back across the map
      CHECK(x >= 0);
      CHECK(x <= 960);
      previous_x = x;
    }
    CHECK(n == 30);
    CHECK_THAT(bering, Catch::Contains("180\u00B0E"));  // a graticule line at the antimeridian
    CHECK_THAT(bering, Catch::Contains("179.8\u00B0W") || Catch::Contains("179.5\u00B0W"));
  }
}

TEST_CASE("hostile text: escaped everywhere, no markup of its own", "[report][html][hostile]") {
  const std::string& html = page();
  const std::string low = lower(html);
  CHECK(count(low, "<script") == 1);  // ours
  CHECK(count(low, "</script") == 1);
  CHECK(count(low, "<img") == 0);
  CHECK(count(low, "<svg onload") == 0);
  CHECK(count(low, "<b>x</b>") == 0);
  CHECK(count(low, "onerror=alert(1)>") == 0);  // an attribute would need its closing '>' unescaped
  for (const auto& hostile : test::kHostile) {
    CAPTURE(hostile);
    if (hostile.find_first_of("<>\"'&") != std::string::npos) CHECK(html.find(hostile) == std::string::npos);
    if (hostile.find('\xff') == std::string::npos && hostile.find('\x01') == std::string::npos &&
        hostile.find("\xe2\x80\xae") == std::string::npos)
      CHECK(html.find(html_escaped(hostile)) != std::string::npos);  // present, as text
  }
  CHECK_THAT(html, Catch::Contains("&lt;SVG ONLOAD=ALERT(1)"));
  CHECK_THAT(html, Catch::Contains("reversed"));
  CHECK_THAT(html, Catch::Contains("[U+202E]"));
  CHECK(html.find('\x01') == std::string::npos);
  CHECK(html.find('\xff') == std::string::npos);
}

TEST_CASE("self-contained: nothing to load, a CSP that forbids loading, hashes that match", "[report][html]") {
  const std::string& html = page();
  const std::string low = lower(html);
  const auto tags = parse_tags(html);
  CHECK(tags.size() > 500);
  std::size_t links = 0;
  for (const auto& tag : tags) {
    CAPTURE(tag.name);
    CHECK(tag.name != "img");
    CHECK(tag.name != "iframe");
    CHECK(tag.name != "link");
    CHECK(tag.name != "object");
    CHECK(tag.name != "embed");
    for (const auto& [name, value] : tag.attributes) {
      CAPTURE(name, value);
      CHECK_FALSE(name.starts_with("on"));  // no event handlers
      CHECK(name != "src");
      CHECK(name != "style");               // inline style attributes would need 'unsafe-inline'
      CHECK(name != "xlink:href");
      if (name == "href") {
        CHECK(value.starts_with("#"));      // every link stays on the page
        ++links;
      }
    }
  }
  CHECK(links > 20);
  CHECK(count(low, "<script") == 1);
  CHECK(count(low, "url(") == 0);
  CHECK(count(low, "@import") == 0);
  CHECK(count(low, "<link") == 0);
  CHECK(count(low, "<iframe") == 0);

  const std::string style = between(html, "<style>", "</style>");
  const std::string script = between(html, "<script>", "</script>");
  const std::string csp = between(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">");
  CHECK(csp == fmt::format("default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; "
                           "form-action 'none'", csp_hash(style), csp_hash(script)));
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\"") < html.find("<style>"));
  CHECK(count(low, "unsafe") == 0);
}

TEST_CASE("overview map: every flagged vessel's track, linked to its dossier", "[report][html][svg]") {
  const std::string svg = between(page(), "<svg class=\"map overview\"", "</svg>");
  for (const auto mmsi : {test::kAngara, test::kChonMaSan, test::kHostileShip, test::kBering})
    CHECK_THAT(svg, Catch::Contains(fmt::format("<a href=\"#v-{}\"><g class=\"ovt sev-", mmsi)));
  CHECK(svg.find(fmt::format("#v-{}", test::kFreighter)) == std::string::npos);
  CHECK_THAT(svg, Catch::Contains("<g class=\"ovt sev-critical\"><title>SASCO ANGARA (MMSI 273382620) \u00B7 critical</title>"));
  CHECK_THAT(svg, Catch::Contains("<title>&lt;SVG ONLOAD=ALERT(1) (MMSI 273000666) \u00B7 medium</title>"));
  CHECK(count(svg, "<circle class=\"ev ") == 6);  // the six flagged events
  CHECK(count(svg, "<path class=\"land\"") == 1);
}

TEST_CASE("caps: dossiers and timeline length", "[report][html]") {
  ReportModel m = test::scenario_model();
  HtmlReportOptions options;
  options.max_dossiers = 1;
  options.max_timeline_events = 2;
  const std::string html = render_html_report(m, options, nullptr);
  CHECK(count(html, "<section class=\"card dossier\"") == 1);
  CHECK_THAT(html, Catch::Contains("(no section: see events.csv)"));
  const std::string_view s = section(html, test::kAngara);
  CHECK(count(s, "<li id=\"ev-") == 2);
  CHECK(count(s, "class=\"flagged\">") == 2);  // flagged events first when the timeline is capped
  CHECK_THAT(std::string(s), Catch::Contains("3 more events of this vessel are in events.csv"));
  CHECK(count(s, "class=\"land\"") == 0);  // no land given
}
