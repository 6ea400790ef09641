// The tracker's identity through identity_of(): an IMO learned from a type 5 static report stays with
// the MMSI, so later type 1 position reports match an IMO-only OFAC entry; a rename is a former name.
#include <catch2/catch.hpp>

#include "aiswatch/ais/tracker.hpp"
#include "aiswatch/watchlists/identity.hpp"
#include "aiswatch/watchlists/load.hpp"
#include "watchlist_files.hpp"

using namespace aiswatch;
using namespace aiswatch::watchlists;

namespace {

const WatchlistIndex& ofac() {
  static const WatchlistIndex index(load_watchlist(wl_test::kOfacSdn).entries);
  return index;
}

ais::PositionReport position(std::uint32_t mmsi, UnixMillis t) {
  return {.mmsi = mmsi, .time = t, .lat_deg = 42.24, .lon_deg = 130.30, .sog_kn = 0.1f, .msg_type = 1,
          .payload_hash = static_cast<std::uint64_t>(t)};
}

}  // namespace

TEST_CASE("IMO learned from a static report, then matched on position reports", "[watchlists][identity]") {
  ais::Tracker tracker;
  constexpr std::uint32_t kMmsi = 445123000;  // a DPRK MID (445)
  const UnixMillis t0 = 1'700'000'000'000;
  REQUIRE(tracker.on_position(position(kMmsi, t0)) == ais::PositionOutcome::accepted);
  CHECK(ofac().match(identity_of(*tracker.find(kMmsi))).empty());  // type 1 alone: nothing to go on

  // Type 5: IMO 8660313 (CHON MA SAN, DPRK4; OFAC gives no MMSI for it).
  REQUIRE(tracker.on_static({.mmsi = kMmsi, .time = t0 + 60'000, .imo = 8660313, .callsign = "HMXY",
                             .name = "CHON MA SAN", .msg_type = 5, .payload_hash = 5}) == ais::StaticOutcome::applied);
  REQUIRE(tracker.on_position(position(kMmsi, t0 + 120'000)) == ais::PositionOutcome::accepted);
  const VesselIdentity id = identity_of(*tracker.find(kMmsi));
  CHECK(id.imo == 8660313u);
  CHECK(id.flag == "KP");
  const MatchResult r = ofac().match(id);
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].entry == "23729");
  CHECK(r.matches[0].program == "DPRK4");
  CHECK(r.matches[0].matched_on == MatchedOn::imo);
}

TEST_CASE("a rename seen by the tracker becomes a former name", "[watchlists][identity]") {
  ais::Tracker tracker;
  constexpr std::uint32_t kMmsi = 273111000;
  const UnixMillis t0 = 1'700'000'000'000;
  REQUIRE(tracker.on_static({.mmsi = kMmsi, .time = t0, .name = "ANGARA", .msg_type = 5, .payload_hash = 1}) ==
          ais::StaticOutcome::applied);
  REQUIRE(tracker.on_static({.mmsi = kMmsi, .time = t0 + 86'400'000, .name = "HAI FENG 8", .msg_type = 5,
                             .payload_hash = 2}) == ais::StaticOutcome::applied);
  const VesselIdentity id = identity_of(*tracker.find(kMmsi));
  CHECK(id.name == "HAI FENG 8");
  CHECK(id.former_names == std::vector<std::string>{"ANGARA"});
  const MatchResult r = ofac().match(id);
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].entry == "37059");
  CHECK(r.matches[0].matched_on == MatchedOn::former_name);
  CHECK(r.matches[0].detail == "former name ANGARA");
}
