// scenario.hpp — a constructed report model with the shape replay produces: a Russian tanker on the
// Vostochny–Rajin shuttle (gap, DPRK port call, encounter with a DPRK tanker, watchlist match), the
// DPRK tanker, an innocent Chinese freighter, a vessel whose every text field is hostile, and a
// vessel loitering across the antimeridian in the Bering Sea. Review decisions are applied as replay
// applies them (apply_review), so the model is what write_report() receives.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "aiswatch/report/model.hpp"
#include "aiswatch/report/review.hpp"
#include "fixtures.hpp"

namespace aiswatch::report::test {

inline constexpr std::uint32_t kAngara = 273382620;   // RU tanker, listed
inline constexpr std::uint32_t kChonMaSan = 445123000;  // KP tanker
inline constexpr std::uint32_t kFreighter = 412000001;  // CN, nothing suspicious
inline constexpr std::uint32_t kHostileShip = 273000666;
inline constexpr std::uint32_t kBering = 273111222;

// Straight-line fixes every `step_min` minutes from (lat0, lon0) to (lat1, lon1), in one segment.
inline void add_leg(std::vector<TrackPoint>& track, std::string_view start_iso, double lat0, double lon0, double lat1,
                    double lon1, int fixes, int step_min, std::uint32_t segment) {
  const UnixMillis t0 = t(start_iso);
  for (int i = 0; i < fixes; ++i) {
    const double f = fixes > 1 ? static_cast<double>(i) / (fixes - 1) : 0.0;
    double lon = lon0 + f * (lon1 - lon0);
    if (lon > 180) lon -= 360;
    track.push_back({.time = t0 + static_cast<UnixMillis>(i) * step_min * 60'000,
                     .lat_deg = lat0 + f * (lat1 - lat0),
                     .lon_deg = lon,
                     .sog_kn = 11.5f,
                     .segment = segment});
  }
}

inline detectors::Event event(detectors::EventType type, std::uint32_t mmsi, std::string_view start, std::string_view end,
                              double lat, double lon, detectors::Severity sev, bool flagged, std::string name) {
  detectors::Event e;
  e.type = type;
  e.mmsi = mmsi;
  e.name = std::move(name);
  e.start = t(start);
  e.end = t(end);
  e.lat = lat;
  e.lon = lon;
  e.severity = sev;
  e.flagged = flagged;
  return e;
}

inline ReportModel scenario_model() {
  using detectors::EventType;
  using detectors::Severity;
  ReportModel m;
  m.run.aiswatch_version = "0.1.0-test";
  m.run.generated_at = t("2024-05-02T08:00:00Z");
  m.run.first_time = t("2018-11-01T00:00:00Z");
  m.run.last_time = t("2018-11-03T12:00:00Z");
  m.run.messages = 123456;
  m.run.vessels = 5;
  m.run.configuration = {{"gap.min_hours", "6"}, {"encounter.max_distance_m", "500"}, {"zones", "bundled + user"}};
  m.run.inputs = {describe_input(InputRole::input, AISWATCH_TEST_DATA_DIR "/ais/gpsd/sample.aivdm"),
                  {.role = InputRole::input, .path = "-"},
                  {.role = InputRole::watchlist, .path = kHostile[1], .size_bytes = 42, .sha256_hex = std::string(64, 'a')}};
  m.run.statistics = {{"rejected: bad checksum", 17}, {"rejected: orphan fragment", 3}};

  // The shuttle tanker: Vostochny -> (goes dark) -> Rajin port call -> back out.
  VesselDossier angara{.mmsi = kAngara,
                       .identity = {.imo = 9179842, .name = "SASCO ANGARA", .callsign = "UBCT8", .flag = "RU",
                                    .destination = "NAKHODKA", .ship_type = 80, .length_m = 104, .beam_m = 16,
                                    .draught_m = 5.8},
                       .watchlist = {{.list = "OFAC SDN", .program = "DPRK3", .entry = "27426", .name = "SASCO ANGARA",
                                      .imo = 9179842, .matched_on = watchlists::MatchedOn::imo, .confidence = 0.99,
                                      .detail = "IMO 9179842"}}};
  add_leg(angara.track, "2018-11-01T00:00:00Z", 42.75, 133.08, 42.55, 132.20, 60, 5, 1);
  add_leg(angara.track, "2018-11-01T19:00:00Z", 42.30, 130.60, 42.24, 130.30, 30, 5, 2);
  add_leg(angara.track, "2018-11-03T00:00:00Z", 42.24, 130.30, 42.60, 131.40, 40, 5, 3);
  angara.positions_total = 4321;
  angara.identity_history = {{.field = "draught", .old_value = "8.9", .new_value = "5.8", .time = t("2018-11-03T00:00:00Z"),
                              .raw = "!AIVDM,2,1,3,B,53u?etP00000<H?G;?0pu8E8<PTr22222222220l1@D555wC0<Ddev@0jl,0*2E"}};
  m.vessels.push_back(angara);

  VesselDossier chon{.mmsi = kChonMaSan, .identity = {.name = "CHON MA SAN", .flag = "KP", .ship_type = 84}};
  add_leg(chon.track, "2018-11-01T10:00:00Z", 42.00, 131.50, 42.45, 131.10, 40, 10, 7);
  m.vessels.push_back(chon);

  VesselDossier freighter{.mmsi = kFreighter, .identity = {.name = "ZHE HAI 1", .flag = "CN", .ship_type = 70}};
  add_leg(freighter.track, "2018-11-01T00:00:00Z", 38.90, 121.60, 38.95, 121.70, 20, 15, 1);
  m.vessels.push_back(freighter);

  VesselDossier hostile{.mmsi = kHostileShip,
                        .identity = {.imo = 1234567, .name = "<SVG ONLOAD=ALERT(1)", .callsign = "=HYPERLINK(\"HTTP://X\")",
                                     .flag = "RU", .destination = "\"><B>X</B>"},
                        .related_mmsis = {273000667},
                        .watchlist = {{.list = kHostile[9], .program = kHostile[2], .entry = kHostile[1], .name = kHostile[0],
                                       .matched_on = watchlists::MatchedOn::name, .confidence = 0.6, .detail = kHostile[11]}}};
  add_leg(hostile.track, "2018-11-02T00:00:00Z", 35.0, 129.2, 35.3, 129.6, 15, 10, 1);
  for (std::size_t i = 0; i < kHostile.size(); ++i)
    hostile.identity_history.push_back({.field = "name", .old_value = kHostile[i], .new_value = kHostile[(i + 1) % kHostile.size()],
                                        .time = t("2018-11-02T00:00:00Z") + static_cast<UnixMillis>(i) * 1000,
                                        .raw = kHostile[i]});
  m.vessels.push_back(hostile);

  VesselDossier bering{.mmsi = kBering, .identity = {.name = "BERING LOITER", .flag = "RU"}};
  add_leg(bering.track, "2018-11-02T00:00:00Z", 62.0, 179.2, 62.3, 180.8, 30, 20, 1);  // crosses 180°
  m.vessels.push_back(bering);

  // Events, as the detectors would emit them.
  auto gap = event(EventType::ais_gap, kAngara, "2018-11-01T04:55:00Z", "2018-11-01T19:00:00Z", 42.55, 132.20,
                   Severity::high, true, "SASCO ANGARA");
  gap.reasons = {"AIS off for 14.1 h near DPRK waters"};
  gap.add_evidence("gap_hours", 14.08);
  gap.add_evidence("distance_nm", 70.2);
  gap.raw = {{"!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24", t("2018-11-01T04:55:00Z")}};
  auto port = event(EventType::port_call, kAngara, "2018-11-01T21:00:00Z", "2018-11-02T23:30:00Z", 42.24, 130.30,
                    Severity::critical, true, "SASCO ANGARA");
  port.zone = "Rajin";
  port.zone_country = "KP";
  port.reasons = {"port call at Rajin (KP)", "listed vessel (OFAC SDN DPRK3)"};
  port.add_evidence("hours_in_port", 26.5);
  port.add_evidence("draught_before_m", 8.9);
  port.add_evidence("draught_after_m", 5.8);
  port.watchlist = angara.watchlist;
  port.raw = {{"!AIVDM,1,1,,B,13u?etP000Pn:JFPw1?hO?vN0<0g,0*6B", t("2018-11-01T21:00:00Z")},
              {"!AIVDM,1,1,,A,13u?etP000Pn:JDPw1?RG?w40@Pn,0*0C", t("2018-11-02T23:30:00Z")}};
  auto enc = event(EventType::encounter, kAngara, "2018-11-01T12:00:00Z", "2018-11-01T15:00:00Z", 42.40, 131.30,
                   Severity::high, true, "SASCO ANGARA");
  enc.other_mmsi = kChonMaSan;
  enc.reasons = {"3 h alongside a DPRK-flagged tanker"};
  enc.add_evidence("min_distance_m", 85.0);
  auto entry = event(EventType::zone_entry, kAngara, "2018-11-01T19:00:00Z", "2018-11-01T19:00:00Z", 42.30, 130.60,
                     Severity::medium, true, "SASCO ANGARA");
  entry.zone = "DPRK waters";
  entry.zone_country = "KP";
  entry.reasons = {"entered DPRK territorial waters"};
  auto watch = event(EventType::watchlist_match, kAngara, "2018-11-01T00:00:00Z", "2018-11-01T00:00:00Z", 42.75, 133.08,
                     Severity::high, true, "SASCO ANGARA");
  watch.imo = 9179842;
  watch.watchlist = angara.watchlist;
  watch.reasons = {"IMO 9179842 is on OFAC SDN (DPRK3)"};
  auto harmless = event(EventType::port_call, kFreighter, "2018-11-01T00:00:00Z", "2018-11-01T04:45:00Z", 38.92, 121.65,
                        Severity::info, false, "ZHE HAI 1");
  harmless.zone = "Dalian";
  harmless.zone_country = "CN";
  auto bad = event(EventType::loitering, kHostileShip, "2018-11-02T00:00:00Z", "2018-11-02T02:20:00Z", 35.1, 129.4,
                   Severity::medium, true, kHostile[3]);
  bad.callsign = kHostile[2];
  bad.zone = kHostile[1];
  bad.zone_country = kHostile[4];
  bad.reasons = {kHostile.begin(), kHostile.end()};
  for (const auto& h : kHostile) bad.add_evidence(h, h);
  bad.watchlist = hostile.watchlist;
  for (const auto& h : kHostile) bad.raw.push_back({h, std::nullopt});
  auto loiter = event(EventType::loitering, kBering, "2018-11-02T02:00:00Z", "2018-11-02T08:00:00Z", 62.2, -179.9,
                      Severity::low, true, "BERING LOITER");
  loiter.reasons = {"6 h loitering far offshore"};

  m.events = {gap, port, enc, entry, watch, harmless, bad, loiter};
  for (auto& e : m.events) e.id = detectors::make_event_id(e);

  // Decisions from the case file: the zone entry was dismissed for this same evidence; the port call is
  // confirmed with a hostile note; the DPRK tanker needs more information.
  const detectors::Event& dismissed = m.events[3];
  m.decisions = {
      {.seq = 1, .event_id = dismissed.id, .status = ReviewStatus::needs_info, .note = "check", .reviewer = "ana",
       .decided_at = t("2024-05-01T09:00:00Z"), .evidence_fingerprint = evidence_fingerprint(dismissed)},
      {.seq = 2, .event_id = dismissed.id, .status = ReviewStatus::dismissed, .note = "routine approach", .reviewer = "ana",
       .decided_at = t("2024-05-01T10:00:00Z"), .evidence_fingerprint = evidence_fingerprint(dismissed)},
      {.seq = 3, .event_id = m.events[1].id, .status = ReviewStatus::confirmed, .note = kHostile[0] + " " + kHostile[1],
       .reviewer = kHostile[4], .decided_at = t("2024-05-01T11:00:00Z"),
       .evidence_fingerprint = evidence_fingerprint(m.events[1])},
      {.seq = 4, .vessel_mmsi = kChonMaSan, .status = ReviewStatus::needs_info, .note = "owner?", .reviewer = "bo",
       .decided_at = t("2024-05-01T12:00:00Z")},
  };
  apply_review(m.events, latest_decisions(m.decisions));
  return m;
}

}  // namespace aiswatch::report::test
