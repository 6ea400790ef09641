// mmsi.cpp — MMSI classes per ITU-R M.585-9 Annex 1.
#include "aiswatch/ais/mmsi.hpp"

namespace aiswatch::ais {
namespace {

// Digit k (0 = leftmost) of the nine-digit form.
constexpr std::uint32_t digits(std::uint32_t mmsi, int first, int count) noexcept {
  std::uint32_t value = mmsi;
  for (int i = 0; i < 9 - (first + count); ++i) value /= 10;
  std::uint32_t mod = 1;
  for (int i = 0; i < count; ++i) mod *= 10;
  return value % mod;
}

constexpr bool is_test_pattern(std::uint32_t mmsi) noexcept {
  if (mmsi == 123456789 || mmsi == 987654321) return true;
  const std::uint32_t last = mmsi % 10;
  for (std::uint32_t rest = mmsi; rest != 0; rest /= 10)
    if (rest % 10 != last) return false;
  return mmsi >= 100'000'000;  // nine equal digits (111111111, 999999999, …)
}

MmsiClass with_mid(MmsiKind kind, std::uint32_t mid) noexcept {
  if (!flag_of_mid(static_cast<std::uint16_t>(mid))) return {MmsiKind::invalid, std::nullopt};
  return {kind, static_cast<std::uint16_t>(mid)};
}

}  // namespace

const char* to_string(MmsiKind kind) noexcept {
  switch (kind) {
    case MmsiKind::ship: return "ship";
    case MmsiKind::group: return "group";
    case MmsiKind::coast_station: return "coast_station";
    case MmsiKind::sar_aircraft: return "sar_aircraft";
    case MmsiKind::aid_to_navigation: return "aid_to_navigation";
    case MmsiKind::craft_of_parent_ship: return "craft_of_parent_ship";
    case MmsiKind::handheld_vhf: return "handheld_vhf";
    case MmsiKind::ais_sart: return "ais_sart";
    case MmsiKind::man_overboard: return "man_overboard";
    case MmsiKind::epirb_ais: return "epirb_ais";
    case MmsiKind::invalid: return "invalid";
  }
  return "invalid";
}

MmsiClass classify_mmsi(std::uint32_t mmsi) noexcept {
  if (mmsi == 0 || mmsi > kMaxMmsi || is_test_pattern(mmsi)) return {};
  const std::uint32_t d0 = digits(mmsi, 0, 1);
  const std::uint32_t d1 = digits(mmsi, 1, 1);
  switch (d0) {
    case 0:
      if (d1 == 0) return with_mid(MmsiKind::coast_station, digits(mmsi, 2, 3));
      return with_mid(MmsiKind::group, digits(mmsi, 1, 3));
    case 1:
      if (digits(mmsi, 0, 3) == 111) return with_mid(MmsiKind::sar_aircraft, digits(mmsi, 3, 3));
      return {};
    case 8:
      return with_mid(MmsiKind::handheld_vhf, digits(mmsi, 1, 3));
    case 9:
      switch (digits(mmsi, 0, 3)) {
        case 970: return {MmsiKind::ais_sart, std::nullopt};
        case 972: return {MmsiKind::man_overboard, std::nullopt};
        case 974: return {MmsiKind::epirb_ais, std::nullopt};
        default: break;
      }
      if (d1 == 8) return with_mid(MmsiKind::craft_of_parent_ship, digits(mmsi, 2, 3));
      if (d1 == 9) return with_mid(MmsiKind::aid_to_navigation, digits(mmsi, 2, 3));
      return {};
    default:  // 2..7: a ship station
      return with_mid(MmsiKind::ship, digits(mmsi, 0, 3));
  }
}

std::optional<MidEntry> flag_of(std::uint32_t mmsi) noexcept {
  const MmsiClass cls = classify_mmsi(mmsi);
  if (!cls.mid) return std::nullopt;
  return flag_of_mid(*cls.mid);
}

}  // namespace aiswatch::ais
