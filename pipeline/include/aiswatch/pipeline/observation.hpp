// observation.hpp — one timed input record as the pipeline hands it to the tracker: the position and/or
// identity a decoded AIS message (or a CSV row) gave, with the time it carries.
//
// A type 19 message and most CSV rows give both; feed the position first, then the identity, as the
// readers do. Pointers (and the views inside the reports) are valid until the producer's next call.
//   while (const Observation* o = input.next()) {
//     if (o->position) tracker.on_position(*o->position);
//     if (o->identity) tracker.on_static(*o->identity);
//   }
#pragma once

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/time.hpp"

namespace aiswatch::pipeline {

struct Observation {
  UnixMillis time = 0;                             // the time the data carries (or the receipt time, live)
  const ais::PositionReport* position = nullptr;   // null: the record gave no position
  const ais::StaticReport* identity = nullptr;     // null: the record gave no identity
};

}  // namespace aiswatch::pipeline
