// event_csv.cpp — see event_csv.hpp.
#include "aiswatch/report/event_csv.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <variant>

#include "aiswatch/report/text_escape.hpp"

namespace aiswatch::report {

namespace {

void append_number(std::string& out, double v) {
  if (std::isfinite(v)) fmt::format_to(std::back_inserter(out), "{}", v);  // else: empty cell
}

template <class T>
void append_optional_integer(std::string& out, const std::optional<T>& v) {
  if (v) fmt::format_to(std::back_inserter(out), "{}", *v);
}

std::string evidence_text(const std::vector<detectors::EvidenceItem>& evidence) {
  std::string text;
  for (const auto& item : evidence) {
    if (!text.empty()) text += "; ";
    text += item.key;
    text += '=';
    std::visit(
        [&text](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>) text += v ? "true" : "false";
          else if constexpr (std::is_same_v<T, std::string>) text += v;
          else fmt::format_to(std::back_inserter(text), "{}", v);
        },
        item.value);
  }
  return text;
}

std::string watchlist_text(const std::vector<watchlists::WatchlistMatch>& matches) {
  std::string text;
  for (const auto& m : matches) {
    if (!text.empty()) text += "; ";
    fmt::format_to(std::back_inserter(text), "{} {} entry {} \"{}\" (on {}, confidence {:.2f})", m.list, m.program,
                   m.entry, m.name, watchlists::to_string(m.matched_on), m.confidence);
  }
  return text;
}

std::string raw_text(const std::vector<detectors::RawSentence>& raw) {
  std::string text;
  for (const auto& r : raw) {
    if (!text.empty()) text += '\n';
    if (r.rx_time) {
      text += format_iso8601(*r.rx_time);
      text += ' ';
    }
    text += r.text;
  }
  return text;
}

}  // namespace

void write_events_csv_header(std::string& out) {
  out += kCsvBom;
  out += "id,type,severity,flagged,mmsi,other_mmsi,imo,name,callsign,flag,start,end,duration_hours,lat,lon,"
         "zone,zone_country,reasons,watchlist,evidence,raw\r\n";
}

void write_event_csv(const detectors::Event& e, std::string& out) {
  append_csv_text(out, e.id);
  out += ',';
  out += detectors::to_string(e.type);
  out += ',';
  out += detectors::to_string(e.severity);
  out += ',';
  out += e.flagged ? "true" : "false";
  out += ',';
  fmt::format_to(std::back_inserter(out), "{}", e.mmsi);
  out += ',';
  append_optional_integer(out, e.other_mmsi);
  out += ',';
  append_optional_integer(out, e.imo);
  out += ',';
  append_csv_text(out, e.name);
  out += ',';
  append_csv_text(out, e.callsign);
  out += ',';
  append_csv_text(out, e.flag);
  out += ',';
  append_csv_text(out, format_iso8601(e.start));
  out += ',';
  append_csv_text(out, format_iso8601(e.end));
  out += ',';
  fmt::format_to(std::back_inserter(out), "{:.3f}", static_cast<double>(e.end - e.start) / 3'600'000.0);
  out += ',';
  if (e.lat) append_number(out, *e.lat);
  out += ',';
  if (e.lon) append_number(out, *e.lon);
  out += ',';
  append_csv_text(out, e.zone);
  out += ',';
  append_csv_text(out, e.zone_country);
  out += ',';
  std::string reasons;
  for (const auto& r : e.reasons) {
    if (!reasons.empty()) reasons += " | ";
    reasons += r;
  }
  append_csv_text(out, reasons);
  out += ',';
  append_csv_text(out, watchlist_text(e.watchlist));
  out += ',';
  append_csv_text(out, evidence_text(e.evidence));
  out += ',';
  append_csv_text(out, raw_text(e.raw));
  out += "\r\n";
}

}  // namespace aiswatch::report
