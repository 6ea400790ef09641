// csv_reader.cpp — NOAA MarineCadastre and DMA aisdk rows -> PositionReport / StaticReport.
//
// Column meanings: NOAA "AIS data dictionary" (MarineCadastre.gov, 2022 daily files);
// DMA "aisdk" column list (Danish Maritime Authority, "Columns in *.csv file").
#include "aiswatch/ais/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "aiswatch/ais/mmsi.hpp"

namespace aiswatch::ais {
namespace {

using Column = CsvRowParser::Column;

struct HeaderName {
  std::string_view name;  // normalised: lower case, no '#', BOM or surrounding spaces
  Column column;
};

constexpr HeaderName kNoaaColumns[] = {
    {"mmsi", Column::mmsi},           {"basedatetime", Column::time},  {"lat", Column::lat},
    {"lon", Column::lon},             {"sog", Column::sog},            {"cog", Column::cog},
    {"heading", Column::heading},     {"vesselname", Column::name},    {"imo", Column::imo},
    {"callsign", Column::callsign},   {"vesseltype", Column::ship_type}, {"status", Column::nav_status},
    {"length", Column::length},       {"width", Column::width},        {"draft", Column::draught},
    {"transceiverclass", Column::transceiver},
};

constexpr HeaderName kDmaColumns[] = {
    {"timestamp", Column::time},        {"type of mobile", Column::transceiver}, {"mmsi", Column::mmsi},
    {"latitude", Column::lat},          {"longitude", Column::lon},   {"navigational status", Column::nav_status},
    {"rot", Column::rot},               {"sog", Column::sog},         {"cog", Column::cog},
    {"heading", Column::heading},       {"imo", Column::imo},         {"callsign", Column::callsign},
    {"name", Column::name},             {"ship type", Column::ship_type}, {"width", Column::width},
    {"length", Column::length},         {"draught", Column::draught}, {"destination", Column::destination},
    {"eta", Column::eta},               {"a", Column::to_bow},        {"b", Column::to_stern},
    {"c", Column::to_port},             {"d", Column::to_starboard},
};

// DMA navigational status texts -> ITU codes (15 "Unknown value" and anything unrecognised: nullopt).
constexpr std::pair<std::string_view, std::uint8_t> kDmaNavStatus[] = {
    {"under way using engine", 0}, {"at anchor", 1},
    {"not under command", 2},      {"restricted manoeuverability", 3},
    {"restricted maneuverability", 3}, {"constrained by her draught", 4},
    {"moored", 5},                 {"aground", 6},
    {"engaged in fishing", 7},     {"under way sailing", 8},
    {"reserved for future amendment [hsc]", 9}, {"reserved for future amendment [wig]", 10},
    {"power-driven vessel towing astern", 11},
    {"power-driven vessel pushing ahead or towing alongside", 12},
    {"reserved for future use", 13}, {"ais-sart is active", 14},
};

// DMA ship type categories -> the base ITU ship-and-cargo code of the category.
constexpr std::pair<std::string_view, std::uint8_t> kDmaShipType[] = {
    {"wig", 20},       {"fishing", 30},         {"towing", 31},     {"towing long/wide", 32},
    {"dredging", 33},  {"diving", 34},          {"military", 35},   {"sailing", 36},
    {"pleasure", 37},  {"hsc", 40},             {"pilot", 50},      {"sar", 51},
    {"tug", 52},       {"port tender", 53},     {"anti-pollution", 54}, {"law enforcement", 55},
    {"spare 1", 56},   {"spare 2", 57},         {"medical", 58},    {"not party to conflict", 59},
    {"passenger", 60}, {"cargo", 70},           {"tanker", 80},     {"other", 90},
};

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view lower_b) noexcept {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_b[i]) return false;
  }
  return true;
}

std::string normalise_header(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  while (!s.empty() && s.front() == '#') s.remove_prefix(1);
  s = trim(s);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> header_names(std::string_view line) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    names.push_back(normalise_header(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return names;
}

bool has_all(const std::vector<std::string>& names, std::initializer_list<std::string_view> wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](std::string_view w) {
    return std::find(names.begin(), names.end(), w) != names.end();
  });
}

std::optional<CsvFormat> detect(const std::vector<std::string>& names) {
  if (has_all(names, {"mmsi", "basedatetime", "lat", "lon"})) return CsvFormat::noaa_marinecadastre;
  if (has_all(names, {"timestamp", "mmsi", "latitude", "longitude"})) return CsvFormat::dma_aisdk;
  return std::nullopt;
}

// "Not available" words of the DMA export.
bool is_missing_word(std::string_view s) noexcept {
  return iequals(s, "unknown") || iequals(s, "undefined") || iequals(s, "unknown value") || iequals(s, "n/a");
}

// Numeric field: nullopt when empty or a missing-word; error when something else that is not a number.
enum class NumberState : std::uint8_t { missing, ok, bad };
NumberState to_double(std::string_view s, double& out) noexcept {
  s = trim(s);
  if (s.empty() || is_missing_word(s)) return NumberState::missing;
  if (s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(out)) return NumberState::bad;
  return NumberState::ok;
}

std::uint64_t fnv1a(std::string_view s) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h == 0 ? 1 : h;  // 0 means "no hash" to the tracker
}

// "YYYY-MM-DD[T ]HH:MM:SS" (NOAA) is ISO 8601; DMA is "dd/mm/yyyy HH:MM:SS".
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) noexcept {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

struct DayTime {
  int day, month, year, hour, minute, second;
};

std::optional<DayTime> parse_dma_datetime(std::string_view s) noexcept {
  DayTime t{};
  if (s.size() != 19 || s[2] != '/' || s[5] != '/' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  if (!digits(s, 0, 2, t.day) || !digits(s, 3, 2, t.month) || !digits(s, 6, 4, t.year) ||
      !digits(s, 11, 2, t.hour) || !digits(s, 14, 2, t.minute) || !digits(s, 17, 2, t.second))
    return std::nullopt;
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 || t.second > 60)
    return std::nullopt;
  return t;
}

std::optional<UnixMillis> parse_time(CsvFormat format, std::string_view s) {
  s = trim(s);
  if (format == CsvFormat::noaa_marinecadastre) return parse_iso8601(s);
  const auto t = parse_dma_datetime(s);
  if (!t) return std::nullopt;
  const std::int64_t days =
      days_from_civil(t->year, static_cast<unsigned>(t->month), static_cast<unsigned>(t->day));
  return ((days * 24 + t->hour) * 60 + t->minute) * 60'000LL + t->second * 1000LL;
}

template <class T>
std::optional<T> lookup(std::span<const std::pair<std::string_view, T>> table, std::string_view text) {
  for (const auto& [key, value] : table)
    if (iequals(text, key)) return value;
  return std::nullopt;
}

std::optional<std::string_view> text_or_missing(std::string_view s) noexcept {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

const char* to_string(CsvFormat format) noexcept {
  return format == CsvFormat::noaa_marinecadastre ? "noaa_marinecadastre" : "dma_aisdk";
}

const char* to_string(CsvRowError error) noexcept {
  switch (error) {
    case CsvRowError::wrong_field_count: return "wrong_field_count";
    case CsvRowError::unterminated_quote: return "unterminated_quote";
    case CsvRowError::line_too_long: return "line_too_long";
    case CsvRowError::bad_mmsi: return "bad_mmsi";
    case CsvRowError::bad_time: return "bad_time";
    case CsvRowError::bad_position: return "bad_position";
    case CsvRowError::bad_number: return "bad_number";
    case CsvRowError::count_: break;
  }
  return "bad_row";
}

std::optional<CsvFormat> detect_csv_format(std::string_view header_line) {
  return detect(header_names(header_line));
}

std::optional<CsvRowParser> CsvRowParser::from_header(std::string_view header_line) {
  const std::vector<std::string> names = header_names(header_line);
  const auto format = detect(names);
  if (!format) return std::nullopt;
  CsvRowParser p;
  p.format_ = *format;
  p.column_at_.fill(-1);
  p.header_fields_ = names.size();
  const std::span<const HeaderName> table =
      *format == CsvFormat::noaa_marinecadastre ? std::span<const HeaderName>(kNoaaColumns)
                                                : std::span<const HeaderName>(kDmaColumns);
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (const HeaderName& h : table)
      if (int& at = p.column_at_[static_cast<std::size_t>(h.column)]; names[i] == h.name && at < 0)
        at = static_cast<int>(i);
  }
  while (p.hash_skip_fields_ < names.size() && names[p.hash_skip_fields_].empty()) ++p.hash_skip_fields_;
  p.fields_.reserve(names.size() + 1);
  p.unquoted_.reserve(kMaxRowBytes);
  return p;
}

bool CsvRowParser::split(std::string_view line) {
  fields_.clear();
  unquoted_.clear();
  std::size_t i = 0;
  while (true) {
    if (i < line.size() && line[i] == '"') {
      // RFC 4180 quoted field: "" is a quote; copied into unquoted_, which never reallocates (reserved
      // to kMaxRowBytes and a row is never longer), so earlier views stay valid.
      const std::size_t start = unquoted_.size();
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            unquoted_.push_back('"');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        unquoted_.push_back(line[i++]);
      }
      if (!closed) return false;
      fields_.emplace_back(unquoted_.data() + start, unquoted_.size() - start);
      // Text between the closing quote and the comma is tolerated and dropped.
      const std::size_t comma = line.find(',', i);
      if (comma == std::string_view::npos) return true;
      i = comma + 1;
    } else {
      // A quote inside an unquoted field is literal (NOAA writes RAY "CHIEF" TONEY unquoted).
      const std::size_t comma = line.find(',', i);
      fields_.push_back(line.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
      if (comma == std::string_view::npos) return true;
      i = comma + 1;
    }
  }
}

Result<CsvRow, CsvRowError> CsvRowParser::parse(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() > kMaxRowBytes) return Failure{CsvRowError::line_too_long};
  if (!split(line)) return Failure{CsvRowError::unterminated_quote};
  if (fields_.size() != header_fields_) return Failure{CsvRowError::wrong_field_count};

  double number = 0;
  bool bad_number = false;
  // Optional numeric column: nullopt when missing, when `is_sentinel`, or when out of [lo, hi].
  auto optional_number = [&](Column c, double lo, double hi, double sentinel = NAN) -> std::optional<double> {
    switch (to_double(field(c), number)) {
      case NumberState::missing: return std::nullopt;
      case NumberState::bad: bad_number = true; return std::nullopt;
      case NumberState::ok: break;
    }
    if (number == sentinel || number < lo || number > hi) return std::nullopt;
    return number;
  };

  // MMSI and time are required.
  double mmsi_value = 0;
  if (to_double(field(Column::mmsi), mmsi_value) != NumberState::ok || mmsi_value < 0 || mmsi_value > kMaxAisMmsi ||
      mmsi_value != std::floor(mmsi_value))
    return Failure{CsvRowError::bad_mmsi};
  const auto mmsi_number = static_cast<std::uint32_t>(mmsi_value);
  const auto time = parse_time(format_, field(Column::time));
  if (!time) return Failure{CsvRowError::bad_time};

  // Position: lat 91 / lon 181 are AIS "not available"; other out-of-range values are bad rows.
  double lat = 0, lon = 0;
  const NumberState lat_state = to_double(field(Column::lat), lat);
  const NumberState lon_state = to_double(field(Column::lon), lon);
  if (lat_state == NumberState::bad || lon_state == NumberState::bad) return Failure{CsvRowError::bad_position};
  bool has_position = lat_state == NumberState::ok && lon_state == NumberState::ok;
  if (has_position && (lat == 91 || lon == 181)) has_position = false;
  if (has_position && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) return Failure{CsvRowError::bad_position};

  const std::size_t hash_from = [&] {
    std::size_t offset = 0;
    for (std::size_t k = 0; k < hash_skip_fields_; ++k) offset += fields_[k].size() + 1;
    return std::min(offset, line.size());
  }();
  const std::uint64_t row_hash = fnv1a(line.substr(hash_from));
  const InputKind input = format_ == CsvFormat::noaa_marinecadastre ? InputKind::noaa_csv : InputKind::dma_csv;
  const std::string_view transceiver = trim(field(Column::transceiver));
  const bool class_b = iequals(transceiver, "b") || iequals(transceiver, "class b");
  raw_ = RawRef{line, *time};

  CsvRow row;
  if (has_position) {
    PositionReport& p = row.position.emplace();
    p.mmsi = mmsi_number;
    p.time = *time;
    p.lat_deg = lat;
    p.lon_deg = lon;
    if (auto v = optional_number(Column::sog, 0, 102.2)) p.sog_kn = static_cast<float>(*v);
    if (auto v = optional_number(Column::cog, 0, 359.95)) p.cog_deg = static_cast<float>(*v);
    if (auto v = optional_number(Column::heading, 0, 359.5)) p.heading_deg = static_cast<std::uint16_t>(std::lround(*v));
    if (auto v = optional_number(Column::rot, -720, 720)) p.rot_deg_per_min = static_cast<float>(*v);
    if (format_ == CsvFormat::dma_aisdk) {
      const std::string_view s = trim(field(Column::nav_status));
      p.nav_status = lookup<std::uint8_t>(kDmaNavStatus, s);
    } else if (auto v = optional_number(Column::nav_status, 0, 14)) {
      p.nav_status = static_cast<std::uint8_t>(*v);
    }
    p.class_b = class_b;
    p.payload_hash = row_hash;
    p.input = input;
    p.raw = std::span<const RawRef>(&raw_, 1);
  }

  StaticReport s;
  s.mmsi = mmsi_number;
  s.time = *time;
  if (format_ == CsvFormat::dma_aisdk) {
    s.ship_type = lookup<std::uint8_t>(kDmaShipType, trim(field(Column::ship_type)));  // text categories
  } else if (auto v = optional_number(Column::ship_type, 1, 99)) {
    s.ship_type = static_cast<std::uint8_t>(*v);
  }

  std::string_view imo_text = trim(field(Column::imo));
  if (imo_text.size() > 3 && iequals(imo_text.substr(0, 3), "imo")) imo_text.remove_prefix(3);
  if (!imo_text.empty() && !is_missing_word(imo_text)) {
    std::uint32_t imo = 0;
    const auto [end, ec] = std::from_chars(imo_text.data(), imo_text.data() + imo_text.size(), imo);
    if (ec != std::errc() || end != imo_text.data() + imo_text.size()) return Failure{CsvRowError::bad_number};
    if (imo != 0) s.imo = imo;
  }
  s.name = text_or_missing(field(Column::name));
  s.callsign = text_or_missing(field(Column::callsign));
  s.destination = text_or_missing(field(Column::destination));
  if (auto v = optional_number(Column::draught, 0.1, 25.5)) s.draught_m = static_cast<float>(*v);
  if (auto v = optional_number(Column::length, 1, 1022)) s.length_m = static_cast<std::uint16_t>(std::lround(*v));
  if (auto v = optional_number(Column::width, 1, 126)) s.beam_m = static_cast<std::uint16_t>(std::lround(*v));
  if (auto v = optional_number(Column::to_bow, 0, 511)) s.to_bow_m = static_cast<std::uint16_t>(*v);
  if (auto v = optional_number(Column::to_stern, 0, 511)) s.to_stern_m = static_cast<std::uint16_t>(*v);
  if (auto v = optional_number(Column::to_port, 0, 63)) s.to_port_m = static_cast<std::uint8_t>(*v);
  if (auto v = optional_number(Column::to_starboard, 0, 63)) s.to_starboard_m = static_cast<std::uint8_t>(*v);
  if (const auto eta = parse_dma_datetime(trim(field(Column::eta)))) {
    s.eta = Eta{.month = static_cast<std::uint8_t>(eta->month), .day = static_cast<std::uint8_t>(eta->day),
                .hour = static_cast<std::uint8_t>(eta->hour), .minute = static_cast<std::uint8_t>(eta->minute)};
  }
  if (bad_number) return Failure{CsvRowError::bad_number};

  const bool has_identity = s.imo || s.name || s.callsign || s.destination || s.ship_type || s.draught_m ||
                            s.length_m || s.beam_m || s.to_bow_m || s.eta;
  if (has_identity) {
    s.class_b = class_b;
    s.payload_hash = fnv1a(line.substr(hash_from)) ^ 0x9E3779B97F4A7C15ULL;  // not the position's hash
    s.input = input;
    s.raw = std::span<const RawRef>(&raw_, 1);
    row.identity = s;
  }
  return row;
}

}  // namespace aiswatch::ais
