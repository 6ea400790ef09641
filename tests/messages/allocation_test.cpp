// "No allocation in decode": decode_payload allocates nothing at all, and write_message_json nothing
// once its output buffer has grown. Counted with a replaced global operator new (this binary only).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "aiswatch/ais/decode.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/report/message_json.hpp"
#include "test_support.hpp"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return ::operator new(size, tag); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

TEST_CASE("decoding and writing JSON allocate nothing per message", "[messages][alloc]") {
  using namespace aiswatch::ais;
  // Every payload of sample.aivdm (all 27 types) collected first, so the loop below only decodes.
  const std::string content = aiswatch::test::read_file(aiswatch::test::data_path("ais/gpsd/sample.aivdm"));
  struct Item {
    std::string payload;
    unsigned fill;
    AssembledSentence sentence;
  };
  std::vector<Item> items;
  StreamDecoder decoder;
  std::size_t start = 0;
  while (start < content.size()) {
    const std::size_t end = std::min(content.find('\n', start), content.size());
    decoder.feed_line(std::string_view(content).substr(start, end - start),
                      [&](const AisMessage&, const AssembledSentence& s) {
                        items.push_back({std::string(s.payload), s.fill_bits, AssembledSentence{}});
                        items.back().sentence.rx_time = 1541030400000;  // exercise rxtime too
                      });
    start = end + 1;
  }
  REQUIRE(items.size() > 100);
  for (auto& item : items) item.sentence.payload = item.payload;

  fmt::memory_buffer out;
  out.reserve(1 << 20);  // grown once, as `aiswatch decode` keeps its buffer
  const std::uint64_t before = g_allocations.load();
  std::size_t decoded = 0;
  for (const auto& item : items) {
    const auto r = decode_payload(item.payload, item.fill);
    if (!r) continue;
    ++decoded;
    aiswatch::report::write_message_json(*r, item.sentence, out);
  }
  const std::uint64_t allocated = g_allocations.load() - before;
  CHECK(allocated == 0);
  CHECK(decoded == items.size());
  CHECK(out.size() > 10000);
}
