// Trailing fields after the checksum, as USCG NAIS and several loggers write them:
//   …,0*70,b003669794,1272412827                    receiver b…, epoch
//   …,0*28,d-109,S2105,t050056.00,T56.137,r003669946,1325394060,1325394001
//   …,0*23,1541030400
#include "nmea_fields.hpp"

#include "aiswatch/ais/nmea.hpp"

namespace aiswatch::ais::detail {

TrailingFields parse_trailing_fields(std::string_view text) noexcept {
  TrailingFields out;
  while (!text.empty()) {
    if (text.front() == ',') text.remove_prefix(1);
    const std::size_t comma = text.find(',');
    const std::string_view field = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma);
    if (field.empty()) continue;
    if (field.front() >= '0' && field.front() <= '9') {
      if (auto t = parse_epoch(field)) out.time = t;
    } else if ((field.front() == 'b' || field.front() == 'r') && field.size() > 1) {
      out.station = field;
    }
  }
  return out;
}

}  // namespace aiswatch::ais::detail
