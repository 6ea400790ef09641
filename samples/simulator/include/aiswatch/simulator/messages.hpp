// messages.hpp — the AIS messages the simulator sends, as plain structs in physical units.
//
// One struct per message (ITU-R M.1371-5): types 1/2/3 (class A position), 5 (static and voyage data),
// 18 (class B position), 19 (extended class B position), 24 part A/B (class B static data) and 27
// (long-range broadcast). `std::nullopt` means "not available"; encoder.hpp turns it into the sentinel
// the standard defines (lat 91, lon 181, speed 1023, heading 511, …).
//
//   ClassAPosition p{.mmsi = 273459120, .nav_status = 0, .sog_kn = 11.2, .lat_deg = 42.5, .lon_deg = 131.9};
//   ArmouredPayload a = encode(p);   // encoder.hpp
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aiswatch::simulator {

// Estimated time of arrival as broadcast (no year). Defaults are the "not available" values.
struct AisEta {
  std::uint8_t month = 0;   // 1..12, 0 = n/a
  std::uint8_t day = 0;     // 1..31, 0 = n/a
  std::uint8_t hour = 24;   // 0..23, 24 = n/a
  std::uint8_t minute = 60; // 0..59, 60 = n/a
};

// Reference point of the position fix: distances to bow, stern, port and starboard (ITU Fig. 42).
struct AisDimensions {
  std::uint16_t to_bow_m = 0;      // 0..511
  std::uint16_t to_stern_m = 0;    // 0..511
  std::uint8_t to_port_m = 0;      // 0..63
  std::uint8_t to_starboard_m = 0; // 0..63
};

// Types 1, 2, 3 — class A position report (Table 46).
struct ClassAPosition {
  std::uint8_t type = 1;  // 1 scheduled, 2 assigned scheduled, 3 special (interrogated)
  std::uint8_t repeat = 0;
  std::uint32_t mmsi = 0;
  std::uint8_t nav_status = 15;  // 0 under way using engine, 1 at anchor, 5 moored, 7 fishing, 15 undefined
  std::optional<double> rot_deg_per_min;
  std::optional<double> sog_kn;
  bool position_accuracy_high = false;
  std::optional<double> lat_deg, lon_deg;
  std::optional<double> cog_deg;
  std::optional<std::uint16_t> heading_deg;
  std::optional<std::uint8_t> utc_second;  // second of the UTC minute of the fix
  std::uint8_t maneuver = 0;               // 0 n/a, 1 no special manoeuvre, 2 special
  bool raim = false;
  std::uint32_t radio_status = 0;  // 19-bit SOTDMA/ITDMA communication state
};

// Type 5 — class A static and voyage related data (Table 52); two NMEA sentences.
struct StaticVoyageData {
  std::uint8_t repeat = 0;
  std::uint32_t mmsi = 0;
  std::uint8_t ais_version = 0;
  std::optional<std::uint32_t> imo;  // 1..999999999 (7-digit IMO numbers in practice)
  std::string callsign;              // ≤ 7 six-bit characters
  std::string name;                  // ≤ 20
  std::uint8_t ship_type = 0;        // ITU ship and cargo type, 0 = n/a
  AisDimensions dimensions;
  std::uint8_t epfd = 1;  // 1 GPS
  AisEta eta;
  std::optional<double> draught_m;  // 0.1 m steps, ≤ 25.5
  std::string destination;          // ≤ 20
  bool dte_not_ready = false;
};

// Type 18 — class B position report (Table 60).
struct ClassBPosition {
  std::uint8_t repeat = 0;
  std::uint32_t mmsi = 0;
  std::optional<double> sog_kn;
  bool position_accuracy_high = false;
  std::optional<double> lat_deg, lon_deg;
  std::optional<double> cog_deg;
  std::optional<std::uint16_t> heading_deg;
  std::optional<std::uint8_t> utc_second;
  bool carrier_sense_unit = true;  // class B "CS" (true) or "SO" SOTDMA unit (false)
  bool has_display = false;
  bool has_dsc = false;
  bool whole_band = true;
  bool accepts_msg22 = true;
  bool assigned_mode = false;
  bool raim = false;
  std::uint32_t radio_status = 0;  // 20 bits: selector + communication state
};

// Type 19 — extended class B position report (Table 62).
struct ClassBExtendedPosition {
  std::uint8_t repeat = 0;
  std::uint32_t mmsi = 0;
  std::optional<double> sog_kn;
  bool position_accuracy_high = false;
  std::optional<double> lat_deg, lon_deg;
  std::optional<double> cog_deg;
  std::optional<std::uint16_t> heading_deg;
  std::optional<std::uint8_t> utc_second;
  std::string name;  // ≤ 20
  std::uint8_t ship_type = 0;
  AisDimensions dimensions;
  std::uint8_t epfd = 1;
  bool raim = false;
  bool dte_not_ready = false;
  bool assigned_mode = false;
};

// Type 24 part A — class B static data: the name (Table 73).
struct ClassBStaticA {
  std::uint8_t repeat = 0;
  std::uint32_t mmsi = 0;
  std::string name;  // ≤ 20
};

// Type 24 part B — class B static data: type, vendor, call sign, dimensions (Table 74).
struct ClassBStaticB {
  std::uint8_t repeat = 0;
  std::uint32_t mmsi = 0;
  std::uint8_t ship_type = 0;
  std::string vendor_id;           // ≤ 3 six-bit characters (manufacturer)
  std::uint8_t unit_model = 0;     // 0..15
  std::uint32_t serial_number = 0; // 0..1048575
  std::string callsign;            // ≤ 7
  AisDimensions dimensions;
  std::uint8_t epfd = 1;
};

// Type 27 — long-range AIS broadcast, for satellite reception (Table 86). Coarse units: 1/10 minute
// positions, whole knots and degrees.
struct LongRangePosition {
  std::uint8_t repeat = 3;  // the standard sets 3 (do not repeat)
  std::uint32_t mmsi = 0;
  bool position_accuracy_high = false;
  bool raim = false;
  std::uint8_t nav_status = 15;
  std::optional<double> lat_deg, lon_deg;
  std::optional<double> sog_kn;   // whole knots 0..62
  std::optional<double> cog_deg;  // whole degrees 0..359
  bool position_latency_over_5s = false;
};

}  // namespace aiswatch::simulator
