// msg_types_test.cpp — one real message of every type, decoded field by field. Expected values are the
// hand-checked decodes in the comments of gpsd's test/sample.aivdm (Kurt Schwehr's noaadata and the
// Maritec decoder) and, for the types those comments do not spell out, gpsd's and libais's agreeing
// decodes of the same sentence.
#include <catch2/catch.hpp>

#include <initializer_list>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/stream_decoder.hpp"

using namespace aiswatch::ais;
using Catch::Matchers::WithinAbs;

namespace {

// Decodes one message from its NMEA sentence(s); fails the test when none or several come out.
AisMessage decode_sentences(std::initializer_list<std::string_view> lines) {
  StreamDecoder decoder;
  std::vector<AisMessage> out;
  for (std::string_view line : lines)
    decoder.feed_line(line, [&](const AisMessage& m, const AssembledSentence&) { out.push_back(m); });
  REQUIRE(out.size() == 1);
  return out.front();
}

template <class Body>
Body body_of(const AisMessage& m) {  // a copy, so it may outlive a temporary message
  REQUIRE(std::holds_alternative<Body>(m.body));
  return std::get<Body>(m.body);
}

}  // namespace

TEST_CASE("type 1: class A position report (sample.aivdm, noaadata + Maritec)", "[messages][type1]") {
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"});
  CHECK(m.type == 1);
  CHECK(m.repeat == 0);
  CHECK(m.mmsi == 371798000);
  CHECK(m.bit_length == 168);
  const auto& p = body_of<ClassAPositionReport>(m);
  CHECK(p.nav_status == 0);
  REQUIRE(p.rot_ais);
  CHECK(*p.rot_ais == -127);  // turning left faster than 5°/30 s
  REQUIRE(p.sog_kn);
  CHECK_THAT(*p.sog_kn, WithinAbs(12.3, 1e-5));
  CHECK(p.position_accuracy_high);
  REQUIRE(p.lon_deg);
  REQUIRE(p.lat_deg);
  CHECK_THAT(*p.lon_deg, WithinAbs(-123.395383333, 1e-8));
  CHECK_THAT(*p.lat_deg, WithinAbs(48.38163333333, 1e-8));
  REQUIRE(p.cog_deg);
  CHECK_THAT(*p.cog_deg, WithinAbs(224.0, 1e-5));
  CHECK(p.heading_deg == std::optional<std::uint16_t>(215));
  CHECK(p.utc_second == 33);
  CHECK_FALSE(p.raim);
  // SOTDMA state: sync 0, slot timeout 2, slot offset 1249.
  CHECK(p.radio == ((0u << 17) | (2u << 14) | 1249u));
}

TEST_CASE("type 1: 'not available' sentinels become nullopt", "[messages][type1][sentinel]") {
  // sample.aivdm: ROT -128, heading 511.
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42"});
  const auto& p = body_of<ClassAPositionReport>(m);
  CHECK(m.mmsi == 440348000);
  CHECK_FALSE(p.rot_ais);
  CHECK_FALSE(p.heading_deg);
  CHECK(p.sog_kn == std::optional<float>(0.0f));
  CHECK_THAT(*p.lon_deg, WithinAbs(-70.7582, 1e-8));
  CHECK_THAT(*p.lat_deg, WithinAbs(43.08015, 1e-8));
  CHECK_THAT(*p.cog_deg, WithinAbs(93.4, 1e-5));
  CHECK(p.utc_second == 13);
}

TEST_CASE("types 2 and 3: class A assigned / interrogated reports", "[messages][type2][type3]") {
  const AisMessage two = decode_sentences({"!AIVDM,1,1,,B,25Cjtd0Oj;Jp7ilG7=UkKBoB0<06,0*60"});
  CHECK(two.type == 2);
  CHECK(two.mmsi == 356302000);
  const auto& p2 = body_of<ClassAPositionReport>(two);
  CHECK(p2.rot_ais == std::optional<std::int8_t>(127));
  CHECK_THAT(*p2.sog_kn, WithinAbs(13.9, 1e-5));
  CHECK_THAT(*p2.lon_deg, WithinAbs(-71.62614333333, 1e-8));
  CHECK_THAT(*p2.lat_deg, WithinAbs(40.39235833333, 1e-8));
  CHECK(p2.heading_deg == std::optional<std::uint16_t>(91));
  CHECK(p2.radio == ((0u << 17) | (3u << 14) | 6u));

  const AisMessage three = decode_sentences({"!AIVDM,1,1,,A,38Id705000rRVJhE7cl9n;160000,0*40"});
  CHECK(three.type == 3);
  CHECK(three.mmsi == 563808000);
  const auto& p3 = body_of<ClassAPositionReport>(three);
  CHECK(p3.nav_status == 5);  // moored
  CHECK(p3.rot_ais == std::optional<std::int8_t>(0));
  CHECK_THAT(*p3.lon_deg, WithinAbs(-76.32753333333, 1e-8));
  CHECK_THAT(*p3.lat_deg, WithinAbs(36.91, 1e-8));
  CHECK_THAT(*p3.cog_deg, WithinAbs(252.0, 1e-5));
  CHECK(p3.heading_deg == std::optional<std::uint16_t>(352));
  CHECK(p3.utc_second == 35);
}

TEST_CASE("type 4: base station report", "[messages][type4]") {
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D"});
  CHECK(m.mmsi == 3669702);
  const auto& b = body_of<BaseStationReport>(m);
  CHECK(b.utc.year == std::optional<std::uint16_t>(2007));
  CHECK(b.utc.month == std::optional<std::uint8_t>(5));
  CHECK(b.utc.day == std::optional<std::uint8_t>(14));
  CHECK(b.utc.hour == std::optional<std::uint8_t>(19));
  CHECK(b.utc.minute == std::optional<std::uint8_t>(57));
  CHECK(b.utc.second == std::optional<std::uint8_t>(39));
  CHECK(b.position_accuracy_high);
  CHECK_THAT(*b.lon_deg, WithinAbs(-76.35236166667, 1e-8));
  CHECK_THAT(*b.lat_deg, WithinAbs(36.88376666667, 1e-8));
  CHECK(b.epfd == 7);  // surveyed
  CHECK(b.radio == ((0u << 17) | (4u << 14) | 1503u));
}

TEST_CASE("type 5: static and voyage data over two sentences", "[messages][type5]") {
  const AisMessage m = decode_sentences({"!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C",
                                         "!AIVDM,2,2,1,A,88888888880,2*25"});
  CHECK(m.mmsi == 351759000);
  CHECK(m.bit_length == 424);
  const auto& v = body_of<StaticVoyageData>(m);
  CHECK(v.ais_version == 0);
  CHECK(v.imo == std::optional<std::uint32_t>(9134270));
  CHECK(v.callsign.view() == "3FOF8");
  CHECK(v.shipname.view() == "EVER DIADEM");
  CHECK(v.ship_type == std::optional<std::uint8_t>(70));
  CHECK(v.dimensions.to_bow_m == std::optional<std::uint16_t>(225));
  CHECK(v.dimensions.to_stern_m == std::optional<std::uint16_t>(70));
  CHECK(v.dimensions.to_port_m == std::optional<std::uint8_t>(1));
  CHECK(v.dimensions.to_starboard_m == std::optional<std::uint8_t>(31));
  CHECK(v.epfd == 1);
  CHECK(v.eta.month == 5);
  CHECK(v.eta.day == 15);
  CHECK(v.eta.hour == 14);  // gpsd and libais agree; the sample comment's "16" is a typo
  CHECK(v.eta.minute == 0);
  REQUIRE(v.draught_m);
  CHECK_THAT(*v.draught_m, WithinAbs(12.2, 1e-5));
  CHECK(v.destination.view() == "NEW YORK");
  CHECK_FALSE(v.dte_not_ready);
}

TEST_CASE("type 6: addressed binary message keeps DAC/FI and the data bits", "[messages][type6]") {
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A"});
  CHECK(m.repeat == 1);
  CHECK(m.mmsi == 150834090);
  const auto& b = body_of<AddressedBinary>(m);
  CHECK(b.sequence == 3);
  CHECK(b.dest_mmsi == 313240222);
  CHECK_FALSE(b.retransmitted);
  CHECK(b.dac == 669);
  CHECK(b.fid == 11);
  CHECK(b.data.bit_count == 48);
  const std::uint8_t expected[] = {0xeb, 0x2f, 0x11, 0x8f, 0x7f, 0xf1};
  for (std::size_t i = 0; i < sizeof expected; ++i) CHECK(b.data.bytes[i] == expected[i]);
}

TEST_CASE("types 7 and 13: acknowledgements count whole MMSI/sequence pairs", "[messages][type7][type13]") {
  const AisMessage seven = decode_sentences({"!AIVDM,1,1,,A,702R5`hwCjq8,0*6B"});
  CHECK(seven.mmsi == 2655651);
  const auto& a = body_of<Acknowledge>(seven);
  CHECK(a.count == 1);
  CHECK(a.entries[0].mmsi == 265538450);

  const AisMessage thirteen = decode_sentences({"!AIVDM,1,1,,A,=39UOj0jFs9R,0*65"});
  CHECK(thirteen.type == 13);
  CHECK(thirteen.mmsi == 211378120);
  const auto& b = body_of<Acknowledge>(thirteen);
  CHECK(b.count == 1);
  CHECK(b.entries[0].mmsi == 211217560);
}

TEST_CASE("type 8: broadcast binary", "[messages][type8]") {
  const AisMessage m =
      decode_sentences({"!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47"});
  CHECK(m.mmsi == 366999712);
  const auto& b = body_of<BroadcastBinary>(m);
  CHECK(b.dac == 366);
  CHECK(b.fid == 56);
  CHECK(b.data.bit_count == 256);
  CHECK(b.data.bytes[0] == 0x3a);
  CHECK(b.data.bytes[31] == 0xfb);
}

TEST_CASE("type 9: SAR aircraft", "[messages][type9]") {
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69"});
  CHECK(m.mmsi == 111265591);
  const auto& s = body_of<SarAircraftReport>(m);
  CHECK(s.altitude_m == std::optional<std::uint16_t>(15));
  CHECK(s.sog_kn == std::optional<std::uint16_t>(0));
  CHECK_THAT(*s.lon_deg, WithinAbs(11.8816, 1e-6));
  CHECK_THAT(*s.lat_deg, WithinAbs(57.778455, 1e-6));
  CHECK(s.utc_second == 28);
  CHECK(s.radio == 49194);
}

TEST_CASE("types 10, 11, 12, 14: inquiry, UTC response and safety text", "[messages][type10][type11][type12][type14]") {
  CHECK(body_of<UtcInquiry>(decode_sentences({"!AIVDM,1,1,,B,:5MlU41GMK6@,0*6C"})).dest_mmsi == 366832740);

  const AisMessage eleven = decode_sentences({"!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D"});
  CHECK(eleven.type == 11);
  const auto& u = body_of<BaseStationReport>(eleven);
  CHECK(u.utc.year == std::optional<std::uint16_t>(2009));
  CHECK(u.utc.hour == std::optional<std::uint8_t>(2));
  CHECK_THAT(*u.lon_deg, WithinAbs(-94.407683, 1e-6));

  const AisMessage twelve =
      decode_sentences({"!AIVDM,1,1,,A,<02:oP0kKcv0@<51C5PB5@?BDPD?P:?2?EB7PDB16693P381>>5<PikP,0*37"});
  const auto& t = body_of<AddressedSafetyText>(twelve);
  CHECK(twelve.mmsi == 2275200);
  CHECK(t.dest_mmsi == 215724000);
  CHECK(t.text.view() == "PLEASE REPORT TO JOBOURG TRAFFIC CHANNEL 13");

  const AisMessage fourteen = decode_sentences({"!AIVDM,1,1,,A,>5?Per18=HB1U:1@E=B0m<L,2*51"});
  CHECK(body_of<SafetyBroadcastText>(fourteen).text.view() == "RCVD YR TEST MSG");
}

TEST_CASE("types 15, 16, 20: station commands", "[messages][type15][type16][type20]") {
  const auto& q = body_of<Interrogation>(decode_sentences({"!AIVDM,1,1,,A,?5OP=l00052HD00,2*5B"}));
  CHECK(q.mmsi1 == 5158);
  CHECK(q.type1_1 == 5);
  CHECK(q.mmsi2 == 0);

  const auto& c = body_of<AssignedModeCommand>(decode_sentences({"!AIVDM,1,1,,A,@01uEO@mMk7P<P00,0*18"}));
  CHECK(c.first.mmsi == 224251000);
  CHECK(c.first.offset == 200);
  CHECK_FALSE(c.second);  // 96-bit form

  const AisMessage twenty = decode_sentences({"!AIVDM,1,1,,A,Dh3OvjB8IN>4,0*1D"});
  CHECK(twenty.repeat == 3);
  const auto& d = body_of<DataLinkManagement>(twenty);
  REQUIRE(d.count == 1);
  CHECK(d.reservations[0].offset == 2182);
  CHECK(d.reservations[0].number == 5);
  CHECK(d.reservations[0].timeout == 7);
  CHECK(d.reservations[0].increment == 225);
}

TEST_CASE("type 17: DGNSS broadcast over two sentences", "[messages][type17]") {
  const AisMessage m = decode_sentences({"!AIVDM,2,1,5,A,A02VqLPA4I6C07h5Ed1h<OrsuBTTwS?r:C?w`?la<gno1RTRwSP9:BcurA8a,0*3A",
                                         "!AIVDM,2,2,5,A,:Oko02TSwu8<:Jbb,0*11"});
  CHECK(m.mmsi == 2734450);
  const auto& g = body_of<DgnssBroadcast>(m);
  // 1/10' resolution: the exact values behind gpsd's one-decimal "29.1"/"60.0".
  CHECK_THAT(*g.lon_deg, WithinAbs(29.13, 0.01));
  CHECK_THAT(*g.lat_deg, WithinAbs(59.99, 0.02));
  CHECK(g.data.bit_count == 376);
}

TEST_CASE("types 18 and 19: class B position reports", "[messages][type18][type19]") {
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@ikwpUoP06,0*4C"});
  CHECK(m.mmsi == 338087471);
  const auto& b = body_of<ClassBPositionReport>(m);
  CHECK_THAT(*b.sog_kn, WithinAbs(0.1, 1e-5));
  CHECK_THAT(*b.lon_deg, WithinAbs(-74.072132, 1e-6));
  CHECK_THAT(*b.lat_deg, WithinAbs(40.68454, 1e-6));
  CHECK_THAT(*b.cog_deg, WithinAbs(79.6, 1e-5));
  CHECK_FALSE(b.heading_deg);
  CHECK(b.utc_second == 49);
  CHECK(b.cs_unit);
  CHECK_FALSE(b.has_display);
  CHECK(b.has_dsc);
  CHECK(b.whole_band);
  CHECK(b.accepts_msg22);
  CHECK(b.raim);
  CHECK(b.radio == 917510);

  const AisMessage e = decode_sentences({"!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B"});
  CHECK(e.mmsi == 367059850);
  const auto& x = body_of<ClassBExtendedReport>(e);
  CHECK(x.regional_reserved == 248);
  CHECK_THAT(*x.sog_kn, WithinAbs(8.7, 1e-5));
  CHECK_THAT(*x.lon_deg, WithinAbs(-88.810392, 1e-6));
  CHECK(x.shipname.view() == "CAPT.J.RIMES");
  CHECK(x.ship_type == std::optional<std::uint8_t>(70));
  CHECK(x.dimensions.to_stern_m == std::optional<std::uint16_t>(21));
  CHECK(x.epfd == 1);
}

TEST_CASE("type 21: aid to navigation with a name extension", "[messages][type21]") {
  const AisMessage m = decode_sentences({"!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46",
                                         "!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36"});
  CHECK(m.mmsi == 123456789);
  const auto& a = body_of<AidToNavigationReport>(m);
  CHECK(a.aid_type == 20);  // cardinal mark N
  CHECK(a.name.view() == "CHINA ROSE MURPHY EXPRESS ALERT");
  CHECK_THAT(*a.lon_deg, WithinAbs(-122.698592, 1e-6));
  CHECK_THAT(*a.lat_deg, WithinAbs(47.920618, 1e-6));
  CHECK(a.dimensions.to_bow_m == std::optional<std::uint16_t>(5));
  CHECK(a.utc_second == 50);
  CHECK(a.regional == 165);
  CHECK_FALSE(a.virtual_aid);
}

TEST_CASE("types 22 and 23: channel management and group assignment", "[messages][type22][type23]") {
  const auto& c = body_of<ChannelManagement>(decode_sentences({"!AIVDM,1,1,,A,F030ot22N2P6aoQbhe4736L20000,0*1A"}));
  CHECK(c.channel_a == 2087);
  CHECK(c.channel_b == 2088);
  CHECK_FALSE(c.addressed);
  CHECK_THAT(c.ne_lon_deg, WithinAbs(-73.5, 1e-9));
  CHECK_THAT(c.ne_lat_deg, WithinAbs(45.55, 1e-9));
  CHECK_THAT(c.sw_lon_deg, WithinAbs(-80.1666667, 1e-6));
  CHECK_THAT(c.sw_lat_deg, WithinAbs(42.3333333, 1e-6));
  CHECK(c.zone_size == 4);
}

TEST_CASE("type 24: parts A and B are separate messages", "[messages][type24]") {
  const AisMessage a = decode_sentences({"!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D"});
  CHECK(a.mmsi == 271041815);
  CHECK(body_of<StaticDataA>(a).shipname.view() == "PROGUY");

  const AisMessage b = decode_sentences({"!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40"});
  const auto& s = body_of<StaticDataB>(b);
  CHECK(s.ship_type == std::optional<std::uint8_t>(60));
  CHECK(s.vendor_id.view() == "1D0");  // M.1371-5: 3 characters, then unit model and serial number
  CHECK(s.unit_model == 12);
  CHECK(s.serial == 199796);
  CHECK(s.callsign.view() == "TC6163");
  CHECK_FALSE(s.dimensions.to_bow_m);
  CHECK(s.dimensions.to_stern_m == std::optional<std::uint16_t>(15));
  CHECK_FALSE(s.mothership_mmsi);
}

TEST_CASE("types 25 and 26: binary messages in each addressing mode", "[messages][type25][type26]") {
  const auto& addressed = body_of<SingleSlotBinary>(decode_sentences({"!AIVDM,1,1,,A,I6SWo?8P00a3PKpEKEVj0?vNP<65,0*73"}));
  CHECK(addressed.addressed);
  CHECK_FALSE(addressed.structured);
  CHECK(addressed.dest_mmsi == std::optional<std::uint32_t>(134218384));
  CHECK_FALSE(addressed.app_id);
  CHECK(addressed.data.bit_count == 98);

  const auto& structured = body_of<SingleSlotBinary>(decode_sentences({"!AIVDM,1,1,,A,I8IRGB40QPPa0:<HP::V=gwv0l48,0*0E"}));
  CHECK_FALSE(structured.addressed);
  CHECK(structured.app_id == std::optional<std::uint16_t>(134));
  CHECK(structured.data.bit_count == 112);

  // libais: ITDMA state, sync 2, slot increment 2380, 1 slot, keep flag set.
  const auto& multi = body_of<MultiSlotBinary>(
      decode_sentences({"!AIVDM,1,1,,A,J1@@0IK70PGgT740000000000@000?D0ih1e00006JlPC9C3,0*6B"}));
  CHECK(multi.dest_mmsi == std::optional<std::uint32_t>(834699643));
  CHECK(multi.data.bit_count == 198);
  CHECK(multi.radio == ((1u << 19) | (2u << 17) | (2380u << 4) | (1u << 1) | 1u));
  CHECK(multi.data.bytes[24] == 0x10);  // the communication state bits are not part of the data
}

TEST_CASE("type 27: long-range broadcast at 1/10 minute", "[messages][type27]") {
  const AisMessage m = decode_sentences({"!AIVDM,1,1,,A,KCQ9r=hrFUnH7P00,0*41"});
  CHECK(m.repeat == 1);
  CHECK(m.mmsi == 236091959);
  CHECK(m.bit_length == 96);
  const auto& l = body_of<LongRangePosition>(m);
  CHECK(l.nav_status == 3);
  CHECK_THAT(*l.lon_deg, WithinAbs(-154.201667, 1e-6));
  CHECK_THAT(*l.lat_deg, WithinAbs(87.065, 1e-6));
  CHECK(l.sog_kn == std::optional<std::uint8_t>(0));
  CHECK(l.cog_deg == std::optional<std::uint16_t>(0));
  CHECK_FALSE(l.position_latency_over_5s);
}
