// The detector registry: every detector by name, in one order; unknown names are a ConfigError.
#include <catch2/catch.hpp>

#include "aiswatch/detectors/registry.hpp"
#include "single_harness.hpp"

using namespace single_test;

TEST_CASE("the registry builds every detector, or the named ones, in registry order", "[registry]") {
  SingleHarness h;
  const auto all = det::make_detectors(h.context());
  REQUIRE(all.size() == det::detector_registry().size());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(std::string_view(all[i]->name()) == det::detector_registry()[i].name);

  const std::vector<std::string> some = {"zone_watch", "port_call"};
  const auto two = det::make_detectors(h.context(), some);
  REQUIRE(two.size() == 2);
  CHECK(std::string_view(two[0]->name()) == "port_call");
  CHECK(std::string_view(two[1]->name()) == "zone_watch");

  const std::vector<std::string> bad = {"port_call", "sts"};
  CHECK_THROWS_WITH(det::make_detectors(h.context(), bad), Catch::Matchers::Contains("unknown detector 'sts'"));
}
