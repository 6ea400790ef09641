#include "aiswatch/simulator/background.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include "aiswatch/ais/imo.hpp"

namespace aiswatch::simulator {

namespace {

struct FlagChoice {
  std::uint16_t mid;
  char nationality;  // naming style: C Chinese, K Korean, J Japanese, R Russian, I international
  double weight;
  std::string_view callsign_prefix;
};

// Flags of merchant ships in these waters (rough shares); MIDs from ITU-R M.585.
constexpr std::array<FlagChoice, 14> kMerchantFlags = {{
    {351, 'I', 10, "3E"}, {370, 'I', 5, "3F"}, {636, 'I', 10, "A8"}, {538, 'I', 8, "V7"}, {477, 'C', 8, "VR"},
    {563, 'I', 6, "9V"}, {412, 'C', 12, "BO"}, {413, 'C', 8, "BP"}, {440, 'K', 8, "D7"}, {441, 'K', 4, "DS"},
    {431, 'J', 5, "JD"}, {273, 'R', 4, "UB"}, {248, 'I', 3, "9H"}, {209, 'I', 2, "5B"},
}};

struct TypeChoice {
  std::string_view kind;
  std::uint8_t ship_type;
  double weight, min_len, max_len, min_kn, max_kn, ballast_draught, loaded_draught;
  bool class_b;
};

constexpr std::array<TypeChoice, 6> kTypes = {{
    {"bulk", 70, 25, 170, 230, 11.0, 14.0, 6.5, 12.5, false},
    {"container", 70, 20, 150, 300, 14.0, 19.0, 8.0, 13.0, false},
    {"general cargo", 70, 20, 90, 140, 10.0, 13.0, 4.0, 7.5, false},
    {"tanker", 80, 20, 110, 250, 11.0, 14.0, 6.0, 13.5, false},
    {"ferry", 60, 5, 120, 190, 16.0, 20.0, 5.5, 6.5, false},
    {"fishing", 30, 10, 20, 45, 7.0, 9.5, 2.5, 3.5, true},
}};

constexpr std::array<std::string_view, 20> kWordsA = {"OCEAN", "PACIFIC", "ORIENT", "GOLDEN", "GREAT", "NEW", "EASTERN",
                                                      "SILVER", "BRIGHT", "GRAND", "ROYAL", "BLUE", "NORTHERN", "LUCKY",
                                                      "STAR", "CORAL", "JADE", "PEARL", "SUNRISE", "UNITY"};
constexpr std::array<std::string_view, 20> kWordsB = {"PIONEER", "HARMONY", "SPIRIT", "FORTUNE", "GRACE", "DAWN", "PRIDE",
                                                      "VENTURE", "TRADER", "EXPRESS", "VOYAGER", "GLORY", "WIND", "BREEZE",
                                                      "WAVE", "HOPE", "LEADER", "CROWN", "ACE", "HORIZON"};
constexpr std::array<std::string_view, 16> kChinese = {"HUA", "XIN", "ZHONG", "YUAN", "HAI", "FENG", "DA", "TONG",
                                                       "SHUN", "AN", "JIN", "LONG", "MING", "RONG", "XING", "HENG"};
constexpr std::array<std::string_view, 12> kKorean = {"DONG", "HAN", "SAM", "DAE", "JIN", "SEONG", "HYUN", "KWANG",
                                                      "PAN", "NAM", "SUN", "WOO"};
constexpr std::array<std::string_view, 10> kJapanese = {"SHIN", "KOTO", "TOYO", "ASAHI", "FUJI", "HAKKO", "NISSHIN",
                                                        "KAIYO", "SEIWA", "TENYO"};
constexpr std::array<std::string_view, 10> kRussian = {"KAPITAN", "AKADEMIK", "SOLNECHNY", "BEREG", "VOSTOK", "ZARYA",
                                                       "AMUR", "PRIMORYE", "SIBIR", "OKEAN"};

template <class Array>
std::string_view pick(Rng& rng, const Array& a) {
  return a[rng.below(a.size())];
}

template <class Array>
const auto& pick_weighted(Rng& rng, const Array& a) {
  double total = 0;
  for (const auto& x : a) total += x.weight;
  double r = rng.uniform(0.0, total);
  for (const auto& x : a) {
    if (r < x.weight) return x;
    r -= x.weight;
  }
  return a.back();
}

std::string fit20(std::string s) { return s.size() > 20 ? s.substr(0, 20) : s; }

std::string make_name(Rng& rng, char nationality, bool fishing) {
  if (fishing) {
    if (nationality == 'K') return fmt::format("{} {} {}", pick(rng, kKorean), pick(rng, kKorean), rng.between(1, 399));
    return fmt::format("{} YU {}", pick(rng, std::array<std::string_view, 5>{"LU RONG", "ZHE DAI", "LIAO DAN", "SU GAN", "MIN SHI"}),
                       rng.between(1000, 9999));
  }
  switch (nationality) {
    case 'C': return fit20(fmt::format("{} {} {}", pick(rng, kChinese), pick(rng, kChinese), rng.between(1, 99)));
    case 'K': return fit20(fmt::format("{} {} {}", pick(rng, kKorean), pick(rng, kKorean), pick(rng, kWordsB)));
    case 'J': return fit20(fmt::format("{} MARU NO.{}", pick(rng, kJapanese), rng.between(1, 88)));
    case 'R': return fit20(fmt::format("{} {}", pick(rng, kRussian), pick(rng, kRussian)));
    default: return fit20(fmt::format("{} {}", pick(rng, kWordsA), pick(rng, kWordsB)));
  }
}

std::string make_callsign(Rng& rng, std::string_view prefix) {
  static constexpr std::string_view kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string cs(prefix);
  while (cs.size() < 6) cs.push_back(kAlnum[rng.below(kAlnum.size())]);
  return cs;
}

std::string destination_of(const LanePort& port) {
  std::string d;
  for (char c : port.name) d.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return fit20(d);
}

const LanePort& pick_port(Rng& rng, const std::vector<const LanePort*>& ports, const LanePort* not_this) {
  double total = 0;
  for (const auto* p : ports)
    if (p != not_this) total += p->weight;
  double r = rng.uniform(0.0, total);
  for (const auto* p : ports) {
    if (p == not_this) continue;
    if (r < p->weight) return *p;
    r -= p->weight;
  }
  return ports.front() != not_this ? *ports.front() : *ports.back();
}

// A berth position: the port's berth moved up to 150 m, so ships in port do not sit on one point.
geo::LatLon berth_for(Rng& rng, const LanePort& port) {
  const auto mpd = geo::metres_per_degree(port.berth().lat_deg);
  return {port.berth().lat_deg + rng.uniform(-100.0, 100.0) / mpd.lat_m,
          port.berth().lon_deg + rng.uniform(-100.0, 100.0) / mpd.lon_m};
}

}  // namespace

std::uint32_t random_imo(Rng& rng) {
  for (;;) {
    const auto base = static_cast<std::uint32_t>(rng.between(300'000, 399'999));
    std::uint32_t sum = 0, rest = base;
    for (std::uint32_t weight = 2; weight <= 7; ++weight, rest /= 10) sum += (rest % 10) * weight;
    const std::uint32_t imo = base * 10 + sum % 10;
    if (ais::is_valid_imo(imo)) return imo;
  }
}

std::vector<VesselSpec> make_background(const SeaLanes& lanes, std::size_t count, DurationMs duration_ms, Rng rng,
                                        const TakenIdentities& taken) {
  std::vector<const LanePort*> ports;
  for (const auto& p : lanes.ports())
    if (p.background) ports.push_back(&p);
  if (ports.size() < 2) throw ScenarioError("the sea-lanes file needs at least two ports open to background traffic");

  std::set<std::uint32_t> used = taken.mmsis;
  std::set<std::uint32_t> used_imos = taken.imos;
  std::vector<VesselSpec> out;
  out.reserve(count);
  for (std::size_t n = 0; n < count; ++n) {
    Rng r = rng.derive(fmt::format("vessel/{}", n));
    const TypeChoice& type = pick_weighted(r, kTypes);
    FlagChoice flag = pick_weighted(r, kMerchantFlags);
    if (type.class_b) flag = r.chance(0.7) ? FlagChoice{412, 'C', 1, "BZ"} : FlagChoice{440, 'K', 1, "6K"};

    VesselSpec v;
    v.id = fmt::format("bg-{:04}", n + 1);
    v.role = fmt::format("background {}", type.kind);
    v.class_b = type.class_b;
    std::uint32_t mmsi = 0;
    do {
      mmsi = flag.mid * 1'000'000U + static_cast<std::uint32_t>(r.between(100'000, 999'999));
    } while (!used.insert(mmsi).second);
    v.identity.mmsi = mmsi;
    if (!type.class_b) {
      std::uint32_t imo = 0;
      do {
        imo = random_imo(r);
      } while (!used_imos.insert(imo).second);
      v.identity.imo = imo;
    }
    v.identity.name = make_name(r, flag.nationality, type.class_b);
    v.identity.callsign = make_callsign(r, flag.callsign_prefix);
    v.identity.ship_type = type.ship_type;
    const double length = r.uniform(type.min_len, type.max_len);
    const double beam = std::clamp(length / 6.5, 6.0, 48.0);
    v.identity.dimensions = {static_cast<std::uint16_t>(length * 0.8), static_cast<std::uint16_t>(length * 0.2),
                             static_cast<std::uint8_t>(beam / 2), static_cast<std::uint8_t>(beam / 2)};
    if (!type.class_b) v.identity.draught_m = std::round(r.uniform(type.ballast_draught, type.loaded_draught) * 10) / 10;
    const double speed = r.uniform(type.min_kn, type.max_kn);

    // Start berthed (30 %) or part-way along a voyage, then chain voyages past the end of the simulation.
    const LanePort* at = &pick_port(r, ports, nullptr);
    double planned_h = 0;
    if (r.chance(0.3)) {
      const double dwell_h = r.uniform(1.0, 20.0);
      Step moor{.kind = r.chance(0.2) ? StepKind::anchor : StepKind::moor,
                .duration = static_cast<DurationMs>(dwell_h * 3'600'000), .port = at->name, .at = berth_for(r, *at)};
      v.steps.push_back(moor);
      planned_h = dwell_h;
    } else {
      const LanePort& from = pick_port(r, ports, at);
      const auto route = lanes.route(from, *at);
      // Start on a random lane leg between the two approaches, going towards `at`.
      const std::size_t first_node = from.approach.size();
      const std::size_t last_node = route.size() - at->approach.size() - 1;
      if (route.empty() || last_node < first_node) throw ScenarioError(fmt::format("no lane route {} → {}", from.name, at->name));
      const std::size_t leg = first_node + (last_node > first_node ? r.below(last_node - first_node) : 0);
      const double f = r.uniform(0.05, 0.95);
      const geo::LatLon a = route[leg];
      const geo::LatLon b = last_node > first_node ? route[leg + 1] : route[leg];
      Step sail{.kind = StepKind::sail, .to_port = at->name, .speed_kn = speed};
      sail.via.push_back({a.lat_deg + f * (b.lat_deg - a.lat_deg), a.lon_deg + f * (b.lon_deg - a.lon_deg)});
      for (std::size_t k = leg + 1; k <= last_node; ++k) sail.via.push_back(route[k]);
      sail.set.destination = destination_of(*at);
      v.steps.push_back(sail);
      Step moor{.kind = StepKind::moor, .duration = static_cast<DurationMs>(r.uniform(6.0, 30.0) * 3'600'000),
                .port = at->name, .at = berth_for(r, *at)};
      v.steps.push_back(moor);
      planned_h = 30;  // at least one call fits whatever the sail takes
    }
    v.identity.destination = destination_of(*at);
    const double horizon_h = static_cast<double>(duration_ms) / 3'600'000.0;
    while (planned_h < horizon_h + 24) {
      const LanePort& next = pick_port(r, ports, at);
      const auto route = lanes.route(*at, next);
      double length_m = 0;
      for (std::size_t k = 0; k + 1 < route.size(); ++k) length_m += geo::distance_m(route[k], route[k + 1]);
      Step sail{.kind = StepKind::sail, .to_port = next.name, .speed_kn = speed};
      sail.set.destination = destination_of(next);
      if (!type.class_b) {
        // Cargo worked in port: the draught at departure differs from the arrival draught.
        sail.set.draught_m = std::round(r.uniform(type.ballast_draught, type.loaded_draught) * 10) / 10;
      }
      v.steps.push_back(sail);
      const double dwell_h = r.uniform(6.0, 30.0);
      v.steps.push_back(Step{.kind = r.chance(0.2) ? StepKind::anchor : StepKind::moor,
                             .duration = static_cast<DurationMs>(dwell_h * 3'600'000), .port = next.name,
                             .at = berth_for(r, next)});
      planned_h += length_m / (speed * 1852.0) + 1 + dwell_h;
      at = &next;
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace aiswatch::simulator
