#include "aiswatch/simulator/scenario.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aiswatch/simulator/bit_writer.hpp"

namespace aiswatch::simulator {

using nlohmann::json;

namespace {

// Where in the file we are, for error messages: "rajin_shuttle.json: vessel 'shuttle' step 3".
struct Context {
  std::string where;
  [[noreturn]] void fail(const std::string& what) const { throw ScenarioError(fmt::format("{}: {}", where, what)); }
  Context sub(const std::string& part) const { return {fmt::format("{} {}", where, part)}; }
};

void check_keys(const json& obj, std::initializer_list<std::string_view> allowed, const Context& ctx) {
  if (!obj.is_object()) ctx.fail("expected a JSON object");
  for (const auto& item : obj.items())
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
      ctx.fail(fmt::format("unknown key \"{}\"", item.key()));
}

std::string get_string(const json& obj, const char* key, const Context& ctx, std::string fallback = {}) {
  if (!obj.contains(key)) return fallback;
  if (!obj[key].is_string()) ctx.fail(fmt::format("\"{}\" must be a string", key));
  return obj[key].get<std::string>();
}

double get_number(const json& obj, const char* key, const Context& ctx, double fallback, double lo, double hi) {
  if (!obj.contains(key)) return fallback;
  if (!obj[key].is_number()) ctx.fail(fmt::format("\"{}\" must be a number", key));
  const double v = obj[key].get<double>();
  if (!(v >= lo && v <= hi)) ctx.fail(fmt::format("\"{}\" = {} is outside {}..{}", key, v, lo, hi));
  return v;
}

bool get_bool(const json& obj, const char* key, const Context& ctx, bool fallback) {
  if (!obj.contains(key)) return fallback;
  if (!obj[key].is_boolean()) ctx.fail(fmt::format("\"{}\" must be true or false", key));
  return obj[key].get<bool>();
}

std::uint32_t get_uint(const json& obj, const char* key, const Context& ctx, std::uint32_t lo, std::uint32_t hi) {
  if (!obj[key].is_number_unsigned()) ctx.fail(fmt::format("\"{}\" must be a whole number", key));
  const auto v = obj[key].get<std::uint64_t>();
  if (v < lo || v > hi) ctx.fail(fmt::format("\"{}\" = {} is outside {}..{}", key, v, lo, hi));
  return static_cast<std::uint32_t>(v);
}

geo::LatLon get_position(const json& value, const Context& ctx) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number())
    ctx.fail("a position must be [lon, lat] in degrees");
  const double lon = value[0].get<double>();
  const double lat = value[1].get<double>();
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) ctx.fail(fmt::format("position [{}, {}] is out of range", lon, lat));
  return {lat, lon};
}

// AIS text must be six-bit ASCII and fit its field; scenario text is user input, so say which field.
std::string get_ais_text(const json& obj, const char* key, std::size_t max_chars, const Context& ctx) {
  std::string text = get_string(obj, key, ctx);
  if (text.size() > max_chars) ctx.fail(fmt::format("\"{}\" is longer than the {} characters AIS carries", key, max_chars));
  if (!is_sixbit_text(text))
    ctx.fail(fmt::format("\"{}\" has characters AIS six-bit text cannot carry (no lower case; ' '..'_' only)", key));
  return text;
}

std::optional<DurationMs> get_duration(const json& obj, const char* key, const Context& ctx) {
  if (!obj.contains(key)) ctx.fail(fmt::format("\"{}\" is required", key));
  if (!obj[key].is_string()) ctx.fail(fmt::format("\"{}\" must be a duration string such as \"6h\" or \"end\"", key));
  try {
    return parse_duration(obj[key].get<std::string>());
  } catch (const ScenarioError& e) {
    ctx.fail(e.what());
  }
}

// A signed offset such as "-2h" or "+15m".
DurationMs get_offset(const json& value, const Context& ctx) {
  if (!value.is_string()) ctx.fail("a window offset must be a string such as \"-2h\" or \"+30m\"");
  std::string text = value.get<std::string>();
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.erase(0, 1);
  std::optional<DurationMs> d;
  try {
    d = parse_duration(text);
  } catch (const ScenarioError& e) {
    ctx.fail(e.what());
  }
  if (!d) ctx.fail("a window offset cannot be \"end\"");
  return negative ? -*d : *d;
}

// Identity fields shared by a vessel and a step's "set".
void read_identity_fields(const json& obj, IdentityChange& out, const Context& ctx) {
  if (obj.contains("mmsi")) out.mmsi = get_uint(obj, "mmsi", ctx, 1, 999999999);
  if (obj.contains("imo")) out.imo = get_uint(obj, "imo", ctx, 1, 999999999);
  if (obj.contains("name")) out.name = get_ais_text(obj, "name", 20, ctx);
  if (obj.contains("callsign")) out.callsign = get_ais_text(obj, "callsign", 7, ctx);
  if (obj.contains("destination")) out.destination = get_ais_text(obj, "destination", 20, ctx);
  if (obj.contains("ship_type")) out.ship_type = static_cast<std::uint8_t>(get_uint(obj, "ship_type", ctx, 0, 99));
  if (obj.contains("draught_m")) out.draught_m = get_number(obj, "draught_m", ctx, 0, 0.1, 25.5);
}

std::optional<StepKind> step_kind_from(std::string_view s) {
  for (StepKind k : {StepKind::moor, StepKind::anchor, StepKind::sail, StepKind::loiter, StepKind::drift, StepKind::alongside})
    if (s == to_string(k)) return k;
  return std::nullopt;
}

Step parse_step(const json& j, const Context& ctx) {
  check_keys(j, {"do", "label", "for", "port", "at", "via", "to_port", "leave_port", "speed_kn", "course_deg",
                 "radius_m", "partner", "offset_m", "ais", "coverage", "status", "set", "report_at", "report_radius_m"},
             ctx);
  Step s;
  const auto kind = step_kind_from(get_string(j, "do", ctx));
  if (!kind) ctx.fail("\"do\" must be one of moor, anchor, sail, loiter, drift, alongside");
  s.kind = *kind;
  s.label = get_string(j, "label", ctx);
  s.port = get_string(j, "port", ctx);
  if (j.contains("at")) s.at = get_position(j["at"], ctx);
  if (j.contains("via")) {
    if (!j["via"].is_array()) ctx.fail("\"via\" must be a list of [lon, lat] positions");
    for (const auto& p : j["via"]) s.via.push_back(get_position(p, ctx));
  }
  s.to_port = get_string(j, "to_port", ctx);
  s.leave_port = get_bool(j, "leave_port", ctx, true);
  s.speed_kn = get_number(j, "speed_kn", ctx, 0, 0, 40);
  s.course_deg = get_number(j, "course_deg", ctx, 0, 0, 360);
  s.radius_m = get_number(j, "radius_m", ctx, 0, 0, 50'000);
  s.partner = get_string(j, "partner", ctx);
  s.offset_m = get_number(j, "offset_m", ctx, 0, 0, 5'000);
  s.ais_on = get_bool(j, "ais", ctx, true);
  s.received = get_bool(j, "coverage", ctx, true);
  if (j.contains("status")) s.nav_status = static_cast<std::uint8_t>(get_uint(j, "status", ctx, 0, 15));
  if (j.contains("set")) {
    const Context set_ctx = ctx.sub("\"set\"");
    check_keys(j["set"], {"mmsi", "imo", "name", "callsign", "destination", "ship_type", "draught_m"}, set_ctx);
    read_identity_fields(j["set"], s.set, set_ctx);
  }
  if (j.contains("report_at")) s.report_at = get_position(j["report_at"], ctx);
  s.report_radius_m = get_number(j, "report_radius_m", ctx, 0, 0, 100'000);

  if (s.kind == StepKind::sail) {
    if (s.via.empty() && s.to_port.empty()) ctx.fail("a sail step needs \"via\" waypoints or a \"to_port\"");
    if (s.speed_kn <= 0) ctx.fail("a sail step needs \"speed_kn\" > 0");
    if (j.contains("for")) ctx.fail("a sail step lasts as long as its route takes: no \"for\"");
  } else {
    s.duration = get_duration(j, "for", ctx);
    if (s.duration && *s.duration <= 0) ctx.fail("\"for\" must be positive");
  }
  if (s.kind == StepKind::alongside && (s.partner.empty() || s.offset_m <= 0))
    ctx.fail("an alongside step needs a \"partner\" vessel id and \"offset_m\" > 0");
  if (s.kind == StepKind::drift && s.speed_kn <= 0) ctx.fail("a drift step needs \"speed_kn\" > 0");
  if ((s.kind == StepKind::loiter || s.kind == StepKind::drift || s.kind == StepKind::alongside) && s.speed_kn >= 2.0)
    ctx.fail("loiter/drift/alongside speeds must stay below 2 kn");
  return s;
}

VesselSpec parse_vessel(const json& j, const Context& file_ctx, std::size_t index) {
  const std::string id = j.is_object() && j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "";
  const Context ctx = file_ctx.sub(id.empty() ? fmt::format("vessel #{}", index + 1) : fmt::format("vessel '{}'", id));
  check_keys(j, {"id", "role", "class", "long_range", "mmsi", "imo", "name", "callsign", "destination", "ship_type",
                 "draught_m", "length_m", "beam_m", "appear", "clone_of", "coverage_gaps", "steps"},
             ctx);
  VesselSpec v;
  v.id = id;
  if (v.id.empty()) ctx.fail("\"id\" is required");
  v.role = get_string(j, "role", ctx);
  const std::string cls = get_string(j, "class", ctx, "A");
  if (cls != "A" && cls != "B") ctx.fail("\"class\" must be \"A\" or \"B\"");
  v.class_b = cls == "B";
  v.long_range = get_bool(j, "long_range", ctx, false);
  v.clone_of = get_string(j, "clone_of", ctx);
  if (!j.contains("mmsi") && v.clone_of.empty()) ctx.fail("\"mmsi\" is required");
  IdentityChange fields;
  read_identity_fields(j, fields, ctx);
  fields.apply_to(v.identity);
  const double length = get_number(j, "length_m", ctx, 0, 0, 511);
  const double beam = get_number(j, "beam_m", ctx, 0, 0, 126);
  // GPS antenna a quarter of the length from the stern, on the centre line.
  v.identity.dimensions = {static_cast<std::uint16_t>(length * 0.75), static_cast<std::uint16_t>(length * 0.25),
                           static_cast<std::uint8_t>(beam / 2), static_cast<std::uint8_t>(beam / 2)};
  if (j.contains("appear")) {
    const auto appear = get_duration(j, "appear", ctx);
    if (!appear) ctx.fail("\"appear\" cannot be \"end\"");
    v.appear_ms = *appear;
  }
  if (j.contains("coverage_gaps")) {
    if (!j["coverage_gaps"].is_array()) ctx.fail("\"coverage_gaps\" must be a list of {\"from\": …, \"for\": …}");
    for (const auto& g : j["coverage_gaps"]) {
      const Context gctx = ctx.sub("coverage gap");
      check_keys(g, {"from", "for"}, gctx);
      const auto from = get_duration(g, "from", gctx);
      const auto gap_length = get_duration(g, "for", gctx);
      if (!from || !gap_length || *gap_length <= 0) gctx.fail("\"from\" and \"for\" must be durations (not \"end\")");
      v.coverage_gaps.push_back({*from, *gap_length});
    }
  }
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty()) ctx.fail("\"steps\" must be a non-empty list");
  for (std::size_t i = 0; i < j["steps"].size(); ++i)
    v.steps.push_back(parse_step(j["steps"][i], ctx.sub(fmt::format("step {}", i + 1))));
  const Step& first = v.steps.front();
  if (first.kind == StepKind::sail || first.kind == StepKind::alongside) {
    if (first.kind == StepKind::sail && first.via.empty()) ctx.fail("a vessel starting with a sail step needs \"via\" (its first point is the start)");
  } else if (first.port.empty() && !first.at) {
    ctx.fail("the first step needs \"port\" or \"at\": where the vessel is when it appears");
  }
  for (std::size_t i = 0; i + 1 < v.steps.size(); ++i)
    if (!v.steps[i].duration && v.steps[i].kind != StepKind::sail)
      ctx.fail(fmt::format("step {} lasts until the end, so it must be the last step", i + 1));
  return v;
}

Expectation parse_expectation(const json& j, const Context& ctx) {
  check_keys(j, {"type", "vessel", "other", "phase", "anchor", "window", "zone", "zone_aliases", "zone_country",
                 "flagged", "min_severity", "required", "requires", "why", "evidence"},
             ctx);
  Expectation e;
  e.type = get_string(j, "type", ctx);
  static const std::set<std::string> kTypes = {"port_call", "ais_gap", "encounter", "loitering", "dark_transfer",
                                               "spoofing", "identity_change", "watchlist_match", "zone_entry", "zone_exit"};
  if (!kTypes.count(e.type)) ctx.fail(fmt::format("unknown event type \"{}\"", e.type));
  e.vessel = get_string(j, "vessel", ctx);
  if (e.vessel.empty()) ctx.fail("\"vessel\" is required");
  e.other = get_string(j, "other", ctx);
  e.phase = get_string(j, "phase", ctx);
  if (e.phase.empty()) ctx.fail("\"phase\" (the label of the step the time window is anchored to) is required");
  const std::string anchor = get_string(j, "anchor", ctx, "start");
  if (anchor != "start" && anchor != "end") ctx.fail("\"anchor\" must be \"start\" or \"end\"");
  e.anchor_end = anchor == "end";
  if (!j.contains("window") || !j["window"].is_array() || j["window"].size() != 2)
    ctx.fail("\"window\" must be [before, after], e.g. [\"-2h\", \"+15m\"]");
  e.window_before_ms = -get_offset(j["window"][0], ctx);
  e.window_after_ms = get_offset(j["window"][1], ctx);
  if (e.window_before_ms < 0 || e.window_after_ms < 0) ctx.fail("\"window\" must be [\"-x\", \"+y\"] around the anchor");
  e.zone = get_string(j, "zone", ctx);
  if (j.contains("zone_aliases")) {
    if (!j["zone_aliases"].is_array()) ctx.fail("\"zone_aliases\" must be a list of names");
    for (const auto& a : j["zone_aliases"]) {
      if (!a.is_string()) ctx.fail("\"zone_aliases\" must be a list of names");
      e.zone_aliases.push_back(a.get<std::string>());
    }
  }
  e.zone_country = get_string(j, "zone_country", ctx);
  if (j.contains("flagged")) e.flagged = get_bool(j, "flagged", ctx, false);
  e.min_severity = get_string(j, "min_severity", ctx);
  static const std::set<std::string> kSeverities = {"", "info", "low", "medium", "high", "critical"};
  if (!kSeverities.count(e.min_severity)) ctx.fail(fmt::format("unknown severity \"{}\"", e.min_severity));
  e.required = get_bool(j, "required", ctx, true);
  e.requires_input = get_string(j, "requires", ctx);
  e.why = get_string(j, "why", ctx);
  if (j.contains("evidence")) e.evidence_json = j["evidence"].dump();
  return e;
}

}  // namespace

const char* to_string(StepKind kind) noexcept {
  switch (kind) {
    case StepKind::moor: return "moor";
    case StepKind::anchor: return "anchor";
    case StepKind::sail: return "sail";
    case StepKind::loiter: return "loiter";
    case StepKind::drift: return "drift";
    case StepKind::alongside: return "alongside";
  }
  return "?";
}

void IdentityChange::apply_to(Identity& id) const {
  if (mmsi) id.mmsi = *mmsi;
  if (imo) id.imo = *imo;
  if (name) id.name = *name;
  if (callsign) id.callsign = *callsign;
  if (destination) id.destination = *destination;
  if (ship_type) id.ship_type = *ship_type;
  if (draught_m) id.draught_m = *draught_m;
}

std::optional<DurationMs> parse_duration(std::string_view text) {
  if (text.empty() || text == "end") return std::nullopt;
  DurationMs total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t digits = i;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    std::size_t frac_end = digits;
    if (frac_end < text.size() && text[frac_end] == '.') {
      ++frac_end;
      while (frac_end < text.size() && std::isdigit(static_cast<unsigned char>(text[frac_end]))) ++frac_end;
    }
    if (frac_end == i || frac_end >= text.size() || frac_end - i > 12)
      throw ScenarioError(fmt::format("bad duration \"{}\" (use e.g. 90s, 30m, 6h, 2d, 1h30m or end)", text));
    const double number = std::stod(std::string(text.substr(i, frac_end - i)));
    double unit_ms = 0;
    switch (text[frac_end]) {
      case 's': unit_ms = 1e3; break;
      case 'm': unit_ms = 60e3; break;
      case 'h': unit_ms = 3600e3; break;
      case 'd': unit_ms = 86400e3; break;
      default: throw ScenarioError(fmt::format("bad duration \"{}\" (units are s, m, h, d)", text));
    }
    total += static_cast<DurationMs>(number * unit_ms + 0.5);
    i = frac_end + 1;
  }
  return total;
}

Scenario parse_scenario(const json& doc, const std::string& source_name) {
  const Context ctx{source_name};
  check_keys(doc, {"name", "description", "duration", "vessels", "expect", "decoys", "inputs"}, ctx);
  Scenario s;
  s.name = get_string(doc, "name", ctx);
  if (s.name.empty()) ctx.fail("\"name\" is required");
  s.description = get_string(doc, "description", ctx);
  const auto duration = get_duration(doc, "duration", ctx);
  if (!duration || *duration <= 0) ctx.fail("\"duration\" must be a positive duration");
  s.duration_ms = *duration;
  if (!doc.contains("vessels") || !doc["vessels"].is_array() || doc["vessels"].empty())
    ctx.fail("\"vessels\" must be a non-empty list");
  std::set<std::string> ids;
  std::set<std::uint32_t> mmsis;
  for (std::size_t i = 0; i < doc["vessels"].size(); ++i) {
    VesselSpec v = parse_vessel(doc["vessels"][i], ctx, i);
    if (!ids.insert(v.id).second) ctx.fail(fmt::format("vessel id '{}' is used twice", v.id));
    if (v.clone_of.empty() && !mmsis.insert(v.identity.mmsi).second)
      ctx.fail(fmt::format("vessel '{}': MMSI {} is used twice (a second transmitter on purpose needs \"clone_of\")", v.id, v.identity.mmsi));
    s.vessels.push_back(std::move(v));
  }
  for (auto& v : s.vessels) {
    if (v.clone_of.empty()) continue;
    const auto it = std::find_if(s.vessels.begin(), s.vessels.end(), [&](const VesselSpec& o) { return o.id == v.clone_of; });
    if (it == s.vessels.end() || !it->clone_of.empty())
      ctx.fail(fmt::format("vessel '{}': clone_of '{}' is not a vessel of this scenario", v.id, v.clone_of));
    const Identity own = v.identity;
    v.identity = it->identity;  // the clone broadcasts the original's identity
    if (own.mmsi != 0) v.identity.mmsi = own.mmsi;
  }
  auto label_exists = [&](const std::string& vessel, const std::string& label) {
    for (const auto& v : s.vessels)
      if (v.id == vessel)
        return std::any_of(v.steps.begin(), v.steps.end(), [&](const Step& st) { return st.label == label; });
    return false;
  };
  for (const auto& v : s.vessels)
    for (std::size_t k = 0; k < v.steps.size(); ++k)
      if (v.steps[k].kind == StepKind::alongside && !ids.count(v.steps[k].partner))
        ctx.fail(fmt::format("vessel '{}' step {}: partner '{}' is not a vessel of this scenario", v.id, k + 1, v.steps[k].partner));
  if (doc.contains("expect")) {
    if (!doc["expect"].is_array()) ctx.fail("\"expect\" must be a list");
    for (std::size_t i = 0; i < doc["expect"].size(); ++i) {
      const Context ectx = ctx.sub(fmt::format("expect #{}", i + 1));
      Expectation e = parse_expectation(doc["expect"][i], ectx);
      if (!ids.count(e.vessel)) ectx.fail(fmt::format("vessel '{}' is not in the scenario", e.vessel));
      if (!e.other.empty() && !ids.count(e.other)) ectx.fail(fmt::format("vessel '{}' is not in the scenario", e.other));
      if (!label_exists(e.vessel, e.phase)) ectx.fail(fmt::format("vessel '{}' has no step labelled '{}'", e.vessel, e.phase));
      s.expect.push_back(std::move(e));
    }
  }
  for (const char* key : {"decoys", "inputs"}) {
    if (!doc.contains(key)) continue;
    if (!doc[key].is_array()) ctx.fail(fmt::format("\"{}\" must be a list of strings", key));
    for (const auto& d : doc[key]) {
      if (!d.is_string()) ctx.fail(fmt::format("\"{}\" must be a list of strings", key));
      (std::string_view(key) == "decoys" ? s.decoys : s.inputs).push_back(d.get<std::string>());
    }
  }
  for (const auto& d : s.decoys)
    if (!ids.count(d)) ctx.fail(fmt::format("decoy '{}' is not a vessel of this scenario", d));
  return s;
}

Scenario load_scenario_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(fmt::format("{}: cannot open scenario file", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  json doc;
  try {
    doc = json::parse(text.str());
  } catch (const json::parse_error& e) {
    throw ScenarioError(fmt::format("{}: not valid JSON: {}", file.string(), e.what()));
  }
  Scenario s = parse_scenario(doc, file.filename().string());
  s.source = file;
  return s;
}

std::vector<std::filesystem::path> list_scenario_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path());
  if (ec) throw ScenarioError(fmt::format("{}: cannot list scenarios: {}", dir.string(), ec.message()));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace aiswatch::simulator
