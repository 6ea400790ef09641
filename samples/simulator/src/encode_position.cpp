// Position reports: types 1/2/3, 18, 19 and 27. Bit layouts from ITU-R M.1371-5 Annex 8:
//   1/2/3  Table 46: type 6, repeat 2, mmsi 30, nav status 4, ROT 8 (signed), SOG 10, accuracy 1,
//          lon 28, lat 27 (signed, 1/10000 min), COG 12, heading 9, second 6, manoeuvre 2, spare 3,
//          RAIM 1, radio 19                                                             = 168 bits
//   18     Table 60: type, repeat, mmsi, reserved 8, SOG 10, accuracy 1, lon 28, lat 27, COG 12,
//          heading 9, second 6, reserved 2, CS 1, display 1, DSC 1, band 1, msg22 1, assigned 1,
//          RAIM 1, radio 20                                                             = 168 bits
//   19     Table 62: type, repeat, mmsi, reserved 8, SOG 10, accuracy 1, lon 28, lat 27, COG 12,
//          heading 9, second 6, reserved 4, name 120, ship type 8, dimensions 30, EPFD 4, RAIM 1,
//          DTE 1, assigned 1, spare 4                                                   = 312 bits
//   27     Table 86: type, repeat, mmsi, accuracy 1, RAIM 1, nav status 4, lon 18, lat 17
//          (1/10 min), SOG 6 (knots), COG 9 (degrees), position latency 1, spare 1      = 96 bits
#include <algorithm>
#include <cassert>

#include "aiswatch/simulator/encoder.hpp"
#include "field_codec.hpp"

namespace aiswatch::simulator {

namespace {

// The position block shared by types 18 and 19 (SOG .. time stamp).
template <class M>
void put_class_b_kinematics(BitWriter& w, const M& m) {
  w.put_uint(0, 8);  // reserved for regional applications
  w.put_uint(fields::sog_tenths(m.sog_kn), 10);
  w.put_bool(m.position_accuracy_high);
  w.put_int(fields::lon_ten_thousandth_min(m.lon_deg), 28);
  w.put_int(fields::lat_ten_thousandth_min(m.lat_deg), 27);
  w.put_uint(fields::cog_tenths(m.cog_deg), 12);
  w.put_uint(fields::heading(m.heading_deg), 9);
  w.put_uint(fields::utc_second(m.utc_second), 6);
}

}  // namespace

ArmouredPayload encode(const ClassAPosition& m) {
  assert(m.type >= 1 && m.type <= 3);
  BitWriter w;
  fields::put_header(w, m.type, m.repeat, m.mmsi);
  w.put_uint(m.nav_status & 15U, 4);
  w.put_int(fields::rate_of_turn(m.rot_deg_per_min), 8);
  w.put_uint(fields::sog_tenths(m.sog_kn), 10);
  w.put_bool(m.position_accuracy_high);
  w.put_int(fields::lon_ten_thousandth_min(m.lon_deg), 28);
  w.put_int(fields::lat_ten_thousandth_min(m.lat_deg), 27);
  w.put_uint(fields::cog_tenths(m.cog_deg), 12);
  w.put_uint(fields::heading(m.heading_deg), 9);
  w.put_uint(fields::utc_second(m.utc_second), 6);
  w.put_uint(m.maneuver & 3U, 2);
  w.put_uint(0, 3);  // spare
  w.put_bool(m.raim);
  w.put_uint(m.radio_status & 0x7FFFFU, 19);
  assert(w.bit_count() == 168);
  return w.armour();
}

ArmouredPayload encode(const ClassBPosition& m) {
  BitWriter w;
  fields::put_header(w, 18, m.repeat, m.mmsi);
  put_class_b_kinematics(w, m);
  w.put_uint(0, 2);  // reserved
  w.put_bool(m.carrier_sense_unit);
  w.put_bool(m.has_display);
  w.put_bool(m.has_dsc);
  w.put_bool(m.whole_band);
  w.put_bool(m.accepts_msg22);
  w.put_bool(m.assigned_mode);
  w.put_bool(m.raim);
  w.put_uint(m.radio_status & 0xFFFFFU, 20);
  assert(w.bit_count() == 168);
  return w.armour();
}

ArmouredPayload encode(const ClassBExtendedPosition& m) {
  BitWriter w;
  fields::put_header(w, 19, m.repeat, m.mmsi);
  put_class_b_kinematics(w, m);
  w.put_uint(0, 4);  // reserved
  w.put_text(m.name, 20);
  w.put_uint(m.ship_type, 8);
  fields::put_dimensions(w, m.dimensions);
  w.put_uint(m.epfd & 15U, 4);
  w.put_bool(m.raim);
  w.put_bool(m.dte_not_ready);
  w.put_bool(m.assigned_mode);
  w.put_uint(0, 4);  // spare
  assert(w.bit_count() == 312);
  return w.armour();
}

ArmouredPayload encode(const LongRangePosition& m) {
  BitWriter w;
  fields::put_header(w, 27, m.repeat, m.mmsi);
  w.put_bool(m.position_accuracy_high);
  w.put_bool(m.raim);
  w.put_uint(m.nav_status & 15U, 4);
  // 1/10 minute; 181°/91° = n/a.
  const std::int64_t lon = m.lon_deg ? std::clamp<std::int64_t>(fields::round_to_int(*m.lon_deg * 600.0), -108000, 108000) : 108600;
  const std::int64_t lat = m.lat_deg ? std::clamp<std::int64_t>(fields::round_to_int(*m.lat_deg * 600.0), -54000, 54000) : 54600;
  w.put_int(lon, 18);
  w.put_int(lat, 17);
  const std::uint64_t sog = m.sog_kn ? static_cast<std::uint64_t>(std::clamp<std::int64_t>(fields::round_to_int(*m.sog_kn), 0, 62)) : 63;
  std::uint64_t cog = 511;
  if (m.cog_deg) {
    std::int64_t c = fields::round_to_int(*m.cog_deg) % 360;
    cog = static_cast<std::uint64_t>(c < 0 ? c + 360 : c);
  }
  w.put_uint(sog, 6);
  w.put_uint(cog, 9);
  w.put_bool(m.position_latency_over_5s);
  w.put_uint(0, 1);  // spare
  assert(w.bit_count() == 96);
  return w.armour();
}

}  // namespace aiswatch::simulator
