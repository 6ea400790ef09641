// nmea_observations.hpp — NMEA lines of one stream to timed observations: framing, reassembly and
// payload decoding (ais::StreamDecoder), then ais::to_position_report / to_static_report.
//
// Time policy (docs/replay.md "Time"): a message's time is the receive time its lines carry (tag block
// c:, trailing epoch, $PGHP). A message without one takes `fallback`: a live feed passes the receipt
// time (counted in receipt_stamped(), so the run can say its times are of receipt); a replay passes
// nullopt and such messages are counted in untimed() and skipped — a replay cannot invent times, and a
// made-up clock would fake gaps, dwell times and speeds (and so spoofing and gap events).
//
//   NmeaObservations nmea;                                  // one per stream: it holds pending fragments
//   if (const Observation* o = nmea.feed_line(line, std::nullopt)) use(*o);   // valid until the next call
//   nmea.finish();                                          // end of stream: counts unfinished messages
//   nmea.decode_stats().rejects.total();
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aiswatch/ais/observation.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/pipeline/observation.hpp"

namespace aiswatch::pipeline {

class NmeaObservations {
 public:
  NmeaObservations() = default;
  NmeaObservations(const NmeaObservations&) = delete;
  NmeaObservations& operator=(const NmeaObservations&) = delete;

  // The observation this line completes, or nullptr (not an AIS sentence, a fragment waiting for the
  // rest, rejected, untimed, or a message that is neither position nor identity: base stations, binary
  // messages…). Valid until the next call: its raw records point into the decoder's buffers.
  const Observation* feed_line(std::string_view line, std::optional<UnixMillis> fallback);

  void finish() { decoder_.finish(); }

  [[nodiscard]] const ais::DecodeStats& decode_stats() const noexcept { return decoder_.stats(); }
  [[nodiscard]] std::uint64_t untimed() const noexcept { return untimed_; }
  [[nodiscard]] std::uint64_t receipt_stamped() const noexcept { return receipt_stamped_; }

 private:
  void keep(const ais::AisMessage& msg, const ais::AssembledSentence& s, std::optional<UnixMillis> fallback);

  ais::StreamDecoder decoder_;
  Observation current_;
  bool have_current_ = false;
  ais::PositionReport position_;
  ais::StaticReport identity_;
  // The identity's text outlives the decoded message only as these copies.
  std::string name_, callsign_, destination_;
  std::uint64_t untimed_ = 0;
  std::uint64_t receipt_stamped_ = 0;
};

}  // namespace aiswatch::pipeline
