#include "aiswatch/detectors/enrich.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include <fmt/format.h>

#include "aiswatch/ais/mmsi.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"

namespace aiswatch::detectors {

namespace {

template <class Raw>
void add_raw_records(Event& e, std::span<const Raw> raw) {
  for (const Raw& r : raw) {
    if (e.raw.size() >= kMaxRawPerEvent) return;
    const std::string_view text = std::string_view(r.text).substr(0, kMaxRawTextBytes);
    const bool already = std::any_of(e.raw.begin(), e.raw.end(), [&](const RawSentence& s) {
      return s.text == text && s.rx_time == r.rx_time;
    });
    if (!already) e.raw.push_back({std::string(text), r.rx_time});
  }
}

std::string describe(const watchlists::WatchlistMatch& m) {
  return fmt::format("{} entry {} {}{}{}, matched on {} ({}), confidence {:.2f}", m.list, m.entry, m.name,
                     m.program.empty() ? "" : " ", m.program.empty() ? "" : "(" + m.program + ")",
                     watchlists::to_string(m.matched_on), m.detail, m.confidence);
}

// What the policy needs to know about one vessel of the event.
struct Concern {
  const watchlists::WatchlistMatch* strongest = nullptr;  // best named-list match, if any
  bool watchlisted = false;
  bool flag_of_concern = false;
  std::string flag;  // alpha-2 of the MID
};

Concern concern_of(std::uint32_t mmsi, const DetectorContext& ctx) {
  Concern c;
  if (const watchlists::MatchResult* r = ctx.matches.find(mmsi); r && !r->matches.empty()) {
    c.strongest = &r->matches.front();  // sorted strongest first
    c.watchlisted = c.strongest->confidence >= kWatchlistedConfidence;
  }
  if (const auto mid = ais::flag_of(mmsi)) {
    c.flag = std::string(mid->alpha2);
    c.flag_of_concern = ctx.matches.flags().flag_of_concern(c.flag);
  }
  return c;
}

void copy_matches(Event& e, std::uint32_t mmsi, const DetectorContext& ctx, bool partner) {
  const watchlists::MatchResult* r = ctx.matches.find(mmsi);
  if (!r) return;
  for (watchlists::WatchlistMatch m : r->matches) {
    // Below the reporting threshold (an IMO conflict cap, 0.15) a match is noise on every event.
    if (m.confidence < ctx.config.watchlist.min_confidence) continue;
    if (partner) m.detail = fmt::format("partner MMSI {}: {}", mmsi, m.detail);
    e.watchlist.push_back(std::move(m));
  }
}

}  // namespace

void add_raw(Event& e, std::span<const ais::RawRef> raw) { add_raw_records(e, raw); }
void add_raw(Event& e, std::span<const ais::RawCopy> raw) { add_raw_records(e, raw); }

Severity raise(Severity s, int steps) noexcept {
  const int top = static_cast<int>(Severity::critical);
  return static_cast<Severity>(std::clamp(static_cast<int>(s) + steps, 0, top));
}

Event finish_event(Event e, const ais::Vessel* vessel, const DetectorContext& ctx) {
  assert(!vessel || vessel->mmsi == e.mmsi);
  // Identity at the time; a detector that set a field itself (e.g. the name before a change) keeps it.
  if (vessel) {
    if (!e.imo) e.imo = vessel->identity.imo;
    if (e.name.empty()) e.name = std::string(vessel->identity.name.view());
    if (e.callsign.empty()) e.callsign = std::string(vessel->identity.callsign.view());
  }
  if (e.flag.empty()) {
    if (const auto mid = ais::flag_of(e.mmsi)) e.flag = std::string(mid->alpha2);
  }

  copy_matches(e, e.mmsi, ctx, false);
  if (e.other_mmsi) copy_matches(e, *e.other_mmsi, ctx, true);

  const Concern self = concern_of(e.mmsi, ctx);
  const Concern partner = e.other_mmsi ? concern_of(*e.other_mmsi, ctx) : Concern{};

  // A watchlist_match event's severity already is the match's: do not count the same match twice.
  const bool count_watchlist = e.type != EventType::watchlist_match;
  if (count_watchlist && (self.watchlisted || partner.watchlisted)) {
    const bool detector_flagged = e.flagged;
    e.flagged = true;
    e.severity = raise(e.severity, 2);
    if (detector_flagged) e.severity = std::max(e.severity, Severity::high);
    if (self.watchlisted) e.reasons.push_back("watchlisted vessel: " + describe(*self.strongest));
    if (partner.watchlisted)
      e.reasons.push_back(fmt::format("watchlisted partner MMSI {}: {}", *e.other_mmsi, describe(*partner.strongest)));
  }
  if (count_watchlist && self.strongest && !self.watchlisted &&
      self.strongest->confidence >= ctx.config.watchlist.min_confidence)
    e.reasons.push_back("weak watchlist match, not an identification: " + describe(*self.strongest));

  if (e.flagged && (self.flag_of_concern || partner.flag_of_concern)) {
    e.severity = raise(e.severity, 1);
    if (self.flag_of_concern) e.reasons.push_back(fmt::format("flag of concern: {} (MMSI MID)", self.flag));
    if (partner.flag_of_concern)
      e.reasons.push_back(fmt::format("partner MMSI {} flies a flag of concern: {}", *e.other_mmsi, partner.flag));
  }

  e.id = make_event_id(e);
  return e;
}

}  // namespace aiswatch::detectors
