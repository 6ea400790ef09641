// filters.cpp — --since/--until, --bbox, --mmsi: option parsing and the per-record tests.
#include "aiswatch/pipeline/filters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace aiswatch::pipeline {

namespace {

std::string_view trim(std::string_view s) noexcept {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::optional<double> parse_double(std::string_view s) noexcept {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

bool BoundingBox::contains(double lat_deg, double lon_deg) const noexcept {
  if (lat_deg < south_deg || lat_deg > north_deg) return false;
  if (west_deg <= east_deg) return lon_deg >= west_deg && lon_deg <= east_deg;
  return lon_deg >= west_deg || lon_deg <= east_deg;  // across the antimeridian
}

BoundingBox parse_bbox(std::string_view text) {
  std::vector<std::optional<double>> v;
  for (std::size_t start = 0;;) {
    const std::size_t comma = text.find(',', start);
    v.push_back(parse_double(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  const auto bad = [&](std::string_view why) {
    return OptionError(fmt::format("--bbox {}: {} (expected W,S,E,N in degrees, e.g. 124.0,37.5,131.0,43.0)", text, why));
  };
  if (v.size() != 4 || std::find(v.begin(), v.end(), std::nullopt) != v.end()) throw bad("not four numbers");
  const BoundingBox b{.west_deg = *v[0], .south_deg = *v[1], .east_deg = *v[2], .north_deg = *v[3]};
  if (std::fabs(b.west_deg) > 180 || std::fabs(b.east_deg) > 180) throw bad("longitudes must be within -180..180");
  if (std::fabs(b.south_deg) > 90 || std::fabs(b.north_deg) > 90) throw bad("latitudes must be within -90..90");
  if (b.south_deg > b.north_deg) throw bad("south is north of north");
  return b;
}

std::vector<std::uint32_t> parse_mmsi_list(std::string_view text) {
  std::vector<std::uint32_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ',' || text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] != ',' && text[j] != ' ') ++j;
    const std::string_view token = text.substr(i, j - i);
    std::uint32_t mmsi = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), mmsi);
    if (ec != std::errc() || end != token.data() + token.size() || mmsi == 0 || mmsi > 999'999'999)
      throw OptionError(fmt::format("--mmsi {}: '{}' is not an MMSI (1 to 9 digits)", text, token));
    out.push_back(mmsi);
    i = j;
  }
  if (out.empty()) throw OptionError(fmt::format("--mmsi '{}': no MMSI given", text));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

UnixMillis parse_time_option(std::string_view option, std::string_view text) {
  if (const auto t = parse_iso8601(trim(text))) return *t;
  throw OptionError(fmt::format("{} {}: not an ISO 8601 time (e.g. 2024-03-10 or 2024-03-10T06:00:00Z)", option, text));
}

ObservationFilter::ObservationFilter(FilterOptions options) : options_(std::move(options)) {}

bool ObservationFilter::keep_time_and_vessel(UnixMillis time, std::uint32_t mmsi) {
  if ((options_.since && time < *options_.since) || (options_.until && time >= *options_.until)) {
    ++stats_.outside_time;
    return false;
  }
  if (!options_.mmsis.empty() && !std::binary_search(options_.mmsis.begin(), options_.mmsis.end(), mmsi)) {
    ++stats_.other_mmsi;
    return false;
  }
  return true;
}

bool ObservationFilter::keep_position(const ais::PositionReport& p) {
  if (!keep_time_and_vessel(p.time, p.mmsi)) return false;
  if (options_.bbox) {
    if (!options_.bbox->contains(p.lat_deg, p.lon_deg)) {
      ++stats_.outside_bbox;
      return false;
    }
    if (p.mmsi != 0) seen_in_box_.insert_or_assign(p.mmsi, 1);
  }
  return true;
}

bool ObservationFilter::keep_identity(const ais::StaticReport& s) {
  if (!keep_time_and_vessel(s.time, s.mmsi)) return false;
  if (options_.bbox && (s.mmsi == 0 || !seen_in_box_.find(s.mmsi))) {
    ++stats_.outside_bbox;
    return false;
  }
  return true;
}

}  // namespace aiswatch::pipeline
