// Static data: types 5 and 24. Bit layouts from ITU-R M.1371-5 Annex 8:
//   5    Table 52: type 6, repeat 2, mmsi 30, AIS version 2, IMO 30, call sign 42 (7 chars),
//        name 120 (20 chars), ship type 8, dimensions 30 (9+9+6+6), EPFD 4, ETA month 4, day 5,
//        hour 5, minute 6, draught 8 (1/10 m), destination 120, DTE 1, spare 1       = 424 bits
//   24A  Table 73: type, repeat, mmsi, part number 2 (= 0), name 120                 = 160 bits
//   24B  Table 74: type, repeat, mmsi, part number 2 (= 1), ship type 8, vendor id 18 (3 chars),
//        unit model 4, serial number 20, call sign 42, dimensions 30, EPFD 4, spare 2 = 168 bits
#include <cassert>

#include "aiswatch/simulator/encoder.hpp"
#include "field_codec.hpp"

namespace aiswatch::simulator {

ArmouredPayload encode(const StaticVoyageData& m) {
  BitWriter w;
  fields::put_header(w, 5, m.repeat, m.mmsi);
  w.put_uint(m.ais_version & 3U, 2);
  w.put_uint(m.imo.value_or(0) & 0x3FFFFFFFU, 30);
  w.put_text(m.callsign, 7);
  w.put_text(m.name, 20);
  w.put_uint(m.ship_type, 8);
  fields::put_dimensions(w, m.dimensions);
  w.put_uint(m.epfd & 15U, 4);
  w.put_uint(m.eta.month & 15U, 4);
  w.put_uint(m.eta.day & 31U, 5);
  w.put_uint(m.eta.hour & 31U, 5);
  w.put_uint(m.eta.minute & 63U, 6);
  w.put_uint(fields::draught_tenths(m.draught_m), 8);
  w.put_text(m.destination, 20);
  w.put_bool(m.dte_not_ready);
  w.put_uint(0, 1);  // spare
  assert(w.bit_count() == 424);
  return w.armour();
}

ArmouredPayload encode(const ClassBStaticA& m) {
  BitWriter w;
  fields::put_header(w, 24, m.repeat, m.mmsi);
  w.put_uint(0, 2);  // part A
  w.put_text(m.name, 20);
  assert(w.bit_count() == 160);
  return w.armour();
}

ArmouredPayload encode(const ClassBStaticB& m) {
  BitWriter w;
  fields::put_header(w, 24, m.repeat, m.mmsi);
  w.put_uint(1, 2);  // part B
  w.put_uint(m.ship_type, 8);
  w.put_text(m.vendor_id, 3);
  w.put_uint(m.unit_model & 15U, 4);
  w.put_uint(m.serial_number & 0xFFFFFU, 20);
  w.put_text(m.callsign, 7);
  fields::put_dimensions(w, m.dimensions);
  w.put_uint(m.epfd & 15U, 4);
  w.put_uint(0, 2);  // spare
  assert(w.bit_count() == 168);
  return w.armour();
}

}  // namespace aiswatch::simulator
