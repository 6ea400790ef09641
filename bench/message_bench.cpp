// message_bench — single-thread speed of the payload decoder and the JSON writer alone (no framing):
// every AIS message of the repo's real corpora (tests/data/ais, ~3000 messages of all 27 types) is
// reassembled once, then decoded / written again and again. Framing + decode together over a 1.5 M-line
// file is decode_bench's job.
//
//   build/release/bench/message_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/nmea_stream.hpp"
#include "aiswatch/report/message_json.hpp"

namespace {

struct Payload {
  std::string armoured;
  unsigned fill_bits = 0;
};

const std::vector<Payload>& payloads() {
  static const std::vector<Payload> all = [] {
    std::vector<Payload> out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(AISWATCH_SOURCE_DIR "/tests/data/ais")) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && ext != ".chk" && ext != ".json" && ext != ".md") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      aiswatch::ais::NmeaStream stream;
      std::string line;
      while (std::getline(in, line))
        if (const auto* s = stream.feed_line(line)) out.push_back({std::string(s->payload), s->fill_bits});
    }
    return out;
  }();
  return all;
}

std::vector<aiswatch::ais::AisMessage> decoded_messages() {
  std::vector<aiswatch::ais::AisMessage> out;
  for (const auto& p : payloads())
    if (auto r = aiswatch::ais::decode_payload(p.armoured, p.fill_bits)) out.push_back(*r);
  return out;
}

void rate(benchmark::State& state, std::size_t per_pass) {
  state.counters["msgs/s"] =
      benchmark::Counter(static_cast<double>(per_pass) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_DecodePayload(benchmark::State& state) {
  const auto& in = payloads();
  for (auto _ : state) {
    std::uint64_t ok = 0;
    for (const auto& p : in) {
      auto r = aiswatch::ais::decode_payload(p.armoured, p.fill_bits);
      benchmark::DoNotOptimize(r);
      ok += r.ok() ? 1 : 0;
    }
    benchmark::DoNotOptimize(ok);
  }
  rate(state, in.size());
}
BENCHMARK(BM_DecodePayload)->Unit(benchmark::kMicrosecond);

void BM_WriteJson(benchmark::State& state) {
  const auto messages = decoded_messages();
  aiswatch::ais::AssembledSentence s;
  s.rx_time = 1541030400000;  // with rxtime, as for tag-blocked input
  fmt::memory_buffer out;
  for (auto _ : state) {
    out.clear();
    for (const auto& m : messages) aiswatch::report::write_message_json(m, s, out);
    benchmark::DoNotOptimize(out.data());
  }
  rate(state, messages.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(out.size()) * state.iterations());
}
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
