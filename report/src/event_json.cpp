// event_json.cpp — see event_json.hpp. Hand-written (not nlohmann) so the key order is fixed, nothing is
// allocated per key, and the escaping rules are ours (text_escape.hpp).
#include "aiswatch/report/event_json.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <variant>

#include "aiswatch/report/text_escape.hpp"

namespace aiswatch::report {

namespace {

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", v);
}

template <class T>
void append_optional_integer(std::string& out, const std::optional<T>& v) {
  if (v) fmt::format_to(std::back_inserter(out), "{}", *v);
  else out += "null";
}

void append_time(std::string& out, UnixMillis t) {
  char buf[32];
  const std::size_t n = format_iso8601(t, buf);
  out += '"';
  out.append(buf, n);
  out += '"';
}

void append_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;  // our own ASCII keys: no escaping needed
  out += "\":";
}

void append_evidence_value(std::string& out, const detectors::EvidenceValue& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) out += v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>) fmt::format_to(std::back_inserter(out), "{}", v);
        else if constexpr (std::is_same_v<T, double>) append_number(out, v);
        else append_json_string(out, v);
      },
      value);
}

void append_match(std::string& out, const watchlists::WatchlistMatch& m) {
  out += "{\"list\":";
  append_json_string(out, m.list);
  out += ",\"program\":";
  append_json_string(out, m.program);
  out += ",\"entry\":";
  append_json_string(out, m.entry);
  out += ",\"name\":";
  append_json_string(out, m.name);
  out += ",\"imo\":";
  append_optional_integer(out, m.imo);
  out += ",\"matched_on\":\"";
  out += watchlists::to_string(m.matched_on);
  out += "\",\"confidence\":";
  append_number(out, m.confidence);
  out += '}';
}

}  // namespace

void write_event_json(const detectors::Event& e, std::string& out) {
  out += '{';
  append_key(out, "id");
  append_json_string(out, e.id);
  out += ',';
  append_key(out, "type");
  out += '"';
  out += detectors::to_string(e.type);
  out += "\",";
  append_key(out, "mmsi");
  fmt::format_to(std::back_inserter(out), "{}", e.mmsi);
  out += ',';
  append_key(out, "other_mmsi");
  append_optional_integer(out, e.other_mmsi);
  out += ',';
  append_key(out, "imo");
  append_optional_integer(out, e.imo);
  out += ',';
  append_key(out, "name");
  append_json_string(out, e.name);
  out += ',';
  append_key(out, "callsign");
  append_json_string(out, e.callsign);
  out += ',';
  append_key(out, "flag");
  append_json_string(out, e.flag);
  out += ',';
  append_key(out, "start");
  append_time(out, e.start);
  out += ',';
  append_key(out, "end");
  append_time(out, e.end);
  out += ',';
  append_key(out, "lat");
  if (e.lat) append_number(out, *e.lat);
  else out += "null";
  out += ',';
  append_key(out, "lon");
  if (e.lon) append_number(out, *e.lon);
  else out += "null";
  out += ',';
  append_key(out, "zone");
  append_json_string(out, e.zone);
  out += ',';
  append_key(out, "zone_country");
  append_json_string(out, e.zone_country);
  out += ',';
  append_key(out, "flagged");
  out += e.flagged ? "true" : "false";
  out += ',';
  append_key(out, "severity");
  out += '"';
  out += detectors::to_string(e.severity);
  out += "\",";

  append_key(out, "reasons");
  out += '[';
  for (std::size_t i = 0; i < e.reasons.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, e.reasons[i]);
  }
  out += "],";

  append_key(out, "watchlist");
  out += '[';
  for (std::size_t i = 0; i < e.watchlist.size(); ++i) {
    if (i) out += ',';
    append_match(out, e.watchlist[i]);
  }
  out += "],";

  append_key(out, "evidence");
  out += '{';
  for (std::size_t i = 0; i < e.evidence.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, e.evidence[i].key);
    out += ':';
    append_evidence_value(out, e.evidence[i].value);
  }
  out += "},";

  append_key(out, "raw");
  out += '[';
  for (std::size_t i = 0; i < e.raw.size(); ++i) {
    if (i) out += ',';
    out += "{\"text\":";
    append_json_string(out, e.raw[i].text);
    out += ",\"rxtime\":";
    if (e.raw[i].rx_time) append_time(out, *e.raw[i].rx_time);
    else out += "null";
    out += '}';
  }
  out += "]}\n";
}

}  // namespace aiswatch::report
