// Tracker: the real NOAA sample, identity history, hygiene (duplicates, order, jumps), segments,
// eviction, lazy Kalman filters and observers.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aiswatch/ais/csv_reader_file.hpp"
#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/tracker.hpp"

using namespace aiswatch::ais;
using aiswatch::UnixMillis;

namespace {

const std::string kNoaa =
    std::string(AISWATCH_SOURCE_DIR) + "/samples/data/noaa_marinecadastre_AIS_2022_01_03_first99999.csv.gz";
constexpr UnixMillis kT0 = 1'641'168'000'000;  // 2022-01-03T00:00:00Z
constexpr std::int64_t kMinute = 60'000;

PositionReport fix(std::uint32_t mmsi, UnixMillis t, double lat, double lon, std::optional<float> sog = {},
                   std::optional<float> cog = {}) {
  PositionReport r;
  r.mmsi = mmsi;
  r.time = t;
  r.lat_deg = lat;
  r.lon_deg = lon;
  r.sog_kn = sog;
  r.cog_deg = cog;
  return r;
}

// Records every callback so tests can look at what detectors would see.
struct Recorder : TrackObserver {
  struct Seen {
    std::uint32_t mmsi;
    TrackPoint current;
    std::optional<TrackPoint> previous;
    std::optional<std::int64_t> gap_ms;
    std::optional<double> implied_speed_kn;
    UpdateFlags flags;
    std::size_t raw_count;
  };
  std::vector<Seen> positions;
  std::vector<IdentityChange> changes;
  std::vector<VesselSummary> evicted;
  std::vector<UnixMillis> ticks;
  int statics = 0;

  void on_position(const Vessel& v, const PositionUpdate& u) override {
    positions.push_back({v.mmsi, u.current, u.previous ? std::optional<TrackPoint>(*u.previous) : std::nullopt,
                         u.gap_ms, u.implied_speed_kn, u.flags, u.raw().size()});
  }
  void on_static(const Vessel&, const StaticReport&) override { ++statics; }
  void on_identity_change(const Vessel&, const IdentityChange& c) override { changes.push_back(c); }
  void on_evicted(const VesselSummary& s) override { evicted.push_back(s); }
  void on_time(UnixMillis now) override { ticks.push_back(now); }
};

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    out.push_back(line.substr(start, comma - start));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

}  // namespace

TEST_CASE("NOAA sample: the tracker follows every vessel in it", "[tracker][noaa][slow]") {
  // Independent reference: MMSIs and draught changes from a plain split of the lines (the sample has
  // no quoted commas), without the CSV reader.
  std::set<std::uint32_t> mmsis;
  std::map<std::uint32_t, std::string> identity_time;  // latest identity row per MMSI (ISO text sorts)
  std::map<std::uint32_t, long> draught_dm;
  int expected_draught_changes = 0;
  {
    LineReader lines(kNoaa);
    lines.next_line();  // header
    auto number = [](std::string_view f) { return f.empty() ? 0.0 : std::stod(std::string(f)); };
    while (auto line = lines.next_line()) {
      const auto f = split(*line);
      REQUIRE(f.size() == 17);
      const auto mmsi = static_cast<std::uint32_t>(std::stoul(std::string(f[0])));
      mmsis.insert(mmsi);
      // Identity columns: VesselName, IMO (IMO0000000 = none), CallSign, VesselType, Length, Width, Draft.
      const bool has_identity = !f[7].empty() || (!f[8].empty() && f[8] != "IMO0000000") || !f[9].empty() ||
                                number(f[10]) > 0 || number(f[12]) > 0 || number(f[13]) > 0 || number(f[14]) > 0;
      if (!has_identity) continue;
      const std::string time(f[1]);
      if (identity_time.count(mmsi) && time < identity_time[mmsi]) continue;  // older than the one in force
      identity_time[mmsi] = time;
      const long dm = std::lround(number(f[14]) * 10);
      if (dm <= 0 || dm > 255) continue;
      const auto it = draught_dm.find(mmsi);
      if (it != draught_dm.end() && it->second != dm) ++expected_draught_changes;
      draught_dm[mmsi] = dm;
    }
  }
  REQUIRE(mmsis.size() == 10'631);

  Tracker tracker;
  Recorder recorder;
  tracker.add_observer(recorder);
  CsvFileReader csv(kNoaa);
  while (const CsvRow* row = csv.next()) {
    if (row->position) tracker.on_position(*row->position);
    if (row->identity) tracker.on_static(*row->identity);
  }
  CHECK(tracker.size() == mmsis.size());
  for (const std::uint32_t m : mmsis) {
    const Vessel* v = tracker.find(m);
    REQUIRE(v);
    CHECK(v->last);
  }
  const TrackerStats& st = tracker.stats();
  CHECK(st.positions == 99'999);
  CHECK(st.implausible_time == 0);
  CHECK(st.accepted + st.late + st.too_old + st.duplicates == st.positions);
  CHECK(st.duplicates >= 1);  // the sample repeats one row verbatim
  CHECK(recorder.positions.size() == st.accepted + st.late);
  CHECK(st.late > 10'000);   // the sample is not sorted per vessel (see docs/tracker.md)
  CHECK(std::all_of(recorder.positions.begin(), recorder.positions.end(),
                    [](const Recorder::Seen& s) { return s.raw_count == 1; }));

  // Identity: EAGLE's values, and the draught changes the data holds.
  const Vessel* eagle = tracker.find(367379190);
  REQUIRE(eagle);
  CHECK(eagle->identity.name.view() == "EAGLE");
  CHECK(eagle->identity.imo == std::optional<std::uint32_t>(8207721));
  CHECK(eagle->identity.length_overall_m() == std::optional<std::uint16_t>(28));
  CHECK(eagle->flag()->alpha2 == "US");
  const auto draught_changes = static_cast<int>(std::count_if(
      recorder.changes.begin(), recorder.changes.end(),
      [](const IdentityChange& c) { return c.field == IdentityField::draught; }));
  CHECK(expected_draught_changes > 0);
  CHECK(draught_changes == expected_draught_changes);
  for (const IdentityChange& c : recorder.changes) {
    REQUIRE(c.raw.size() == 1);
    CHECK(c.raw[0].text.find(',') != std::string::npos);   // the CSV row it came from
  }
}

TEST_CASE("identity history: changes with time and raw text, bounded", "[tracker][identity]") {
  TrackerConfig cfg;
  cfg.identity_history_max = 4;
  cfg.raw_text_max = 16;
  Tracker tracker(cfg);
  Recorder recorder;
  tracker.add_observer(recorder);
  const RawRef raw[] = {{"!AIVDM,2,1,3,B,55P5TL01VIaAL@7WKO@mBplU@<PDhh000000001S;AJ::4A80?4i@E53,0*3E", kT0},
                        {"!AIVDM,2,2,3,B,1@0000000000000,2*55", kT0}};
  auto report = [&](UnixMillis t, std::string_view name, std::optional<float> draught = {},
                    std::optional<std::uint32_t> imo = {}) {
    StaticReport s;
    s.mmsi = 445123000;
    s.time = t;
    s.name = name;
    s.draught_m = draught;
    s.imo = imo;
    s.raw = raw;
    return tracker.on_static(s);
  };

  SECTION("first values are not changes; absent fields do not erase") {
    CHECK(report(kT0, "KUM UN SAN", 5.0f, 9179842) == StaticOutcome::applied);
    CHECK(recorder.changes.empty());
    StaticReport only_callsign;
    only_callsign.mmsi = 445123000;
    only_callsign.time = kT0 + kMinute;
    only_callsign.callsign = "HMAB";
    tracker.on_static(only_callsign);
    const Vessel* v = tracker.find(445123000);
    CHECK(v->identity.name.view() == "KUM UN SAN");
    CHECK(v->identity.callsign.view() == "HMAB");
    CHECK(v->identity.draught_m == std::optional<float>(5.0f));
    CHECK_FALSE(v->history);  // nothing changed: no allocation
    CHECK(v->flag()->alpha2 == "KP");
  }
  SECTION("name, draught and IMO changes recorded with before/after, time and raw sentences") {
    report(kT0, "KUM UN SAN", 5.0f, 9179842);
    report(kT0 + 10 * kMinute, "OCEAN STAR", 12.4f, 9179842);
    report(kT0 + 20 * kMinute, "OCEAN STAR", 12.44f, 8207721);  // same draught at 0.1 m resolution
    REQUIRE(recorder.changes.size() == 3);
    CHECK(recorder.changes[0].field == IdentityField::name);
    CHECK(recorder.changes[0].before == "KUM UN SAN");
    CHECK(recorder.changes[0].after == "OCEAN STAR");
    CHECK(recorder.changes[0].time == kT0 + 10 * kMinute);
    REQUIRE(recorder.changes[0].raw.size() == 2);
    CHECK(recorder.changes[0].raw[0].text == "!AIVDM,2,1,3,B,5");  // cut at raw_text_max
    CHECK(recorder.changes[0].raw[1].rx_time == std::optional<UnixMillis>(kT0));
    CHECK(recorder.changes[1].field == IdentityField::draught);
    CHECK(recorder.changes[1].before == "5.0");
    CHECK(recorder.changes[1].after == "12.4");
    CHECK(recorder.changes[2].field == IdentityField::imo);
    CHECK(recorder.changes[2].after == "8207721");
    const Vessel* v = tracker.find(445123000);
    REQUIRE(v->history);
    CHECK(v->history->total() == 3);
  }
  SECTION("bounded: latest N kept, older counted") {
    for (int i = 0; i < 10; ++i) report(kT0 + i * kMinute, "NAME " + std::to_string(i));
    const Vessel* v = tracker.find(445123000);
    REQUIRE(v->history);
    CHECK(v->history->latest.size() == 4);
    CHECK(v->history->dropped == 5);
    CHECK(v->history->total() == 9);
    CHECK(v->history->latest.back().after == "NAME 9");
    CHECK(v->history->latest.front().after == "NAME 6");
    CHECK(tracker.stats().identity_changes == 9);
  }
  SECTION("an older static report does not flip the identity back") {
    report(kT0 + 10 * kMinute, "NEW NAME");
    CHECK(report(kT0, "OLD NAME") == StaticOutcome::late);
    CHECK(tracker.find(445123000)->identity.name.view() == "NEW NAME");
    CHECK(recorder.changes.empty());
  }
}

TEST_CASE("an IMO moving to an MMSI of another flag is a flag change", "[tracker][identity]") {
  Tracker tracker;
  Recorder recorder;
  tracker.add_observer(recorder);
  StaticReport s;
  s.imo = 9179842;
  s.mmsi = 636012345;  // Liberia
  s.time = kT0;
  tracker.on_static(s);
  s.mmsi = 445012345;  // DPRK
  s.time = kT0 + 24 * 60 * kMinute;
  tracker.on_static(s);
  s.mmsi = 445067890;  // DPRK again: same flag, another MMSI
  s.time += kMinute;
  tracker.on_static(s);
  REQUIRE(recorder.changes.size() == 2);
  CHECK(recorder.changes[0].field == IdentityField::flag);
  CHECK(recorder.changes[0].before == "LR");
  CHECK(recorder.changes[0].after == "KP");
  CHECK(recorder.changes[0].other_mmsi == 636012345);
  CHECK(recorder.changes[1].field == IdentityField::mmsi);
  CHECK(recorder.changes[1].other_mmsi == 445012345);
}

TEST_CASE("the same message heard by several stations counts once", "[tracker][hygiene]") {
  Tracker tracker;
  Recorder recorder;
  tracker.add_observer(recorder);
  PositionReport a = fix(273382620, kT0, 42.0, 131.0, 10.0f, 90.0f);
  a.payload_hash = 0xABCDEF;
  a.station_id = 1;
  PositionReport b = a;
  b.station_id = 2;
  b.time = kT0 + 1'500;  // the second station stamps it 1.5 s later
  CHECK(tracker.on_position(a) == PositionOutcome::accepted);
  CHECK(tracker.on_position(b) == PositionOutcome::duplicate);
  PositionReport earlier = a;
  earlier.time = kT0 - 800;  // or earlier
  CHECK(tracker.on_position(earlier) == PositionOutcome::duplicate);
  PositionReport later = a;
  later.time = kT0 + 5 * kMinute;  // the same payload much later is a new report (anchored vessel)
  CHECK(tracker.on_position(later) == PositionOutcome::accepted);
  PositionReport other = a;
  other.payload_hash = 0x123;
  other.time = kT0 + 5 * kMinute + 2'000;
  CHECK(tracker.on_position(other) == PositionOutcome::accepted);
  CHECK(recorder.positions.size() == 3);
  CHECK(tracker.find(273382620)->counts.duplicates == 2);
  CHECK(tracker.stats().duplicates == 2);
}

TEST_CASE("out-of-order fixes within the window are kept as late, older ones dropped", "[tracker][hygiene]") {
  TrackerConfig cfg;
  cfg.reorder_window_ms = 10 * kMinute;
  Tracker tracker(cfg);
  Recorder recorder;
  tracker.add_observer(recorder);
  tracker.on_position(fix(273382620, kT0 + 20 * kMinute, 42.10, 131.0, 12.0f, 0.0f));
  CHECK(tracker.on_position(fix(273382620, kT0 + 17 * kMinute, 42.09, 131.0, 12.0f, 0.0f)) ==
        PositionOutcome::late);
  CHECK(tracker.on_position(fix(273382620, kT0 + 5 * kMinute, 45.0, 131.0)) == PositionOutcome::too_old);
  const Vessel* v = tracker.find(273382620);
  CHECK(v->last->time == kT0 + 20 * kMinute);  // latest fix unchanged
  CHECK(v->counts.late == 1);
  CHECK(v->counts.too_old == 1);
  CHECK(v->counts.positions == 1);
  CHECK(v->counts.suspect == 0);  // a dropped fix is not judged
  REQUIRE(recorder.positions.size() == 2);
  const auto& late = recorder.positions[1];
  CHECK(late.flags.late);
  CHECK_FALSE(late.flags.suspect);  // 0.01 deg in 3 min = ~12 kn
  CHECK(late.gap_ms == std::optional<std::int64_t>(-3 * kMinute));
  REQUIRE(late.previous);
  CHECK(late.previous->time == kT0 + 20 * kMinute);
}

TEST_CASE("implausible jumps are kept and marked suspect", "[tracker][hygiene]") {
  Tracker tracker;  // 50 kn limit
  Recorder recorder;
  tracker.add_observer(recorder);
  tracker.on_position(fix(445123000, kT0, 38.70, 125.20, 9.0f, 180.0f));
  // 1 degree of latitude (60 nm) in 10 minutes: 360 kn.
  CHECK(tracker.on_position(fix(445123000, kT0 + 10 * kMinute, 39.70, 125.20, 9.0f, 180.0f)) ==
        PositionOutcome::accepted);
  // GPS jitter: 40 m in one second is 78 kn but under min_jump_m.
  CHECK(tracker.on_position(fix(445123000, kT0 + 10 * kMinute + 1'000, 39.70036, 125.20)) ==
        PositionOutcome::accepted);
  REQUIRE(recorder.positions.size() == 3);
  CHECK_FALSE(recorder.positions[0].flags.suspect);
  CHECK(recorder.positions[0].flags.first_fix);
  CHECK(recorder.positions[1].flags.suspect);
  CHECK(recorder.positions[1].current.suspect);
  CHECK(*recorder.positions[1].implied_speed_kn > 300);
  CHECK_FALSE(recorder.positions[2].flags.suspect);
  const Vessel* v = tracker.find(445123000);
  CHECK(v->counts.suspect == 1);
  CHECK(v->counts.positions == 3);
  CHECK(v->last->lat_deg == Approx(39.70036));  // the track follows what was broadcast
  CHECK(tracker.stats().suspect == 1);
}

TEST_CASE("tracks split into segments at long gaps", "[tracker]") {
  TrackerConfig cfg;
  cfg.segment_gap_ms = 60 * kMinute;
  Tracker tracker(cfg);
  Recorder recorder;
  tracker.add_observer(recorder);
  tracker.on_position(fix(273382620, kT0, 42.0, 131.0));
  tracker.on_position(fix(273382620, kT0 + 30 * kMinute, 42.0, 131.0));
  tracker.on_position(fix(273382620, kT0 + 150 * kMinute, 42.0, 131.0));  // 2 h silent
  tracker.on_position(fix(273382620, kT0 + 160 * kMinute, 42.0, 131.0));
  REQUIRE(recorder.positions.size() == 4);
  CHECK(recorder.positions[1].current.segment == 0);
  CHECK(recorder.positions[2].flags.new_segment);
  CHECK(recorder.positions[2].gap_ms == std::optional<std::int64_t>(120 * kMinute));
  CHECK(recorder.positions[2].current.segment == 1);
  CHECK(recorder.positions[3].current.segment == 1);
  CHECK(summarise(*tracker.find(273382620)).segments == 2);
}

TEST_CASE("silent vessels are evicted with a summary, the others stay", "[tracker][eviction]") {
  TrackerConfig cfg;
  cfg.evict_after_ms = 60 * kMinute;
  cfg.sweep_interval_ms = 10 * kMinute;
  Tracker tracker(cfg);
  Recorder recorder;
  tracker.add_observer(recorder);
  StaticReport s;
  s.mmsi = 445000001;
  s.time = kT0;
  s.name = "SILENT ONE";
  tracker.on_static(s);
  tracker.on_position(fix(445000001, kT0, 39.0, 125.0));
  for (std::uint32_t m = 273000001; m <= 273000005; ++m) tracker.on_position(fix(m, kT0, 43.0, 132.0));
  // Only the last two keep talking.
  for (int minute = 1; minute <= 90; ++minute) {
    tracker.on_position(fix(273000004, kT0 + minute * kMinute, 43.0, 132.0));
    tracker.on_position(fix(273000005, kT0 + minute * kMinute, 43.1, 132.0));
  }
  CHECK(tracker.size() == 2);
  CHECK(tracker.stats().evicted == 4);
  REQUIRE(recorder.evicted.size() == 4);
  REQUIRE(tracker.evicted().size() == 4);
  CHECK_FALSE(tracker.find(445000001));
  const auto it = std::find_if(tracker.evicted().begin(), tracker.evicted().end(),
                               [](const VesselSummary& e) { return e.mmsi == 445000001; });
  REQUIRE(it != tracker.evicted().end());
  CHECK(it->name == "SILENT ONE");
  CHECK(it->flag->alpha2 == "KP");
  CHECK(it->counts.positions == 1);
  REQUIRE(it->last);
  CHECK(it->last->lat_deg == 39.0);
  // The survivors were moved inside the dense store; the index must still find them.
  REQUIRE(tracker.find(273000005));
  CHECK(tracker.find(273000005)->last->lat_deg == 43.1);
  CHECK(tracker.find(273000004)->counts.positions == 91);
  CHECK_FALSE(recorder.ticks.empty());
  // It comes back under another name: it continues from its summary, the dark period is one gap.
  s.time = kT0 + 100 * kMinute;
  s.name = "BRIGHT ONE";
  CHECK(tracker.on_static(s) == StaticOutcome::applied);
  tracker.on_position(fix(445000001, kT0 + 100 * kMinute, 39.01, 125.0));
  const Vessel* back = tracker.find(445000001);
  REQUIRE(back);
  CHECK(back->counts.positions == 2);
  CHECK(back->first_seen == kT0);
  CHECK(back->identity.name.view() == "BRIGHT ONE");
  REQUIRE_FALSE(recorder.changes.empty());
  CHECK(recorder.changes.back().before == "SILENT ONE");
  CHECK(recorder.changes.back().after == "BRIGHT ONE");
  const auto& returned = recorder.positions.back();
  REQUIRE(returned.previous);
  CHECK(returned.previous->time == kT0);
  CHECK(returned.gap_ms == std::optional<std::int64_t>(100 * kMinute));
  CHECK(returned.flags.new_segment);
  CHECK(tracker.stats().resumed == 1);
}

TEST_CASE("Kalman filters exist only while vessels move", "[tracker][kalman]") {
  TrackerConfig cfg;
  cfg.kalman_idle_ms = 15 * kMinute;
  cfg.sweep_interval_ms = 5 * kMinute;
  Tracker tracker(cfg);
  // Anchored vessel: never a filter.
  tracker.on_position(fix(273000001, kT0, 43.0, 132.0, 0.0f, 0.0f));
  // Moving north at 12 kn (0.2 nm per minute).
  for (int i = 0; i < 10; ++i)
    tracker.on_position(fix(273000002, kT0 + i * kMinute, 43.0 + i * 0.2 / 60, 132.0, 12.0f, 0.0f));
  CHECK_FALSE(tracker.find(273000001)->kalman);
  REQUIRE(tracker.find(273000002)->kalman);
  const auto e = tracker.estimate(*tracker.find(273000002), kT0 + 10 * kMinute);
  REQUIRE(e);
  CHECK(e->sog_kn == Approx(12.0).margin(0.5));
  CHECK(e->lat_deg == Approx(43.0 + 10 * 0.2 / 60).margin(0.001));
  // Then it stops for longer than kalman_idle_ms: the filter is dropped.
  for (int i = 10; i < 40; ++i)
    tracker.on_position(fix(273000002, kT0 + i * kMinute, 43.0 + 10 * 0.2 / 60, 132.0, 0.0f, 0.0f));
  CHECK_FALSE(tracker.find(273000002)->kalman);
  CHECK(tracker.stats().kalman_built == 1);
  CHECK(tracker.stats().kalman_dropped == 1);
  // An estimate is still available from the latest fix.
  CHECK(tracker.estimate(*tracker.find(273000001), kT0 + 60 * kMinute));
}

TEST_CASE("invalid MMSIs are rejected and counted", "[tracker][hygiene]") {
  Tracker tracker;
  CHECK(tracker.on_position(fix(0, kT0, 1, 1)) == PositionOutcome::invalid_mmsi);
  CHECK(tracker.on_position(fix(1'073'741'824, kT0, 1, 1)) == PositionOutcome::invalid_mmsi);
  StaticReport s;
  s.mmsi = 0;
  CHECK(tracker.on_static(s) == StaticOutcome::invalid_mmsi);
  CHECK(tracker.stats().invalid_mmsi == 3);
  CHECK(tracker.size() == 0);
  // Numbers of no valid class are still tracked (spoofers use them), without a flag.
  CHECK(tracker.on_position(fix(123456789, kT0, 1, 1)) == PositionOutcome::accepted);
  CHECK_FALSE(tracker.find(123456789)->flag());
  CHECK(tracker.find(123456789)->mmsi_class.kind == MmsiKind::invalid);
}

TEST_CASE("a corrupt timestamp far ahead neither moves the clock nor strands its vessel", "[tracker][hygiene]") {
  TrackerConfig cfg;
  cfg.evict_after_ms = 60 * kMinute;
  cfg.max_time_jump_ms = 6 * 60 * kMinute;
  Tracker tracker(cfg);
  for (std::uint32_t m = 273000001; m <= 273000003; ++m) tracker.on_position(fix(m, kT0, 43.0, 132.0));
  SECTION("a lone report years ahead is rejected") {
    const UnixMillis bogus = kT0 + 3LL * 365 * 24 * 60 * kMinute;
    CHECK(tracker.on_position(fix(273000001, bogus, 43.0, 132.0)) == PositionOutcome::implausible_time);
    CHECK(tracker.now() == std::optional<UnixMillis>(kT0));
    CHECK(tracker.size() == 3);  // nobody evicted
    CHECK(tracker.on_position(fix(273000001, kT0 + kMinute, 43.0, 132.0)) == PositionOutcome::accepted);
    CHECK(tracker.stats().implausible_time == 1);
  }
  SECTION("a real gap in the data: a second vessel confirms the new time") {
    const UnixMillis later = kT0 + 2 * 24 * 60 * kMinute;  // the next file starts two days later
    CHECK(tracker.on_position(fix(273000001, later, 43.0, 132.0)) == PositionOutcome::implausible_time);
    CHECK(tracker.on_position(fix(273000002, later + 5'000, 43.0, 132.0)) == PositionOutcome::accepted);
    CHECK(tracker.stats().clock_jumps == 1);
    CHECK(tracker.now() == std::optional<UnixMillis>(later + 5'000));
    // The jump ran the sweep: all three were silent for two days of data time and were evicted.
    CHECK(tracker.stats().evicted == 3);
    CHECK(tracker.on_position(fix(273000001, later + 10'000, 43.0, 132.0)) == PositionOutcome::accepted);
    CHECK(tracker.size() == 2);
    CHECK(tracker.find(273000001)->counts.positions == 2);   // resumed from its summary
    CHECK(tracker.find(273000001)->last->segment == 1);      // two days dark: a new segment
  }
}
