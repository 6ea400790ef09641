// msg_21.cpp — type 21: aid-to-navigation report (ITU-R M.1371-5, Annex 8, §3.18, Table 74).
//
//   bit  len  field                          bit  len  field
//    38    5  type of aid                    253    6  time stamp
//    43  120  name, 20 chars                 259    1  off-position indicator
//   163    1  position accuracy              260    8  regional
//   164   28  longitude, 1/10000'            268    1  RAIM
//   192   27  latitude, 1/10000'             269    1  virtual AtoN flag
//   219   30  dimensions                     270    1  assigned mode flag
//   249    4  type of EPFD                   271    1  spare                     = 272 bits
//   272  ...  name extension, up to 14 chars (0..88 bits; only whole characters are read)
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_21(const BitBuffer& b, AidToNavigationReport& m) noexcept {
  m.aid_type = static_cast<std::uint8_t>(b.ubits(38, 5));
  // The extension continues the name only when all 20 name characters are used. ITU sends only the
  // characters needed, never '@', so the first '@' ends it: what follows is slot filler seen on air
  // ("CALAB" + "RIA@&*5>J", "TA  " + "@DJD_!N") and is dropped, as gpsd drops it.
  auto& name = m.name;
  read_chars(b, 43, 20, name.chars.data());
  std::size_t count = 20;
  if (name.chars[19] != '@') {
    std::size_t extension = chars_to_end(b, 272);
    if (extension > name.chars.size() - 20) extension = name.chars.size() - 20;
    read_chars(b, 272, extension, name.chars.data() + 20);
    while (count < 20 + extension && name.chars[count] != '@') ++count;
  }
  name.size = static_cast<std::uint8_t>(trimmed_size(name.chars.data(), count));
  m.position_accuracy_high = b.bit(163);
  m.lon_deg = lon_1e4_min(b.sbits(164, 28));
  m.lat_deg = lat_1e4_min(b.sbits(192, 27));
  m.dimensions = read_dimensions(b, 219);
  m.epfd = static_cast<std::uint8_t>(b.ubits(249, 4));
  m.utc_second = static_cast<std::uint8_t>(b.ubits(253, 6));
  m.off_position = b.bit(259);
  m.regional = static_cast<std::uint8_t>(b.ubits(260, 8));
  m.raim = b.bit(268);
  m.virtual_aid = b.bit(269);
  m.assigned = b.bit(270);
}

}  // namespace aiswatch::ais::detail
