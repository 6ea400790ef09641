// End to end on the bundled demo sample (samples/demo: every simulator scenario amid 40 background ships):
// NMEA -> StreamDecoder -> observations -> Tracker -> the single-vessel detectors, with the OFAC list and
// the scenario's watch-zone file, scored with the simulator's truth_check on the single-vessel event types:
// every expected event found as expected, and no flagged event on a decoy or background vessel.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/ais/to_observation.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/simulator/truth_check.hpp"
#include "single_harness.hpp"

using namespace single_test;
namespace fs = std::filesystem;
namespace sim = aiswatch::simulator;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool is_pair_type(std::string_view type) { return type == "encounter" || type == "dark_transfer"; }

const aiswatch::geo::ZoneSet& demo_zones() {
  static const aiswatch::geo::ZoneSet zones = aiswatch::geo::load_zones(
      {.files = {fs::path(AISWATCH_SOURCE_DIR) / "samples/scenarios/zones/yeosu_watch_area.geojson"}});
  return zones;
}

// Replays the demo sample through a fresh harness (watchlist and the scenario's watch zones).
std::vector<det::Event> replay_demo() {
  HarnessOptions options = with_watchlist();
  options.zones = &demo_zones();
  SingleHarness h(options);
  aiswatch::ais::StreamDecoder decoder;
  aiswatch::ais::LineReader reader((fs::path(AISWATCH_SOURCE_DIR) / "samples" / "demo" / "demo.nmea.gz").string());
  UnixMillis last = 0;
  while (const auto line = reader.next_line()) {
    decoder.feed_line(*line, [&](const aiswatch::ais::AisMessage& m, const aiswatch::ais::AssembledSentence& s) {
      if (!s.rx_time) return;
      last = std::max(last, *s.rx_time);
      if (auto p = aiswatch::ais::to_position_report(m, s, *s.rx_time)) h.feed(*p);
      if (auto st = aiswatch::ais::to_static_report(m, s, *s.rx_time)) h.feed(*st);
    });
  }
  h.finish(last);
  return h.events();
}

}  // namespace

TEST_CASE("single-vessel detectors on the bundled demo sample match its ground truth", "[single][demo]") {
  const fs::path source(AISWATCH_SOURCE_DIR);
  sim::GroundTruth truth = sim::truth_from_json(read_file(source / "samples" / "demo" / "demo.truth.json"));
  std::erase_if(truth.events, [](const sim::TruthEvent& e) { return is_pair_type(e.type); });
  REQUIRE(truth.events.size() >= 20);
  const std::vector<det::Event> events = replay_demo();

  std::vector<sim::DetectedEvent> found;
  for (const det::Event& e : events) {
    found.push_back({det::to_string(e.type), e.mmsi, e.other_mmsi, e.start, e.zone, e.flagged, det::to_string(e.severity)});
    if (e.flagged || std::getenv("AISWATCH_DUMP_SINGLE_EVENTS"))
      UNSCOPED_INFO(fmt::format("{} {} {} flagged={} {} zone='{}' {}", det::to_string(e.type), e.mmsi,
                                aiswatch::format_iso8601(e.start), e.flagged, det::to_string(e.severity), e.zone,
                                e.reasons.empty() ? "" : e.reasons.front()));
  }
  const sim::TruthCheckResult r = sim::check_against_truth(truth, found, {.have_watchlist = true, .have_zones = true});
  INFO(r.summary());
  CHECK(r.ok());
  CHECK(r.matched >= 20);
}

TEST_CASE("the same input gives the same events, ids and order", "[single][demo]") {
  const std::vector<det::Event> a = replay_demo();
  const std::vector<det::Event> b = replay_demo();
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() > 50);
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(i);
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].end == b[i].end);
    CHECK(a[i].severity == b[i].severity);
    CHECK(a[i].evidence.size() == b[i].evidence.size());
    CHECK(a[i].raw.size() == b[i].raw.size());
  }
}
