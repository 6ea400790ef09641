// message_json_test.cpp — write_message_json: one valid JSON object and '\n' per call, gpsd's names and
// formats (exact fixed-point numbers, gpsd's way of printing "not available"), rxtime when known, and
// attacker-controlled text escaped so it can never break out of its string.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/report/message_json.hpp"
#include "test_support.hpp"

using namespace aiswatch::ais;
using aiswatch::test::PayloadBuilder;
using nlohmann::json;

namespace {
std::string to_json(std::string_view payload, unsigned fill, std::optional<aiswatch::UnixMillis> rx = std::nullopt) {
  const auto r = decode_payload(payload, fill);
  REQUIRE(r.ok());
  AssembledSentence s;
  s.payload = payload;
  s.fill_bits = fill;
  s.rx_time = rx;
  fmt::memory_buffer out;
  aiswatch::report::write_message_json(*r, s, out);
  return std::string(out.data(), out.size());
}

// A class A report with every field chosen by the caller.
PayloadBuilder class_a(std::int64_t rot, unsigned sog, std::int64_t lon, std::int64_t lat, unsigned cog, unsigned heading) {
  PayloadBuilder p;
  p.u(1, 6).u(0, 2).u(244000001, 30).u(0, 4).s(rot, 8).u(sog, 10).u(0, 1).s(lon, 28).s(lat, 27).u(cog, 12).u(heading, 9);
  return p.resize(168);
}
}  // namespace

TEST_CASE("one object per message, newline-terminated, gpsd's header", "[messages][json]") {
  const std::string line = to_json("15RTgt0PAso;90TKcjM8h6g208CQ", 0);
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(line.rfind("{\"class\":\"AIS\",\"type\":1,\"repeat\":0,\"mmsi\":371798000,\"scaled\":true,", 0) == 0);
  const json j = json::parse(line);
  CHECK(j["lon"].get<double>() == Approx(-123.395383));
  CHECK(line.find("\"lon\":-123.395383,\"lat\":48.381633") != std::string::npos);  // gpsd's "%.6f"
  CHECK_FALSE(j.contains("rxtime"));
}

TEST_CASE("rxtime is ISO 8601 UTC when the input carried a receive time", "[messages][json]") {
  const json j = json::parse(to_json("15RTgt0PAso;90TKcjM8h6g208CQ", 0, 1541030400123));
  CHECK(j["rxtime"] == "2018-11-01T00:00:00.123Z");
  CHECK_FALSE(j.contains("timestamp"));  // gpsd's own timestamp belongs to types 4/11
}

TEST_CASE("not-available values are printed as gpsd prints them", "[messages][json][sentinel]") {
  const PayloadBuilder p = class_a(-128, 1023, 181 * 600000, 91 * 600000, 3600, 511);
  const std::string line = to_json(p.armoured(), p.fill_bits());
  CHECK(line.find("\"turn\":\"nan\",\"speed\":\"nan\"") != std::string::npos);
  CHECK(line.find("\"lon\":181.000000,\"lat\":91.000000,\"course\":360.0,\"heading\":511") != std::string::npos);

  const PayloadBuilder fast = class_a(127, 1022, 0, 0, 0, 0);
  CHECK(to_json(fast.armoured(), fast.fill_bits()).find("\"turn\":\"fastright\",\"speed\":\"fast\"") != std::string::npos);
}

TEST_CASE("rate of turn keeps its sign (ITU), unlike gpsd 3.22", "[messages][json]") {
  const PayloadBuilder left = class_a(-20, 0, 0, 0, 0, 0);  // (20 / 4.733)^2 = 17.86 -> 18 °/min
  CHECK(json::parse(to_json(left.armoured(), left.fill_bits()))["turn"] == -18);
  const PayloadBuilder right = class_a(20, 0, 0, 0, 0, 0);
  CHECK(json::parse(to_json(right.armoured(), right.fill_bits()))["turn"] == 18);
}

TEST_CASE("fixed-point values are exact, negative zero never appears", "[messages][json]") {
  // lon -1 (1/10000') is -0.0000016667°: "%.6f" gives -0.000002; lat 1 gives 0.000002.
  const PayloadBuilder tiny = class_a(0, 0, -1, 1, 1, 0);
  const std::string line = to_json(tiny.armoured(), tiny.fill_bits());
  CHECK(line.find("\"lon\":-0.000002,\"lat\":0.000002,\"course\":0.1") != std::string::npos);
  // The extremes of the 28/27-bit fields.
  const PayloadBuilder corners = class_a(0, 1021, -108000000, -54000000, 3599, 359);
  const std::string c = to_json(corners.armoured(), corners.fill_bits());
  CHECK(c.find("\"speed\":102.1") != std::string::npos);
  CHECK(c.find("\"lon\":-180.000000,\"lat\":-90.000000,\"course\":359.9,\"heading\":359") != std::string::npos);
}

TEST_CASE("quotes and backslashes in six-bit text are escaped", "[messages][json][escape]") {
  // Six-bit 34 is '"' and 28 is '\': a hostile name tries to close the string and add a key.
  PayloadBuilder p;
  p.u(14, 6).u(0, 2).u(366000001, 30).u(0, 2).text("\",\"MMSI\":1,\"X\":\"\\", 18);
  const std::string line = to_json(p.armoured(), p.fill_bits());
  const json j = json::parse(line);
  CHECK(j["text"] == "\",\"MMSI\":1,\"X\":\"\\");
  CHECK(j["mmsi"] == 366000001);
  CHECK(j.size() == 6);  // class, type, repeat, mmsi, scaled, text: nothing injected
}

TEST_CASE("every message of every corpus file is one parseable JSON line", "[messages][json]") {
  for (const char* file : {"ais/gpsd/sample.aivdm", "ais/gpsd/ais-nmea-type6-fid55.log", "ais/libais/test.aivdm",
                           "ais/libais/tagblock.nmea", "ais/pyais/timestamped.ais"}) {
    INFO(file);
    const std::string content = aiswatch::test::read_file(aiswatch::test::data_path(file));
    StreamDecoder decoder;
    fmt::memory_buffer out;
    std::size_t messages = 0, with_time = 0;
    std::size_t start = 0;
    while (start < content.size()) {
      const std::size_t end = std::min(content.find('\n', start), content.size());
      decoder.feed_line(std::string_view(content).substr(start, end - start),
                        [&](const AisMessage& m, const AssembledSentence& s) {
                          out.clear();
                          aiswatch::report::write_message_json(m, s, out);
                          const std::string line(out.data(), out.size());
                          REQUIRE(line.back() == '\n');
                          const json j = json::parse(line);
                          CHECK(j["type"] == m.type);
                          CHECK(j["mmsi"] == m.mmsi);
                          CHECK(j.contains("rxtime") == s.rx_time.has_value());
                          ++messages;
                          with_time += s.rx_time ? 1 : 0;
                        });
      start = end + 1;
    }
    CHECK(messages > 3);
    if (std::string_view(file).find("tagblock") != std::string_view::npos) CHECK(with_time == messages);
  }
}
