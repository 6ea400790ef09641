// gis_layers.cpp — see gis_layers.hpp. GDAL's C API; every GDAL failure is turned into a ReportError
// naming the file at this boundary.
#include "aiswatch/report/gis_layers.hpp"

#include <fmt/format.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>
#include <span>

#include "aiswatch/report/error.hpp"
#include "aiswatch/report/text_escape.hpp"
#include "gdal_util.hpp"

namespace aiswatch::report {

namespace {

enum class TextPolicy { plain, html, spreadsheet };

bool driver_usable(GDALDriverH d) {
  const char* vector = GDALGetMetadataItem(d, GDAL_DCAP_VECTOR, nullptr);
  const char* create = GDALGetMetadataItem(d, GDAL_DCAP_CREATE, nullptr);
  return vector && create && std::strcmp(vector, "YES") == 0 && std::strcmp(create, "YES") == 0;
}

// The driver's own name when it is one of its extensions (".geojson" rather than ".json"), else its
// main extension, else the name itself.
std::string extension_of(GDALDriverH d) {
  std::string name = GDALGetDriverShortName(d);
  std::erase_if(name, [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); });
  std::transform(name.begin(), name.end(), name.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  if (const char* exts = GDALGetMetadataItem(d, GDAL_DMD_EXTENSIONS, nullptr); exts && *exts) {
    std::string list = std::string(" ") + exts + " ";
    if (list.find(" " + name + " ") != std::string::npos) return name;
  }
  if (const char* ext = GDALGetMetadataItem(d, GDAL_DMD_EXTENSION, nullptr); ext && *ext) return ext;
  if (const char* exts = GDALGetMetadataItem(d, GDAL_DMD_EXTENSIONS, nullptr); exts && *exts) {
    std::string first(exts);
    return first.substr(0, first.find(' '));
  }
  return name;
}

bool has_datetime(GDALDriverH d) {
  const char* types = GDALGetMetadataItem(d, GDAL_DMD_CREATIONFIELDDATATYPES, nullptr);
  return types && std::strstr(types, "DateTime") != nullptr;
}

// Text for an attribute: valid UTF-8 without control characters, then the driver's policy.
std::string safe_text(std::string_view s, TextPolicy policy) {
  std::string clean;
  clean.reserve(s.size());
  for (const char ch : valid_utf8(s)) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) clean += "\xEF\xBF\xBD";
    else clean += ch;
  }
  switch (policy) {
    case TextPolicy::html: return html_escaped(clean);
    case TextPolicy::spreadsheet: return starts_like_formula(clean) ? "'" + clean : clean;
    case TextPolicy::plain: break;
  }
  return clean;
}

struct FieldSpec {
  const char* name;
  OGRFieldType type;
  OGRFieldSubType subtype = OFSTNone;
  int width = 0;
};

struct Output {
  GDALDatasetH ds = nullptr;
  OGRLayerH layer = nullptr;
  std::string path;
  bool datetime = false;
  TextPolicy policy = TextPolicy::plain;
};

class Writer {
 public:
  Writer(GDALDriverH driver, std::string path, const char* layer_name, OGRwkbGeometryType geometry,
         std::span<const FieldSpec> fields, std::vector<const char*> dataset_options,
         std::vector<const char*> layer_options) {
    CPLErrorReset();  // so a failure below reports its own message, not an older one
    out_.path = std::move(path);
    out_.datetime = has_datetime(driver);
    const std::string driver_name = GDALGetDriverShortName(driver);
    if (driver_name == "KML" || driver_name == "LIBKML") out_.policy = TextPolicy::html;
    if (driver_name == "CSV" || driver_name == "XLSX" || driver_name == "ODS") out_.policy = TextPolicy::spreadsheet;

    dataset_options.push_back(nullptr);
    layer_options.push_back(nullptr);
    out_.ds = GDALCreate(driver, out_.path.c_str(), 0, 0, 0, GDT_Unknown, const_cast<char**>(dataset_options.data()));
    if (!out_.ds) fail("cannot create");

    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    out_.layer = GDALDatasetCreateLayer(out_.ds, layer_name, srs, geometry, const_cast<char**>(layer_options.data()));
    OSRRelease(srs);
    if (!out_.layer) fail(fmt::format("cannot create layer {} in", layer_name));

    for (const FieldSpec& f : fields) {
      OGRFieldType type = f.type;
      if (type == OFTDateTime && !out_.datetime) type = OFTString;
      OGRFieldDefnH defn = OGR_Fld_Create(f.name, type);
      OGR_Fld_SetSubType(defn, f.subtype);
      if (f.width) OGR_Fld_SetWidth(defn, f.width);
      const OGRErr err = OGR_L_CreateField(out_.layer, defn, TRUE);
      OGR_Fld_Destroy(defn);
      if (err != OGRERR_NONE) fail(fmt::format("cannot create field {} in", f.name));
    }
    // Looked up by name: some drivers add fields of their own (KML's Name and Description) or reorder.
    OGRFeatureDefnH layer_defn = OGR_L_GetLayerDefn(out_.layer);
    for (const FieldSpec& f : fields) index_.push_back(OGR_FD_GetFieldIndex(layer_defn, f.name));
    // One transaction for all features (GeoPackage: seconds instead of minutes); unsupported is fine.
    in_transaction_ = GDALDatasetStartTransaction(out_.ds, FALSE) == OGRERR_NONE;
  }
  ~Writer() {
    if (out_.ds) GDALClose(out_.ds);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Builds one feature with `fill` and writes it.
  void add(const std::function<void(OGRFeatureH)>& fill) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(out_.layer));
    fill(f);
    const OGRErr err = OGR_L_CreateFeature(out_.layer, f);
    OGR_F_Destroy(f);
    if (err != OGRERR_NONE) fail("cannot write a feature to");
    ++features_;
  }

  // Setters take the position of the field in the FieldSpec list; a field the driver dropped is skipped.
  void set_text(OGRFeatureH f, int field, std::string_view s) const {
    const int i = index_[static_cast<std::size_t>(field)];
    if (i < 0) return;
    const std::string t = safe_text(s, out_.policy);
    OGR_F_SetFieldString(f, i, t.c_str());
  }
  void set_int(OGRFeatureH f, int field, std::optional<std::int64_t> v) const {
    const int i = index_[static_cast<std::size_t>(field)];
    if (i < 0) return;
    if (v) OGR_F_SetFieldInteger64(f, i, *v);
    else OGR_F_SetFieldNull(f, i);
  }
  void set_time(OGRFeatureH f, int field, UnixMillis t) const {
    const int i = index_[static_cast<std::size_t>(field)];
    if (i < 0) return;
    if (!out_.datetime) {
      OGR_F_SetFieldString(f, i, format_iso8601(t).c_str());
      return;
    }
    const std::int64_t days = t >= 0 ? t / 86'400'000 : -((-t + 86'399'999) / 86'400'000);
    const std::int64_t ms_of_day = t - days * 86'400'000;
    // civil_from_days (Howard Hinnant), the inverse of days_from_civil in time.hpp.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const auto year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
    const auto seconds = static_cast<float>(static_cast<double>(ms_of_day % 60'000) / 1000.0);
    OGR_F_SetFieldDateTimeEx(f, i, year, static_cast<int>(month), static_cast<int>(day),
                             static_cast<int>(ms_of_day / 3'600'000), static_cast<int>(ms_of_day / 60'000 % 60), seconds,
                             100 /* UTC */);
  }

  std::size_t features() const noexcept { return features_; }

  // Commits and closes; GDAL reports some write errors only here.
  void finish() {
    if (in_transaction_ && GDALDatasetCommitTransaction(out_.ds) != OGRERR_NONE) fail("cannot commit");
    CPLErrorReset();
    GDALClose(out_.ds);
    out_.ds = nullptr;
    if (CPLGetLastErrorType() >= CE_Failure) fail("cannot finish writing");
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    const char* msg = CPLGetLastErrorMsg();
    throw ReportError(fmt::format("GIS output: {} {}: {}", what, out_.path, msg && *msg ? msg : "GDAL reported no reason"));
  }

  Output out_;
  std::vector<int> index_;  // FieldSpec position -> layer field index (-1: not in the layer)
  bool in_transaction_ = false;
  std::size_t features_ = 0;
};

constexpr FieldSpec kTrackFields[] = {
    {"mmsi", OFTInteger}, {"name", OFTString},  {"segment", OFTInteger}, {"start", OFTDateTime},
    {"end", OFTDateTime}, {"points", OFTInteger}, {"title", OFTString}};
constexpr FieldSpec kEventFields[] = {
    {"id", OFTString},         {"type", OFTString},       {"mmsi", OFTInteger},    {"other_mmsi", OFTInteger},
    {"name", OFTString},       {"start", OFTDateTime},    {"end", OFTDateTime},    {"flagged", OFTInteger, OFSTBoolean},
    {"severity", OFTString},   {"zone", OFTString},       {"country", OFTString},  {"reasons", OFTString},
    {"title", OFTString}};

// A segment's points as lines in -180..180: cut where a step crosses the antimeridian.
std::vector<std::vector<TrackPoint>> split_at_antimeridian(std::span<const TrackPoint> points) {
  std::vector<std::vector<TrackPoint>> parts(1);
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i > 0 && std::fabs(points[i].lon_deg - points[i - 1].lon_deg) > 180.0) {
      const TrackPoint& a = points[i - 1];
      const TrackPoint& b = points[i];
      const double b_lon = b.lon_deg + (a.lon_deg > 0 ? 360.0 : -360.0);  // b in a's frame
      const double edge = a.lon_deg > 0 ? 180.0 : -180.0;
      const double f = (edge - a.lon_deg) / (b_lon - a.lon_deg);
      const double lat = a.lat_deg + f * (b.lat_deg - a.lat_deg);
      const UnixMillis t = a.time + static_cast<UnixMillis>(f * static_cast<double>(b.time - a.time));
      parts.back().push_back({.time = t, .lat_deg = lat, .lon_deg = edge, .segment = a.segment});
      parts.emplace_back();
      parts.back().push_back({.time = t, .lat_deg = lat, .lon_deg = -edge, .segment = a.segment});
    }
    parts.back().push_back(points[i]);
  }
  return parts;
}

}  // namespace

std::vector<std::string> gis_driver_names() {
  detail::ensure_gdal_registered();
  std::vector<std::string> names;
  for (int i = 0; i < GDALGetDriverCount(); ++i) {
    GDALDriverH d = GDALGetDriver(i);
    if (driver_usable(d)) names.emplace_back(GDALGetDriverShortName(d));
  }
  return names;
}

std::vector<std::filesystem::path> write_gis_layers(const ReportModel& model, const std::string& driver_name,
                                                    const std::filesystem::path& dir) {
  detail::ensure_gdal_registered();
  detail::GdalErrors errors;
  GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
  if (!driver || !driver_usable(driver)) {
    std::string usable;
    for (const auto& n : gis_driver_names()) usable += (usable.empty() ? "" : ", ") + n;
    throw ReportError(fmt::format("unknown GIS format '{}': use an OGR vector driver that can create files ({})",
                                  driver_name, usable));
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw ReportError(fmt::format("cannot create directory {}: {}", dir.string(), ec.message()));

  const std::string ext = extension_of(driver);
  const bool kml = driver_name == "KML";
  const bool csv = driver_name == "CSV";  // coordinates as X/Y (points) or WKT (lines) columns
  std::vector<std::filesystem::path> written;

  const auto prepare = [&](const std::string& stem) {
    const std::filesystem::path p = dir / (stem + "." + ext);
    // Replace an earlier report's layer (live mode refreshes it); Delete knows a format's sidecar files.
    if (std::filesystem::exists(p, ec)) {
      if (GDALDeleteDataset(driver, p.string().c_str()) != CE_None) std::filesystem::remove_all(p, ec);
    }
    written.push_back(p);
    return p.string();
  };

  {
    Writer w(driver, prepare("tracks"), "tracks", wkbLineString, kTrackFields,
             kml ? std::vector<const char*>{"NameField=title"} : std::vector<const char*>{},
             csv ? std::vector<const char*>{"GEOMETRY=AS_WKT"} : std::vector<const char*>{});
    for (const auto& v : model.vessels) {
      std::size_t begin = 0;
      while (begin < v.track.size()) {
        std::size_t end = begin + 1;
        while (end < v.track.size() && v.track[end].segment == v.track[begin].segment) ++end;
        const std::span<const TrackPoint> seg(v.track.data() + begin, end - begin);
        begin = end;
        if (seg.size() < 2) continue;  // one fix is not a line; it is still in the report's map
        for (const auto& part : split_at_antimeridian(seg)) {
          if (part.size() < 2) continue;
          w.add([&](OGRFeatureH f) {
            w.set_int(f, 0, v.mmsi);
            w.set_text(f, 1, v.identity.name);
            w.set_int(f, 2, part.front().segment);
            w.set_time(f, 3, part.front().time);
            w.set_time(f, 4, part.back().time);
            w.set_int(f, 5, static_cast<std::int64_t>(part.size()));
            w.set_text(f, 6, fmt::format("{} ({}) segment {}", v.identity.name, v.mmsi, part.front().segment));
            OGRGeometryH line = OGR_G_CreateGeometry(wkbLineString);
            for (const auto& p : part) OGR_G_AddPoint_2D(line, p.lon_deg, p.lat_deg);
            OGR_F_SetGeometryDirectly(f, line);
          });
        }
      }
    }
    w.finish();
  }
  {
    Writer w(driver, prepare("events"), "events", wkbPoint, kEventFields,
             kml ? std::vector<const char*>{"NameField=title", "DescriptionField=reasons"} : std::vector<const char*>{},
             csv ? std::vector<const char*>{"GEOMETRY=AS_XY"} : std::vector<const char*>{});
    for (const auto& e : model.events) {
      if (!e.lat || !e.lon || !std::isfinite(*e.lat) || !std::isfinite(*e.lon)) continue;
      w.add([&](OGRFeatureH f) {
        w.set_text(f, 0, e.id);
        w.set_text(f, 1, detectors::to_string(e.type));
        w.set_int(f, 2, e.mmsi);
        w.set_int(f, 3, e.other_mmsi ? std::optional<std::int64_t>(*e.other_mmsi) : std::nullopt);
        w.set_text(f, 4, e.name);
        w.set_time(f, 5, e.start);
        w.set_time(f, 6, e.end);
        w.set_int(f, 7, e.flagged ? 1 : 0);
        w.set_text(f, 8, detectors::to_string(e.severity));
        w.set_text(f, 9, e.zone);
        w.set_text(f, 10, e.zone_country);
        std::string reasons;
        for (const auto& r : e.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        w.set_text(f, 11, reasons);
        w.set_text(f, 12, fmt::format("{} \u2014 {} ({})", detectors::to_string(e.type), e.name, e.mmsi));
        OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(point, 0, *e.lon, *e.lat);
        OGR_F_SetGeometryDirectly(f, point);
      });
    }
    w.finish();
  }
  return written;
}

}  // namespace aiswatch::report
