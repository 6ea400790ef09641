// Background traffic: plausible identities that can never match a real sanctions-list vessel, and
// voyages only between ports open to background traffic.
#include <catch2/catch.hpp>

#include <set>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/simulator/background.hpp"
#include "aiswatch/simulator/bit_writer.hpp"
#include "aiswatch/simulator/flags.hpp"
#include "sim_fixture.hpp"

using namespace aiswatch;
using namespace aiswatch::simulator;

TEST_CASE("background identities are plausible, unique and never on the OFAC list", "[simulator][background]") {
  const SeaLanes lanes = test::load_lanes();
  const auto& ofac = test::ofac_vessels();
  REQUIRE(ofac.names.size() > 800);
  // No listed vessel in the range background IMOs come from, so no seed can collide with the list.
  CHECK(ofac.imos.lower_bound(3'000'000) == ofac.imos.lower_bound(4'000'000));
  const std::uint64_t seed = GENERATE(1, 2, 42);
  const TakenIdentities taken{.mmsis = {273459120}, .imos = {9234185}};
  const auto fleet = make_background(lanes, 3000, 72 * 3'600'000LL, Rng(seed), taken);
  REQUIRE(fleet.size() == 3000);
  std::set<std::uint32_t> mmsis, imos;
  std::size_t class_b = 0;
  test::Violations bad;
  for (const auto& v : fleet) {
    auto check = [&](bool ok, const char* what) { bad.add(ok, [&] { return v.id + " " + v.identity.name + ": " + what; }); };
    check(mmsis.insert(v.identity.mmsi).second, "MMSI used twice");
    check(taken.mmsis.count(v.identity.mmsi) == 0, "MMSI of a scripted vessel");
    check(!flag_of_mmsi(v.identity.mmsi).empty(), "MID of no known flag");
    check(ofac.mmsis.count(v.identity.mmsi) == 0, "MMSI on the OFAC list");
    check(ofac.names.count(v.identity.name) == 0, "name on the OFAC list");
    check(is_sixbit_text(v.identity.name) && v.identity.name.size() <= 20, "name not AIS text");
    check(v.identity.callsign.size() <= 7, "call sign too long");
    if (v.class_b) {
      ++class_b;
      check(!v.identity.imo, "class B with an IMO");
      check(v.identity.ship_type == 30, "class B not fishing");
    } else {
      check(v.identity.imo && ais::is_valid_imo(*v.identity.imo), "no valid IMO");
      check(v.identity.imo && *v.identity.imo >= 3'000'000 && *v.identity.imo < 4'000'000, "IMO outside 3000000-3999999");
      check(v.identity.imo && ofac.imos.count(*v.identity.imo) == 0, "IMO on the OFAC list");
      check(v.identity.imo && imos.insert(*v.identity.imo).second, "IMO used twice (one hull, two MMSIs)");
    }
    for (const auto& step : v.steps) {
      const std::string& port = step.kind == StepKind::sail ? step.to_port : step.port;
      const LanePort* p = lanes.find_port(port);
      check(p != nullptr && p->background, "calls at a port closed to background traffic");
      check(step.ais_on, "transponder off");
    }
  }
  INFO(bad.first);
  CHECK(bad.count == 0);
  CHECK(class_b > 150);  // fishing boats, about 10 %
  CHECK(class_b < 450);
}
