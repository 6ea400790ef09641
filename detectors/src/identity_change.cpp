// identity_change — what the tracker reports as identity changes, judged for sanctions work.
//
// The tracker calls on_identity_change once per changed field right after on_static, so the changes of
// one static report are collected and become one event at the next callback (or at finish). Judged:
//   * hull identity — IMO changed, or this IMO was last broadcast by another MMSI (field mmsi, or flag
//     when the two MMSIs' flags differ): flagged, medium; high right after a silence;
//   * name / call sign: low and unflagged (ships are renamed when sold); flagged medium right after a
//     silence, flagged low for a vessel flying a flag of concern (enrich raises it, and flags it for a
//     watchlisted vessel);
//   * ship type: info, only when the category (tens digit) changes;
//   * draught and destination are not identity (draught is dark_transfer's evidence).
// "Right after a silence": this MMSI reappeared after >= after_gap_min_h within after_gap_window_h of
// the change, or the MMSI that broadcast the IMO before had been silent that long.
// Cosmetic differences (case, punctuation, spacing: normalize_vessel_name) are not changes. The same
// change again (or back) within repeat_suppress_h is counted, not re-reported: two transponders on one
// MMSI flip names every few minutes.
// Also reported once per vessel: an invalid IMO check digit (info) and, for a watchlisted vessel, an
// AIS flag (MID) that differs from every flag the list gives (low; enrich flags it).
#include "aiswatch/detectors/identity_change.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aiswatch/ais/imo.hpp"
#include "aiswatch/ais/mmsi.hpp"
#include "aiswatch/detectors/config.hpp"
#include "aiswatch/detectors/enrich.hpp"
#include "aiswatch/detectors/vessel_matches.hpp"
#include "aiswatch/watchlists/index.hpp"
#include "aiswatch/watchlists/normalize.hpp"
#include "common.hpp"
#include "per_vessel.hpp"

namespace aiswatch::detectors {

namespace {

constexpr std::size_t kRecentKept = 8;

struct Memory {
  std::optional<UnixMillis> reappeared;  // end of the latest long silence
  double silence_h = 0;
  std::vector<std::pair<std::uint64_t, UnixMillis>> recent;  // change key -> last reported, bounded
  std::uint32_t invalid_imo_reported = 0;
  bool flag_mismatch_reported = false;
};

struct Pending {
  std::uint32_t mmsi = 0;
  UnixMillis time = 0;
  std::vector<ais::IdentityChange> changes;
  std::uint32_t repeats = 0;
};

// Order-free key of a change, so "A -> B" and "B -> A" are the same flip.
std::uint64_t change_key(const ais::IdentityChange& c) {
  const std::string& lo = std::min(c.before, c.after);
  const std::string& hi = std::max(c.before, c.after);
  std::uint64_t h = 1469598103934665603ULL ^ static_cast<std::uint64_t>(c.field);
  for (const std::string* s : {&lo, &hi}) {
    for (unsigned char ch : *s) {
      h ^= ch;
      h *= 1099511628211ULL;
    }
    h ^= 0x1f;
    h *= 1099511628211ULL;
  }
  return h;
}

bool cosmetic(const ais::IdentityChange& c) {
  switch (c.field) {
    case ais::IdentityField::name:
      return watchlists::normalize_vessel_name(c.before) == watchlists::normalize_vessel_name(c.after);
    case ais::IdentityField::callsign:
      return watchlists::normalize_callsign(c.before) == watchlists::normalize_callsign(c.after);
    case ais::IdentityField::ship_type:
      // 70 and 79 are both cargo: the hazard digit is often set carelessly.
      return c.before.size() == 2 && c.after.size() == 2 && c.before[0] == c.after[0];
    default:
      return false;
  }
}

bool is_hull_field(ais::IdentityField f) {
  return f == ais::IdentityField::imo || f == ais::IdentityField::mmsi || f == ais::IdentityField::flag;
}

class IdentityChangeDetector final : public Detector {
 public:
  explicit IdentityChangeDetector(const DetectorContext& context)
      : Detector(context), cfg_(context.config.identity) {}

  [[nodiscard]] const char* name() const noexcept override { return "identity_change"; }

  void on_position(const ais::Vessel& vessel, const ais::PositionUpdate& u) override {
    if (pending_) flush();
    if (u.flags.late) return;
    if (u.gap_ms && *u.gap_ms >= ms_of_hours(cfg_.after_gap_min_h)) {
      Memory& m = memory_.get_or_add(vessel.mmsi);
      m.reappeared = u.current.time;
      m.silence_h = hours(*u.gap_ms);
    }
    if (u.flags.first_fix) check_declared_flag(vessel, u.current.time);
  }

  void on_static(const ais::Vessel& vessel, const ais::StaticReport& report) override {
    if (pending_) flush();
    if (cfg_.report_invalid_imo && report.imo && vessel.identity.imo == report.imo && !ais::is_valid_imo(*report.imo))
      report_invalid_imo(vessel, report);
    check_declared_flag(vessel, report.time);
  }

  void on_identity_change(const ais::Vessel& vessel, const ais::IdentityChange& change) override {
    if (change.field == ais::IdentityField::draught || change.field == ais::IdentityField::destination) return;
    if (change.field == ais::IdentityField::ship_type && !cfg_.report_ship_type) return;
    if (cosmetic(change)) return;
    if (pending_ && (pending_->mmsi != vessel.mmsi || pending_->time != change.time)) flush();
    if (!pending_) pending_ = Pending{.mmsi = vessel.mmsi, .time = change.time};

    Memory& m = memory_.get_or_add(vessel.mmsi);
    const std::uint64_t key = change_key(change);
    const auto seen = std::find_if(m.recent.begin(), m.recent.end(), [&](const auto& r) { return r.first == key; });
    if (seen != m.recent.end() && change.time - seen->second < ms_of_hours(cfg_.repeat_suppress_h)) {
      ++pending_->repeats;
      return;
    }
    if (seen != m.recent.end()) {
      seen->second = change.time;
    } else {
      if (m.recent.size() >= kRecentKept) m.recent.erase(m.recent.begin());
      m.recent.emplace_back(key, change.time);
    }
    pending_->changes.push_back(change);
  }

  void on_time(UnixMillis /*now*/) override {
    if (pending_) flush();
  }

  void on_evicted(const ais::VesselSummary& summary) override {
    if (pending_ && pending_->mmsi == summary.mmsi) flush();
    memory_.erase(summary.mmsi);
  }

  void finish(UnixMillis /*end_of_data*/) override {
    if (pending_) flush();
  }

 private:
  // How long the relevant identity had been silent before the change, if long enough to matter.
  std::optional<std::string> after_silence(const Pending& p, const Memory* m) const {
    if (m && m->reappeared && p.time - *m->reappeared <= ms_of_hours(cfg_.after_gap_window_h))
      return fmt::format("right after a {:.1f} h AIS silence of this MMSI", m->silence_h);
    for (const ais::IdentityChange& c : p.changes) {
      if (!c.other_mmsi) continue;
      std::optional<UnixMillis> last_seen;
      if (const ais::Vessel* other = ctx_.tracker.find(c.other_mmsi)) {
        last_seen = other->last_seen;
      } else {
        for (auto it = ctx_.tracker.evicted().rbegin(); it != ctx_.tracker.evicted().rend(); ++it)
          if (it->mmsi == c.other_mmsi) {
            last_seen = it->last_seen;
            break;
          }
      }
      if (last_seen && p.time - *last_seen >= ms_of_hours(cfg_.after_gap_min_h))
        return fmt::format("right after MMSI {} went silent ({:.1f} h before)", c.other_mmsi, hours(p.time - *last_seen));
    }
    return std::nullopt;
  }

  void flush() {
    Pending p = std::move(*pending_);
    pending_.reset();
    if (p.changes.empty()) return;
    const ais::Vessel* vessel = ctx_.tracker.find(p.mmsi);
    const Memory* memory = memory_.find(p.mmsi);

    Event e{.type = EventType::identity_change, .mmsi = p.mmsi, .start = p.time, .end = p.time};
    if (vessel && vessel->last) set_position(e, latlon(*vessel->last));
    bool hull = false, name_or_callsign = false;
    std::vector<std::string_view> fields;
    for (const ais::IdentityChange& c : p.changes) {
      fields.push_back(ais::to_string(c.field));
      hull = hull || is_hull_field(c.field);
      name_or_callsign = name_or_callsign || c.field == ais::IdentityField::name || c.field == ais::IdentityField::callsign;
      add_raw(e, c.raw);
      if (c.field == ais::IdentityField::mmsi || c.field == ais::IdentityField::flag) {
        e.other_mmsi = c.other_mmsi;
        if (vessel && vessel->identity.imo) e.add_evidence("imo", std::int64_t{*vessel->identity.imo});
        e.add_evidence("previous_mmsi", std::int64_t{c.other_mmsi});
        e.add_evidence("new_mmsi", std::int64_t{p.mmsi});
        describe_previous_owner(e, c, vessel ? vessel->identity.imo : std::nullopt);
      } else {
        e.add_evidence(fmt::format("{}_before", ais::to_string(c.field)), c.before);
        e.add_evidence(fmt::format("{}_after", ais::to_string(c.field)), c.after);
        e.reasons.push_back(fmt::format("{} changed: {} → {}", ais::to_string(c.field), c.before, c.after));
      }
    }
    e.add_evidence("fields", fmt::format("{}", fmt::join(fields, ",")));
    if (p.repeats) e.add_evidence("repeats_suppressed", std::int64_t{p.repeats});

    const std::optional<std::string> silence = after_silence(p, memory);
    if (silence) {
      e.add_evidence("after_gap", true);
      e.reasons.push_back(*silence);
    }
    if (hull) {
      e.flagged = true;
      e.severity = silence ? Severity::high : Severity::medium;
    } else if (name_or_callsign) {
      if (silence) {
        e.flagged = true;
        e.severity = Severity::medium;
      } else if (vessel && ctx_.matches.flag_of_concern(*vessel)) {
        e.flagged = true;
        e.severity = Severity::low;
      } else {
        e.severity = Severity::low;
      }
    }
    ctx_.sink.emit(finish_event(std::move(e), vessel, ctx_));
  }

  void describe_previous_owner(Event& e, const ais::IdentityChange& c, std::optional<std::uint32_t> imo) const {
    const auto old_flag = ais::flag_of(c.other_mmsi);
    const auto new_flag = ais::flag_of(e.mmsi);
    std::string before = fmt::format("MMSI {}", c.other_mmsi);
    if (const ais::Vessel* other = ctx_.tracker.find(c.other_mmsi)) {
      if (!other->identity.name.empty()) {
        before += fmt::format(" '{}'", other->identity.name.view());
        e.add_evidence("previous_name", std::string(other->identity.name.view()));
      }
      if (!other->identity.callsign.empty())
        e.add_evidence("previous_callsign", std::string(other->identity.callsign.view()));
    }
    if (old_flag) e.add_evidence("previous_flag", std::string(old_flag->alpha2));
    if (new_flag) e.add_evidence("new_flag", std::string(new_flag->alpha2));
    e.reasons.push_back(fmt::format(
        "IMO {} was broadcast by {}{}; now by MMSI {}{}: {}", imo ? fmt::format("{}", *imo) : "?", before,
        old_flag ? fmt::format(" ({})", old_flag->alpha2) : "", e.mmsi,
        new_flag ? fmt::format(" ({})", new_flag->alpha2) : "",
        c.field == ais::IdentityField::flag ? "re-flagged, or the identity was taken over"
                                            : "a new MMSI for the same hull, or a copied identity"));
  }

  void report_invalid_imo(const ais::Vessel& vessel, const ais::StaticReport& report) {
    Memory& m = memory_.get_or_add(vessel.mmsi);
    if (m.invalid_imo_reported == *report.imo) return;
    m.invalid_imo_reported = *report.imo;
    Event e{.type = EventType::identity_change, .mmsi = vessel.mmsi, .start = report.time, .end = report.time};
    if (vessel.last) set_position(e, latlon(*vessel.last));
    e.add_evidence("fields", std::string("imo_check_digit"));
    e.add_evidence("imo", std::int64_t{*report.imo});
    e.add_evidence("imo_valid", false);
    e.reasons.push_back(
        fmt::format("broadcast IMO {} fails the check digit: not a real IMO number (typo, placeholder or invented)",
                    *report.imo));
    add_raw(e, report.raw);
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
  }

  // A watchlisted vessel whose AIS flag (MID) is none of the flags its list entry gives.
  void check_declared_flag(const ais::Vessel& vessel, UnixMillis time) {
    if (!ctx_.watchlist) return;
    const watchlists::MatchResult* r = ctx_.matches.find(vessel.mmsi);
    const auto mid = vessel.flag();
    if (!r || r->matches.empty() || !mid) return;
    const watchlists::WatchlistMatch& best = r->matches.front();
    if (best.confidence < kWatchlistedConfidence) return;
    const watchlists::WatchlistEntry* entry = nullptr;
    for (const watchlists::WatchlistEntry& candidate : ctx_.watchlist->entries())
      if (candidate.list == best.list && candidate.entry_id == best.entry) {
        entry = &candidate;
        break;
      }
    if (!entry || entry->flag.empty()) return;
    if (entry->flag == mid->alpha2 ||
        std::find(entry->other_flags.begin(), entry->other_flags.end(), mid->alpha2) != entry->other_flags.end())
      return;
    Memory& m = memory_.get_or_add(vessel.mmsi);
    if (m.flag_mismatch_reported) return;
    m.flag_mismatch_reported = true;
    Event e{.type = EventType::identity_change, .mmsi = vessel.mmsi, .start = time, .end = time};
    if (vessel.last) set_position(e, latlon(*vessel.last));
    e.severity = Severity::low;
    e.add_evidence("fields", std::string("declared_flag"));
    e.add_evidence("mid_flag", std::string(mid->alpha2));
    e.add_evidence("listed_flag", entry->flag);
    e.add_evidence("list_entry", fmt::format("{} {}", entry->list, entry->entry_id));
    e.reasons.push_back(fmt::format("AIS flag from the MMSI ({}) differs from the flag {} gives for {}: {}",
                                    mid->alpha2, entry->list, entry->name, entry->flag));
    ctx_.sink.emit(finish_event(std::move(e), &vessel, ctx_));
  }

  const IdentityChangeConfig& cfg_;
  PerVessel<Memory> memory_;
  std::optional<Pending> pending_;
};

}  // namespace

std::unique_ptr<Detector> make_identity_change_detector(const DetectorContext& ctx) {
  return std::make_unique<IdentityChangeDetector>(ctx);
}

}  // namespace aiswatch::detectors
