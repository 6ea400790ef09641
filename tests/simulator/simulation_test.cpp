// Whole simulations: determinism, realism (at sea, reporting intervals, noise), scripted gaps and only
// those, identity and draught changes in the broadcast data, and the geometry each scenario promises.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/geo/land.hpp"
#include "aiswatch/geo/reference_layers.hpp"
#include "aiswatch/geo/zone_set.hpp"
#include "aiswatch/simulator/hostile_text.hpp"
#include "sim_fixture.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;
using test::all_scenarios_run;
using test::SentRecord;

namespace {

const SimulatedVessel& vessel(const test::SimRun& run, const std::string& scenario, const std::string& id) {
  for (const auto& v : run.sim->vessels())
    if (v.scenario == scenario && v.spec.id == id) return v;
  FAIL("no vessel " << scenario << "/" << id);
  throw std::logic_error("unreachable");
}

std::size_t index_of(const test::SimRun& run, const SimulatedVessel& v) {
  return static_cast<std::size_t>(&v - run.sim->vessels().data());
}

// The [start, end) of a vessel's step with this label.
std::pair<UnixMillis, UnixMillis> phase(const SimulatedVessel& v, const std::string& label) {
  for (const auto& seg : v.track.segments())
    if (v.spec.steps[seg.step].label == label) return {seg.start_ms, seg.end_ms};
  FAIL("no phase " << label);
  return {0, 0};
}

std::vector<const SentRecord*> sent_by(const test::SimRun& run, std::size_t vessel) {
  std::vector<const SentRecord*> out;
  for (const auto& r : run.sent)
    if (r.vessel == vessel) out.push_back(&r);
  return out;
}

// The transponder is on during the whole of [a, b].
bool on_throughout(const SimulatedVessel& v, UnixMillis a, UnixMillis b) {
  for (std::size_t k = v.track.segment_at(a); k <= v.track.segment_at(b); ++k)
    if (!v.track.segments()[k].ais_on) return false;
  return true;
}

bool is_position(std::uint8_t type) { return type == 1 || type == 2 || type == 3 || type == 18 || type == 19 || type == 27; }

std::uint64_t hash_lines(const std::vector<std::string>& lines) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const auto& l : lines)
    for (char c : l + "\n") h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

}  // namespace

TEST_CASE("same seed, same log; another seed, another log", "[simulator][simulation]") {
  auto one = [](std::uint64_t seed) {
    std::vector<Scenario> s{load_scenario_file(test::scenario_dir() / "rajin_shuttle.json")};
    return test::run_simulation(std::move(s), {.seed = seed, .background_vessels = 10}, false);
  };
  const auto a = one(11), b = one(11), c = one(12);
  REQUIRE_FALSE(a.lines.empty());
  CHECK(a.lines == b.lines);
  CHECK(a.truth_json == b.truth_json);
  CHECK(hash_lines(a.lines) != hash_lines(c.lines));
  // Adding background vessels does not change the scripted vessel's own messages.
  std::vector<Scenario> s{load_scenario_file(test::scenario_dir() / "rajin_shuttle.json")};
  const auto more = test::run_simulation(std::move(s), {.seed = 11, .background_vessels = 20});
  const auto mine = [](const test::SimRun& r) {
    std::vector<std::string> out;
    for (const auto& l : r.lines)
      if (l.find("s:RU-") != std::string::npos) out.push_back(l);
    return out;
  };
  const auto shuttle_sent = [](const test::SimRun& r) {
    std::vector<UnixMillis> out;
    for (const auto& x : r.sent)
      if (x.mmsi == 273459120) out.push_back(x.time_ms);
    return out;
  };
  const auto few = test::run_simulation({load_scenario_file(test::scenario_dir() / "rajin_shuttle.json")},
                                        {.seed = 11, .background_vessels = 10});
  CHECK(shuttle_sent(few) == shuttle_sent(more));
  CHECK_FALSE(mine(few).empty());
}

TEST_CASE("every vessel stays at sea; reported positions carry only GPS noise", "[simulator][simulation][slow]") {
  const auto& run = all_scenarios_run();
  const geo::Land& land = test::land();
  test::Violations on_land, noisy;
  std::size_t samples = 0;
  for (const auto& v : run.sim->vessels()) {
    for (UnixMillis t = v.track.begin_ms(); t <= v.track.end_ms(); t += 600'000, ++samples) {
      const geo::LatLon p = v.track.position_at(t);
      on_land.add(!land.on_land(p), [&] {
        return v.scenario + "/" + v.spec.id + " at " + format_iso8601(t) + " " + std::to_string(p.lat_deg) + "," + std::to_string(p.lon_deg);
      });
    }
  }
  INFO(on_land.first);
  CHECK(on_land.count == 0);
  CHECK(samples > 20'000);
  std::size_t spoofed = 0;
  for (const auto& r : run.sent) {
    if (!r.reported) continue;
    if (r.spoofed) {
      ++spoofed;
      continue;
    }
    const double error_m = geo::distance_m(*r.reported, r.true_position);
    // GPS noise 3 m per axis; type 27 is rounded to 1/10 minute (≤ 130 m).
    noisy.add(error_m < (r.msg_type == 27 ? 160.0 : 25.0),
              [&] { return "MMSI " + std::to_string(r.mmsi) + " off by " + std::to_string(error_m) + " m"; });
  }
  INFO(noisy.first);
  CHECK(noisy.count == 0);
  CHECK(spoofed > 10);
}

TEST_CASE("reporting intervals follow ITU-R M.1371 (thinned as documented)", "[simulator][simulation]") {
  const auto& run = all_scenarios_run();
  std::size_t checked_underway = 0, checked_moored = 0, checked_static = 0;
  for (std::size_t i = 0; i < run.sim->vessels().size(); ++i) {
    const auto& v = run.sim->vessels()[i];
    if (v.spec.class_b) continue;
    const auto sent = sent_by(run, i);
    const SentRecord* last_pos = nullptr;
    const SentRecord* last_static = nullptr;
    for (const SentRecord* r : sent) {
      if (r->msg_type == 5) {
        if (last_static != nullptr && on_throughout(v, last_static->time_ms, r->time_ms)) {
          CHECK(r->time_ms - last_static->time_ms <= 380'000);  // 6 min ± 20 s
          ++checked_static;
        }
        last_static = r;
        continue;
      }
      if (r->msg_type < 1 || r->msg_type > 3) continue;
      if (last_pos != nullptr && on_throughout(v, last_pos->time_ms, r->time_ms)) {
        const DurationMs dt = r->time_ms - last_pos->time_ms;
        const KinematicState s = v.track.state_at(last_pos->time_ms);
        {
          if (s.sog_kn > 3.0 && s.sog_kn <= 14.0) {
            CHECK(dt >= 54'000);   // 10 s × 6, −10 %
            CHECK(dt <= 66'000);   // capped at 60 s, +10 %
            ++checked_underway;
          } else if (s.nav_status == 5 && s.sog_kn < 0.1) {
            CHECK(dt >= 162'000);  // 3 min ± 10 %
            CHECK(dt <= 198'000);
            ++checked_moored;
          }
        }
      }
      last_pos = r;
    }
  }
  CHECK(checked_underway > 10'000);
  CHECK(checked_moored > 1'000);
  CHECK(checked_static > 1'000);
}

TEST_CASE("silent only where the script says so", "[simulator][simulation]") {
  const auto& run = all_scenarios_run();
  for (std::size_t i = 0; i < run.sim->vessels().size(); ++i) {
    const auto& v = run.sim->vessels()[i];
    std::vector<std::pair<UnixMillis, UnixMillis>> silences;
    for (const auto& s : run.truth.silences)
      if (s.scenario == v.scenario && s.vessel == v.spec.id) silences.emplace_back(s.start_ms, s.end_ms);
    std::vector<UnixMillis> heard;
    for (const SentRecord* r : sent_by(run, i))
      if (r->heard_by > 0 && is_position(r->msg_type)) heard.push_back(r->time_ms);
    INFO(v.scenario << "/" << v.spec.id);
    REQUIRE(heard.size() > 20);
    test::Violations in_silence, long_gap;
    for (UnixMillis t : heard)
      for (const auto& [a, b] : silences)
        in_silence.add(!(t >= a && t < b), [&] { return "heard at " + format_iso8601(t); });  // nothing heard in a silence
    // Outside the scripted silences, no gap longer than an hour (far below the 2 h a detector cares
    // about; a ship at rest where only satellites hear it, half its 3-minute reports, can miss 30 min).
    for (std::size_t k = 1; k < heard.size(); ++k) {
      const UnixMillis a = heard[k - 1], b = heard[k];
      const bool scripted = std::any_of(silences.begin(), silences.end(), [&](const auto& s) { return s.first < b && s.second > a; });
      if (!scripted) long_gap.add(b - a <= 60 * 60'000, [&] { return "silent " + format_iso8601(a) + " .. " + format_iso8601(b); });
    }
    INFO(in_silence.first << long_gap.first);
    CHECK(in_silence.count == 0);
    CHECK(long_gap.count == 0);
  }
  // The scripted ones are there and as long as scripted.
  auto silence = [&](const std::string& scenario, const std::string& id, const char* kind) {
    std::vector<double> hours;
    for (const auto& s : run.truth.silences)
      if (s.scenario == scenario && s.vessel == id && s.kind == kind) hours.push_back(static_cast<double>(s.end_ms - s.start_ms) / 3.6e6);
    return hours;
  };
  CHECK(silence("korea_bay_dark_transfer", "tanker", "ais_off") == std::vector<double>{16.0});
  CHECK(silence("decoys", "pacific", "no_coverage") == std::vector<double>{1.5, 2.5, 5.0});
  CHECK(silence("decoys", "transit", "ais_off").empty());
  REQUIRE(silence("watchlisted_shuttle", "lady_r", "ais_off").size() == 2);
  CHECK(silence("watchlisted_shuttle", "lady_r", "ais_off")[0] == Approx(14.03).margin(0.05));
}

TEST_CASE("the log decodes cleanly with the project's decoder and carries the scripted identities", "[simulator][simulation]") {
  const auto& run = all_scenarios_run();
  ais::StreamDecoder decoder;
  std::map<std::uint32_t, std::vector<std::pair<UnixMillis, float>>> draughts;
  std::map<std::uint32_t, std::set<std::string>> names;
  std::uint64_t decoded = 0;
  for (const auto& line : run.lines)
    decoder.feed_line(line, [&](const ais::AisMessage& m, const ais::AssembledSentence& s) {
      ++decoded;
      if (const auto* five = std::get_if<ais::StaticVoyageData>(&m.body)) {
        if (five->draught_m && s.rx_time) draughts[m.mmsi].emplace_back(*s.rx_time, *five->draught_m);
        names[m.mmsi].insert(std::string(five->shipname.view()));
      }
    });
  decoder.finish();
  CHECK(decoder.stats().rejects.total() == 0);
  CHECK(decoder.stats().tag_blocks_discarded == 0);
  std::uint64_t heard = 0;
  for (const auto& r : run.sent) heard += r.heard_by;
  CHECK(decoded == heard);  // every reception is one complete message

  SECTION("draught drops across the dark period of the Korea Bay tanker") {
    const auto& v = vessel(run, "korea_bay_dark_transfer", "tanker");
    const auto [dark_start, dark_end] = phase(v, "dark");
    const auto& d = draughts.at(273415630);
    REQUIRE(d.size() > 10);
    for (const auto& [t, metres] : d) {
      if (t < dark_start) CHECK(metres == Approx(9.8f));
      if (t > dark_end + 60'000) CHECK(metres == Approx(7.2f));
    }
  }
  SECTION("identity laundering: the IMO comes back under a new MMSI and name") {
    CHECK(names.at(352681000) == std::set<std::string>{"SEA GRACE"});
    CHECK(names.at(667001234) == std::set<std::string>{"OCEAN STAR 8"});
  }
  SECTION("hostile names reach the log verbatim") {
    CHECK(names.at(273550010).count("<SVG ONLOAD=ALERT(1)") == 1);
    CHECK(names.at(667230040).count("=HYPERLINK(\"HTTP://X") == 1);
    CHECK(names.at(667230040).count("'; DROP TABLE EVENTS") == 1);
  }
}

TEST_CASE("ground truth resolves every expectation", "[simulator][simulation]") {
  const auto& run = all_scenarios_run();
  std::size_t expected = 0;
  for (const auto& s : test::load_all_scenarios()) expected += s.expect.size();
  CHECK(run.truth.events.size() == expected);
  for (const auto& e : run.truth.events) {
    INFO(e.scenario << " " << e.type << " " << e.mmsi);
    CHECK(e.start_min_ms < e.start_max_ms);
    CHECK(e.start_min_ms >= run.truth.start_ms - 3'600'000);
    CHECK(e.start_max_ms <= run.truth.end_ms);
    CHECK(e.mmsi != 0);
  }
  std::set<std::uint32_t> scripted;
  for (const auto& v : run.truth.vessels) scripted.insert(v.mmsis.begin(), v.mmsis.end());
  for (std::uint32_t m : run.truth.background_mmsis) CHECK(scripted.count(m) == 0);
  CHECK(run.truth.background_mmsis.size() == test::kFixtureBackground);
  CHECK(std::set<std::uint32_t>(run.truth.decoy_mmsis.begin(), run.truth.decoy_mmsis.end()) ==
        std::set<std::uint32_t>{273381450, 440715220, 352118800, 636019875});
  const auto laundering = std::find_if(run.truth.events.begin(), run.truth.events.end(),
                                       [](const TruthEvent& e) { return e.type == "identity_change"; });
  REQUIRE(laundering != run.truth.events.end());
  CHECK(laundering->mmsi == 667001234);
  CHECK(laundering->also_mmsi == std::vector<std::uint32_t>{352681000});
  CHECK(run.truth_json.find("\"format\": \"aiswatch-simulator-truth\"") != std::string::npos);
}

TEST_CASE("each scenario's geometry is what its truth promises", "[simulator][simulation]") {
  const auto& run = all_scenarios_run();
  const geo::Land& land = test::land();
  const geo::ZoneSet& zones = test::zones();
  auto state = [](const SimulatedVessel& v, UnixMillis t) { return v.track.state_at(t); };

  SECTION("visible STS: 100-300 m apart, both below 1 kn, 6 h, in a hotspot, offshore") {
    const auto& a = vessel(run, "east_china_sea_sts", "supplier");
    const auto& b = vessel(run, "east_china_sea_sts", "receiver");
    const auto [s0, s1] = phase(b, "sts");
    CHECK(s1 - s0 == 6 * 3'600'000);
    for (UnixMillis t = s0 + 60 * 60'000; t < s1; t += 5 * 60'000) {  // after closing in at 1 kn
      const auto pa = state(a, t), pb = state(b, t);
      CHECK(geo::distance_m(pa.position, pb.position) > 100.0);
      CHECK(geo::distance_m(pa.position, pb.position) < 300.0);
      CHECK(pa.sog_kn < 1.0);
      CHECK(pb.sog_kn < 1.0);
      CHECK(zones.in_any(pa.position, geo::ZoneKind::sts_hotspot));
      CHECK(land.distance_to_shore_m(pa.position) > 20 * 1852.0);
      CHECK_FALSE(zones.nearest_port(pa.position, 10.0));
    }
  }
  SECTION("dark transfer: partner loiters 1-2 km from the last position; the tanker reappears close by") {
    const auto& tanker = vessel(run, "korea_bay_dark_transfer", "tanker");
    const auto& partner = vessel(run, "korea_bay_dark_transfer", "partner");
    const auto [d0, d1] = phase(tanker, "dark");
    const geo::LatLon last = tanker.track.position_at(d0);
    const geo::LatLon first = tanker.track.position_at(d1);
    CHECK(geo::distance_m(last, first) < 1000.0);
    const auto [l0, l1] = phase(partner, "loiter");
    CHECK(l0 > d0);
    CHECK(l1 < d1);
    CHECK(l1 - l0 >= 4 * 3'600'000);
    for (UnixMillis t = l0 + 30 * 60'000; t < l1; t += 5 * 60'000) {
      const auto p = state(partner, t);
      CHECK(geo::distance_m(p.position, last) < 2000.0);
      CHECK(geo::distance_m(p.position, last) > 500.0);
      CHECK(p.sog_kn < 2.0);
      CHECK(zones.in_any(p.position, geo::ZoneKind::sts_hotspot));
      CHECK(land.distance_to_shore_m(p.position) > 20 * 1852.0);
      CHECK_FALSE(zones.in_any(p.position, geo::ZoneKind::dprk_waters));
    }
  }
  SECTION("transit decoy passes Rajin at about 20 km, through DPRK waters, and never slows down at sea") {
    const auto& v = vessel(run, "decoys", "transit");
    const auto [t0, t1] = phase(v, "transit");
    const geo::LatLon rajin{42.233333, 130.3};
    double closest = 1e12;
    UnixMillis in_dprk_waters_ms = 0;
    for (UnixMillis t = t0; t < t1; t += 60'000) {
      const auto s = state(v, t);
      if (zones.in_any(s.position, geo::ZoneKind::dprk_waters)) in_dprk_waters_ms += 60'000;
      closest = std::min(closest, geo::distance_m(s.position, rajin));
      const double from_ports_m = std::min(geo::distance_m(s.position, {43.083, 131.88}), geo::distance_m(s.position, {35.0946, 129.0399}));
      if (from_ports_m > 30'000.0) CHECK(s.sog_kn > 10.0);  // harbour approaches are slower
    }
    CHECK(closest > 18'000.0);
    CHECK(closest < 23'000.0);
    // 12 nm from the coast is inside the territorial sea: passage alone must not be flagged.
    CHECK(in_dprk_waters_ms > 30 * 60'000);
  }
  SECTION("anchored pair: inside Busan's port zone, 150-300 m apart") {
    const auto& a = vessel(run, "decoys", "anchor_a");
    const auto& b = vessel(run, "decoys", "anchor_b");
    const auto [a0, a1] = phase(a, "anchored");
    const auto [b0, b1] = phase(b, "anchored");
    std::vector<const geo::Zone*> hits;
    for (UnixMillis t = std::max(a0, b0) + 3'600'000; t < std::min(a1, b1); t += 10 * 60'000) {
      const auto pa = state(a, t), pb = state(b, t);
      CHECK(geo::distance_m(pa.position, pb.position) < 350.0);
      zones.zones_at(pa.position, hits);
      CHECK(std::any_of(hits.begin(), hits.end(), [](const geo::Zone* z) { return z->is_port() && z->name == "Busan"; }));
    }
    CHECK(std::min(a1, b1) - std::max(a0, b0) > 10 * 3'600'000);
  }
  SECTION("Pacific decoy stays more than 200 nm from shore") {
    const auto& v = vessel(run, "decoys", "pacific");
    for (UnixMillis t = v.track.begin_ms(); t < v.track.end_ms(); t += 30 * 60'000)
      CHECK(land.distance_to_shore_m(v.track.position_at(t)) > 200 * 1852.0);
  }
  SECTION("spoofing: a 400+ km jump onto land, a circle over land, one MMSI in two places") {
    const auto& jumper = vessel(run, "spoofing", "jumper");
    const auto [j0, j1] = phase(jumper, "jump");
    std::size_t jumped = 0;
    for (const SentRecord* r : sent_by(run, index_of(run, jumper))) {
      if (!r->reported) continue;
      const bool in_jump = r->time_ms >= j0 && r->time_ms < j1;
      CHECK(r->spoofed == in_jump);
      if (in_jump) {
        ++jumped;
        CHECK(geo::distance_m(*r->reported, r->true_position) > 400'000.0);
        CHECK(land.on_land(*r->reported));
      }
    }
    CHECK(jumped >= 10);
    const auto& circler = vessel(run, "spoofing", "circler");
    for (const SentRecord* r : sent_by(run, index_of(run, circler)))
      if (r->spoofed) CHECK(land.on_land(*r->reported));
    const auto& original = vessel(run, "spoofing", "original");
    const auto& clone = vessel(run, "spoofing", "clone");
    const auto [c0, c1] = phase(clone, "clone_on");
    CHECK(clone.spec.identity.mmsi == original.spec.identity.mmsi);
    CHECK(geo::distance_m(clone.track.position_at(c0), original.track.position_at(c0)) > 500'000.0);
  }
  SECTION("zone watch: inside the watch zone only while crossing it") {
    const auto& v = vessel(run, "zone_watch", "crosser");
    const auto [z0, z1] = phase(v, "in_zone");
    auto inside = [](geo::LatLon p) { return p.lon_deg > 127.95 && p.lon_deg < 128.20 && p.lat_deg > 34.20 && p.lat_deg < 34.42; };
    for (UnixMillis t = v.track.begin_ms(); t < v.track.end_ms(); t += 60'000)
      if (t < z0 - 60'000 || t > z1 + 60'000) CHECK_FALSE(inside(v.track.position_at(t)));
      else if (t > z0 + 60'000 && t < z1 - 60'000) CHECK(inside(v.track.position_at(t)));
    for (const auto& w : run.sim->vessels())
      if (w.scenario.empty())
        for (UnixMillis t = w.track.begin_ms(); t < w.track.end_ms(); t += 10 * 60'000) CHECK_FALSE(inside(w.track.position_at(t)));
  }
}

TEST_CASE("background traffic gives no reason to flag it", "[simulator][simulation][background][slow]") {
  // Tracks only (no messages): 400 background ships over 66 h.
  const Simulation sim({}, test::load_lanes(), {.seed = 99, .duration_ms = 66 * 3'600'000LL, .background_vessels = 400});
  const geo::ZoneSet& zones = test::zones();
  const SeaLanes lanes = test::load_lanes();
  REQUIRE(sim.vessels().size() == 400);
  test::Violations in_dprk_waters, slow_at_sea, silent;
  for (const auto& v : sim.vessels()) {
    CHECK(v.spec.steps.size() >= 3);
    for (UnixMillis t = v.track.begin_ms(); t < v.track.end_ms(); t += 5 * 60'000) {
      const KinematicState s = v.track.state_at(t);
      auto where = [&] { return v.spec.id + " " + v.spec.identity.name + " at " + format_iso8601(t); };
      in_dprk_waters.add(!zones.in_any(s.position, geo::ZoneKind::dprk_waters), where);
      if (s.sog_kn < 2.0) {
        // Slow only in port: within 3 km of a berth.
        double nearest = 1e12;
        for (const auto& p : lanes.ports()) nearest = std::min(nearest, geo::distance_m(s.position, p.berth()));
        slow_at_sea.add(nearest < 3000.0, where);
      }
    }
    for (const auto& seg : v.track.segments()) silent.add(seg.ais_on && seg.received, [&] { return v.spec.id; });
  }
  INFO(in_dprk_waters.first << slow_at_sea.first << silent.first);
  CHECK(in_dprk_waters.count == 0);
  CHECK(slow_at_sea.count == 0);
  CHECK(silent.count == 0);
}

TEST_CASE("hostile text is six-bit and fits its fields", "[simulator][hostile]") {
  for (auto s : hostile_names()) {
    CHECK(is_sixbit_text(s));
    CHECK(s.size() <= 20);
  }
  for (auto s : hostile_callsigns()) {
    CHECK(is_sixbit_text(s));
    CHECK(s.size() <= 7);
  }
  for (auto s : hostile_destinations()) {
    CHECK(is_sixbit_text(s));
    CHECK(s.size() <= 20);
  }
  std::vector<Scenario> scenarios{load_scenario_file(test::scenario_dir() / "rajin_shuttle.json")};
  apply_hostile_text(scenarios);
  CHECK(scenarios[0].vessels[0].identity.name == hostile_names()[0]);
  const auto run = test::run_simulation(std::move(scenarios), {.seed = 3, .hostile_text = true}, false);
  CHECK(run.truth.vessels[0].names.front() == hostile_names()[0]);
}

TEST_CASE("the log looks like a receiver network's feed", "[simulator][simulation]") {
  const auto& run = all_scenarios_run();
  std::int64_t latest_s = 0, worst_step_back_s = 0;
  std::size_t stepped_back = 0, channel_a = 0, channel_b = 0, longest = 0;
  std::map<std::string, int> payload_count;  // the same message heard by two stations
  std::size_t without_tag_block = 0;
  for (const auto& line : run.lines) {
    if (line.rfind("\\", 0) != 0) {  // every line has a tag block
      ++without_tag_block;
      continue;
    }
    const auto c = line.find("c:");
    const auto star = line.find('*', c);
    REQUIRE(c != std::string::npos);
    const std::int64_t t = std::stoll(line.substr(c + 2, star - c - 2));
    if (t < latest_s) {
      ++stepped_back;
      worst_step_back_s = std::max(worst_step_back_s, latest_s - t);
    }
    latest_s = std::max(latest_s, t);
    const std::string sentence = line.substr(line.find('!'));
    longest = std::max(longest, sentence.size());
    std::size_t comma = 0;
    for (int field = 0; field < 4; ++field) comma = sentence.find(',', comma) + 1;  // channel is field 4
    (sentence[comma] == 'A' ? channel_a : channel_b)++;
    ++payload_count[sentence];
  }
  CHECK(without_tag_block == 0);
  CHECK(longest <= 82);             // NMEA sentence length
  CHECK(stepped_back > 100);        // out of order across stations …
  CHECK(worst_step_back_s <= 5);    // … by at most the feed delay (4 s, plus the second it falls in)
  std::size_t duplicated = 0;
  for (const auto& [payload, n] : payload_count) duplicated += n > 1 ? 1 : 0;
  CHECK(duplicated > run.lines.size() / 20);  // overlapping coast stations
  CHECK(channel_a > run.lines.size() / 3);
  CHECK(channel_b > run.lines.size() / 3);
  for (int type : {1, 2, 3, 5, 18, 19, 24, 27}) {
    INFO("type " << type);
    CHECK(run.truth.stats.by_type[type] > 0);
  }
}
