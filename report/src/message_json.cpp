// message_json.cpp — placeholder: header fields only, while the full writer lands.
#include "aiswatch/report/message_json.hpp"

namespace aiswatch::report {

void write_message_json(const ais::AisMessage& m, const ais::AssembledSentence&, fmt::memory_buffer& out) {
  fmt::format_to(std::back_inserter(out), "{{\"class\":\"AIS\",\"type\":{},\"repeat\":{},\"mmsi\":{}}}\n", m.type,
                 m.repeat, m.mmsi);
}

}  // namespace aiswatch::report
