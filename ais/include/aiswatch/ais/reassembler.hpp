// reassembler.hpp — joins the fragments of multipart AIS messages (type 5, 6, 8, 19, 21, 24 … over
// several !AIVDM sentences) into one AssembledSentence.
//
// Fragments belong together when channel, sequence id and fragment count agree, and so do station and
// tag-block group id when both fragments carry them (later fragments of a tag-block group often carry
// only `g:`; some USCG logs put the station on the last fragment only). Fragments must arrive in order;
// interleaving with other messages is fine. Memory is bounded: at most
// `max_pending` messages wait for their next fragment (the oldest is evicted and counted as
// incomplete_message), and when receive times are known a message older than `max_age_ms` is dropped.
//
//   Reassembler r;
//   RejectCounts rejects;
//   if (const AssembledSentence* m = r.add(sentence, rejects)) decode(m->payload, m->fill_bits);
//   r.finish(rejects);   // at end of input: what is still pending counts as incomplete_message
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/ais/reject.hpp"

namespace aiswatch::ais {

struct ReassemblyLimits {
  std::size_t max_pending = 64;     // messages waiting for more fragments at once
  std::int64_t max_age_ms = 60'000; // a pending message older than this (by receive time) is dropped
};

class Reassembler {
 public:
  explicit Reassembler(ReassemblyLimits limits = {});

  // Adds one framed sentence. Returns the complete message when `s` finishes one (a single-fragment
  // sentence finishes at once), nullptr otherwise. The result is valid until the next call.
  // Counts orphan_fragment and incomplete_message into `rejects`.
  const AssembledSentence* add(const Sentence& s, RejectCounts& rejects);

  // Drops every pending message, counting each as incomplete_message.
  void finish(RejectCounts& rejects);

  std::size_t pending() const noexcept;

 private:
  struct Slot {
    bool used = false;
    std::uint64_t started = 0;      // arrival order of the first fragment, for evicting the oldest
    std::string station;            // copied: the line it came from is gone by the next fragment
    std::optional<std::uint32_t> group_id;
    std::optional<std::uint8_t> sequence_id;
    char channel = 0;
    bool own_ship = false;
    std::array<char, 2> talker{};
    std::uint8_t fragment_count = 0;
    std::uint8_t received = 0;
    std::optional<UnixMillis> rx_time;       // first time any fragment carried
    std::optional<UnixMillis> last_rx_time;  // for expiry
    std::string payload;                     // fragments' payloads concatenated
    std::string raw_text;                    // fragments' lines concatenated
    std::array<std::uint32_t, kMaxFragments> raw_end{};
    std::array<std::optional<UnixMillis>, kMaxFragments> raw_time{};
  };

  bool matches(const Slot& slot, const Sentence& s) const noexcept;
  Slot& free_slot(RejectCounts& rejects, std::optional<UnixMillis> now);
  void append(Slot& slot, const Sentence& s);
  const AssembledSentence* complete(Slot& slot);

  ReassemblyLimits limits_;
  std::vector<Slot> slots_;
  std::uint64_t arrivals_ = 0;
  std::size_t pending_ = 0;
  AssembledSentence out_;
  std::array<RawRef, kMaxFragments> raw_{};
};

}  // namespace aiswatch::ais
