// fixtures.hpp — events, vessels and hostile text shared by the report tests.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aiswatch/ais/time.hpp"
#include "aiswatch/detectors/event.hpp"
#include "aiswatch/report/model.hpp"

namespace aiswatch::report::test {

// Text an attacker can put in AIS names/destinations/callsigns (six-bit: upper case, <= 20 chars), in CSV
// inputs (anything), in watchlist entry names or zone files. Each would do harm if an output let it through.
inline const std::array<std::string, 12> kHostile = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://x\")",
    "<SVG ONLOAD=ALERT(1)",          // six-bit, 20 characters
    "\"><B>X</B>",                   // six-bit
    "=HYPERLINK(\"HTTP://X\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "quote\" back\\slash \x01\x1f\x7f ctl",
    "bad utf8 \xff\xfe\xc3( end",
    "line\xe2\x80\xa8sep \xe2\x80\xae reversed",
};

inline UnixMillis t(std::string_view iso) { return *parse_iso8601(iso); }

// A complete event with every field set, text from `text`.
inline detectors::Event make_event(detectors::EventType type, std::uint32_t mmsi, std::string_view start_iso,
                                   std::string_view end_iso, const std::string& text = "SASCO ANGARA") {
  detectors::Event e;
  e.type = type;
  e.mmsi = mmsi;
  e.imo = 9179842;
  e.name = text;
  e.callsign = "UBCT8";
  e.flag = "RU";
  e.start = t(start_iso);
  e.end = t(end_iso);
  e.lat = 42.2456;
  e.lon = 130.2789;
  e.zone = "Rajin";
  e.zone_country = "KP";
  e.flagged = true;
  e.severity = detectors::Severity::high;
  e.reasons = {"port call at Rajin (KP)", text};
  e.watchlist.push_back({.list = "OFAC SDN",
                         .program = "DPRK3",
                         .entry = "27426",
                         .name = text,
                         .imo = 9179842,
                         .matched_on = watchlists::MatchedOn::imo,
                         .confidence = 0.99});
  e.add_evidence("gap_hours", 14.5);
  e.add_evidence("messages", std::int64_t{42});
  e.add_evidence("draught_changed", true);
  e.add_evidence("partner_name", text);
  e.raw.push_back({"!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24", t("2018-11-01T03:00:00Z")});
  e.raw.push_back({text, std::nullopt});
  e.id = detectors::make_event_id(e);
  return e;
}

}  // namespace aiswatch::report::test
