// OpenSanctions FollowTheMoney entities, one JSON object per line ("entities.ftm.json" exports):
//   {"id": "...", "schema": "Vessel", "caption": "...", "datasets": [...],
//    "properties": {"name": [...], "imoNumber": ["IMO9179842"], "mmsi": [...], "callSign": [...],
//                   "flag": ["ru"], "pastFlags": [...], "previousName": [...], "alias": [...],
//                   "type": [...], "topics": ["sanction"], "sanctions": [<nested Sanction>]}}
// Programs come from Sanction entities that name the vessel (properties.entity, anywhere in the file)
// or are nested under properties.sanctions; without one, the vessel's datasets stand in.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "importers.hpp"
#include "text.hpp"

namespace aiswatch::watchlists::detail {
namespace {

using nlohmann::json;

// The string values of properties[key]; anything that is not a string is ignored.
std::vector<std::string> strings(const json& props, const char* key) {
  std::vector<std::string> out;
  const auto it = props.find(key);
  if (it == props.end()) return out;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
  } else if (it->is_array()) {
    for (const json& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

void add_unique(std::vector<std::string>& to, std::string value) {
  if (!value.empty() && std::find(to.begin(), to.end(), value) == to.end()) to.push_back(std::move(value));
}

// programId is the stable code ("EU-MARE"); program is the long title. Prefer the code.
void add_sanction_programs(const json& sanction_props, std::vector<std::string>& programs, std::string& listed_on) {
  auto codes = strings(sanction_props, "programId");
  if (codes.empty()) codes = strings(sanction_props, "program");
  for (std::string& c : codes) add_unique(programs, std::move(c));
  for (const char* key : {"listingDate", "startDate"}) {
    for (const std::string& d : strings(sanction_props, key)) {
      if (d.size() >= 10 && (listed_on.empty() || d.substr(0, 10) < listed_on)) listed_on = d.substr(0, 10);
    }
  }
}

}  // namespace

void parse_opensanctions_ftm(std::string_view text, ParseContext& ctx, ParsedFile& out) {
  std::unordered_map<std::string, std::size_t> vessel_index;  // FtM id -> index in `vessels`
  std::vector<WatchlistEntry> vessels;
  std::vector<std::vector<std::string>> vessel_datasets;
  std::vector<std::pair<std::string, json>> sanctions;  // (vessel id, Sanction properties)

  std::size_t line = 0;
  while (!text.empty()) {
    ++line;
    const auto nl = text.find('\n');
    const std::string_view raw = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (raw.empty()) continue;
    ++ctx.stats().records;
    if (!is_valid_utf8(raw)) {
      ctx.skip(line, LoadProblem::bad_encoding, "line is not valid UTF-8 (JSON must be)");
      continue;
    }
    const json obj = json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (obj.is_discarded() || !obj.is_object() || !obj.contains("schema") || !obj["schema"].is_string()) {
      ctx.skip(line, LoadProblem::bad_json,
               obj.is_discarded() ? "not valid JSON" : "not an entity object with a \"schema\"");
      continue;
    }
    const std::string schema = obj["schema"].get<std::string>();
    static const json kEmpty = json::object();
    const json& props = obj.contains("properties") && obj["properties"].is_object() ? obj["properties"] : kEmpty;
    const std::string id = obj.contains("id") && obj["id"].is_string() ? obj["id"].get<std::string>() : std::string{};

    if (schema == "Sanction") {
      for (std::string& target : strings(props, "entity")) sanctions.emplace_back(std::move(target), props);
      continue;
    }
    if (schema != "Vessel") {
      ++ctx.stats().not_vessels;
      continue;
    }
    if (id.empty()) {
      ctx.skip(line, LoadProblem::bad_id, "Vessel without an \"id\"");
      continue;
    }
    WatchlistEntry e;
    e.list = "OpenSanctions";
    e.entry_id = id;
    e.source = ctx.source(line);
    std::vector<std::string> names = strings(props, "name");
    if (names.empty() && obj.contains("caption") && obj["caption"].is_string()) names.push_back(obj["caption"]);
    if (!names.empty()) e.name = names.front();
    for (std::size_t i = 1; i < names.size(); ++i) e.aliases.push_back({names[i], AliasKind::aka});
    for (std::string& a : strings(props, "alias")) e.aliases.push_back({std::move(a), AliasKind::aka});
    for (std::string& a : strings(props, "previousName")) e.aliases.push_back({std::move(a), AliasKind::fka});
    if (const auto imos = strings(props, "imoNumber"); !imos.empty()) ctx.take_imo(imos.front(), line, e);
    if (const auto mmsis = strings(props, "mmsi"); !mmsis.empty()) ctx.take_mmsi(mmsis.front(), line, e);
    e.callsigns = strings(props, "callSign");
    if (const auto flags = strings(props, "flag"); !flags.empty()) e.flag = ctx.country(flags.front(), line);
    for (const std::string& f : strings(props, "pastFlags")) add_unique(e.other_flags, ctx.country(f, line));
    if (const auto types = strings(props, "type"); !types.empty()) e.vessel_type = types.front();
    if (const auto it = props.find("sanctions"); it != props.end() && it->is_array()) {
      for (const json& s : *it) {
        if (s.is_object() && s.contains("properties") && s["properties"].is_object())
          add_sanction_programs(s["properties"], e.programs, e.listed_on);
      }
    }
    std::vector<std::string> datasets;
    if (const auto it = obj.find("datasets"); it != obj.end() && it->is_array()) {
      for (const json& d : *it)
        if (d.is_string()) datasets.push_back(d.get<std::string>());
    }
    const auto topics = strings(props, "topics");
    if (!topics.empty() || !datasets.empty()) {
      e.note = fmt::format("topics: {}; datasets: {}", fmt::join(topics, ", "), fmt::join(datasets, ", "));
    }
    if (!has_identity(e)) {
      ctx.skip(line, LoadProblem::missing_identity, fmt::format("Vessel {} has no name, IMO or MMSI", printable(id)));
      continue;
    }
    vessel_index[id] = vessels.size();
    vessels.push_back(std::move(e));
    vessel_datasets.push_back(std::move(datasets));
  }

  for (const auto& [target, props] : sanctions) {
    if (const auto it = vessel_index.find(target); it != vessel_index.end()) {
      WatchlistEntry& e = vessels[it->second];
      add_sanction_programs(props, e.programs, e.listed_on);
    }
  }
  for (std::size_t i = 0; i < vessels.size(); ++i) {
    if (vessels[i].programs.empty()) vessels[i].programs = std::move(vessel_datasets[i]);
    out.entries.push_back(std::move(vessels[i]));
    ++ctx.stats().entries;
  }
}

}  // namespace aiswatch::watchlists::detail
