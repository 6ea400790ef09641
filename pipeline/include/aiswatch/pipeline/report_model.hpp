// report_model.hpp — the report model of a run (report/model.hpp) filled from the pipeline's state: a
// dossier per vessel (identity as last broadcast, identity history with its sentences, other MMSIs seen
// with its IMO, watchlist matches, thinned track), the events, and the run description the caller gives.
//
//   report::RunInfo run{.aiswatch_version = AISWATCH_VERSION, .inputs = …, .statistics = …};
//   report::ReportModel m = build_report_model(pipeline, std::move(events), std::move(run));
//   m.decisions = cases.history();
//   report::write_report(m, {}, "out/report");
#pragma once

#include <cstdint>
#include <vector>

#include "aiswatch/ais/vessel.hpp"
#include "aiswatch/detectors/event.hpp"
#include "aiswatch/pipeline/detection_pipeline.hpp"
#include "aiswatch/report/model.hpp"

namespace aiswatch::pipeline {

// Dossiers for every vessel with a stored track or an event (vessels evicted during the run included,
// from their summaries); run.first_time/last_time/messages/vessels are filled when the caller left them.
report::ReportModel build_report_model(const DetectionPipeline& pipeline, std::vector<detectors::Event> events,
                                       report::RunInfo run);

// One vessel's dossier from the tracker's state (nullptr vessel: identity from its eviction summary).
report::VesselDossier make_dossier(std::uint32_t mmsi, const ais::Vessel* vessel, const ais::VesselSummary* summary,
                                   const DetectionPipeline& pipeline);

}  // namespace aiswatch::pipeline
