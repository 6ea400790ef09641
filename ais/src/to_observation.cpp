// to_observation.cpp — placeholder (returns nothing) while the decoder lands.
#include "aiswatch/ais/to_observation.hpp"

namespace aiswatch::ais {

std::optional<PositionReport> to_position_report(const AisMessage&, const AssembledSentence&, UnixMillis,
                                                 std::uint32_t) noexcept {
  return std::nullopt;
}
std::optional<StaticReport> to_static_report(const AisMessage&, const AssembledSentence&, UnixMillis,
                                             std::uint32_t) noexcept {
  return std::nullopt;
}
std::uint64_t payload_hash(std::string_view) noexcept { return 0; }

}  // namespace aiswatch::ais
