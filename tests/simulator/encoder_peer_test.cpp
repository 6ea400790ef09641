// The encoder is checked by decoding its output with two independent decoders, gpsd (gpsdecode) and
// libais, over seeded random messages of every type plus the "not available" and range-edge values.
// Expected raw field values are computed here from the ITU-R M.1371-5 scaling, not with the encoder's
// own helpers.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "aiswatch/simulator/encoder.hpp"
#include "aiswatch/simulator/nmea_sentences.hpp"
#include "aiswatch/simulator/rng.hpp"
#include "peer_decoders.hpp"

using namespace aiswatch::simulator;
using aiswatch::simulator::test::gpsdecode_unscaled;
using aiswatch::simulator::test::libais_decode;
using aiswatch::simulator::test::trim_ais_text;
using nlohmann::json;

namespace {

constexpr int kMessagesPerType = 300;

std::string random_text(Rng& rng, std::size_t max_chars) {
  // Six-bit ASCII without '@' (padding) and without trailing spaces: decoders trim both.
  static constexpr std::string_view kChars = " !\"#$%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_";
  std::string s(static_cast<std::size_t>(rng.below(max_chars + 1)), ' ');
  for (char& c : s) c = kChars[rng.below(kChars.size())];
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

template <class T>
std::optional<T> maybe(Rng& rng, T value) {
  return rng.chance(0.1) ? std::nullopt : std::optional<T>(value);
}

std::uint32_t random_mmsi(Rng& rng) { return static_cast<std::uint32_t>(rng.between(200000000, 799999999)); }

// Raw field values as ITU-R M.1371-5 defines them.
long long raw_pos(std::optional<double> deg, double na) { return std::llround((deg ? *deg : na) * 600000.0); }
long long raw_sog(std::optional<double> kn) { return kn ? std::min(1022LL, std::llround(*kn * 10.0)) : 1023; }
long long raw_cog(std::optional<double> deg) { return deg ? std::llround(*deg * 10.0) % 3600 : 3600; }
long long raw_rot(std::optional<double> rot) {
  if (!rot) return -128;
  const long long m = std::min(126LL, std::llround(4.733 * std::sqrt(std::fabs(*rot))));
  return *rot < 0 ? -m : m;
}

std::vector<std::string> to_lines(const std::vector<ArmouredPayload>& payloads, Rng& rng) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    // Half with tag blocks (station + receive time), half bare: gpsd must accept both.
    SentenceOptions o{.channel = rng.chance(0.5) ? 'A' : 'B', .sequence_id = static_cast<unsigned>(i % 10),
                      .group_id = static_cast<std::uint32_t>(i + 1)};
    if (i % 2 == 0) {
      o.rx_time = 1710028800000 + static_cast<std::int64_t>(i) * 1000;
      o.station = "TEST-STATION";
    }
    append_sentences(payloads[i], o, lines);
  }
  return lines;
}

// libais's six-bit table maps 31 to '-' and 39 to '`' where ITU-R M.1371 and gpsd have '_' and '\''
// (a known libais quirk, ../shared/docs/decoder-references.md item 5): compare through that table.
std::string as_libais_text(std::string text) {
  for (char& c : text) {
    if (c == '_') c = '-';
    if (c == '\'') c = '`';
  }
  return text;
}

double libais_rot(double raw) { return (raw < 0 ? -1 : 1) * (raw / 4.733) * (raw / 4.733); }

}  // namespace

TEST_CASE("types 1/2/3 decode identically in gpsd and libais", "[simulator][encoder][peer]") {
  Rng rng(0x5151);
  std::vector<ClassAPosition> msgs;
  for (int i = 0; i < kMessagesPerType; ++i) {
    msgs.push_back(ClassAPosition{
        .type = static_cast<std::uint8_t>(1 + i % 3),
        .repeat = static_cast<std::uint8_t>(rng.below(4)),
        .mmsi = random_mmsi(rng),
        .nav_status = static_cast<std::uint8_t>(rng.below(16)),
        .rot_deg_per_min = maybe(rng, rng.uniform(-700.0, 700.0)),
        .sog_kn = maybe(rng, rng.uniform(0.0, 102.2)),
        .position_accuracy_high = rng.chance(0.5),
        .lat_deg = maybe(rng, rng.uniform(-90.0, 90.0)),
        .lon_deg = maybe(rng, rng.uniform(-180.0, 180.0)),
        .cog_deg = maybe(rng, rng.uniform(0.0, 359.94)),
        .heading_deg = maybe(rng, static_cast<std::uint16_t>(rng.below(360))),
        .utc_second = maybe(rng, static_cast<std::uint8_t>(rng.below(60))),
        .maneuver = static_cast<std::uint8_t>(rng.below(3)),
        .raim = rng.chance(0.5),
        .radio_status = static_cast<std::uint32_t>(rng.below(1U << 19)),
    });
  }
  // Edges: the extreme positions and speeds, and everything "not available".
  msgs.push_back(ClassAPosition{.mmsi = 1, .rot_deg_per_min = 720.0, .sog_kn = 102.2, .lat_deg = -90.0, .lon_deg = -180.0, .cog_deg = 0.0, .heading_deg = 359, .utc_second = 59});
  msgs.push_back(ClassAPosition{.mmsi = 999999999, .rot_deg_per_min = -720.0, .sog_kn = 0.0, .lat_deg = 90.0, .lon_deg = 180.0});
  msgs.push_back(ClassAPosition{.mmsi = 273459120});

  std::vector<ArmouredPayload> payloads;
  for (const auto& m : msgs) payloads.push_back(encode(m));
  const auto gpsd = gpsdecode_unscaled(to_lines(payloads, rng));
  const auto libais = libais_decode(payloads);
  REQUIRE(gpsd.size() == msgs.size());
  REQUIRE(libais.size() == msgs.size());
  for (std::size_t i = 0; i < msgs.size(); ++i) {
    const auto& m = msgs[i];
    INFO("message " << i << ": " << payloads[i].text);
    const json& g = gpsd[i];
    CHECK(g["type"] == m.type);
    CHECK(g["repeat"] == m.repeat);
    CHECK(g["mmsi"] == m.mmsi);
    CHECK(g["status"] == m.nav_status);
    CHECK(g["turn"] == raw_rot(m.rot_deg_per_min));
    CHECK(g["speed"] == raw_sog(m.sog_kn));
    CHECK(g["accuracy"] == m.position_accuracy_high);
    CHECK(g["lon"] == raw_pos(m.lon_deg, 181));
    CHECK(g["lat"] == raw_pos(m.lat_deg, 91));
    CHECK(g["course"] == raw_cog(m.cog_deg));
    CHECK(g["heading"] == m.heading_deg.value_or(511));
    CHECK(g["second"] == m.utc_second.value_or(60));
    CHECK(g["maneuver"] == m.maneuver);
    CHECK(g["raim"] == m.raim);
    CHECK(g["radio"] == m.radio_status);

    const json& l = libais[i];
    REQUIRE_FALSE(l.contains("error"));
    CHECK(l["id"] == m.type);
    CHECK(l["mmsi"] == m.mmsi);
    CHECK(l["nav_status"] == m.nav_status);
    CHECK(l["x"].get<double>() == Approx(raw_pos(m.lon_deg, 181) / 600000.0).margin(1e-6));
    CHECK(l["y"].get<double>() == Approx(raw_pos(m.lat_deg, 91) / 600000.0).margin(1e-6));
    CHECK(l["sog"].get<double>() == Approx(raw_sog(m.sog_kn) / 10.0).margin(1e-4));
    CHECK(l["cog"].get<double>() == Approx(raw_cog(m.cog_deg) / 10.0).margin(1e-4));
    CHECK(l["true_heading"] == m.heading_deg.value_or(511));
    CHECK(l["timestamp"] == m.utc_second.value_or(60));
    if (m.rot_deg_per_min && raw_rot(m.rot_deg_per_min) != 0)
      CHECK(l["rot"].get<double>() == Approx(libais_rot(static_cast<double>(raw_rot(m.rot_deg_per_min)))).epsilon(1e-4));
  }
}

TEST_CASE("type 5 (two sentences) decodes identically in gpsd and libais", "[simulator][encoder][peer]") {
  Rng rng(0x5555);
  std::vector<StaticVoyageData> msgs;
  for (int i = 0; i < kMessagesPerType; ++i) {
    StaticVoyageData m{.repeat = static_cast<std::uint8_t>(rng.below(4)), .mmsi = random_mmsi(rng),
                       .ais_version = static_cast<std::uint8_t>(rng.below(3))};
    if (!rng.chance(0.1)) m.imo = static_cast<std::uint32_t>(rng.between(1000000, 9999999));
    m.callsign = random_text(rng, 7);
    m.name = random_text(rng, 20);
    m.ship_type = static_cast<std::uint8_t>(rng.below(100));
    m.dimensions = {static_cast<std::uint16_t>(rng.below(512)), static_cast<std::uint16_t>(rng.below(512)),
                    static_cast<std::uint8_t>(rng.below(64)), static_cast<std::uint8_t>(rng.below(64))};
    m.epfd = static_cast<std::uint8_t>(rng.below(9));
    if (!rng.chance(0.1))
      m.eta = {static_cast<std::uint8_t>(rng.between(1, 12)), static_cast<std::uint8_t>(rng.between(1, 31)),
               static_cast<std::uint8_t>(rng.below(24)), static_cast<std::uint8_t>(rng.below(60))};
    if (!rng.chance(0.1)) m.draught_m = rng.uniform(0.1, 25.5);
    m.destination = random_text(rng, 20);
    m.dte_not_ready = rng.chance(0.5);
    msgs.push_back(m);
  }
  msgs.push_back(StaticVoyageData{.mmsi = 273459120, .imo = 9161003, .callsign = "UBCD7", .name = "LADY R",
                                  .ship_type = 70, .draught_m = 25.5, .destination = "RAJIN"});

  std::vector<ArmouredPayload> payloads;
  for (const auto& m : msgs) {
    payloads.push_back(encode(m));
    REQUIRE(payloads.back().text.size() == 71);
    REQUIRE(payloads.back().fill_bits == 2);
  }
  const auto lines = to_lines(payloads, rng);
  REQUIRE(lines.size() == 2 * msgs.size());
  for (const auto& line : lines) CHECK(line.size() - line.find('!') <= 82);  // NMEA sentence length

  const auto gpsd = gpsdecode_unscaled(lines);
  const auto libais = libais_decode(payloads);
  REQUIRE(gpsd.size() == msgs.size());
  REQUIRE(libais.size() == msgs.size());
  for (std::size_t i = 0; i < msgs.size(); ++i) {
    const auto& m = msgs[i];
    INFO("message " << i << ": " << payloads[i].text);
    const json& g = gpsd[i];
    CHECK(g["type"] == 5);
    CHECK(g["mmsi"] == m.mmsi);
    CHECK(g["ais_version"] == m.ais_version);
    CHECK(g["imo"] == m.imo.value_or(0));
    CHECK(g["callsign"] == m.callsign);
    CHECK(g["shipname"] == m.name);
    CHECK(g["shiptype"] == m.ship_type);
    CHECK(g["to_bow"] == m.dimensions.to_bow_m);
    CHECK(g["to_stern"] == m.dimensions.to_stern_m);
    CHECK(g["to_port"] == m.dimensions.to_port_m);
    CHECK(g["to_starboard"] == m.dimensions.to_starboard_m);
    CHECK(g["epfd"] == m.epfd);
    char eta[32];
    std::snprintf(eta, sizeof eta, "%02u-%02uT%02u:%02uZ", m.eta.month, m.eta.day, m.eta.hour, m.eta.minute);
    CHECK(g["eta"] == eta);
    CHECK(g["draught"] == (m.draught_m ? std::llround(*m.draught_m * 10) : 0));
    CHECK(g["destination"] == m.destination);
    CHECK(g["dte"] == (m.dte_not_ready ? 1 : 0));

    const json& l = libais[i];
    REQUIRE_FALSE(l.contains("error"));
    CHECK(l["imo_num"] == m.imo.value_or(0));
    CHECK(trim_ais_text(l["callsign"]) == as_libais_text(m.callsign));
    CHECK(trim_ais_text(l["name"]) == as_libais_text(m.name));
    CHECK(trim_ais_text(l["destination"]) == as_libais_text(m.destination));
    CHECK(l["type_and_cargo"] == m.ship_type);
    CHECK(l["dim_a"] == m.dimensions.to_bow_m);
    CHECK(l["dim_d"] == m.dimensions.to_starboard_m);
    CHECK(l["eta_month"] == m.eta.month);
    CHECK(l["eta_minute"] == m.eta.minute);
    CHECK(l["draught"].get<double>() == Approx((m.draught_m ? std::llround(*m.draught_m * 10) : 0) / 10.0).margin(1e-4));
  }
}

TEST_CASE("types 18 and 19 (class B positions) decode identically in gpsd and libais", "[simulator][encoder][peer]") {
  Rng rng(0x1819);
  std::vector<ArmouredPayload> payloads;
  std::vector<ClassBPosition> b18;
  std::vector<ClassBExtendedPosition> b19;
  for (int i = 0; i < kMessagesPerType; ++i) {
    const auto sog = maybe(rng, rng.uniform(0.0, 102.2));
    const auto lat = maybe(rng, rng.uniform(-90.0, 90.0));
    const auto lon = maybe(rng, rng.uniform(-180.0, 180.0));
    const auto cog = maybe(rng, rng.uniform(0.0, 359.94));
    const auto heading = maybe(rng, static_cast<std::uint16_t>(rng.below(360)));
    const auto second = maybe(rng, static_cast<std::uint8_t>(rng.below(60)));
    if (i % 2 == 0) {
      b18.push_back(ClassBPosition{.mmsi = random_mmsi(rng), .sog_kn = sog, .position_accuracy_high = rng.chance(0.5),
                                   .lat_deg = lat, .lon_deg = lon, .cog_deg = cog, .heading_deg = heading,
                                   .utc_second = second, .carrier_sense_unit = rng.chance(0.5),
                                   .has_display = rng.chance(0.5), .has_dsc = rng.chance(0.5),
                                   .whole_band = rng.chance(0.5), .accepts_msg22 = rng.chance(0.5),
                                   .assigned_mode = rng.chance(0.5), .raim = rng.chance(0.5)});
      payloads.push_back(encode(b18.back()));
    } else {
      b19.push_back(ClassBExtendedPosition{
          .mmsi = random_mmsi(rng), .sog_kn = sog, .lat_deg = lat, .lon_deg = lon, .cog_deg = cog,
          .heading_deg = heading, .utc_second = second, .name = random_text(rng, 20),
          .ship_type = static_cast<std::uint8_t>(rng.below(100)),
          .dimensions = {static_cast<std::uint16_t>(rng.below(512)), static_cast<std::uint16_t>(rng.below(512)),
                         static_cast<std::uint8_t>(rng.below(64)), static_cast<std::uint8_t>(rng.below(64))},
          .epfd = static_cast<std::uint8_t>(rng.below(9)), .raim = rng.chance(0.5),
          .dte_not_ready = rng.chance(0.5), .assigned_mode = rng.chance(0.5)});
      payloads.push_back(encode(b19.back()));
    }
  }
  const auto gpsd = gpsdecode_unscaled(to_lines(payloads, rng));
  const auto libais = libais_decode(payloads);
  REQUIRE(gpsd.size() == payloads.size());
  REQUIRE(libais.size() == payloads.size());
  std::size_t i18 = 0, i19 = 0;
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    INFO("message " << i << ": " << payloads[i].text);
    const json& g = gpsd[i];
    const json& l = libais[i];
    REQUIRE_FALSE(l.contains("error"));
    auto check_kinematics = [&](const auto& m) {
      CHECK(g["mmsi"] == m.mmsi);
      CHECK(g["speed"] == raw_sog(m.sog_kn));
      CHECK(g["lon"] == raw_pos(m.lon_deg, 181));
      CHECK(g["lat"] == raw_pos(m.lat_deg, 91));
      CHECK(g["course"] == raw_cog(m.cog_deg));
      CHECK(g["heading"] == m.heading_deg.value_or(511));
      CHECK(g["second"] == m.utc_second.value_or(60));
      CHECK(l["mmsi"] == m.mmsi);
      CHECK(l["x"].get<double>() == Approx(raw_pos(m.lon_deg, 181) / 600000.0).margin(1e-6));
      CHECK(l["y"].get<double>() == Approx(raw_pos(m.lat_deg, 91) / 600000.0).margin(1e-6));
      CHECK(l["sog"].get<double>() == Approx(raw_sog(m.sog_kn) / 10.0).margin(1e-4));
      CHECK(l["true_heading"] == m.heading_deg.value_or(511));
    };
    if (i % 2 == 0) {
      const auto& m = b18[i18++];
      CHECK(g["type"] == 18);
      check_kinematics(m);
      CHECK(g["cs"] == m.carrier_sense_unit);
      CHECK(g["display"] == m.has_display);
      CHECK(g["dsc"] == m.has_dsc);
      CHECK(g["band"] == m.whole_band);
      CHECK(g["msg22"] == m.accepts_msg22);
      CHECK(g["raim"] == m.raim);
      CHECK(l["unit_flag"] == (m.carrier_sense_unit ? 1 : 0));
      CHECK(l["mode_flag"] == (m.assigned_mode ? 1 : 0));
    } else {
      const auto& m = b19[i19++];
      CHECK(g["type"] == 19);
      check_kinematics(m);
      CHECK(g["shipname"] == m.name);
      CHECK(g["shiptype"] == m.ship_type);
      CHECK(g["to_bow"] == m.dimensions.to_bow_m);
      CHECK(g["to_starboard"] == m.dimensions.to_starboard_m);
      CHECK(g["epfd"] == m.epfd);
      CHECK(g["raim"] == m.raim);
      CHECK(g["dte"] == (m.dte_not_ready ? 1 : 0));
      CHECK(g["assigned"] == m.assigned_mode);
      CHECK(trim_ais_text(l["name"]) == as_libais_text(m.name));
      CHECK(l["type_and_cargo"] == m.ship_type);
      CHECK(l["dim_b"] == m.dimensions.to_stern_m);
    }
  }
}

TEST_CASE("type 24 parts A and B decode identically in gpsd and libais", "[simulator][encoder][peer]") {
  Rng rng(0x2424);
  std::vector<ArmouredPayload> payloads;
  std::vector<ClassBStaticA> parts_a;
  std::vector<ClassBStaticB> parts_b;
  for (int i = 0; i < kMessagesPerType; ++i) {
    const auto mmsi = random_mmsi(rng);
    parts_a.push_back(ClassBStaticA{.repeat = static_cast<std::uint8_t>(rng.below(4)), .mmsi = mmsi, .name = random_text(rng, 20)});
    parts_b.push_back(ClassBStaticB{
        .mmsi = mmsi, .ship_type = static_cast<std::uint8_t>(rng.below(100)), .vendor_id = "SRT",
        .unit_model = static_cast<std::uint8_t>(rng.below(16)), .serial_number = static_cast<std::uint32_t>(rng.below(1U << 20)),
        .callsign = random_text(rng, 7),
        .dimensions = {static_cast<std::uint16_t>(rng.below(512)), static_cast<std::uint16_t>(rng.below(512)),
                       static_cast<std::uint8_t>(rng.below(64)), static_cast<std::uint8_t>(rng.below(64))}});
    payloads.push_back(encode(parts_a.back()));
    REQUIRE(payloads.back().fill_bits == 2);  // 160 bits
    payloads.push_back(encode(parts_b.back()));
  }
  const auto gpsd = gpsdecode_unscaled(to_lines(payloads, rng));
  const auto libais = libais_decode(payloads);
  REQUIRE(gpsd.size() == payloads.size());
  REQUIRE(libais.size() == payloads.size());
  for (std::size_t k = 0; k < parts_a.size(); ++k) {
    const auto& a = parts_a[k];
    const auto& b = parts_b[k];
    const json& ga = gpsd[2 * k];
    const json& gb = gpsd[2 * k + 1];
    INFO("pair " << k << ": " << payloads[2 * k].text << " " << payloads[2 * k + 1].text);
    CHECK(ga["type"] == 24);
    CHECK(ga["part"] == "A");
    CHECK(ga["mmsi"] == a.mmsi);
    CHECK(ga["shipname"] == a.name);
    CHECK(gb["type"] == 24);
    CHECK(gb["mmsi"] == b.mmsi);
    CHECK(gb["shiptype"] == b.ship_type);
    CHECK(gb["model"] == b.unit_model);
    CHECK(gb["serial"] == b.serial_number);
    CHECK(gb["callsign"] == b.callsign);
    CHECK(gb["to_bow"] == b.dimensions.to_bow_m);
    CHECK(gb["to_stern"] == b.dimensions.to_stern_m);
    CHECK(gb["to_port"] == b.dimensions.to_port_m);
    CHECK(gb["to_starboard"] == b.dimensions.to_starboard_m);
    // gpsd reads the vendor id as the older 7-character field; its first three characters are ours.
    CHECK(gb["vendorid"].get<std::string>().substr(0, 3) == b.vendor_id);

    const json& la = libais[2 * k];
    const json& lb = libais[2 * k + 1];
    REQUIRE_FALSE(la.contains("error"));
    REQUIRE_FALSE(lb.contains("error"));
    CHECK(la["part_num"] == 0);
    CHECK(trim_ais_text(la["name"]) == as_libais_text(a.name));
    CHECK(lb["part_num"] == 1);
    CHECK(lb["type_and_cargo"] == b.ship_type);
    CHECK(trim_ais_text(lb["callsign"]) == as_libais_text(b.callsign));
    CHECK(lb["dim_a"] == b.dimensions.to_bow_m);
    CHECK(lb["dim_c"] == b.dimensions.to_port_m);
  }
}

TEST_CASE("type 27 (long-range) decodes identically in gpsd and libais", "[simulator][encoder][peer]") {
  Rng rng(0x2727);
  std::vector<LongRangePosition> msgs;
  for (int i = 0; i < kMessagesPerType; ++i)
    msgs.push_back(LongRangePosition{.mmsi = random_mmsi(rng), .position_accuracy_high = rng.chance(0.5),
                                     .raim = rng.chance(0.5), .nav_status = static_cast<std::uint8_t>(rng.below(16)),
                                     .lat_deg = maybe(rng, rng.uniform(-90.0, 90.0)),
                                     .lon_deg = maybe(rng, rng.uniform(-180.0, 180.0)),
                                     .sog_kn = maybe(rng, rng.uniform(0.0, 62.4)),
                                     .cog_deg = maybe(rng, rng.uniform(0.0, 359.4))});
  std::vector<ArmouredPayload> payloads;
  for (const auto& m : msgs) payloads.push_back(encode(m));
  const auto gpsd = gpsdecode_unscaled(to_lines(payloads, rng));
  const auto libais = libais_decode(payloads);
  REQUIRE(gpsd.size() == msgs.size());
  REQUIRE(libais.size() == msgs.size());
  for (std::size_t i = 0; i < msgs.size(); ++i) {
    const auto& m = msgs[i];
    INFO("message " << i << ": " << payloads[i].text);
    const long long lon = std::llround((m.lon_deg ? *m.lon_deg : 181.0) * 600.0);
    const long long lat = std::llround((m.lat_deg ? *m.lat_deg : 91.0) * 600.0);
    const long long sog = m.sog_kn ? std::llround(*m.sog_kn) : 63;
    const long long cog = m.cog_deg ? std::llround(*m.cog_deg) % 360 : 511;
    const json& g = gpsd[i];
    CHECK(g["type"] == 27);
    CHECK(g["mmsi"] == m.mmsi);
    CHECK(g["status"] == m.nav_status);
    CHECK(g["accuracy"] == m.position_accuracy_high);
    CHECK(g["raim"] == m.raim);
    CHECK(g["lon"] == lon);
    CHECK(g["lat"] == lat);
    CHECK(g["speed"] == sog);
    CHECK(g["course"] == cog);
    const json& l = libais[i];
    REQUIRE_FALSE(l.contains("error"));
    CHECK(l["x"].get<double>() == Approx(lon / 600.0).margin(1e-6));
    CHECK(l["y"].get<double>() == Approx(lat / 600.0).margin(1e-6));
    CHECK(l["sog"] == sog);
    CHECK(l["cog"] == cog);
    CHECK(l["nav_status"] == m.nav_status);
  }
}
