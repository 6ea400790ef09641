// watchlist_bench — loading the bundled OFAC SDN vessel rows and matching identities against them.
//   build/<dir>/bench/watchlist_bench [--benchmark_filter=Load]
// "FullSize" loads a synthetic file the size of Treasury's whole sdn.csv (~18k rows, ~4.5 MB): the
// 851 real vessel rows followed by copies of them re-typed "individual", which the importer parses
// and then skips, as it does people and companies in the real file.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "aiswatch/watchlists/index.hpp"
#include "aiswatch/watchlists/load.hpp"

namespace wl = aiswatch::watchlists;

namespace {

const std::string kSdnPath = AISWATCH_SOURCE_DIR "/watchlists/data/ofac_sdn_vessels_20240503.csv";
const std::string kAltPath = AISWATCH_SOURCE_DIR "/watchlists/data/ofac_alt_vessel_aliases_excerpt.csv";

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string full_size_sdn() {
  const std::string real = read_bytes(kSdnPath);
  std::string out = real;
  std::string people = real;
  for (std::size_t at = 0; (at = people.find("\"vessel\"", at)) != std::string::npos;) people.replace(at, 8, "\"individual\"");
  while (out.size() < 4'500'000) out += people;
  return out;
}

wl::LoadedWatchlist load_text(const std::string& text) {
  wl::WatchlistLoader loader;
  loader.add_text(text, "sdn.csv");
  return loader.finish();
}

void LoadOfacSdnFromMemory(benchmark::State& state) {
  const std::string text = read_bytes(kSdnPath);
  for (auto _ : state) benchmark::DoNotOptimize(load_text(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["rows"] = benchmark::Counter(851.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(LoadOfacSdnFromMemory)->Unit(benchmark::kMillisecond);

void LoadOfacSdnAndAltFiles(benchmark::State& state) {
  for (auto _ : state) {
    wl::WatchlistLoader loader;
    loader.add_file(kSdnPath);
    loader.add_file(kAltPath);
    benchmark::DoNotOptimize(loader.finish());
  }
}
BENCHMARK(LoadOfacSdnAndAltFiles)->Unit(benchmark::kMillisecond);

void LoadFullSizeSdn(benchmark::State& state) {
  const std::string text = full_size_sdn();
  for (auto _ : state) benchmark::DoNotOptimize(load_text(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(LoadFullSizeSdn)->Unit(benchmark::kMillisecond);

void BuildIndex(benchmark::State& state) {
  const wl::LoadedWatchlist loaded = load_text(read_bytes(kSdnPath));
  for (auto _ : state) benchmark::DoNotOptimize(wl::WatchlistIndex(loaded.entries));
}
BENCHMARK(BuildIndex)->Unit(benchmark::kMicrosecond);

void Match(benchmark::State& state, wl::VesselIdentity vessel) {
  const wl::WatchlistIndex index(load_text(read_bytes(kSdnPath)).entries);
  for (auto _ : state) benchmark::DoNotOptimize(index.match(vessel));
}
BENCHMARK_CAPTURE(Match, imo_hit, wl::VesselIdentity{.mmsi = 273999999, .imo = 9179842, .name = "ANGARA"});
BENCHMARK_CAPTURE(Match, miss, wl::VesselIdentity{.mmsi = 244123456, .imo = 9300013, .name = "NORDIC STAR",
                                                  .callsign = "PBXY"});
BENCHMARK_CAPTURE(Match, mmsi_only_miss, wl::VesselIdentity{.mmsi = 244123456});
BENCHMARK_CAPTURE(Match, multi_program_name, wl::VesselIdentity{.mmsi = 375311000, .name = "ST. VITAMIN"});

}  // namespace

BENCHMARK_MAIN();
