// report_writer.cpp — see report_writer.hpp.
#include "aiswatch/report/report_writer.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "aiswatch/report/error.hpp"
#include "aiswatch/report/event_csv.hpp"
#include "aiswatch/report/event_json.hpp"
#include "aiswatch/report/gis_layers.hpp"
#include "aiswatch/report/ranking.hpp"

namespace aiswatch::report {

void write_file_atomically(const std::filesystem::path& file, std::string_view content) {
  const std::filesystem::path tmp = file.string() + fmt::format(".tmp{}", ::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw ReportError(fmt::format("cannot write {}: {}", file.string(), std::strerror(errno)));
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int saved_errno = errno;
  if (std::fclose(f) != 0 || !written) {
    std::remove(tmp.c_str());
    throw ReportError(fmt::format("cannot write {}: {}", file.string(), std::strerror(written ? errno : saved_errno)));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    throw ReportError(fmt::format("cannot write {}: {}", file.string(), ec.message()));
  }
}

namespace {

// Replaces dir/gis as a whole: the new layers are written beside it, then swapped in.
std::vector<std::filesystem::path> write_gis(const ReportModel& model, const std::string& format,
                                             const std::filesystem::path& dir) {
  const std::filesystem::path final_dir = dir / "gis";
  const std::filesystem::path staging = dir / fmt::format(".gis.tmp{}", ::getpid());
  const std::filesystem::path old = dir / fmt::format(".gis.old{}", ::getpid());
  std::error_code ec;
  std::filesystem::remove_all(staging, ec);
  std::vector<std::filesystem::path> files;
  try {
    files = write_gis_layers(model, format, staging);
  } catch (...) {
    std::filesystem::remove_all(staging, ec);
    throw;
  }
  if (std::filesystem::exists(final_dir, ec)) std::filesystem::rename(final_dir, old, ec);
  std::filesystem::rename(staging, final_dir, ec);
  if (ec) throw ReportError(fmt::format("cannot move GIS layers into {}: {}", final_dir.string(), ec.message()));
  std::filesystem::remove_all(old, ec);
  for (auto& f : files) f = final_dir / f.filename();
  return files;
}

}  // namespace

ReportFiles write_report(const ReportModel& model, const ReportOptions& options, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw ReportError(fmt::format("cannot create report directory {}: {}", dir.string(), ec.message()));

  ReportFiles files{.index_html = dir / "index.html", .events_jsonl = dir / "events.jsonl", .events_csv = dir / "events.csv"};

  std::vector<const detectors::Event*> events;
  events.reserve(model.events.size());
  for (const auto& e : model.events) events.push_back(&e);
  std::sort(events.begin(), events.end(),
            [](const detectors::Event* a, const detectors::Event* b) { return detectors::event_order_less(*a, *b); });

  std::string text;
  text.reserve(events.size() * 1024);
  for (const detectors::Event* e : events) write_event_json(*e, text);
  write_file_atomically(files.events_jsonl, text);

  text.clear();
  write_events_csv_header(text);
  for (const detectors::Event* e : events) write_event_csv(*e, text);
  write_file_atomically(files.events_csv, text);

  // Land is read only when a map will be drawn: a report without flagged vessels needs none.
  std::optional<LandOutlines> loaded;
  const LandOutlines* land = options.land;
  if (!land && options.draw_land && !rank_flagged_vessels(model, latest_decisions(model.decisions)).empty()) {
    loaded = LandOutlines::load(options.land_file.value_or(LandOutlines::default_file()));
    land = &*loaded;
  }
  write_file_atomically(files.index_html, render_html_report(model, options.html, options.draw_land ? land : nullptr));

  if (!options.gis_format.empty()) files.gis = write_gis(model, options.gis_format, dir);
  return files;
}

}  // namespace aiswatch::report
