// review.cpp — see review.hpp.
#include "aiswatch/report/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <iterator>
#include <map>
#include <unordered_map>
#include <variant>

#include "aiswatch/report/sha256.hpp"

namespace aiswatch::report {

namespace {
constexpr std::array<const char*, 3> kStatusNames = {"confirmed", "dismissed", "needs-info"};

// Length-prefixed so no choice of keys and values can make two different evidence sets read the same.
void add_field(std::string& canon, std::string_view tag, std::string_view value) {
  fmt::format_to(std::back_inserter(canon), "{}:{}:{}\n", tag, value.size(), value);
}

std::string evidence_value_text(const detectors::EvidenceValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) return x ? "b:true" : "b:false";
        else if constexpr (std::is_same_v<T, std::int64_t>) return fmt::format("i:{}", x);
        else if constexpr (std::is_same_v<T, double>) return fmt::format("d:{}", x);  // shortest round-trip
        else return "s:" + x;
      },
      v);
}
}  // namespace

const char* to_string(ReviewStatus s) noexcept { return kStatusNames.at(static_cast<std::size_t>(s)); }

std::optional<ReviewStatus> review_status_from_string(std::string_view s) noexcept {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (s == kStatusNames[i]) return static_cast<ReviewStatus>(i);
  return std::nullopt;
}

std::string evidence_fingerprint(const detectors::Event& e) {
  std::string canon = "aiswatch-evidence-v1\n";
  add_field(canon, "end", fmt::format("{}", e.end));
  add_field(canon, "other", e.other_mmsi ? fmt::format("{}", *e.other_mmsi) : std::string());

  // Sorted, so the order a detector happened to add items in does not matter.
  std::vector<std::pair<std::string_view, std::string>> items;
  items.reserve(e.evidence.size());
  for (const auto& item : e.evidence) items.emplace_back(item.key, evidence_value_text(item.value));
  std::sort(items.begin(), items.end());
  for (const auto& [key, value] : items) {
    add_field(canon, "key", key);
    add_field(canon, "value", value);
  }

  std::vector<std::string> matches;
  for (const auto& m : e.watchlist)
    matches.push_back(fmt::format("{}\x1f{}\x1f{}\x1f{}", m.list, m.program, m.entry, watchlists::to_string(m.matched_on)));
  std::sort(matches.begin(), matches.end());
  for (const auto& m : matches) add_field(canon, "match", m);

  return sha256_hex(canon).substr(0, 16);
}

std::vector<ReviewDecision> latest_decisions(std::span<const ReviewDecision> history) {
  std::map<std::string, const ReviewDecision*> by_event;
  std::map<std::uint32_t, const ReviewDecision*> by_vessel;
  for (const auto& d : history) {
    assert(d.is_event_decision() != d.vessel_mmsi.has_value());
    const ReviewDecision*& slot = d.is_event_decision() ? by_event[d.event_id] : by_vessel[*d.vessel_mmsi];
    if (!slot || slot->seq < d.seq) slot = &d;
  }
  std::vector<ReviewDecision> latest;
  latest.reserve(by_event.size() + by_vessel.size());
  for (const auto& [id, d] : by_event) latest.push_back(*d);
  for (const auto& [mmsi, d] : by_vessel) latest.push_back(*d);
  std::sort(latest.begin(), latest.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
  return latest;
}

ReviewApplied apply_review(std::vector<detectors::Event>& events, std::span<const ReviewDecision> latest) {
  std::unordered_map<std::string_view, const ReviewDecision*> dismissed;
  for (const auto& d : latest)
    if (d.is_event_decision() && d.status == ReviewStatus::dismissed) dismissed[d.event_id] = &d;

  ReviewApplied applied;
  if (dismissed.empty()) return applied;
  for (auto& e : events) {
    const auto it = dismissed.find(e.id);
    if (it == dismissed.end() || !e.flagged) continue;
    const ReviewDecision& d = *it->second;
    const std::string when = format_iso8601(d.decided_at);
    if (evidence_fingerprint(e) == d.evidence_fingerprint) {
      e.flagged = false;
      e.reasons.push_back(fmt::format("dismissed in review by {} at {} (same evidence)", d.reviewer, when));
      ++applied.suppressed;
    } else {
      e.reasons.push_back(fmt::format("flagged again: the evidence changed since it was dismissed by {} at {}",
                                      d.reviewer, when));
      ++applied.reflagged;
    }
  }
  return applied;
}

}  // namespace aiswatch::report
