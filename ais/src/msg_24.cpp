// msg_24.cpp — type 24: class B static data report (ITU-R M.1371-5, Annex 8, §3.21, Tables 79-80),
// in two parts told apart by the part number at bit 38 (0 = A, 1 = B; 2 and 3 are undefined).
//
//   part A:  38 2 part number, 40 120 name, 160 8 spare                                = 168 bits
//            (many units send 160 bits, without the spare)
//   part B:  38 2 part number, 40 8 ship type, 48 18 vendor ID (3 chars), 66 4 unit model,
//            70 20 serial number, 90 42 call sign, 132 30 dimensions, or the mothership MMSI for
//            an auxiliary craft (MMSI 98xxxxxxx), 162 4 type of EPFD, 166 2 spare     = 168 bits
//            (162-bit parts B are seen on air: everything but the EPFD)
// Revision 3 of M.1371 had a 7-character vendor ID where revision 5 has vendor/model/serial; we
// decode revision 5 (gpsd 3.22 prints the 7 characters, see docs/decoder-conformance.md).
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_24a(const BitBuffer& b, StaticDataA& m) noexcept {
  read_text(b, 40, 20, m.shipname);
}

void decode_msg_24b(const BitBuffer& b, std::uint32_t mmsi, StaticDataB& m) noexcept {
  m.ship_type = nonzero<std::uint8_t>(b.ubits(40, 8));
  read_text(b, 48, 3, m.vendor_id);
  m.unit_model = static_cast<std::uint8_t>(b.ubits(66, 4));
  m.serial = b.ubits(70, 20);
  read_text(b, 90, 7, m.callsign);
  // M.1371-5 §3.3 of Annex 3 / Table 80: craft associated with a parent ship use 98MIDXXXX.
  if (mmsi / 10000000 == 98) m.mothership_mmsi = b.ubits(132, 30);
  else m.dimensions = read_dimensions(b, 132);
}

}  // namespace aiswatch::ais::detail
