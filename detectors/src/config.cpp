#include "aiswatch/detectors/config.hpp"

#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace aiswatch::detectors {

namespace {

using Json = nlohmann::json;

const char* json_type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    case Json::value_t::string: return "string";
    case Json::value_t::array: return "array";
    case Json::value_t::object: return "object";
    default: return "value";
  }
}

// Assigns one JSON value to a parameter of type T, or says what was expected.
template <class T>
bool assign(const Json& j, T& field, const char*& expected) {
  if constexpr (std::is_same_v<T, bool>) {
    expected = "true or false";
    if (!j.is_boolean()) return false;
    field = j.get<bool>();
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    expected = "an integer";
    if (!j.is_number_integer()) return false;
    field = j.get<std::int64_t>();
  } else if constexpr (std::is_same_v<T, double>) {
    expected = "a number";
    if (!j.is_number()) return false;
    field = j.get<double>();
  } else {
    static_assert(std::is_same_v<T, std::string>, "parameter types: double, std::int64_t, bool, std::string");
    expected = "a string";
    if (!j.is_string()) return false;
    field = j.get<std::string>();
  }
  return true;
}

template <class T>
std::string value_text(const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return value;
  } else {
    return fmt::format("{}", value);
  }
}

// Flattens {"a": {"b": 1}, "c.d": 2} into {"a.b": 1, "c.d": 2}; only one level of sections.
void flatten(const Json& root, std::string_view origin, std::vector<std::pair<std::string, const Json*>>& out) {
  if (!root.is_object()) throw ConfigError(fmt::format("{}: the configuration must be a JSON object", origin));
  for (const auto& [key, value] : root.items()) {
    if (value.is_object()) {
      for (const auto& [name, leaf] : value.items()) out.emplace_back(key + "." + name, &leaf);
    } else {
      out.emplace_back(key, &value);
    }
  }
}

}  // namespace

void load_config_json_text(std::string_view text, std::string_view origin, DetectorConfig& config) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    throw ConfigError(fmt::format("{}: not valid JSON (byte {}): {}", origin, e.byte, e.what()));
  }
  std::vector<std::pair<std::string, const Json*>> items;
  flatten(root, origin, items);

  std::set<std::string> seen;
  DetectorConfig updated = config;  // all or nothing: a bad key leaves `config` untouched
  for (const auto& item : items) {
    // Plain references, not structured bindings: clang 14 (the fuzz build) cannot capture those.
    const std::string& key = item.first;
    const Json* json = item.second;
    if (!seen.insert(key).second) throw ConfigError(fmt::format("{}: key '{}' is given twice", origin, key));
    bool known = false;
    updated.visit([&](std::string_view name, auto& field, std::string_view unit, std::string_view) {
      if (name != key) return;
      known = true;
      const char* expected = "";
      if (!assign(*json, field, expected))
        throw ConfigError(fmt::format("{}: key '{}' ({}) must be {}, not {}", origin, key, unit, expected,
                                      json_type_name(*json)));
    });
    if (!known) throw ConfigError(fmt::format("{}: unknown key '{}' (aiswatch replay --print-config lists them)", origin, key));
  }
  config = std::move(updated);
}

void load_config_json(const std::filesystem::path& path, DetectorConfig& config) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot open the configuration file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(fmt::format("{}: cannot read the configuration file", path.string()));
  load_config_json_text(text.str(), path.string(), config);
}

std::vector<ConfigRow> dump_config(const DetectorConfig& config) {
  std::vector<ConfigRow> rows;
  DetectorConfig copy = config;  // visit() hands out mutable references
  copy.visit([&](std::string_view key, auto& field, std::string_view unit, std::string_view source) {
    rows.push_back({std::string(key), value_text(field), std::string(unit), std::string(source), true});
  });
  DetectorConfig defaults;
  std::size_t i = 0;
  defaults.visit([&](std::string_view, auto& field, std::string_view, std::string_view) {
    rows[i].is_default = rows[i].value == value_text(field);
    ++i;
  });
  return rows;
}

}  // namespace aiswatch::detectors
