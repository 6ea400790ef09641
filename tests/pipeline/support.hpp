// support.hpp — shared pieces of the pipeline tests: bundled resources loaded once, a temp directory,
// file helpers, and events converted for the simulator's truth check.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aiswatch/pipeline/resources.hpp"
#include "aiswatch/simulator/truth_check.hpp"

namespace aiswatch::pipeline::test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return fs::path(AISWATCH_SOURCE_DIR); }
inline fs::path demo_log() { return source_dir() / "samples" / "demo" / "demo.nmea.gz"; }
inline fs::path demo_truth() { return source_dir() / "samples" / "demo" / "demo.truth.json"; }
inline fs::path ofac_list() { return source_dir() / "watchlists" / "data" / "ofac_sdn_vessels_20240503.csv"; }
inline fs::path yeosu_zone() { return source_dir() / "samples" / "scenarios" / "zones" / "yeosu_watch_area.geojson"; }
inline fs::path noaa_sample() {
  return source_dir() / "samples" / "data" / "noaa_marinecadastre_AIS_2022_01_03_first99999.csv.gz";
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const fs::path& p, std::string_view text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The demo's inputs (OFAC list + the Yeosu watch zone), loaded once per test binary.
inline const Resources& demo_resources() {
  static const Resources r = Resources::load({.watchlists = {ofac_list()}, .zone_files = {yeosu_zone()}});
  return r;
}
inline const Resources& bare_resources() {
  static const Resources r = Resources::load({});
  return r;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "aiswatch-pipeline-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace aiswatch::pipeline::test
