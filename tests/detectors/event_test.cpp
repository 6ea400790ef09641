#include <catch2/catch.hpp>

#include "aiswatch/detectors/event.hpp"

using namespace aiswatch::detectors;

TEST_CASE("event ids derive from content only", "[event]") {
  Event a{.type = EventType::port_call, .mmsi = 273382620, .start = 1700000000000, .zone = "Rajin"};
  Event b = a;
  b.reasons.assign(1, "different reasons do not change the id");  // (push_back of a literal trips GCC 12's
                                                                // -Warray-bounds with the precompiled catch.hpp)
  b.severity = Severity::critical;
  CHECK(make_event_id(a) == make_event_id(b));
  CHECK(make_event_id(a).size() == 16);
  Event c = a;
  c.start += 1000;
  CHECK(make_event_id(a) != make_event_id(c));
  Event d = a;
  d.other_mmsi = 445000001;
  CHECK(make_event_id(a) != make_event_id(d));
}

TEST_CASE("event type and severity names round-trip", "[event]") {
  for (int i = 0; i <= static_cast<int>(EventType::zone_exit); ++i) {
    auto t = static_cast<EventType>(i);
    CHECK(event_type_from_string(to_string(t)) == t);
  }
  CHECK_FALSE(event_type_from_string("teleport"));
  CHECK(severity_from_string("critical") == Severity::critical);
  CHECK_FALSE(severity_from_string("CRITICAL"));
}
