// A report from simulator scenarios, end to end through the real decoder: the hostile_text and
// rajin_shuttle scenarios are simulated to NMEA, decoded with ais::StreamDecoder, turned into dossiers as
// replay does (identity and its changes from static reports, thinned tracks split at gaps), and the
// scenarios' ground-truth events stand in for the detectors (their raw sentences are real lines of the
// log). Six-bit hostile names (upper case, <= 20 characters) must arrive as text in every format.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/ais/to_observation.hpp"
#include "aiswatch/report/ranking.hpp"
#include "aiswatch/report/report_writer.hpp"
#include "aiswatch/report/track_thinning.hpp"
#include "aiswatch/simulator/simulation.hpp"
#include "temp_dir.hpp"

using namespace aiswatch;
using namespace aiswatch::report;

namespace {

const std::filesystem::path kScenarios = std::filesystem::path(AISWATCH_SOURCE_DIR) / "samples" / "scenarios";

struct Sink : simulator::SimulationSink {
  std::vector<std::string> lines;
  void line(std::string_view nmea) override { lines.emplace_back(nmea); }
};

struct Heard {
  UnixMillis time = 0;
  std::string text;
  double lat = 0, lon = 0;
  bool position = false;
};

struct Vessel {
  VesselIdentity identity;
  std::vector<IdentityChange> changes;
  std::vector<TrackPoint> fixes;
  std::vector<Heard> heard;  // every line behind a decoded message, for event evidence
};

struct Simulated {
  simulator::GroundTruth truth;
  ReportModel model;
  ReportFiles files;
  test::TempDir dir;
};

void note_change(Vessel& v, std::string field, const std::string& before, const std::string& after, UnixMillis t,
                 const std::string& raw) {
  if (before == after || before.empty()) return;
  v.changes.push_back({.field = std::move(field), .old_value = before, .new_value = after, .time = t, .raw = raw});
}

void simulate_into(Simulated& s) {
  {
    std::vector<simulator::Scenario> scenarios = {simulator::load_scenario_file(kScenarios / "hostile_text.json"),
                                                  simulator::load_scenario_file(kScenarios / "rajin_shuttle.json")};
    simulator::Simulation sim(std::move(scenarios), simulator::SeaLanes::load(kScenarios / "lanes" / "east_asia.json"),
                              {.seed = 7});
    Sink sink;
    s.truth = sim.run(sink);

    // Decode as replay does.
    std::map<std::uint32_t, Vessel> vessels;
    ais::StreamDecoder decoder;
    for (const auto& line : sink.lines) {
      decoder.feed_line(line, [&](const ais::AisMessage& m, const ais::AssembledSentence& a) {
        const UnixMillis t = a.rx_time.value_or(0);
        std::string raw;
        for (const auto& r : a.raw) {
          if (!raw.empty()) raw += '\n';
          raw += r.text;  // every fragment of a multipart message
        }
        if (auto p = ais::to_position_report(m, a, t)) {
          Vessel& v = vessels[p->mmsi];
          v.fixes.push_back({.time = t, .lat_deg = p->lat_deg, .lon_deg = p->lon_deg, .sog_kn = p->sog_kn});
          v.heard.push_back({t, raw, p->lat_deg, p->lon_deg, true});
        }
        if (auto st = ais::to_static_report(m, a, t)) {
          Vessel& v = vessels[st->mmsi];
          VesselIdentity& id = v.identity;
          if (st->name) note_change(v, "name", id.name, std::string(*st->name), t, raw), id.name = *st->name;
          if (st->callsign) note_change(v, "callsign", id.callsign, std::string(*st->callsign), t, raw), id.callsign = *st->callsign;
          if (st->destination)
            note_change(v, "destination", id.destination, std::string(*st->destination), t, raw), id.destination = *st->destination;
          if (st->imo) id.imo = *st->imo;
          if (st->ship_type) id.ship_type = *st->ship_type;
          if (st->draught_m) id.draught_m = *st->draught_m;
          v.heard.push_back({t, raw, 0, 0, false});
        }
      });
    }
    decoder.finish();

    ReportModel& m = s.model;
    m.run.aiswatch_version = "test";
    m.run.first_time = s.truth.start_ms;
    m.run.last_time = s.truth.end_ms;
    m.run.messages = decoder.stats().messages;
    m.run.vessels = vessels.size();
    for (const auto& tv : s.truth.vessels)
      for (const auto mmsi : tv.mmsis)
        if (vessels.contains(mmsi)) vessels[mmsi].identity.flag = tv.flag;

    for (auto& [mmsi, v] : vessels) {
      std::sort(v.fixes.begin(), v.fixes.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
      TrackThinner thin(500);
      std::uint32_t segment = 1;
      for (std::size_t i = 0; i < v.fixes.size(); ++i) {
        if (i > 0 && v.fixes[i].time - v.fixes[i - 1].time > 3'600'000) ++segment;  // a gap of more than 1 h
        v.fixes[i].segment = segment;
        thin.add(v.fixes[i]);
      }
      m.vessels.push_back({.mmsi = mmsi, .identity = v.identity, .identity_history = v.changes,
                           .track = std::move(thin).finish(), .positions_total = v.fixes.size()});
    }

    // The ground truth in place of the detectors: the event at the middle of its window, with the real
    // sentences heard from the vessel closest to that time.
    for (const auto& te : s.truth.events) {
      const auto type = detectors::event_type_from_string(te.type);
      if (!type || !vessels.contains(te.mmsi)) continue;
      Vessel& v = vessels[te.mmsi];
      detectors::Event e;
      e.type = *type;
      e.mmsi = te.mmsi;
      e.other_mmsi = te.other_mmsi;
      e.start = (te.start_min_ms + te.start_max_ms) / 2;
      e.end = e.start + 3'600'000;
      e.name = v.identity.name;
      e.callsign = v.identity.callsign;
      e.imo = v.identity.imo;
      e.flag = v.identity.flag;
      e.zone = te.zone;
      e.zone_country = te.zone_country;
      e.flagged = te.flagged.value_or(true);
      e.severity = detectors::severity_from_string(te.min_severity).value_or(detectors::Severity::medium);
      e.reasons = {te.why};
      std::sort(v.heard.begin(), v.heard.end(), [&](const Heard& a, const Heard& b) {
        return std::llabs(a.time - e.start) < std::llabs(b.time - e.start);
      });
      for (const auto& h : v.heard) {
        if (h.position && !e.lat) {
          e.lat = h.lat;
          e.lon = h.lon;
        }
        if (e.raw.size() < 4) e.raw.push_back({h.text, h.time});
      }
      e.id = detectors::make_event_id(e);
      m.events.push_back(std::move(e));
    }

    ReportOptions options;
    options.gis_format = "KML";
    options.land_file = AISWATCH_SOURCE_DIR "/geo/data/ne_10m_land_world.gpkg";
    s.files = write_report(m, options, s.dir.path);
  }
}

// Simulated, decoded and written once for all the checks (Catch re-runs a test case per SECTION).
const Simulated& simulated() {
  static const std::unique_ptr<Simulated> run = [] {
    auto s = std::make_unique<Simulated>();
    simulate_into(*s);
    return s;
  }();
  return *run;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("report from simulated scenarios decoded by the real decoder", "[report][simulator][slow]") {
  const Simulated& s = simulated();
  const std::string html = slurp(s.files.index_html);
  REQUIRE(s.model.events.size() >= 3);

  SECTION("flagged vessels are all there, in severity order") {
    const auto ranked = rank_flagged_vessels(s.model, {});
    REQUIRE(ranked.size() >= 3);
    std::size_t last_at = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      if (i > 0) CHECK(ranked[i].top_severity <= ranked[i - 1].top_severity);
      const std::size_t at = html.find(fmt::format("<section class=\"card dossier\" id=\"v-{}\"", ranked[i].mmsi));
      REQUIRE(at != std::string::npos);
      CHECK(at > last_at);
      last_at = at;
    }
    for (const auto& e : s.truth.events)
      if (e.flagged.value_or(false))
        CHECK(html.find(fmt::format("id=\"v-{}\"", e.mmsi)) != std::string::npos);
  }
  SECTION("six-bit hostile names, call signs and destinations are text in the HTML") {
    CHECK_THAT(html, Catch::Contains("&lt;SVG ONLOAD=ALERT(1)"));
    CHECK_THAT(html, Catch::Contains("&lt;SCRIPT"));
    CHECK_THAT(html, Catch::Contains("&lt;/TD&gt;&lt;SCRIPT&gt;X"));  // the destination after the change
    CHECK_THAT(html, Catch::Contains("&#39;; DROP TABLE EVENTS"));
    CHECK(html.find("<SVG") == std::string::npos);
    CHECK(html.find("<SCRIPT") == std::string::npos);
    CHECK(html.find("</TD>") == std::string::npos);
    CHECK(html.find("<B>") == std::string::npos);
    // The identity history shows the destination change with the sentence it came from.
    CHECK_THAT(html, Catch::Contains("<td>destination</td><td>&quot;&gt;&lt;B&gt;X&lt;/B&gt;</td>"
                                     "<td>&lt;/TD&gt;&lt;SCRIPT&gt;X</td>"));
  }
  SECTION("timeline entries carry the real raw sentences, escaped, and the voyage maps are drawn") {
    CHECK_THAT(html, Catch::Contains("Raw AIS (4 sentences)</summary><pre>"));
    CHECK(html.find("!AIVDM,") != std::string::npos);
    CHECK(html.find("<polyline points=") != std::string::npos);
    CHECK(html.find("<path class=\"land\"") != std::string::npos);
    CHECK_THAT(html, Catch::Contains("<span class=\"badge type\">port_call</span>"));
  }
  SECTION("CSV: formula names neutralised") {
    const std::string csv = slurp(s.files.events_csv);
    CHECK_THAT(csv, Catch::Contains(",\"'=1+1\","));           // the formula vessel's call sign
    CHECK_THAT(csv, Catch::Contains(",\"'; DROP TABLE EVENTS\","));  // its name by then: text, unchanged
    CHECK(csv.find(",\"=") == std::string::npos);
    CHECK(csv.find(",=") == std::string::npos);
  }
  SECTION("KML: escaped twice (XML, then the HTML of Google Earth's balloons)") {
    const std::string kml = slurp(s.files.gis[1]);
    CHECK_THAT(kml, Catch::Contains("&amp;lt;SVG ONLOAD=ALERT(1)"));
    CHECK(kml.find("<SVG") == std::string::npos);
    CHECK(kml.find("&lt;SVG") == std::string::npos);
    CHECK(slurp(s.files.gis[0]).find("&amp;lt;SVG ONLOAD=ALERT(1)") != std::string::npos);
  }
}
