// test_files.hpp — helpers for the geo tests: a temporary directory, and zone files in any OGR format
// made from GeoJSON text with GDAL's own translator (so each format is written by GDAL, not by us).
#pragma once

#include <gdal_utils.h>
#include <gdal_priv.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace geo_test {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("aiswatch_geo_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// Converts a GeoJSON file to `driver` (e.g. "GPKG", "ESRI Shapefile", "KML") at `out`, with extra
// ogr2ogr-style arguments (e.g. {"-t_srs", "EPSG:32652"}).
inline std::filesystem::path translate(const std::filesystem::path& geojson, const std::filesystem::path& out,
                                       const std::string& driver, std::vector<std::string> extra = {}) {
  GDALAllRegister();
  std::vector<std::string> args{"-f", driver};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
  GDALDatasetH src = GDALOpenEx(geojson.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  if (!src || !options) throw std::runtime_error("test setup: cannot open " + geojson.string());
  int usage_error = 0;
  GDALDatasetH dst = GDALVectorTranslate(out.c_str(), nullptr, 1, &src, options, &usage_error);
  GDALVectorTranslateOptionsFree(options);
  GDALClose(src);
  if (!dst) throw std::runtime_error("test setup: cannot write " + out.string());
  GDALClose(dst);
  return out;
}

}  // namespace geo_test
