// message_json.cpp — write_message_json: one AIS message as one gpsd-style JSON line.
//
// Field names, order and number formats are gpsd 3.22's `gpsdecode -j -s` output (json_aivdm_dump):
// lat/lon "%.6f" degrees, speed/course/draught "%.1f", "not available" values printed the way gpsd
// prints them (91.000000, 511, "nan" for the class A speed…). Our deliberate differences, all listed in
// docs/decoder-conformance.md: the rate of turn keeps its sign; text keeps what follows an '@'; the
// type-24B vendor ID is the 3-character field of M.1371-5; type 17/27 positions get "%.6f" instead of
// gpsd's 1 decimal; type 27 status is a number with status_text (gpsd prints only the text); types
// 9/18/21 add "assigned", which gpsd 3.22 leaves out; no "device" key; "rxtime" when known.
// Values are formatted from the fixed-point integers the AIS fields carry, so they are exact.
#include "aiswatch/report/message_json.hpp"

#include <cmath>
#include <variant>

#include "aiswatch/ais/time.hpp"
#include "json_line.hpp"
#include "message_legends.hpp"

namespace aiswatch::report {

namespace {

using detail::JsonLine;
using namespace ais;

// --- fixed-point helpers: recover the transmitted integer, print it exactly -----------------------

// Rounds x to the nearest integer; the decoder's doubles are exact quotients of small integers.
std::int64_t to_int(double x) noexcept { return std::llround(x); }

// Degrees from a 1/10000-minute field (raw = deg * 600000), "%.6f": micro-degrees = raw * 5 / 3,
// never a tie (the fraction is 0, 1/3 or 2/3), so rounding the exact quotient equals printf's.
void degrees_1e4_min(JsonLine& j, std::int64_t raw) noexcept {
  const std::int64_t mag = raw < 0 ? -raw : raw;
  const std::int64_t micro = (mag * 10 + 3) / 6;
  j.fixed(raw < 0 ? -micro : micro, 6);
}
void lon_lat_1e4(JsonLine& j, const std::optional<double>& lon, const std::optional<double>& lat) noexcept {
  j.key("lon");
  degrees_1e4_min(j, lon ? to_int(*lon * 600000.0) : 181 * 600000);
  j.key("lat");
  degrees_1e4_min(j, lat ? to_int(*lat * 600000.0) : 91 * 600000);
}
// Degrees from a 1/10-minute field (raw = deg * 600), "%.6f": micro-degrees = raw * 5000 / 3.
void degrees_1e1_min(JsonLine& j, std::int64_t raw) noexcept {
  const std::int64_t mag = raw < 0 ? -raw : raw;
  const std::int64_t micro = (mag * 10000 + 3) / 6;
  j.fixed(raw < 0 ? -micro : micro, 6);
}
void lon_lat_1e1(JsonLine& j, const std::optional<double>& lon, const std::optional<double>& lat) noexcept {
  j.key("lon");
  degrees_1e1_min(j, lon ? to_int(*lon * 600.0) : 181 * 600);
  j.key("lat");
  degrees_1e1_min(j, lat ? to_int(*lat * 600.0) : 91 * 600);
}
// gpsd prints the type 22/23 corners as quoted "%f" strings.
void quoted_corner(JsonLine& j, std::string_view name, double deg) noexcept {
  j.key(name);
  j.ch('"');
  degrees_1e1_min(j, to_int(deg * 600.0));
  j.ch('"');
}

// Tenths ("%.1f") of an optional value whose "not available" raw value is `na_tenths`.
void tenths(JsonLine& j, const std::optional<float>& v, std::int64_t na_tenths) noexcept {
  j.fixed(v ? to_int(static_cast<double>(*v) * 10.0) : na_tenths, 1);
}

void text_field(JsonLine& j, std::string_view name, std::string_view text) noexcept {
  j.key(name);
  j.string(text);
}

void dimensions(JsonLine& j, const ShipDimensions& d) noexcept {
  j.key("to_bow");
  j.uint(d.to_bow_m.value_or(0));
  j.key("to_stern");
  j.uint(d.to_stern_m.value_or(0));
  j.key("to_port");
  j.uint(d.to_port_m.value_or(0));
  j.key("to_starboard");
  j.uint(d.to_starboard_m.value_or(0));
}

void epfd(JsonLine& j, unsigned code) noexcept {
  j.key("epfd");
  j.uint(code);
  text_field(j, "epfd_text", detail::epfd_legend(code));
}

void ship_type(JsonLine& j, const std::optional<std::uint8_t>& type) noexcept {
  const unsigned code = type.value_or(0);
  j.key("shiptype");
  j.uint(code);
  text_field(j, "shiptype_text", detail::ship_type_legend(code));
}

void data_field(JsonLine& j, const BinaryData& d) noexcept {
  // "<bit count>:<hex of the whole bytes holding them>", as gpsd.
  j.key("data");
  j.ch('"');
  j.uint(d.bit_count);
  j.ch(':');
  j.hex(d.bytes.data(), (d.bit_count + 7u) / 8u);
  j.ch('"');
}

void flag(JsonLine& j, std::string_view name, bool v) noexcept {
  j.key(name);
  j.boolean(v);
}
void number(JsonLine& j, std::string_view name, std::uint64_t v) noexcept {
  j.key(name);
  j.uint(v);
}

// --- one writer per message family -----------------------------------------------------------------

void write_body(JsonLine& j, const AisMessage&, const ClassAPositionReport& b) {
  number(j, "status", b.nav_status);
  text_field(j, "status_text", detail::nav_status_legend(b.nav_status));
  j.key("turn");
  if (!b.rot_ais) {
    j.raw("\"nan\"");
  } else if (*b.rot_ais == 127) {
    j.raw("\"fastright\"");
  } else if (*b.rot_ais == -127) {
    j.raw("\"fastleft\"");
  } else {
    // ROT_sensor = (ROT_AIS / 4.733)^2 degrees per minute, with the sign of ROT_AIS (M.1371-5 Table 45).
    const double r = *b.rot_ais / 4.733;
    j.sint(*b.rot_ais < 0 ? -std::llround(r * r) : std::llround(r * r));
  }
  j.key("speed");
  if (!b.sog_kn) j.raw("\"nan\"");
  else if (to_int(static_cast<double>(*b.sog_kn) * 10.0) == 1022) j.raw("\"fast\"");
  else tenths(j, b.sog_kn, 1023);
  flag(j, "accuracy", b.position_accuracy_high);
  lon_lat_1e4(j, b.lon_deg, b.lat_deg);
  j.key("course");
  tenths(j, b.cog_deg, 3600);
  number(j, "heading", b.heading_deg.value_or(511));
  number(j, "second", b.utc_second);
  number(j, "maneuver", b.maneuver);
  flag(j, "raim", b.raim);
  number(j, "radio", b.radio);
}

void write_body(JsonLine& j, const AisMessage&, const BaseStationReport& b) {
  // "%04u-%02u-%02uT%02u:%02u:%02uZ" of the raw fields, "not available" values included.
  const auto two = [&j](unsigned v) {
    if (v < 10) j.ch('0');
    j.uint(v);
  };
  j.key("timestamp");
  j.ch('"');
  const unsigned year = b.utc.year.value_or(0);
  for (unsigned p = 1000; p > 1 && year < p; p /= 10) j.ch('0');
  j.uint(year);
  j.ch('-');
  two(b.utc.month.value_or(0));
  j.ch('-');
  two(b.utc.day.value_or(0));
  j.ch('T');
  two(b.utc.hour.value_or(24));
  j.ch(':');
  two(b.utc.minute.value_or(60));
  j.ch(':');
  two(b.utc.second.value_or(60));
  j.raw("Z\"");
  flag(j, "accuracy", b.position_accuracy_high);
  lon_lat_1e4(j, b.lon_deg, b.lat_deg);
  epfd(j, b.epfd);
  flag(j, "raim", b.raim);
  number(j, "radio", b.radio);
}

void write_body(JsonLine& j, const AisMessage&, const StaticVoyageData& b) {
  number(j, "imo", b.imo.value_or(0));
  number(j, "ais_version", b.ais_version);
  text_field(j, "callsign", b.callsign.view());
  text_field(j, "shipname", b.shipname.view());
  ship_type(j, b.ship_type);
  dimensions(j, b.dimensions);
  epfd(j, b.epfd);
  const auto two = [&j](unsigned v) {
    if (v < 10) j.ch('0');
    j.uint(v);
  };
  j.key("eta");
  j.ch('"');
  two(b.eta.month);
  j.ch('-');
  two(b.eta.day);
  j.ch('T');
  two(b.eta.hour);
  j.ch(':');
  two(b.eta.minute);
  j.raw("Z\"");
  j.key("draught");
  tenths(j, b.draught_m, 0);
  text_field(j, "destination", b.destination.view());
  number(j, "dte", b.dte_not_ready ? 1 : 0);
}

void write_body(JsonLine& j, const AisMessage&, const AddressedBinary& b) {
  number(j, "seqno", b.sequence);
  number(j, "dest_mmsi", b.dest_mmsi);
  flag(j, "retransmit", b.retransmitted);
  number(j, "dac", b.dac);
  number(j, "fid", b.fid);
  data_field(j, b.data);
}

void write_body(JsonLine& j, const AisMessage&, const Acknowledge& b) {
  // gpsd always prints four destinations, 0 for the ones not sent.
  static constexpr std::string_view kNames[] = {"mmsi1", "mmsi2", "mmsi3", "mmsi4"};
  for (std::size_t i = 0; i < b.entries.size(); ++i) number(j, kNames[i], i < b.count ? b.entries[i].mmsi : 0);
}

void write_body(JsonLine& j, const AisMessage&, const BroadcastBinary& b) {
  number(j, "dac", b.dac);
  number(j, "fid", b.fid);
  data_field(j, b.data);
}

void write_body(JsonLine& j, const AisMessage&, const SarAircraftReport& b) {
  j.key("alt");
  if (!b.altitude_m) j.raw("\"nan\"");
  else if (*b.altitude_m == 4094) j.raw("\"high\"");
  else j.uint(*b.altitude_m);
  j.key("speed");
  if (!b.sog_kn) j.raw("\"nan\"");
  else if (*b.sog_kn == 1022) j.raw("\"fast\"");
  else j.uint(*b.sog_kn);
  flag(j, "accuracy", b.position_accuracy_high);
  lon_lat_1e4(j, b.lon_deg, b.lat_deg);
  j.key("course");
  tenths(j, b.cog_deg, 3600);
  number(j, "second", b.utc_second);
  number(j, "regional", b.regional);
  number(j, "dte", b.dte_not_ready ? 1 : 0);
  flag(j, "raim", b.raim);
  number(j, "radio", b.radio);
  flag(j, "assigned", b.assigned);
}

void write_body(JsonLine& j, const AisMessage&, const UtcInquiry& b) { number(j, "dest_mmsi", b.dest_mmsi); }

void write_body(JsonLine& j, const AisMessage&, const AddressedSafetyText& b) {
  number(j, "seqno", b.sequence);
  number(j, "dest_mmsi", b.dest_mmsi);
  flag(j, "retransmit", b.retransmitted);
  text_field(j, "text", b.text.view());
}

void write_body(JsonLine& j, const AisMessage&, const SafetyBroadcastText& b) { text_field(j, "text", b.text.view()); }

void write_body(JsonLine& j, const AisMessage&, const Interrogation& b) {
  number(j, "mmsi1", b.mmsi1);
  number(j, "type1_1", b.type1_1);
  number(j, "offset1_1", b.offset1_1);
  number(j, "type1_2", b.type1_2);
  number(j, "offset1_2", b.offset1_2);
  number(j, "mmsi2", b.mmsi2);
  number(j, "type2_1", b.type2_1);
  number(j, "offset2_1", b.offset2_1);
}

void write_body(JsonLine& j, const AisMessage&, const AssignedModeCommand& b) {
  const AssignedModeCommand::Assignment second = b.second.value_or(AssignedModeCommand::Assignment{});
  number(j, "mmsi1", b.first.mmsi);
  number(j, "offset1", b.first.offset);
  number(j, "increment1", b.first.increment);
  number(j, "mmsi2", second.mmsi);
  number(j, "offset2", second.offset);
  number(j, "increment2", second.increment);
}

void write_body(JsonLine& j, const AisMessage&, const DgnssBroadcast& b) {
  lon_lat_1e1(j, b.lon_deg, b.lat_deg);
  data_field(j, b.data);
}

void write_body(JsonLine& j, const AisMessage&, const ClassBPositionReport& b) {
  number(j, "reserved", b.regional_reserved);
  j.key("speed");
  tenths(j, b.sog_kn, 1023);
  flag(j, "accuracy", b.position_accuracy_high);
  lon_lat_1e4(j, b.lon_deg, b.lat_deg);
  j.key("course");
  tenths(j, b.cog_deg, 3600);
  number(j, "heading", b.heading_deg.value_or(511));
  number(j, "second", b.utc_second);
  number(j, "regional", b.regional);
  flag(j, "cs", b.cs_unit);
  flag(j, "display", b.has_display);
  flag(j, "dsc", b.has_dsc);
  flag(j, "band", b.whole_band);
  flag(j, "msg22", b.accepts_msg22);
  flag(j, "raim", b.raim);
  number(j, "radio", b.radio);
  flag(j, "assigned", b.assigned);
}

void write_body(JsonLine& j, const AisMessage&, const ClassBExtendedReport& b) {
  number(j, "reserved", b.regional_reserved);
  j.key("speed");
  tenths(j, b.sog_kn, 1023);
  flag(j, "accuracy", b.position_accuracy_high);
  lon_lat_1e4(j, b.lon_deg, b.lat_deg);
  j.key("course");
  tenths(j, b.cog_deg, 3600);
  number(j, "heading", b.heading_deg.value_or(511));
  number(j, "second", b.utc_second);
  number(j, "regional", b.regional);
  text_field(j, "shipname", b.shipname.view());
  ship_type(j, b.ship_type);
  dimensions(j, b.dimensions);
  epfd(j, b.epfd);
  flag(j, "raim", b.raim);
  number(j, "dte", b.dte_not_ready ? 1 : 0);
  flag(j, "assigned", b.assigned);
}

void write_body(JsonLine& j, const AisMessage&, const DataLinkManagement& b) {
  static constexpr std::string_view kNames[4][4] = {{"offset1", "number1", "timeout1", "increment1"},
                                                    {"offset2", "number2", "timeout2", "increment2"},
                                                    {"offset3", "number3", "timeout3", "increment3"},
                                                    {"offset4", "number4", "timeout4", "increment4"}};
  for (std::size_t i = 0; i < b.reservations.size(); ++i) {
    // gpsd prints all four, zero for those not sent (our struct keeps them zero too).
    const auto& r = b.reservations[i];
    number(j, kNames[i][0], r.offset);
    number(j, kNames[i][1], r.number);
    number(j, kNames[i][2], r.timeout);
    number(j, kNames[i][3], r.increment);
  }
}

void write_body(JsonLine& j, const AisMessage&, const AidToNavigationReport& b) {
  number(j, "aid_type", b.aid_type);
  text_field(j, "aid_type_text", detail::aid_type_legend(b.aid_type));
  text_field(j, "name", b.name.view());
  lon_lat_1e4(j, b.lon_deg, b.lat_deg);
  flag(j, "accuracy", b.position_accuracy_high);
  dimensions(j, b.dimensions);
  epfd(j, b.epfd);
  number(j, "second", b.utc_second);
  number(j, "regional", b.regional);
  flag(j, "off_position", b.off_position);
  flag(j, "raim", b.raim);
  flag(j, "virtual_aid", b.virtual_aid);
  flag(j, "assigned", b.assigned);
}

void write_body(JsonLine& j, const AisMessage&, const ChannelManagement& b) {
  number(j, "channel_a", b.channel_a);
  number(j, "channel_b", b.channel_b);
  number(j, "txrx", b.txrx);
  flag(j, "power", b.low_power);
  if (b.addressed) {
    number(j, "dest1", b.dest1_mmsi);
    number(j, "dest2", b.dest2_mmsi);
  } else {
    quoted_corner(j, "ne_lon", b.ne_lon_deg);
    quoted_corner(j, "ne_lat", b.ne_lat_deg);
    quoted_corner(j, "sw_lon", b.sw_lon_deg);
    quoted_corner(j, "sw_lat", b.sw_lat_deg);
  }
  flag(j, "addressed", b.addressed);
  flag(j, "band_a", b.band_a_narrow);
  flag(j, "band_b", b.band_b_narrow);
  number(j, "zonesize", b.zone_size);
}

void write_body(JsonLine& j, const AisMessage&, const GroupAssignmentCommand& b) {
  quoted_corner(j, "ne_lon", b.ne_lon_deg);
  quoted_corner(j, "ne_lat", b.ne_lat_deg);
  quoted_corner(j, "sw_lon", b.sw_lon_deg);
  quoted_corner(j, "sw_lat", b.sw_lat_deg);
  number(j, "stationtype", b.station_type);
  text_field(j, "stationtype_text", detail::station_type_legend(b.station_type));
  ship_type(j, b.ship_type);
  number(j, "txrx", b.txrx);
  number(j, "interval", b.interval);
  number(j, "quiet", b.quiet_min);
}

void write_body(JsonLine& j, const AisMessage&, const StaticDataA& b) {
  text_field(j, "part", "A");
  text_field(j, "shipname", b.shipname.view());
}

void write_body(JsonLine& j, const AisMessage&, const StaticDataB& b) {
  text_field(j, "part", "B");
  ship_type(j, b.ship_type);
  text_field(j, "vendorid", b.vendor_id.view());
  number(j, "model", b.unit_model);
  number(j, "serial", b.serial);
  text_field(j, "callsign", b.callsign.view());
  if (b.mothership_mmsi) number(j, "mothership_mmsi", *b.mothership_mmsi);
  else dimensions(j, b.dimensions);
}

template <class Binary>
void binary_header(JsonLine& j, const Binary& b) {
  flag(j, "addressed", b.addressed);
  flag(j, "structured", b.structured);
  number(j, "dest_mmsi", b.dest_mmsi.value_or(0));
  number(j, "app_id", b.app_id.value_or(0));
  data_field(j, b.data);
}

void write_body(JsonLine& j, const AisMessage&, const SingleSlotBinary& b) { binary_header(j, b); }

void write_body(JsonLine& j, const AisMessage&, const MultiSlotBinary& b) {
  binary_header(j, b);
  number(j, "radio", b.radio);
}

void write_body(JsonLine& j, const AisMessage&, const LongRangePosition& b) {
  number(j, "status", b.nav_status);
  text_field(j, "status_text", detail::nav_status_legend(b.nav_status));
  flag(j, "accuracy", b.position_accuracy_high);
  lon_lat_1e1(j, b.lon_deg, b.lat_deg);
  number(j, "speed", b.sog_kn.value_or(63));
  number(j, "course", b.cog_deg.value_or(511));
  flag(j, "raim", b.raim);
  flag(j, "gnss", b.position_latency_over_5s);
}

}  // namespace

void write_message_json(const ais::AisMessage& m, const ais::AssembledSentence& s, fmt::memory_buffer& out) {
  JsonLine j;
  j.raw("{\"class\":\"AIS\"");
  number(j, "type", m.type);
  number(j, "repeat", m.repeat);
  number(j, "mmsi", m.mmsi);
  j.raw(",\"scaled\":true");
  if (s.rx_time) {
    char iso[32];
    const std::size_t n = format_iso8601(*s.rx_time, iso);
    j.key("rxtime");
    j.string(std::string_view(iso, n));
  }
  std::visit([&](const auto& body) { write_body(j, m, body); }, m.body);
  j.raw("}\n");
  out.append(j.begin(), j.end());
}

}  // namespace aiswatch::report
