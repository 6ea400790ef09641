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

TEST_CASE("background identities are plausible and never on the OFAC list", "[simulator][background]") {
  const SeaLanes lanes = test::load_lanes();
  const auto& ofac = test::ofac_vessels();
  REQUIRE(ofac.names.size() > 800);
  const std::uint64_t seed = GENERATE(1, 2, 42);
  const std::set<std::uint32_t> taken{273459120};
  const auto fleet = make_background(lanes, 3000, 72 * 3'600'000LL, Rng(seed), taken);
  REQUIRE(fleet.size() == 3000);
  std::set<std::uint32_t> mmsis;
  std::size_t class_b = 0;
  for (const auto& v : fleet) {
    INFO(v.id << " " << v.identity.name);
    CHECK(mmsis.insert(v.identity.mmsi).second);
    CHECK(taken.count(v.identity.mmsi) == 0);
    CHECK_FALSE(flag_of_mmsi(v.identity.mmsi).empty());
    CHECK(ofac.mmsis.count(v.identity.mmsi) == 0);
    CHECK(ofac.names.count(v.identity.name) == 0);
    CHECK(is_sixbit_text(v.identity.name));
    CHECK(v.identity.name.size() <= 20);
    CHECK(v.identity.callsign.size() <= 7);
    if (v.class_b) {
      ++class_b;
      CHECK_FALSE(v.identity.imo);
      CHECK(v.identity.ship_type == 30);
    } else {
      REQUIRE(v.identity.imo);
      CHECK(ais::is_valid_imo(*v.identity.imo));
      CHECK(*v.identity.imo >= 4'000'000);
      CHECK(*v.identity.imo < 5'000'000);
      CHECK(ofac.imos.count(*v.identity.imo) == 0);
    }
    for (const auto& step : v.steps) {
      const std::string& port = step.kind == StepKind::sail ? step.to_port : step.port;
      const LanePort* p = lanes.find_port(port);
      REQUIRE(p != nullptr);
      CHECK(p->background);
      CHECK(step.ais_on);
    }
  }
  CHECK(class_b > 150);  // fishing boats, about 10 %
  CHECK(class_b < 450);
}
