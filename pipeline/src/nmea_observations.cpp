// nmea_observations.cpp — one stream's NMEA lines to timed observations (time policy in the header).
#include "aiswatch/pipeline/nmea_observations.hpp"

#include "aiswatch/ais/to_observation.hpp"

namespace aiswatch::pipeline {

namespace {

// Rebinds a view of the decoded message's text to storage that lives until the next line.
void copy_text(std::optional<std::string_view>& view, std::string& storage) {
  if (!view) return;
  storage.assign(*view);
  view = storage;
}

}  // namespace

const Observation* NmeaObservations::feed_line(std::string_view line, std::optional<UnixMillis> fallback) {
  have_current_ = false;
  decoder_.feed_line(line, [&](const ais::AisMessage& msg, const ais::AssembledSentence& s) { keep(msg, s, fallback); });
  return have_current_ ? &current_ : nullptr;
}

void NmeaObservations::keep(const ais::AisMessage& msg, const ais::AssembledSentence& s,
                            std::optional<UnixMillis> fallback) {
  UnixMillis time = 0;
  if (s.rx_time) {
    time = *s.rx_time;
  } else if (fallback) {
    time = *fallback;
    ++receipt_stamped_;
  } else {
    ++untimed_;
    return;
  }
  auto position = ais::to_position_report(msg, s, time);
  auto identity = ais::to_static_report(msg, s, time);
  if (!position && !identity) return;
  current_ = Observation{.time = time};
  if (position) {
    position_ = *position;
    current_.position = &position_;
  }
  if (identity) {
    identity_ = *identity;
    copy_text(identity_.name, name_);
    copy_text(identity_.callsign, callsign_);
    copy_text(identity_.destination, destination_);
    current_.identity = &identity_;
  }
  have_current_ = true;
}

}  // namespace aiswatch::pipeline
