// msg_17.cpp — type 17: GNSS broadcast binary message (ITU-R M.1371-5, Annex 8, §3.14, Table 67).
//
//   bit  len  field
//    38    2  spare
//    40   18  longitude of the reference station, 1/10'
//    58   17  latitude, 1/10'
//    75    5  spare
//    80  ...  DGNSS correction data (0..736 bits)
#include "fields.hpp"
#include "message_decoders.hpp"

namespace aiswatch::ais::detail {

void decode_msg_17(const BitBuffer& b, DgnssBroadcast& m) noexcept {
  m.lon_deg = lon_1e1_min(b.sbits(40, 18));
  m.lat_deg = lat_1e1_min(b.sbits(58, 17));
  read_data(b, 80, m.data);
}

}  // namespace aiswatch::ais::detail
