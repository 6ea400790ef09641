// state_file.cpp — reading and writing live mode's state file (format in the header).
#include "aiswatch/pipeline/state_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "aiswatch/ais/mmsi.hpp"

namespace aiswatch::pipeline {

namespace {

using nlohmann::json;

template <class T>
void put(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

template <class T>
std::optional<T> get(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

json vessel_json(const ais::VesselSummary& s) {
  json j{{"v", s.mmsi}, {"first_seen", s.first_seen}, {"last_seen", s.last_seen}, {"segments", s.segments},
         {"identity_changes", s.identity_changes}};
  put(j, "imo", s.imo);
  if (!s.name.empty()) j["name"] = s.name;
  if (!s.callsign.empty()) j["callsign"] = s.callsign;
  if (!s.destination.empty()) j["destination"] = s.destination;
  put(j, "ship_type", s.ship_type);
  put(j, "draught", s.draught_m);
  put(j, "length", s.length_m);
  if (s.last) {
    const ais::TrackPoint& p = *s.last;
    json last{{"t", p.time}, {"lat", p.lat_deg}, {"lon", p.lon_deg}, {"segment", p.segment}, {"suspect", p.suspect}};
    put(last, "sog", p.sog_kn);
    put(last, "cog", p.cog_deg);
    put(last, "heading", p.heading_deg);
    put(last, "nav", p.nav_status);
    j["last"] = std::move(last);
  }
  const ais::VesselCounts& c = s.counts;
  j["counts"] = {c.positions, c.late, c.too_old, c.duplicates, c.suspect, c.statics};
  return j;
}

ais::VesselSummary vessel_from(const json& j) {
  ais::VesselSummary s;
  s.mmsi = j.at("v").get<std::uint32_t>();
  const ais::MmsiClass cls = ais::classify_mmsi(s.mmsi);
  s.kind = cls.kind;
  s.flag = ais::flag_of(s.mmsi);
  s.first_seen = j.at("first_seen").get<UnixMillis>();
  s.last_seen = j.at("last_seen").get<UnixMillis>();
  s.segments = j.value("segments", 0u);
  s.identity_changes = j.value("identity_changes", 0u);
  s.imo = get<std::uint32_t>(j, "imo");
  s.name = j.value("name", std::string());
  s.callsign = j.value("callsign", std::string());
  s.destination = j.value("destination", std::string());
  s.ship_type = get<std::uint8_t>(j, "ship_type");
  s.draught_m = get<float>(j, "draught");
  s.length_m = get<std::uint16_t>(j, "length");
  if (const auto it = j.find("last"); it != j.end()) {
    ais::TrackPoint p;
    p.time = it->at("t").get<UnixMillis>();
    p.lat_deg = it->at("lat").get<double>();
    p.lon_deg = it->at("lon").get<double>();
    p.segment = it->value("segment", 0u);
    p.suspect = it->value("suspect", false);
    p.sog_kn = get<float>(*it, "sog");
    p.cog_deg = get<float>(*it, "cog");
    p.heading_deg = get<std::uint16_t>(*it, "heading");
    p.nav_status = get<std::uint8_t>(*it, "nav");
    if (!(p.lat_deg >= -90 && p.lat_deg <= 90 && p.lon_deg >= -180 && p.lon_deg <= 180))
      throw std::out_of_range("position out of range");
    s.last = p;
  }
  if (const auto it = j.find("counts"); it != j.end() && it->is_array() && it->size() == 6) {
    s.counts = {(*it)[0].get<std::uint32_t>(), (*it)[1].get<std::uint32_t>(), (*it)[2].get<std::uint32_t>(),
                (*it)[3].get<std::uint32_t>(), (*it)[4].get<std::uint32_t>(), (*it)[5].get<std::uint32_t>()};
  }
  return s;
}

void write_all_and_sync(const std::filesystem::path& file, const std::string& text) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw StateError(fmt::format("--state {}: cannot write: {}", file.string(), std::strerror(errno)));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      throw StateError(fmt::format("--state {}: cannot write: {}", file.string(), std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw StateError(fmt::format("--state {}: fsync failed: {}", file.string(), std::strerror(errno)));
}

}  // namespace

void save_state(const std::filesystem::path& file, const SavedState& state) {
  std::string out;
  json header{{"aiswatch_state", kStateFormatVersion}, {"saved_at", state.saved_at}, {"vessels", state.vessels.size()},
              {"alerted", state.alerted.size()}};
  put(header, "data_clock", state.data_clock);
  out += header.dump() + '\n';
  // Text fields come from AIS (attacker-controlled, maybe not UTF-8): replace what JSON cannot hold.
  for (const ais::VesselSummary& s : state.vessels)
    out += vessel_json(s).dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
  for (const auto& [id, fingerprint] : state.alerted) out += json{{"e", id}, {"fp", fingerprint}}.dump() + '\n';

  std::filesystem::path tmp = file;
  tmp += ".tmp";
  write_all_and_sync(tmp, out);
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) throw StateError(fmt::format("--state {}: cannot replace: {}", file.string(), ec.message()));
}

SavedState load_state(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw StateError(fmt::format("--state {}: cannot read: {}", file.string(), std::strerror(errno)));
  SavedState s;
  std::string line;
  std::size_t n = 0;
  try {
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      const json j = json::parse(line);
      if (n == 1) {
        if (!j.is_object() || !j.contains("aiswatch_state")) throw StateError("not an aiswatch state file");
        if (j.at("aiswatch_state").get<int>() != kStateFormatVersion)
          throw StateError(fmt::format("state format {} (this aiswatch reads {})", j.at("aiswatch_state").dump(),
                                       kStateFormatVersion));
        s.saved_at = j.value("saved_at", UnixMillis{0});
        s.data_clock = get<UnixMillis>(j, "data_clock");
      } else if (j.contains("v")) {
        s.vessels.push_back(vessel_from(j));
      } else if (j.contains("e")) {
        s.alerted[j.at("e").get<std::string>()] = j.value("fp", std::string());
      }
    }
  } catch (const StateError& e) {
    throw StateError(fmt::format("--state {}:{}: {}", file.string(), n, e.what()));
  } catch (const std::exception& e) {
    throw StateError(fmt::format("--state {}:{}: corrupt state: {}", file.string(), n, e.what()));
  }
  if (n == 0) throw StateError(fmt::format("--state {}: empty file", file.string()));
  return s;
}

}  // namespace aiswatch::pipeline
