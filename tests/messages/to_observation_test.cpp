// to_observation_test.cpp — decoded messages to tracker observations: positions only from vessel
// reports and only when real (no sentinel, in range), identity from types 5/19/24, payload hash.
#include <catch2/catch.hpp>

#include <set>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/to_observation.hpp"
#include "test_support.hpp"

using namespace aiswatch::ais;
using aiswatch::test::PayloadBuilder;
using Catch::Matchers::WithinAbs;

namespace {
AisMessage decode(std::string_view payload, unsigned fill) {
  const auto r = decode_payload(payload, fill);
  REQUIRE(r.ok());
  return *r;
}
AssembledSentence sentence_for(std::string_view payload) {
  AssembledSentence s;
  s.payload = payload;
  return s;
}
PayloadBuilder class_a_at(std::int64_t lon, std::int64_t lat) {
  PayloadBuilder p;
  p.u(1, 6).u(0, 2).u(244000001, 30).u(15, 4).s(-128, 8).u(1023, 10).u(0, 1).s(lon, 28).s(lat, 27).u(3600, 12).u(511, 9);
  return p.resize(168);
}
}  // namespace

TEST_CASE("a class A report becomes a position with its kinematics", "[messages][observation]") {
  const std::string_view payload = "15RTgt0PAso;90TKcjM8h6g208CQ";
  const auto p = to_position_report(decode(payload, 0), sentence_for(payload), 1000, 7);
  REQUIRE(p);
  CHECK(p->mmsi == 371798000);
  CHECK(p->time == 1000);
  CHECK(p->station_id == 7);
  CHECK_THAT(p->lat_deg, WithinAbs(48.38163333, 1e-7));
  CHECK_THAT(p->lon_deg, WithinAbs(-123.39538333, 1e-7));
  CHECK_THAT(*p->sog_kn, WithinAbs(12.3, 1e-5));
  CHECK(p->heading_deg == std::optional<std::uint16_t>(215));
  CHECK(p->nav_status == std::optional<std::uint8_t>(0));
  CHECK_FALSE(p->rot_deg_per_min);  // -127: "fast left", no rate
  CHECK(p->msg_type == 1);
  CHECK_FALSE(p->class_b);
  CHECK(p->payload_hash == payload_hash(payload));
  CHECK_FALSE(to_static_report(decode(payload, 0), sentence_for(payload), 1000));
}

TEST_CASE("sentinels and impossible coordinates never become positions", "[messages][observation][sentinel]") {
  const auto position_at = [](std::int64_t lon, std::int64_t lat) {
    const PayloadBuilder b = class_a_at(lon, lat);
    const std::string payload = b.armoured();
    return to_position_report(decode(payload, b.fill_bits()), sentence_for(payload), 0);
  };
  CHECK_FALSE(position_at(181 * 600000, 91 * 600000));
  CHECK_FALSE(position_at(181 * 600000, 10 * 600000));  // lon n/a
  CHECK_FALSE(position_at(10 * 600000, 91 * 600000));   // lat n/a
  CHECK_FALSE(position_at(10 * 600000, 95 * 600000));   // out of range but not the sentinel
  CHECK_FALSE(position_at(-190 * 600000, 10 * 600000));
  const auto ok = position_at(10 * 600000, -20 * 600000);
  REQUIRE(ok);
  CHECK_FALSE(ok->sog_kn);
  CHECK_FALSE(ok->cog_deg);
  CHECK_FALSE(ok->heading_deg);
  CHECK_FALSE(ok->nav_status);  // 15 = not defined
  CHECK_FALSE(ok->rot_deg_per_min);
}

TEST_CASE("only vessels give positions: not base stations, aids to navigation or aircraft", "[messages][observation]") {
  for (std::string_view payload : {std::string_view("403OviQuMGCqWrRO9>E6fE700@GO"),    // 4
                                   std::string_view("91b77=h3h00nHt0Q3r@@07000<0b")}) {  // 9
    CHECK_FALSE(to_position_report(decode(payload, 0), sentence_for(payload), 0));
    CHECK_FALSE(to_static_report(decode(payload, 0), sentence_for(payload), 0));
  }
  const std::string_view b = "B52K>;h00Fc>jpUlNV@ikwpUoP06";  // 18 (heading n/a)
  const auto p = to_position_report(decode(b, 0), sentence_for(b), 0);
  REQUIRE(p);
  CHECK(p->class_b);
  CHECK(p->msg_type == 18);
  CHECK_FALSE(p->heading_deg);
  const std::string_view lr = "KCQ9r=hrFUnH7P00";  // 27
  const auto l = to_position_report(decode(lr, 0), sentence_for(lr), 0);
  REQUIRE(l);
  CHECK_THAT(l->lat_deg, WithinAbs(87.065, 1e-9));
  CHECK(l->nav_status == std::optional<std::uint8_t>(3));
}

TEST_CASE("identity from types 5, 19 and 24", "[messages][observation]") {
  const std::string five =
      std::string("55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8") + "88888888880";
  // The views in a StaticReport point into the message: keep it alive while they are used.
  const AisMessage m5 = decode(five, 2);
  const auto s = to_static_report(m5, sentence_for(five), 5);
  REQUIRE(s);
  CHECK(s->imo == std::optional<std::uint32_t>(9134270));
  CHECK(s->callsign == std::optional<std::string_view>("3FOF8"));
  CHECK(s->name == std::optional<std::string_view>("EVER DIADEM"));
  CHECK(s->destination == std::optional<std::string_view>("NEW YORK"));
  CHECK(s->ship_type == std::optional<std::uint8_t>(70));
  CHECK(s->to_bow_m == std::optional<std::uint16_t>(225));
  REQUIRE(s->eta);
  CHECK(s->eta->month == 5);
  CHECK_THAT(*s->draught_m, WithinAbs(12.2, 1e-5));
  CHECK_FALSE(s->class_b);

  const std::string_view a = "H42O55i18tMET00000000000000";
  const AisMessage ma = decode(a, 2);
  const auto sa = to_static_report(ma, sentence_for(a), 0);
  REQUIRE(sa);
  CHECK(sa->name == std::optional<std::string_view>("PROGUY"));
  CHECK_FALSE(sa->callsign);
  CHECK(sa->class_b);
  const std::string_view bb = "H42O55lti4hhhilD3nink000?050";
  const AisMessage mb = decode(bb, 0);
  const auto sb = to_static_report(mb, sentence_for(bb), 0);
  REQUIRE(sb);
  CHECK_FALSE(sb->name);
  CHECK(sb->callsign == std::optional<std::string_view>("TC6163"));
  CHECK(sb->ship_type == std::optional<std::uint8_t>(60));
  CHECK_FALSE(sb->to_bow_m);  // 0 = not available
  CHECK(sb->to_stern_m == std::optional<std::uint16_t>(15));
}

TEST_CASE("payload hash: same payload same hash, any change another", "[messages][observation]") {
  const std::string p = "15RTgt0PAso;90TKcjM8h6g208CQ";
  CHECK(payload_hash(p) == payload_hash(std::string(p)));
  std::set<std::uint64_t> seen{payload_hash(p)};
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::string q = p;
    q[i] = q[i] == '0' ? '1' : '0';
    CHECK(seen.insert(payload_hash(q)).second);
  }
  CHECK(seen.insert(payload_hash(p.substr(0, 27))).second);
  CHECK(seen.insert(payload_hash("")).second);
}
