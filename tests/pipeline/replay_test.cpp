// replay_test.cpp — run_replay end to end on real files: the bundled demo sample (every simulator
// scenario amid background ships) scored against its ground truth with every detector on, determinism,
// the outputs it writes, the NOAA CSV sample, several inputs merged in time order, and untimed NMEA.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/pipeline/replay.hpp"
#include "aiswatch/report/event_json.hpp"
#include "support.hpp"

using namespace aiswatch;
using namespace aiswatch::pipeline;
using namespace aiswatch::pipeline::test;
namespace sim = aiswatch::simulator;

namespace {

std::vector<sim::DetectedEvent> as_detected(const std::vector<nlohmann::json>& events) {
  std::vector<sim::DetectedEvent> out;
  for (const auto& j : events) {
    sim::DetectedEvent d;
    d.type = j.at("type").get<std::string>();
    d.mmsi = j.at("mmsi").get<std::uint32_t>();
    if (!j.at("other_mmsi").is_null()) d.other_mmsi = j.at("other_mmsi").get<std::uint32_t>();
    d.start_ms = *parse_iso8601(j.at("start").get<std::string>());
    d.zone = j.at("zone").get<std::string>();
    d.flagged = j.at("flagged").get<bool>();
    d.severity = j.at("severity").get<std::string>();
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<nlohmann::json> parse_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const std::string& line : lines_of(text)) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::uint64_t counter(const ReplayResult& r, std::string_view name) {
  for (const auto& c : r.statistics)
    if (c.name == name) return c.value;
  return 0;
}

}  // namespace

TEST_CASE("replay of the demo sample finds every ground-truth event and flags no decoy", "[replay][demo]") {
  TempDir dir;
  ReplayOptions o;
  o.inputs = {demo_log().string()};
  o.events_out = (dir.path / "events.jsonl").string();
  const ReplayResult r = run_replay(o, demo_resources());

  const auto events = parse_lines(read_file(dir.path / "events.jsonl"));
  REQUIRE(events.size() == r.events.total);
  const sim::GroundTruth truth = sim::truth_from_json(read_file(demo_truth()));
  const auto found = as_detected(events);
  const sim::TruthCheckResult check = sim::check_against_truth(truth, found, {.have_watchlist = true, .have_zones = true});
  INFO(check.summary());
  CHECK(check.ok());
  CHECK(check.missing.empty());
  CHECK(check.flagged_innocent.empty());
  CHECK(check.matched >= 30);

  // The headline cases are in there, flagged.
  std::set<std::string> flagged_types;
  for (const auto& e : events)
    if (e.at("flagged").get<bool>()) flagged_types.insert(e.at("type").get<std::string>());
  for (const char* t : {"port_call", "ais_gap", "encounter", "dark_transfer", "watchlist_match", "spoofing", "identity_change"})
    CHECK(flagged_types.count(t) == 1);

  // Counters agree with the input: every line read, nothing rejected in this clean log, 59 vessels.
  CHECK(counter(r, "NMEA lines read") == 129'281);
  CHECK(counter(r, "rejected (all reasons)") == 0);
  CHECK(r.vessels == 59);
  CHECK(r.first_time == parse_iso8601("2024-03-10T00:00:00Z"));
}

TEST_CASE("replay is deterministic: same events, ids and order in two runs", "[replay][demo]") {
  TempDir dir;
  std::string text[2];
  for (int i = 0; i < 2; ++i) {
    ReplayOptions o;
    o.inputs = {demo_log().string()};
    o.events_out = (dir.path / fmt::format("events{}.jsonl", i)).string();
    run_replay(o, demo_resources());
    text[i] = read_file(*o.events_out);
  }
  REQUIRE_FALSE(text[0].empty());
  CHECK(text[0] == text[1]);
  // Sorted by start time; ids unique.
  const auto events = parse_lines(text[0]);
  std::set<std::string> ids;
  std::string previous;
  for (const auto& e : events) {
    CHECK(ids.insert(e.at("id").get<std::string>()).second);
    const std::string start = e.at("start").get<std::string>();
    CHECK(start >= previous);
    previous = start;
  }
}

TEST_CASE("replay writes the report directory and every event carries its raw sentences", "[replay][report]") {
  TempDir dir;
  ReplayOptions o;
  o.inputs = {demo_log().string()};
  o.report_dir = dir.path / "report";
  o.gis_format = "GeoJSON";
  o.aiswatch_version = "9.9.9-test";
  const ReplayResult r = run_replay(o, demo_resources());
  for (const char* f : {"index.html", "events.jsonl", "events.csv"}) CHECK(fs::is_regular_file(dir.path / "report" / f));
  CHECK(std::find(r.written.begin(), r.written.end(), dir.path / "report" / "index.html") != r.written.end());
  const std::string html = read_file(dir.path / "report" / "index.html");
  CHECK(html.find("9.9.9-test") != std::string::npos);
  CHECK(html.find(fs::path(demo_log()).filename().string()) != std::string::npos);
  CHECK(html.find("LADY R") != std::string::npos);  // the watchlisted vessel has a dossier
  CHECK(html.find("<svg") != std::string::npos);
  // Hostile names from the hostile_text scenario never arrive as markup.
  CHECK(html.find("<SVG ONLOAD") == std::string::npos);

  const auto events = parse_lines(read_file(dir.path / "report" / "events.jsonl"));
  REQUIRE_FALSE(events.empty());
  for (const auto& e : events) {
    INFO(e.dump());
    if (e.at("flagged").get<bool>()) CHECK_FALSE(e.at("raw").empty());
    for (const auto& raw : e.at("raw")) CHECK(raw.at("text").get<std::string>().find("VDM") != std::string::npos);
  }
}

TEST_CASE("replay of the NOAA MarineCadastre CSV sample tracks every vessel in it", "[replay][csv]") {
  ReplayOptions o;
  o.inputs = {noaa_sample().string()};
  const ReplayResult r = run_replay(o, bare_resources());
  REQUIRE(r.inputs.size() == 1);
  CHECK(r.inputs[0].format == InputFormat::noaa_csv);
  CHECK(r.inputs[0].stats.csv.rows == 99'999);
  CHECK(r.inputs[0].stats.csv.rejected == 0);

  // Independent count of distinct MMSIs in the file.
  std::set<std::string> mmsis;
  ais::LineReader reader(noaa_sample().string());
  bool header = true;
  while (const auto line = reader.next_line()) {
    if (header) {
      header = false;
      continue;
    }
    if (!line->empty()) mmsis.insert(std::string(line->substr(0, line->find(','))));
  }
  CHECK(r.vessels == mmsis.size());
  CHECK(counter(r, "position reports") == 99'999);
}

TEST_CASE("several inputs are merged in time order and give the events of the whole log", "[replay][merge]") {
  // The demo split by receiving station into two files, as two receivers' logs would be: Chinese
  // stations and the satellite in one, the rest in the other. Together they are the same log.
  TempDir dir;
  std::string even, odd;
  {
    ais::LineReader reader(demo_log().string());
    std::string* target = &even;
    while (const auto line = reader.next_line()) {
      const std::string_view l = *line;
      const std::size_t tag_end = l.starts_with('\\') ? l.find('\\', 1) : std::string_view::npos;
      const std::size_t s = tag_end == std::string_view::npos ? tag_end : l.substr(0, tag_end).find("s:");
      if (s != std::string_view::npos) {  // a fragment without s: stays with the previous line's station
        const std::string_view station = l.substr(s + 2);
        target = (station.starts_with("CN-") || station.starts_with("SAT")) ? &even : &odd;
      }
      target->append(l);
      target->push_back('\n');
    }
  }
  REQUIRE(even.size() > 1'000'000);
  REQUIRE(odd.size() > 1'000'000);
  write_file(dir.path / "a.nmea", even);
  write_file(dir.path / "b.nmea", odd);

  ReplayOptions whole;
  whole.inputs = {demo_log().string()};
  whole.events_out = (dir.path / "whole.jsonl").string();
  const ReplayResult rw = run_replay(whole, demo_resources());

  ReplayOptions split;
  split.inputs = {(dir.path / "a.nmea").string(), (dir.path / "b.nmea").string()};
  split.events_out = (dir.path / "split.jsonl").string();
  const ReplayResult rs = run_replay(split, demo_resources());
  CHECK(rs.inputs.size() == 2);

  // Same flagged findings (ids are content-derived), and within a few of the same total.
  auto flagged_ids = [](const std::string& text) {
    std::set<std::string> ids;
    for (const auto& e : parse_lines(text))
      if (e.at("flagged").get<bool>()) ids.insert(e.at("id").get<std::string>() + " " + e.at("type").get<std::string>());
    return ids;
  };
  const auto a = flagged_ids(read_file(dir.path / "whole.jsonl"));
  const auto b = flagged_ids(read_file(dir.path / "split.jsonl"));
  CHECK(a == b);
  CHECK(rw.vessels == rs.vessels);
}

TEST_CASE("NMEA without any time is counted and skipped, never stamped with a made-up clock", "[replay][time]") {
  TempDir dir;
  // Real sentences from gpsd's sample (no tag blocks, no trailing time), and one timed copy.
  const std::string untimed = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n";
  const std::string timed = "\\c:1700000000*5F\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
  write_file(dir.path / "untimed.nmea", untimed + timed);
  ReplayOptions o;
  o.inputs = {(dir.path / "untimed.nmea").string()};
  const ReplayResult r = run_replay(o, bare_resources());
  CHECK(r.inputs[0].stats.untimed == 2);
  CHECK(r.inputs[0].stats.observations == 1);
  CHECK(counter(r, "messages without a time in the data (skipped)") == 2);
  CHECK(r.first_time == UnixMillis{1'700'000'000'000});
}

TEST_CASE("filters: --mmsi keeps one vessel, --since/--until cut the time span", "[replay][filters]") {
  ReplayOptions o;
  o.inputs = {demo_log().string()};
  o.pipeline.filters.mmsis = {273000000};  // not a demo vessel: nothing kept
  ReplayResult r = run_replay(o, demo_resources());
  CHECK(r.vessels == 0);
  CHECK(r.events.total == 0);
  CHECK(counter(r, "filtered out: not in --mmsi") > 100'000);

  ReplayOptions t;
  t.inputs = {demo_log().string()};
  t.pipeline.filters.since = *parse_iso8601("2024-03-11T00:00:00Z");
  t.pipeline.filters.until = *parse_iso8601("2024-03-11T06:00:00Z");
  r = run_replay(t, demo_resources());
  REQUIRE(r.first_time);
  CHECK(*r.first_time >= *t.pipeline.filters.since);
  CHECK(*r.last_time < *t.pipeline.filters.until);
  CHECK(counter(r, "filtered out: outside --since/--until") > 0);
}

TEST_CASE("a missing input fails before any work, naming the file", "[replay][errors]") {
  ReplayOptions o;
  o.inputs = {demo_log().string(), "/nonexistent/day2.nmea"};
  try {
    run_replay(o, bare_resources());
    FAIL("no exception");
  } catch (const ais::InputError& e) {
    CHECK(std::string(e.what()).find("/nonexistent/day2.nmea") != std::string::npos);
  }
}
