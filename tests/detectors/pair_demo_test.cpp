// End to end on the bundled demo sample (samples/demo: every simulator scenario amid 40 background ships):
// NMEA lines -> StreamDecoder -> observations -> Tracker -> encounter and dark_transfer, scored with the
// simulator's truth_check on the pair event types: every expected encounter and dark transfer found as
// expected, and no flagged pair event on a decoy or background vessel.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include <fmt/ranges.h>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/ais/to_observation.hpp"
#include "aiswatch/simulator/truth_check.hpp"
#include "aiswatch/watchlists/load.hpp"
#include "pair_harness.hpp"

using namespace pair_test;
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

}  // namespace

TEST_CASE("pair detectors on the bundled demo sample match its ground truth", "[pair][demo]") {
  const fs::path source(AISWATCH_SOURCE_DIR);
  sim::GroundTruth truth = sim::truth_from_json(read_file(source / "samples" / "demo" / "demo.truth.json"));
  std::erase_if(truth.events, [](const sim::TruthEvent& e) { return !is_pair_type(e.type); });
  REQUIRE(truth.events.size() >= 2);

  const std::vector<fs::path> lists = {source / "watchlists" / "data" / "ofac_sdn_vessels_20240503.csv"};
  auto list = aiswatch::watchlists::load_watchlists(lists);
  PairHarness h({}, std::move(list.entries));
  aiswatch::ais::StreamDecoder decoder;
  aiswatch::ais::LineReader reader((source / "samples" / "demo" / "demo.nmea.gz").string());
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
  if (std::getenv("AISWATCH_DUMP_PAIR_EVENTS")) {
    for (const det::Event& e : h.events()) {
      std::string ev;
      for (const auto& item : e.evidence)
        std::visit([&](const auto& v) { ev += fmt::format("  {} = {}\n", item.key, v); }, item.value);
      WARN(fmt::format("{} {} -> {} [{}] {}\n{}\n{}", det::to_string(e.type), e.mmsi, e.other_mmsi.value_or(0),
                       det::to_string(e.severity), e.zone, fmt::join(e.reasons, "\n"), ev));
    }
  }

  std::vector<sim::DetectedEvent> found;
  for (const det::Event& e : h.events()) {
    found.push_back({det::to_string(e.type), e.mmsi, e.other_mmsi, e.start, e.zone, e.flagged, det::to_string(e.severity)});
    UNSCOPED_INFO(fmt::format("{} {} {} {} {} flagged={} {} zone='{}'", det::to_string(e.type), e.mmsi,
                              e.other_mmsi.value_or(0), aiswatch::format_iso8601(e.start), aiswatch::format_iso8601(e.end),
                              e.flagged, det::to_string(e.severity), e.zone));
  }
  const sim::TruthCheckResult r = sim::check_against_truth(truth, found, {.have_watchlist = true, .have_zones = false});
  INFO(r.summary());
  CHECK(r.ok());
  CHECK(r.matched >= 2);
  // Nothing beyond the scripted pairs: the background traffic meets nobody offshore in this sample.
  CHECK(h.dark().stats().emitted == 1);
  CHECK(h.encounter().stats().emitted == 1);
}
