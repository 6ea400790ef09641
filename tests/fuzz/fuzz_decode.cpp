// fuzz_decode — libFuzzer target over the whole decode path: arbitrary bytes, split into lines, go
// through StreamDecoder (framing, tag blocks, trailing fields, $PGHP, reassembly, payload decoding) and,
// when the report library is built, the JSON writer. Any crash, sanitizer report or leak is a bug: bad
// input must only ever be counted. Until the payload decoder is in the tree (AISWATCH_FUZZ_DECODE unset
// by tests/fuzz/CMakeLists.txt) it fuzzes framing and reassembly (NmeaStream) alone.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_decode
//   tests/fuzz/run.sh build/fuzz 60
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aiswatch/ais/nmea_stream.hpp"
#ifdef AISWATCH_FUZZ_DECODE
#include "aiswatch/ais/stream_decoder.hpp"
#endif
#ifdef AISWATCH_FUZZ_JSON
#include <fmt/format.h>

#include "aiswatch/report/message_json.hpp"
#endif

namespace {

// Few pending slots and a short expiry, so that eviction and expiry paths run on small inputs too.
constexpr aiswatch::ais::ReassemblyLimits kLimits{.max_pending = 4, .max_age_ms = 5'000};

template <class FeedLine>
void for_each_line(std::string_view rest, FeedLine&& feed) {
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    feed(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aiswatch::ais;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::uint64_t seen = 0;
#ifdef AISWATCH_FUZZ_DECODE
  StreamDecoder decoder(kLimits);
#ifdef AISWATCH_FUZZ_JSON
  fmt::memory_buffer json;
#endif
  const auto on_message = [&](const AisMessage& msg, const AssembledSentence& s) {
    ++seen;
#ifdef AISWATCH_FUZZ_JSON
    json.clear();
    aiswatch::report::write_message_json(msg, s, json);
#else
    (void)msg;
    (void)s;
#endif
  };
  for_each_line(input, [&](std::string_view line) { decoder.feed_line(line, on_message); });
  decoder.finish();
  const DecodeStats& st = decoder.stats();
  // Invariants that must hold for any input.
  if (st.messages != seen || st.messages > st.assembled) __builtin_trap();
#else
  NmeaStream decoder(kLimits);
  for_each_line(input, [&](std::string_view line) {
    if (const AssembledSentence* s = decoder.feed_line(line)) {
      ++seen;
      if (s->raw.empty() || s->raw.size() > kMaxFragments || s->fill_bits > 5) __builtin_trap();
    }
  });
  decoder.finish();
  const DecodeStats& st = decoder.stats();
  if (st.assembled != seen) __builtin_trap();
#endif
  if (st.assembled > st.sentences || st.sentences > st.lines) __builtin_trap();
  return 0;
}
