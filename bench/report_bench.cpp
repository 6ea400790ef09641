// report_bench — how fast the report outputs are written: events as JSON lines and CSV (events/s), and a
// whole report directory (HTML with maps, JSON lines, CSV, GeoPackage layers) for 1,000 vessels and
// 100,000 events. Synthetic data, deterministic (fixed seed); land from the bundled Natural Earth layer.
//
//   build/release/bench/report_bench                       # all
//   build/release/bench/report_bench --benchmark_filter=WriteReport
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "aiswatch/report/event_csv.hpp"
#include "aiswatch/report/event_json.hpp"
#include "aiswatch/report/report_writer.hpp"

namespace {

using namespace aiswatch;
using namespace aiswatch::report;

detectors::Event synthetic_event(std::mt19937& rng, std::uint32_t mmsi, UnixMillis start, bool flagged) {
  std::uniform_real_distribution<double> jitter(-0.5, 0.5);
  detectors::Event e;
  e.type = static_cast<detectors::EventType>(rng() % 10);
  e.mmsi = mmsi;
  if (e.type == detectors::EventType::encounter || e.type == detectors::EventType::dark_transfer) e.other_mmsi = mmsi + 1;
  e.imo = 9179842;
  e.name = fmt::format("VESSEL {}", mmsi % 1000);
  e.callsign = "UBCT8";
  e.flag = "RU";
  e.start = start;
  e.end = start + 3'600'000;
  e.lat = 38 + jitter(rng) * 6;
  e.lon = 128 + jitter(rng) * 8;
  e.zone = "Rajin";
  e.zone_country = "KP";
  e.flagged = flagged;
  e.severity = flagged ? detectors::Severity::high : detectors::Severity::info;
  e.reasons = {"port call at Rajin (KP)", "AIS off for 14.5 h before arrival"};
  e.add_evidence("gap_hours", 14.5);
  e.add_evidence("draught_before_m", 8.9);
  e.add_evidence("messages", std::int64_t{42});
  e.raw = {{"!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24", start},
           {"!AIVDM,1,1,,B,13u?etP000Pn:JFPw1?hO?vN0<0g,0*6B", start + 60'000}};
  e.id = detectors::make_event_id(e);
  return e;
}

// `vessels` vessels with `points` track points each (a segment break every 200 points), `events` events
// spread over them; every 10th event flagged, on a third of the vessels.
ReportModel synthetic_model(std::size_t vessels, std::size_t points, std::size_t events) {
  std::mt19937 rng(42);
  std::normal_distribution<double> step(0, 0.01);
  ReportModel m;
  m.run.aiswatch_version = "bench";
  const UnixMillis t0 = 1'541'030'400'000;
  for (std::size_t v = 0; v < vessels; ++v) {
    VesselDossier d{.mmsi = static_cast<std::uint32_t>(273'000'000 + v), .identity = {.name = fmt::format("VESSEL {}", v)}};
    double lat = 34 + static_cast<double>(v % 40) * 0.25, lon = 122 + static_cast<double>(v / 40) * 0.4;
    for (std::size_t i = 0; i < points; ++i) {
      lat += step(rng);
      lon += step(rng) + 0.005;
      d.track.push_back({.time = t0 + static_cast<UnixMillis>(i) * 60'000, .lat_deg = lat, .lon_deg = lon,
                         .segment = static_cast<std::uint32_t>(i / 200)});
    }
    d.positions_total = points * 10;
    m.vessels.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < events; ++i) {
    const bool flagged = i % 10 == 0;
    const std::size_t vessel = flagged ? (i / 10) % (vessels / 3) : i % vessels;
    m.events.push_back(synthetic_event(rng, static_cast<std::uint32_t>(273'000'000 + vessel),
                                       t0 + static_cast<UnixMillis>(i) * 1000, flagged));
  }
  return m;
}

void BM_EventJson(benchmark::State& state) {
  const ReportModel m = synthetic_model(10, 10, 10'000);
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const auto& e : m.events) write_event_json(e, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * m.events.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_EventJson)->Unit(benchmark::kMillisecond);

void BM_EventCsv(benchmark::State& state) {
  const ReportModel m = synthetic_model(10, 10, 10'000);
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const auto& e : m.events) write_event_csv(e, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * m.events.size()));
}
BENCHMARK(BM_EventCsv)->Unit(benchmark::kMillisecond);

// The whole directory for 1,000 vessels × 500 points and 100,000 events (10,000 flagged on 333 vessels,
// so 300 dossiers with maps — the default cap).
void BM_WriteReport(benchmark::State& state) {
  const ReportModel m = synthetic_model(1000, 500, 100'000);
  const LandOutlines land = LandOutlines::load(LandOutlines::default_file());
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "aiswatch-report-bench";
  ReportOptions options;
  options.gis_format = state.range(0) ? "GPKG" : "";
  options.land = &land;
  for (auto _ : state) write_report(m, options, dir);
  std::uintmax_t bytes = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir))
    if (f.is_regular_file()) bytes += f.file_size();
  state.counters["output_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["html_MB"] = static_cast<double>(std::filesystem::file_size(dir / "index.html")) / 1e6;
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_WriteReport)->Arg(0)->Arg(1)->ArgName("gpkg")->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
