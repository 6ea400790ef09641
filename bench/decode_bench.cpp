// decode_bench — single-thread throughput of the decode path over the ≥1.5 M-line corpus file that
// bench/make_corpus.sh writes (read into memory first; the timed loop splits lines with memchr, frames,
// checks checksums, reassembles and, in BM_Decode, decodes to structs).
//
//   bench/make_corpus.sh && build/release/bench/decode_bench
//   AISWATCH_BENCH_FILE=other.nmea build/release/bench/decode_bench --benchmark_filter=Decode
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "aiswatch/ais/nmea_stream.hpp"
#include "aiswatch/ais/stream_decoder.hpp"

namespace {

const std::string& corpus() {
  static const std::string text = [] {
    const char* env = std::getenv("AISWATCH_BENCH_FILE");
    const std::string path = env != nullptr ? env : AISWATCH_SOURCE_DIR "/build/bench/big.nmea";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    if (in) s << in.rdbuf();
    return s.str();
  }();
  return text;
}

// Calls f(line) for every '\n'-terminated line of `text` (the last one too when it has no newline).
template <class F>
void for_each_line(std::string_view text, F&& f) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    const char* stop = nl != nullptr ? nl : end;
    f(std::string_view(p, static_cast<std::size_t>(stop - p)));
    p = stop + 1;
  }
}

void set_counters(benchmark::State& state, const aiswatch::ais::DecodeStats& st, std::uint64_t per_pass) {
  const double passes = static_cast<double>(state.iterations());
  state.counters["msgs/s"] = benchmark::Counter(static_cast<double>(per_pass) * passes, benchmark::Counter::kIsRate);
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(st.lines) * passes, benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(corpus().size()) * state.iterations());
}

// Framing + checksum + tag blocks/trailing fields + reassembly, payloads not decoded.
void BM_Framing(benchmark::State& state) {
  if (corpus().empty()) return state.SkipWithError("no corpus: run bench/make_corpus.sh (or set AISWATCH_BENCH_FILE)");
  aiswatch::ais::DecodeStats last;
  for (auto _ : state) {
    aiswatch::ais::NmeaStream stream;
    std::uint64_t payload_bytes = 0;
    for_each_line(corpus(), [&](std::string_view line) {
      if (const auto* s = stream.feed_line(line)) payload_bytes += s->payload.size();
    });
    stream.finish();
    benchmark::DoNotOptimize(payload_bytes);
    last = stream.stats();
  }
  set_counters(state, last, last.assembled);
}
BENCHMARK(BM_Framing)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The whole path to typed structs: what `aiswatch decode` does before writing JSON.
void BM_Decode(benchmark::State& state) {
  if (corpus().empty()) return state.SkipWithError("no corpus: run bench/make_corpus.sh (or set AISWATCH_BENCH_FILE)");
  aiswatch::ais::DecodeStats last;
  for (auto _ : state) {
    aiswatch::ais::StreamDecoder decoder;
    std::uint64_t seen = 0;
    for_each_line(corpus(), [&](std::string_view line) {
      decoder.feed_line(line, [&](const aiswatch::ais::AisMessage& msg, const aiswatch::ais::AssembledSentence&) {
        benchmark::DoNotOptimize(&msg);
        ++seen;
      });
    });
    decoder.finish();
    benchmark::DoNotOptimize(seen);
    last = decoder.stats();
  }
  set_counters(state, last, last.messages);
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
