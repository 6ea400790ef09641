// "No allocation per message once warm": after one pass over a corpus file, a second pass through the
// same NmeaStream (framing, tag blocks, trailing fields, reassembly of interleaved multipart messages)
// allocates nothing. Counted with a replaced global operator new (for this test binary only).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "aiswatch/ais/nmea_stream.hpp"
#include "test_data.hpp"

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
// The nothrow forms too (Catch uses them): every form that pairs with the deletes below is replaced, so
// that ASan sees matching malloc/free.
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

TEST_CASE("a warm NmeaStream allocates nothing per line", "[nmea][alloc]") {
  const char* file = GENERATE("gpsd/ais-nmea-type6-fid55.log", "libais/tagblock.nmea", "pyais/mixed.txt",
                              "libais/test.aivdm", "gpsd/sample.aivdm");
  INFO(file);
  const std::vector<std::string> lines = aiswatch::test::read_lines(file);
  aiswatch::ais::NmeaStream stream;
  std::uint64_t first = 0, second = 0;
  for (const std::string& line : lines) first += stream.feed_line(line) != nullptr ? 1 : 0;

  const std::uint64_t before = g_allocations.load();
  for (const std::string& line : lines) second += stream.feed_line(line) != nullptr ? 1 : 0;
  const std::uint64_t allocated = g_allocations.load() - before;
  CHECK(allocated == 0);
  CHECK(second == first);
  CHECK(first > 0);
}
