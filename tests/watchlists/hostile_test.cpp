// Hostile and random damage to every format: loading either throws WatchlistError or returns, and
// what it returns keeps its promises (UTF-8 text, printable issue messages). Run under ASan+UBSan too.
#include <catch2/catch.hpp>

#include <random>

#include "aiswatch/watchlists/index.hpp"
#include "aiswatch/watchlists/load.hpp"
#include "watchlist_files.hpp"

using namespace aiswatch::watchlists;

namespace {

bool valid_utf8(const std::string& s) {
  // Independent of the library's own check: decode with the standard rules.
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

void check_loaded(const std::string& text) {
  LoadedWatchlist wl;
  try {
    wl = wl_test::load_text(text, "damaged");
  } catch (const WatchlistError&) {
    return;  // unusable: a clear error is the expected outcome
  }
  for (const WatchlistEntry& e : wl.entries) {
    CHECK(valid_utf8(e.name));
    for (const EntryAlias& a : e.aliases) CHECK(valid_utf8(a.name));
    for (const std::string& c : e.callsigns) CHECK(valid_utf8(c));
    CHECK((!e.name.empty() || e.imo || e.mmsi));
  }
  for (const LoadIssue& i : wl.report.issues) {
    for (const char c : i.detail) CHECK((c >= 0x20 && c < 0x7F));
  }
  const WatchlistIndex index(std::move(wl.entries));
  for (const WatchlistEntry& e : index.entries()) (void)index.match({.imo = e.imo, .name = e.name});
}

}  // namespace

TEST_CASE("random byte damage to every format", "[watchlists][hostile]") {
  std::string sdn;
  const auto lines = wl_test::lines_of(wl_test::read_bytes(wl_test::kOfacSdn));
  for (std::size_t i = 0; i < 40; ++i) sdn += lines[i] + "\r\n";
  const std::string source = GENERATE_COPY(values<std::string>({sdn, wl_test::read_bytes(wl_test::kOfacAlt),
                                                                wl_test::read_bytes(wl_test::kUk),
                                                                wl_test::read_bytes(wl_test::kUn),
                                                                wl_test::read_bytes(wl_test::kFtm),
                                                                wl_test::read_bytes(wl_test::kTeam)}));
  std::mt19937 rng(20240503);
  std::uniform_int_distribution<std::size_t> pos(0, source.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  using namespace std::string_literals;
  const std::string specials = "\",\r\n<>&;'{}[]\\\x00\x1A\xFF\xC3"s;  // with its NUL
  for (int round = 0; round < 300; ++round) {
    std::string damaged = source;
    const int edits = 1 + round % 4;
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = pos(rng);
      damaged[at] = round % 2 ? static_cast<char>(byte(rng)) : specials[static_cast<std::size_t>(byte(rng)) % specials.size()];
    }
    check_loaded(damaged);
    check_loaded(source.substr(0, pos(rng)));  // cut anywhere
  }
}

TEST_CASE("pathological inputs", "[watchlists][hostile]") {
  check_loaded(std::string(100000, '"'));
  check_loaded("imo,name\n" + std::string(200000, 'A') + ",X\n");
  check_loaded("{\"schema\": \"Vessel\", \"id\": \"x\", \"properties\": {\"name\": [" + std::string(50000, '[') + "\n");
  std::string deep = "<CONSOLIDATED_LIST>";
  for (int i = 0; i < 20000; ++i) deep += "<ENTITY>";
  check_loaded(deep);
  check_loaded("<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>&#xD800;&#1114112;&#0;&bogus;&amp</FIRST_NAME>"
               "<COMMENTS1>IMO 9300013</COMMENTS1></ENTITY></ENTITIES></CONSOLIDATED_LIST>");
  check_loaded("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>");
  check_loaded(std::string("4238,\"MAR AZUL\",\"vessel\",\"CUBA\",-0- ,\"CL2192\",\"Tug\",-0- ,\"212\",\"Cuba\",-0- ,\"") +
               std::string(300000, ';') + "\"\r\n");
}

TEST_CASE("issue messages stay printable when the markup itself is hostile", "[watchlists][hostile]") {
  const LoadedWatchlist wl = wl_test::load_text(
      "<CONSOLIDATED_LIST><ENTITIES><ENTITY\xC3\xA9\x1B[31m attr=\"x", "evil.xml");
  REQUIRE(wl.report.issues.size() == 1);
  CHECK(wl.report.issues[0].problem == LoadProblem::bad_xml);
  for (const char c : to_string(wl.report.issues[0])) CHECK((c >= 0x20 && c < 0x7F));
}
