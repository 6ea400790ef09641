// cmd_review.cpp — `aiswatch review`: record a reviewer's decision on an event or a vessel in the case
// file, or list the decisions. The case file is what `aiswatch replay --cases FILE` fills with the events
// it saw; the next report shows every decision, and a dismissed event is not flagged again while its
// evidence stays the same (report/review.hpp).
//
//   aiswatch review 3f0c9a1e5b7d2c44 --status dismissed --note "known shuttle, cleared" --cases cases.sqlite
//   aiswatch review --vessel 273382620 --status confirmed --note "SDN match verified" --cases cases.sqlite
//   aiswatch review --list --cases cases.sqlite            # latest decision per event/vessel
//   aiswatch review --list --history --json --cases cases.sqlite
//
// The reviewer is --reviewer, else $AISWATCH_REVIEWER, else $USER/$LOGNAME, else "unknown". Exit status 1
// (with a message naming the file or option) for a missing or unusable case file, an event id or MMSI
// the case file has never seen, or a bad combination of options. Notes and names are printed with
// control characters escaped, so a note cannot drive the terminal.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "aiswatch/report/case_file.hpp"
#include "aiswatch/report/error.hpp"
#include "aiswatch/report/text_escape.hpp"

namespace {

using aiswatch::report::CaseFile;
using aiswatch::report::ReviewDecision;

struct ReviewOptions {
  std::string event_id;
  std::optional<std::uint32_t> vessel;
  std::string status;
  std::optional<std::string> note;
  std::string reviewer;
  std::string cases;
  bool list = false;
  bool history = false;
  bool json = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  fmt::print(stderr, "aiswatch review: {}\n", message);
  throw CLI::RuntimeError(1);
}

std::string printable(std::string_view s) {
  std::string out;
  aiswatch::report::append_printable(out, s);
  return out;
}

aiswatch::UnixMillis now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

nlohmann::json to_json(const ReviewDecision& d, const CaseFile& cases) {
  nlohmann::json j{{"seq", d.seq},
                   {"event_id", d.is_event_decision() ? nlohmann::json(d.event_id) : nlohmann::json()},
                   {"mmsi", d.vessel_mmsi ? nlohmann::json(*d.vessel_mmsi) : nlohmann::json()},
                   {"status", aiswatch::report::to_string(d.status)},
                   {"note", d.note},
                   {"reviewer", d.reviewer},
                   {"decided_at", aiswatch::format_iso8601(d.decided_at)},
                   {"evidence_fingerprint", d.evidence_fingerprint}};
  if (d.is_event_decision()) {
    if (const auto e = cases.find_event(d.event_id)) {
      j["event"] = {{"type", e->type},
                    {"mmsi", e->mmsi},
                    {"other_mmsi", e->other_mmsi ? nlohmann::json(*e->other_mmsi) : nlohmann::json()},
                    {"name", e->name},
                    {"start", aiswatch::format_iso8601(e->start)},
                    {"end", aiswatch::format_iso8601(e->end)},
                    {"evidence_fingerprint", e->evidence_fingerprint}};
    }
  }
  return j;
}

std::string subject_text(const ReviewDecision& d, const CaseFile& cases) {
  if (!d.is_event_decision()) return fmt::format("vessel {}", *d.vessel_mmsi);
  const auto e = cases.find_event(d.event_id);
  if (!e) return fmt::format("event {}", printable(d.event_id));
  std::string text = fmt::format("event {} ({} of {} {} at {}", printable(d.event_id), printable(e->type), e->mmsi,
                                 printable(e->name), aiswatch::format_iso8601(e->start));
  if (d.evidence_fingerprint != e->evidence_fingerprint) text += "; evidence changed since";
  return text + ")";
}

void list_decisions(const ReviewOptions& o) {
  const CaseFile cases = CaseFile::open(o.cases, aiswatch::report::OpenMode::existing_only);
  const std::vector<ReviewDecision> all = cases.history();
  const std::vector<ReviewDecision> shown = o.history ? all : aiswatch::report::latest_decisions(all);
  for (const auto& d : shown) {
    if (o.json) {
      fmt::print("{}\n", to_json(d, cases).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
      fmt::print("#{}\t{}\t{}\t{}\t{}\t{}\n", d.seq, aiswatch::format_iso8601(d.decided_at),
                 aiswatch::report::to_string(d.status), printable(d.reviewer), subject_text(d, cases), printable(d.note));
    }
  }
  if (!o.json) fmt::print(stderr, "{} decision(s) shown, {} in the history of {}\n", shown.size(), all.size(), o.cases);
}

void record_decision(const ReviewOptions& o) {
  const auto status = aiswatch::report::review_status_from_string(o.status);
  if (!status) usage_error(fmt::format("--status must be confirmed, dismissed or needs-info (got '{}')", printable(o.status)));
  if (!o.note || o.note->find_first_not_of(" \t\r\n") == std::string::npos)
    usage_error("--note is required: say why, for whoever reads the case later");
  aiswatch::report::DecisionRequest request{.event_id = o.event_id,
                                            .vessel_mmsi = o.vessel,
                                            .status = *status,
                                            .note = *o.note,
                                            .reviewer = o.reviewer.empty() ? aiswatch::report::reviewer_from_environment()
                                                                           : o.reviewer};
  // Not created here: a new case file has seen no events, so no decision could be recorded in it.
  CaseFile cases = CaseFile::open(o.cases, aiswatch::report::OpenMode::existing_only);
  const ReviewDecision d = cases.decide(request, now_ms());
  fmt::print("recorded #{}: {} {} by {} at {}{}\n", d.seq,
             d.is_event_decision() ? "event " + printable(d.event_id) : fmt::format("vessel {}", *d.vessel_mmsi),
             aiswatch::report::to_string(d.status), printable(d.reviewer), aiswatch::format_iso8601(d.decided_at),
             d.evidence_fingerprint.empty() ? "" : " (evidence " + d.evidence_fingerprint + ")");
}

void run_review(const ReviewOptions& o) {
  const bool decision = !o.event_id.empty() || o.vessel.has_value();
  if (o.list == decision)
    usage_error("give an EVENT_ID or --vessel MMSI with --status and --note, or --list");
  if (!o.event_id.empty() && o.vessel) usage_error("give either an EVENT_ID or --vessel, not both");
  if (!o.list && (o.history || o.json)) usage_error("--history and --json go with --list");
  if (o.list && (!o.status.empty() || o.note || !o.reviewer.empty()))
    usage_error("--status, --note and --reviewer record a decision; they do not go with --list");
  try {
    if (o.list) list_decisions(o);
    else record_decision(o);
  } catch (const aiswatch::report::ReportError& e) {
    std::fflush(stdout);
    usage_error(e.what());
  }
}

}  // namespace

void register_review_command(CLI::App& app) {
  auto options = std::make_shared<ReviewOptions>();
  CLI::App* sub = app.add_subcommand("review", "Record a review decision on an event or vessel, or list decisions");
  sub->add_option("event_id", options->event_id, "Event id (from events.jsonl or the report)");
  sub->add_option("--vessel", options->vessel, "A decision on a whole vessel (MMSI) instead of one event");
  sub->add_option("--status", options->status, "confirmed, dismissed or needs-info");
  sub->add_option("--note", options->note, "Why (required with --status)");
  sub->add_option("--reviewer", options->reviewer, "Who decides (default: $AISWATCH_REVIEWER, $USER, $LOGNAME)");
  sub->add_option("--cases", options->cases, "The SQLite case file written by replay --cases")->required();
  sub->add_flag("--list", options->list, "List the latest decision per event or vessel");
  sub->add_flag("--history", options->history, "With --list: every decision, oldest first");
  sub->add_flag("--json", options->json, "With --list: one JSON object per line");
  sub->callback([options] { run_review(*options); });
}
