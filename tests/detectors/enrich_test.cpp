// finish_event's policy (identity, list matches of the vessel and a partner, watchlist and flag-of-concern
// severity, id) and add_raw's bounds, with the real OFAC rows and a real tracker.
#include <catch2/catch.hpp>

#include "aiswatch/detectors/enrich.hpp"
#include "single_harness.hpp"

using namespace single_test;
using det::Event;
using det::EventType;
using det::Severity;

namespace {

constexpr std::uint32_t kListedSL = 667230040;  // broadcasts LADY R's IMO; MID 667 (not of concern)
constexpr std::uint32_t kRussian = 273459120;
constexpr std::uint32_t kPanama = 352118800;

// A tracker that knows three vessels, the OFAC index, and a context to finish events with.
struct Fixture {
  Fixture() {
    const aiswatch::ais::RawRef raw{"!AIVDM,1,1,,A,x,0*00", kT0};
    auto identity = [&](std::uint32_t mmsi, const char* name, std::optional<std::uint32_t> imo) {
      aiswatch::ais::StaticReport r{.mmsi = mmsi, .time = kT0, .imo = imo, .name = name, .msg_type = 5};
      r.payload_hash = mmsi;
      r.raw = {&raw, 1};
      tracker.on_static(r);
    };
    tracker.add_observer(matches);
    identity(kListedSL, "LADY R", 9161003);
    identity(kRussian, "KAPITAN GRIGORYEV", 9234185);
    identity(kPanama, "GREAT HARMONY", 9055101);
  }
  aiswatch::watchlists::FlagsOfConcern flags;
  aiswatch::watchlists::WatchlistIndex index{ofac_sdn().entries};
  det::VesselMatches matches{&index, flags};
  aiswatch::ais::Tracker tracker;
  det::DetectorConfig config;
  pair_test::CollectSink sink;
  det::DetectorContext ctx{bundled_zones(), bundled_land(), &index, flags, config, sink, tracker, matches};

  Event finish(Event e) { return det::finish_event(std::move(e), tracker.find(e.mmsi), ctx); }
};

bool has_reason(const Event& e, std::string_view text) {
  return std::any_of(e.reasons.begin(), e.reasons.end(), [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("severity steps saturate", "[enrich]") {
  CHECK(det::raise(Severity::info) == Severity::low);
  CHECK(det::raise(Severity::medium, 2) == Severity::critical);
  CHECK(det::raise(Severity::high, 5) == Severity::critical);
  CHECK(det::raise(Severity::low, 0) == Severity::low);
}

TEST_CASE("finish_event: identity, id, and the watchlist policy", "[enrich]") {
  Fixture f;
  SECTION("identity from the tracker; fields a detector set are kept") {
    Event e = f.finish({.type = EventType::ais_gap, .mmsi = kPanama, .start = kT0});
    CHECK(e.name == "GREAT HARMONY");
    CHECK(e.imo == 9055101U);
    CHECK(e.flag == "PA");
    CHECK(e.id == det::make_event_id(e));
    CHECK(e.watchlist.empty());
    CHECK_FALSE(e.flagged);
    Event named = f.finish({.type = EventType::identity_change, .mmsi = kPanama, .name = "OLD NAME", .start = kT0});
    CHECK(named.name == "OLD NAME");
  }
  SECTION("a watchlisted vessel's unflagged event is flagged and raised two steps") {
    Event e = f.finish({.type = EventType::port_call, .mmsi = kListedSL, .start = kT0, .zone = "Busan"});
    CHECK(e.flagged);
    CHECK(e.severity == Severity::medium);
    REQUIRE_FALSE(e.watchlist.empty());
    CHECK(e.watchlist.front().entry == "37095");
    CHECK(has_reason(e, "watchlisted vessel: OFAC SDN entry 37095 LADY R"));
  }
  SECTION("a watchlisted vessel's flagged event is at least high") {
    Event e = f.finish({.type = EventType::loitering, .mmsi = kListedSL, .start = kT0, .flagged = true,
                        .severity = Severity::info});
    CHECK(e.severity == Severity::high);
  }
  SECTION("a watchlist_match event is not raised for its own match") {
    Event e = f.finish({.type = EventType::watchlist_match, .mmsi = kListedSL, .start = kT0, .flagged = true,
                        .severity = Severity::high});
    CHECK(e.severity == Severity::high);
  }
  SECTION("a flag of concern raises flagged events only") {
    Event quiet = f.finish({.type = EventType::port_call, .mmsi = kRussian, .start = kT0, .zone = "Busan"});
    CHECK_FALSE(quiet.flagged);
    CHECK(quiet.severity == Severity::info);
    CHECK(quiet.reasons.empty());
    Event loud = f.finish({.type = EventType::ais_gap, .mmsi = kRussian, .start = kT0, .flagged = true,
                           .severity = Severity::medium});
    CHECK(loud.severity == Severity::high);
    CHECK(has_reason(loud, "flag of concern: RU"));
  }
  SECTION("the partner of a pair event counts, and its matches are carried and marked") {
    Event e = f.finish({.type = EventType::encounter, .mmsi = kPanama, .other_mmsi = kListedSL, .start = kT0});
    CHECK(e.flagged);
    CHECK(e.severity == Severity::medium);
    REQUIRE_FALSE(e.watchlist.empty());
    CHECK(e.watchlist.front().detail.rfind("partner MMSI 667230040: ", 0) == 0);
    CHECK(has_reason(e, "watchlisted partner MMSI 667230040"));
  }
}

TEST_CASE("add_raw keeps the first records, once each, cut to size", "[enrich]") {
  Event e;
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(fmt::format("!AIVDM,{}", i));
  texts.emplace_back();
  texts.back().resize(2'000, 'x');  // a long CSV row
  std::vector<aiswatch::ais::RawRef> refs;
  for (const auto& t : texts) refs.push_back({t, kT0});
  det::add_raw(e, std::span(refs).subspan(0, 3));
  det::add_raw(e, std::span(refs).subspan(0, 3));  // the same records again
  CHECK(e.raw.size() == 3);
  det::add_raw(e, refs);
  REQUIRE(e.raw.size() == det::kMaxRawPerEvent);
  CHECK(e.raw.front().text == "!AIVDM,0");
  CHECK(e.raw.back().text == fmt::format("!AIVDM,{}", det::kMaxRawPerEvent - 1));
  Event big;
  det::add_raw(big, std::span(refs).last(1));
  REQUIRE(big.raw.size() == 1);
  CHECK(big.raw.front().text.size() == det::kMaxRawTextBytes);
  CHECK(big.raw.front().rx_time == kT0);
}
