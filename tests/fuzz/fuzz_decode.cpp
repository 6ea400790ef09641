// fuzz_decode — libFuzzer target over the whole decode path: arbitrary bytes, split into lines, go
// through StreamDecoder (framing, tag blocks, trailing fields, $PGHP, reassembly, payload decoding) and
// the JSON writer. Any crash, sanitizer report or leak is a bug: bad input must only ever be counted.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_decode
//   tests/fuzz/run.sh build/fuzz 60
#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/report/message_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aiswatch::ais;
  // Few pending slots and a short expiry, so that eviction and expiry paths run on small inputs too.
  StreamDecoder decoder(ReassemblyLimits{.max_pending = 4, .max_age_ms = 5'000});
  fmt::memory_buffer json;
  std::uint64_t seen = 0;
  const auto on_message = [&](const AisMessage& msg, const AssembledSentence& s) {
    ++seen;
    if (s.raw.empty() || s.raw.size() > kMaxFragments || s.fill_bits > 5) __builtin_trap();
    json.clear();
    aiswatch::report::write_message_json(msg, s, json);
  };

  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    decoder.feed_line(rest.substr(0, nl), on_message);
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  decoder.finish();

  // Invariants that must hold for any input.
  const DecodeStats& st = decoder.stats();
  if (st.messages != seen || st.messages > st.assembled || st.assembled > st.sentences || st.sentences > st.lines)
    __builtin_trap();
  return 0;
}
