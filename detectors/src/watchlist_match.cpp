// watchlist_match — one event the first time a vessel matches a list entry (one per entry; an entry's
// programs are listed together). VesselMatches (registered before the detectors) re-matches a vessel on
// its first fix and whenever its identity changes, so this detector looks only at those moments.
// Severity by confidence (docs/watchlists.md "Confidence"): >= critical_min_confidence (IMO, MMSI and
// name) critical; >= flag_min_confidence (name + call sign, MMSI) high and flagged; below that the match
// is reported unflagged (low from 0.5, info below) because many ships share a name.
#include "aiswatch/detectors/watchlist_match.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "common.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

struct Reported {
  std::vector<std::string> entries;  // "list\x1f entry" already reported for this vessel
};

class WatchlistMatchDetector final : public Detector {
 public:
  explicit WatchlistMatchDetector(const DetectorContext& context)
      : Detector(context), cfg_(context.config.watchlist) {}

  [[nodiscard]] const char* name() const noexcept override { return "watchlist_match"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (u.flags.first_fix) check(vessel, u.current.time, u.raw());
  }
  void on_static(const ais::Vessel& vessel, const ais::StaticReport& report) override {
    check(vessel, report.time, report.raw);
  }

 private:
  void check(const ais::Vessel& vessel, UnixMillis time, std::span<const ais::RawRef> raw) {
    const watchlists::MatchResult* result = ctx_.matches.find(vessel.mmsi);
    if (!result) return;
    // Matches come strongest first; the first of an entry carries its strongest field.
    for (const watchlists::WatchlistMatch& m : result->matches) {
      if (m.confidence < cfg_.min_confidence) continue;
      std::string key = m.list + '\x1f' + m.entry;
      Reported& done = reported_.get_or_add(vessel.mmsi);
      if (std::find(done.entries.begin(), done.entries.end(), key) != done.entries.end()) continue;
      done.entries.push_back(std::move(key));
      emit(vessel, *result, m, time, raw);
    }
  }

  void emit(const ais::Vessel& vessel, const watchlists::MatchResult& result, const watchlists::WatchlistMatch& m,
            UnixMillis time, std::span<const ais::RawRef> raw) {
    Event e{.type = EventType::watchlist_match, .mmsi = vessel.mmsi, .start = time, .end = time};
    if (vessel.last) set_position(e, latlon(*vessel.last));
    std::vector<std::string> programs;
    for (const watchlists::WatchlistMatch& other : result.matches)
      if (other.list == m.list && other.entry == m.entry && !other.program.empty()) programs.push_back(other.program);
    e.add_evidence("list", m.list);
    e.add_evidence("entry", m.entry);
    e.add_evidence("entry_name", m.name);
    e.add_evidence("program", fmt::format("{}", fmt::join(programs, "; ")));
    if (m.imo) e.add_evidence("listed_imo", std::int64_t{*m.imo});
    e.add_evidence("matched_on", std::string(watchlists::to_string(m.matched_on)));
    e.add_evidence("confidence", m.confidence);
    e.add_evidence("detail", m.detail);

    if (m.confidence >= cfg_.critical_min_confidence) {
      e.flagged = true;
      e.severity = Severity::critical;
    } else if (m.confidence >= cfg_.flag_min_confidence) {
      e.flagged = true;
      e.severity = Severity::high;
    } else {
      e.severity = m.confidence >= 0.5 ? Severity::low : Severity::info;
    }
    e.reasons.push_back(fmt::format("{} match: {} entry {} '{}'{} — {} (confidence {:.2f}){}", m.list,
                                    e.flagged ? "sanctions list" : "possible", m.entry, m.name,
                                    programs.empty() ? "" : fmt::format(" ({})", fmt::join(programs, ", ")), m.detail,
                                    m.confidence, e.flagged ? "" : "; a name alone does not identify a ship"));
    add_raw(e, raw);
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
  }

  const WatchlistMatchConfig& cfg_;
  PerVessel<Reported> reported_;
};

}  // namespace

std::unique_ptr<Detector> make_watchlist_match_detector(const DetectorContext& ctx) {
  return std::make_unique<WatchlistMatchDetector>(ctx);
}

}  // namespace aiswatch::detectors
