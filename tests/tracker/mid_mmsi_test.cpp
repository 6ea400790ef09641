// MID table, MMSI classes (ITU-R M.585-9) and IMO check digits.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/ais/mid.hpp"
#include "aiswatch/ais/mmsi.hpp"

using namespace aiswatch::ais;

TEST_CASE("MID table maps allocations to ISO alpha-2", "[mid]") {
  SECTION("valid") {
    auto [mid, alpha2] = GENERATE(table<int, std::string>({
        {273, "RU"}, {445, "KP"}, {412, "CN"}, {413, "CN"}, {414, "CN"}, {440, "KR"}, {441, "KR"},
        {422, "IR"}, {636, "LR"}, {637, "LR"}, {352, "PA"}, {357, "PA"}, {370, "PA"}, {373, "PA"},
        {538, "MH"}, {511, "PW"}, {620, "KM"}, {341, "KN"}, {572, "TV"}, {667, "SL"}, {671, "TG"},
        {457, "MN"}, {468, "SY"}, {477, "HK"}, {416, "TW"}, {366, "US"}, {303, "US"}, {232, "GB"},
        {211, "DE"}, {218, "DE"}, {219, "DK"}, {244, "NL"}, {563, "SG"}, {574, "VN"}, {431, "JP"},
        {503, "AU"}, {710, "BR"}, {775, "VE"}, {740, "FK"}, {201, "AL"}, {314, "BB"}, {518, "CK"},
    }));
    CAPTURE(mid);
    const auto entry = flag_of_mid(static_cast<std::uint16_t>(mid));
    REQUIRE(entry);
    CHECK(entry->alpha2 == alpha2);
    CHECK_FALSE(entry->country.empty());
  }
  SECTION("unallocated or outside the range") {
    const int mid = GENERATE(0, 100, 200, 217, 260, 280, 300, 380, 400, 500, 600, 700, 776, 999);
    CAPTURE(mid);
    CHECK_FALSE(flag_of_mid(static_cast<std::uint16_t>(mid)));
  }
  SECTION("the table is complete enough to cover every region") {
    const auto table = mid_table();
    CHECK(table.size() > 280);
    std::set<std::string_view> countries;
    for (const auto& e : table) countries.insert(e.alpha2);
    CHECK(countries.size() > 220);
    CHECK(flag_of_mid(445)->country.find("Democratic") != std::string_view::npos);
  }
}

TEST_CASE("MMSI classes and the MID digits each class uses", "[mmsi]") {
  SECTION("classes") {
    auto [mmsi, kind, mid] = GENERATE(table<std::uint32_t, MmsiKind, int>({
        {273382620, MmsiKind::ship, 273},
        {445123000, MmsiKind::ship, 445},
        {2573001, MmsiKind::coast_station, 257},       // 002573001
        {3669991, MmsiKind::coast_station, 366},       // 003669991: US base station
        {24412345, MmsiKind::group, 244},               // 024412345
        {111273123, MmsiKind::sar_aircraft, 273},
        {992731234, MmsiKind::aid_to_navigation, 273},
        {993669999, MmsiKind::aid_to_navigation, 366},
        {982191234, MmsiKind::craft_of_parent_ship, 219},
        {844512345, MmsiKind::handheld_vhf, 445},
        {970123456, MmsiKind::ais_sart, -1},
        {972123456, MmsiKind::man_overboard, -1},
        {974123456, MmsiKind::epirb_ais, -1},
    }));
    CAPTURE(mmsi);
    const MmsiClass c = classify_mmsi(mmsi);
    CHECK(c.kind == kind);
    if (mid < 0)
      CHECK_FALSE(c.mid);
    else
      CHECK(c.mid == std::optional<std::uint16_t>(static_cast<std::uint16_t>(mid)));
  }
  SECTION("invalid numbers") {
    const std::uint32_t mmsi = GENERATE(0u, 1u, 12345u, 123456789u, 111111111u, 999999999u, 222222222u,
                                        555555555u, 1000000000u, 100000000u, 112273123u, 217000001u,
                                        950000000u, 973000000u, 999001234u, 1072211352u);
    CAPTURE(mmsi);
    CHECK(classify_mmsi(mmsi).kind == MmsiKind::invalid);
    CHECK_FALSE(flag_of(mmsi));
  }
  SECTION("flag_of uses the class's MID digits") {
    CHECK(flag_of(273382620)->alpha2 == "RU");
    CHECK(flag_of(445123000)->alpha2 == "KP");
    CHECK(flag_of(412000001)->alpha2 == "CN");
    CHECK(flag_of(992731234)->alpha2 == "RU");   // AtoN 99 273 1234
    CHECK(flag_of(111445001)->alpha2 == "KP");   // SAR aircraft 111 445 001
    CHECK(flag_of(2734001)->alpha2 == "RU");     // coast station 00 273 4001
    CHECK(flag_of(984450001)->alpha2 == "KP");   // craft of a parent ship 98 445 0001
    CHECK_FALSE(flag_of(970123456));             // SART: no flag
  }
  SECTION("names") {
    CHECK(std::string(to_string(MmsiKind::aid_to_navigation)) == "aid_to_navigation");
    CHECK(std::string(to_string(MmsiKind::invalid)) == "invalid");
  }
}

TEST_CASE("IMO check digit", "[imo]") {
  CHECK(is_valid_imo(9179842));
  CHECK_FALSE(is_valid_imo(9179843));
  CHECK(is_valid_imo(8207721));    // EAGLE in the NOAA sample
  CHECK_FALSE(is_valid_imo(0));
  CHECK_FALSE(is_valid_imo(123456));
  CHECK_FALSE(is_valid_imo(10000000));
}
