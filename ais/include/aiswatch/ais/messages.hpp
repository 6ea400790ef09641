// messages.hpp — decoded AIS messages (ITU-R M.1371-5, types 1–27) as plain typed structs.
//
// decode_payload (decode.hpp) fills an AisMessage: the common header (type, repeat, MMSI) and one body
// struct per message family in a std::variant. Units are in the field names. Every value that ITU marks
// "not available" (lat 91, lon 181, heading 511, speed 1023, course 3600, ROT -128, draught 0, …) is
// std::nullopt, mapped once in the decoder; any other value is kept as broadcast, even when out of the
// valid range (a latitude of 95°), so consumers that need a real position must range-check it
// (to_observation.hpp does). Text is fixed capacity (no heap): trailing '@' padding and spaces are
// trimmed, nothing else is touched. Binary payloads (types 6, 8, 17, 25, 26) are kept as bits.
//
//   auto r = decode_payload("15RTgt0PAso;90TKcjM8h6g208CQ", 0);
//   if (const auto* pos = std::get_if<ClassAPositionReport>(&r->body))
//     if (pos->lat_deg && pos->lon_deg) plot(*pos->lat_deg, *pos->lon_deg);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

#include "aiswatch/ais/observation.hpp"  // Eta

namespace aiswatch::ais {

// Six-bit text of at most N characters, '@' padding and trailing spaces removed.
template <std::size_t N>
struct SixBitText {
  std::array<char, N> chars{};
  std::uint8_t size = 0;

  std::string_view view() const noexcept { return {chars.data(), size}; }
  bool empty() const noexcept { return size == 0; }
};

// Application data of a binary message, most significant bit first; bits past bit_count are zero.
// 1024 bits hold the largest payload (a five-slot message carries at most 1008 bits in all).
struct BinaryData {
  static constexpr std::size_t kMaxBytes = 128;
  std::array<std::uint8_t, kMaxBytes> bytes{};
  std::uint16_t bit_count = 0;
};

// Ship dimensions from the reference point for the reported position; 0 means "not available" in
// ITU, so each side is nullopt then. 511 (bow/stern) and 63 (port/starboard) mean "that or more".
struct ShipDimensions {
  std::optional<std::uint16_t> to_bow_m;
  std::optional<std::uint16_t> to_stern_m;
  std::optional<std::uint8_t> to_port_m;
  std::optional<std::uint8_t> to_starboard_m;
};

// Types 1, 2, 3: scheduled, assigned and interrogated class A position reports.
struct ClassAPositionReport {
  std::uint8_t nav_status = 15;               // 0..15; 15 = not defined
  std::optional<std::int8_t> rot_ais;         // ROT_AIS -127..127 (±127: turning faster than 5°/30 s, no
                                              // turn indicator); nullopt for -128 (no turn information)
  std::optional<float> sog_kn;                // nullopt for 1023; 102.2 means 102.2 kn or more
  bool position_accuracy_high = false;        // < 10 m (DGNSS)
  std::optional<double> lon_deg;              // nullopt for 181
  std::optional<double> lat_deg;              // nullopt for 91
  std::optional<float> cog_deg;               // nullopt for 360.0
  std::optional<std::uint16_t> heading_deg;   // nullopt for 511
  std::uint8_t utc_second = 60;               // 0..59; 60 n/a, 61 manual, 62 dead reckoning, 63 inoperative
  std::uint8_t maneuver = 0;                  // 0 n/a, 1 no special manoeuvre, 2 special manoeuvre
  bool raim = false;
  std::uint32_t radio = 0;                    // 19-bit SOTDMA/ITDMA communication state
};

// UTC date and time as a station reports it (type 4/11); each field nullopt when "not available".
struct AisUtcTime {
  std::optional<std::uint16_t> year;          // nullopt for 0
  std::optional<std::uint8_t> month;          // nullopt for 0
  std::optional<std::uint8_t> day;            // nullopt for 0
  std::optional<std::uint8_t> hour;           // nullopt for 24
  std::optional<std::uint8_t> minute;         // nullopt for 60
  std::optional<std::uint8_t> second;         // nullopt for 60
};

// Type 4 (base station report) and type 11 (UTC/date response): same layout.
struct BaseStationReport {
  AisUtcTime utc;
  bool position_accuracy_high = false;
  std::optional<double> lon_deg;
  std::optional<double> lat_deg;
  std::uint8_t epfd = 0;                      // type of position fixing device, 0 = undefined
  bool raim = false;
  std::uint32_t radio = 0;
};

// Type 5: static and voyage related data (class A).
struct StaticVoyageData {
  std::uint8_t ais_version = 0;
  std::optional<std::uint32_t> imo;           // nullopt for 0 (as broadcast, check digit not verified)
  SixBitText<7> callsign;
  SixBitText<20> shipname;
  std::optional<std::uint8_t> ship_type;      // nullopt for 0
  ShipDimensions dimensions;
  std::uint8_t epfd = 0;
  Eta eta;                                    // raw: month 0, day 0, hour 24, minute 60 are "not available"
  std::optional<float> draught_m;             // nullopt for 0
  SixBitText<20> destination;
  bool dte_not_ready = false;                 // DTE bit: 0 = data terminal available
};

// Type 6: addressed binary message.
struct AddressedBinary {
  std::uint8_t sequence = 0;                  // 0..3
  std::uint32_t dest_mmsi = 0;
  bool retransmitted = false;                 // ITU: 1 = retransmitted
  std::uint16_t dac = 0;                      // designated area code
  std::uint8_t fid = 0;                       // function identifier
  BinaryData data;                            // application data after DAC/FI
};

// Types 7 and 13: binary / safety related acknowledge, one to four destinations.
struct Acknowledge {
  struct Entry {
    std::uint32_t mmsi = 0;
    std::uint8_t sequence = 0;
  };
  std::array<Entry, 4> entries{};
  std::uint8_t count = 0;                     // 1..4
};

// Type 8: binary broadcast message.
struct BroadcastBinary {
  std::uint16_t dac = 0;
  std::uint8_t fid = 0;
  BinaryData data;
};

// Type 9: standard SAR aircraft position report.
struct SarAircraftReport {
  std::optional<std::uint16_t> altitude_m;    // nullopt for 4095; 4094 means 4094 m or higher
  std::optional<std::uint16_t> sog_kn;        // whole knots; nullopt for 1023; 1022 means 1022 or more
  bool position_accuracy_high = false;
  std::optional<double> lon_deg;
  std::optional<double> lat_deg;
  std::optional<float> cog_deg;
  std::uint8_t utc_second = 60;
  std::uint8_t regional = 0;                  // 8 bits: altitude sensor (M.1371-5, first bit) + spare
  bool dte_not_ready = false;
  bool assigned = false;
  bool raim = false;
  std::uint32_t radio = 0;                    // 20 bits: communication state selector + state
};

// Type 10: UTC and date inquiry.
struct UtcInquiry {
  std::uint32_t dest_mmsi = 0;
};

// Type 12: addressed safety related message.
struct AddressedSafetyText {
  std::uint8_t sequence = 0;
  std::uint32_t dest_mmsi = 0;
  bool retransmitted = false;
  SixBitText<156> text;
};

// Type 14: safety related broadcast message.
struct SafetyBroadcastText {
  SixBitText<161> text;
};

// Type 15: interrogation of one or two stations for up to three messages.
struct Interrogation {
  std::uint32_t mmsi1 = 0;
  std::uint8_t type1_1 = 0;
  std::uint16_t offset1_1 = 0;
  std::uint8_t type1_2 = 0;
  std::uint16_t offset1_2 = 0;
  std::uint32_t mmsi2 = 0;
  std::uint8_t type2_1 = 0;
  std::uint16_t offset2_1 = 0;
};

// Type 16: assigned mode command for one or two stations.
struct AssignedModeCommand {
  struct Assignment {
    std::uint32_t mmsi = 0;
    std::uint16_t offset = 0;
    std::uint16_t increment = 0;
  };
  Assignment first;
  std::optional<Assignment> second;           // present in the 144-bit form
};

// Type 17: GNSS broadcast binary message (DGNSS corrections).
struct DgnssBroadcast {
  std::optional<double> lon_deg;              // reference station, 1/10' resolution
  std::optional<double> lat_deg;
  BinaryData data;
};

// Type 18: standard class B position report.
struct ClassBPositionReport {
  std::uint8_t regional_reserved = 0;         // 8 bits reserved for regional applications
  std::optional<float> sog_kn;
  bool position_accuracy_high = false;
  std::optional<double> lon_deg;
  std::optional<double> lat_deg;
  std::optional<float> cog_deg;
  std::optional<std::uint16_t> heading_deg;
  std::uint8_t utc_second = 60;
  std::uint8_t regional = 0;                  // 2 bits
  bool cs_unit = false;                       // carrier-sense (CS) unit rather than SOTDMA
  bool has_display = false;
  bool has_dsc = false;
  bool whole_band = false;
  bool accepts_msg22 = false;
  bool assigned = false;
  bool raim = false;
  std::uint32_t radio = 0;                    // 20 bits: communication state selector + state
};

// Type 19: extended class B position report.
struct ClassBExtendedReport {
  std::uint8_t regional_reserved = 0;
  std::optional<float> sog_kn;
  bool position_accuracy_high = false;
  std::optional<double> lon_deg;
  std::optional<double> lat_deg;
  std::optional<float> cog_deg;
  std::optional<std::uint16_t> heading_deg;
  std::uint8_t utc_second = 60;
  std::uint8_t regional = 0;                  // 4 bits
  SixBitText<20> shipname;
  std::optional<std::uint8_t> ship_type;
  ShipDimensions dimensions;
  std::uint8_t epfd = 0;
  bool raim = false;
  bool dte_not_ready = false;
  bool assigned = false;
};

// Type 20: data link management (slot reservations), one to four.
struct DataLinkManagement {
  struct Reservation {
    std::uint16_t offset = 0;
    std::uint8_t number = 0;
    std::uint8_t timeout = 0;
    std::uint16_t increment = 0;
  };
  std::array<Reservation, 4> reservations{};
  std::uint8_t count = 0;                     // 1..4
};

// Type 21: aid-to-navigation report.
struct AidToNavigationReport {
  std::uint8_t aid_type = 0;                  // 0 = not specified
  SixBitText<34> name;                        // 20 characters + the name extension (up to 14)
  bool position_accuracy_high = false;
  std::optional<double> lon_deg;
  std::optional<double> lat_deg;
  ShipDimensions dimensions;
  std::uint8_t epfd = 0;
  std::uint8_t utc_second = 60;
  bool off_position = false;
  std::uint8_t regional = 0;
  bool raim = false;
  bool virtual_aid = false;
  bool assigned = false;
};

// Type 22: channel management, for an area (two corners) or for two addressed stations.
struct ChannelManagement {
  std::uint16_t channel_a = 0;
  std::uint16_t channel_b = 0;
  std::uint8_t txrx = 0;
  bool low_power = false;
  bool addressed = false;
  // area form (addressed == false); corners in degrees, 1/10' resolution
  double ne_lon_deg = 0, ne_lat_deg = 0, sw_lon_deg = 0, sw_lat_deg = 0;
  // addressed form
  std::uint32_t dest1_mmsi = 0, dest2_mmsi = 0;
  bool band_a_narrow = false;                 // 1 = 12.5 kHz
  bool band_b_narrow = false;
  std::uint8_t zone_size = 0;                 // transitional zone, nautical miles - 1
};

// Type 23: group assignment command.
struct GroupAssignmentCommand {
  double ne_lon_deg = 0, ne_lat_deg = 0, sw_lon_deg = 0, sw_lat_deg = 0;
  std::uint8_t station_type = 0;
  std::uint8_t ship_type = 0;                 // 0 = all types
  std::uint8_t txrx = 0;
  std::uint8_t interval = 0;                  // reporting interval code
  std::uint8_t quiet_min = 0;                 // quiet time, minutes (0 = none)
};

// Type 24 part A: class B static data, name.
struct StaticDataA {
  SixBitText<20> shipname;
};

// Type 24 part B: class B static data, type, vendor, callsign and dimensions (or mothership MMSI for
// an auxiliary craft, MMSI 98xxxxxxx).
struct StaticDataB {
  std::optional<std::uint8_t> ship_type;
  SixBitText<3> vendor_id;                    // manufacturer's ID (M.1371-5: 18 bits)
  std::uint8_t unit_model = 0;                // 4 bits
  std::uint32_t serial = 0;                   // 20 bits
  SixBitText<7> callsign;
  ShipDimensions dimensions;                  // when mothership_mmsi is nullopt
  std::optional<std::uint32_t> mothership_mmsi;  // auxiliary craft only (MMSI 98xxxxxxx)
};

// Type 25: single slot binary message.
struct SingleSlotBinary {
  bool addressed = false;
  bool structured = false;
  std::optional<std::uint32_t> dest_mmsi;     // when addressed
  std::optional<std::uint16_t> app_id;        // DAC (10 bits) << 6 | FI (6 bits), when structured
  BinaryData data;
};

// Type 26: multiple slot binary message with communication state.
struct MultiSlotBinary {
  bool addressed = false;
  bool structured = false;
  std::optional<std::uint32_t> dest_mmsi;
  std::optional<std::uint16_t> app_id;
  BinaryData data;
  std::uint32_t radio = 0;                    // 20 bits: selector + communication state
};

// Type 27: long-range AIS broadcast (satellite), 1/10' position resolution.
struct LongRangePosition {
  bool position_accuracy_high = false;
  bool raim = false;
  std::uint8_t nav_status = 15;
  std::optional<double> lon_deg;              // nullopt for 181
  std::optional<double> lat_deg;              // nullopt for 91
  std::optional<std::uint8_t> sog_kn;         // whole knots, nullopt for 63
  std::optional<std::uint16_t> cog_deg;       // whole degrees, nullopt for 511
  bool position_latency_over_5s = false;      // M.1371-5 position latency bit (M.1371-4: "GNSS position
                                              // status", 1 = not current); gpsd prints it as "gnss"
};

// One alternative per message family; 24 parts A and B are distinct alternatives.
using MessageBody =
    std::variant<ClassAPositionReport, BaseStationReport, StaticVoyageData, AddressedBinary, Acknowledge,
                 BroadcastBinary, SarAircraftReport, UtcInquiry, AddressedSafetyText, SafetyBroadcastText,
                 Interrogation, AssignedModeCommand, DgnssBroadcast, ClassBPositionReport,
                 ClassBExtendedReport, DataLinkManagement, AidToNavigationReport, ChannelManagement,
                 GroupAssignmentCommand, StaticDataA, StaticDataB, SingleSlotBinary, MultiSlotBinary,
                 LongRangePosition>;

struct AisMessage {
  std::uint8_t type = 0;         // 1..27
  std::uint8_t repeat = 0;       // repeat indicator 0..3
  std::uint32_t mmsi = 0;        // source station (30 bits)
  std::uint16_t bit_length = 0;  // payload bits after fill bits were removed
  MessageBody body;
};

}  // namespace aiswatch::ais
