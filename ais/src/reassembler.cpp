// Multipart reassembly: a fixed set of pending slots, matched by a linear scan (there are few, and most
// sentences are single-fragment and never touch them). Slot buffers are reused, so once warm nothing is
// allocated per message.
#include "aiswatch/ais/reassembler.hpp"

#include <cassert>

namespace aiswatch::ais {

Reassembler::Reassembler(ReassemblyLimits limits) : limits_(limits), slots_(limits.max_pending) {
  assert(limits.max_pending > 0);
}

std::size_t Reassembler::pending() const noexcept { return pending_; }

bool Reassembler::matches(const Slot& slot, const Sentence& s) const noexcept {
  if (slot.channel != s.channel || slot.sequence_id != s.sequence_id || slot.fragment_count != s.fragment_count)
    return false;
  // What both fragments carry must agree; what one lacks is no evidence. Later fragments of a tag-block
  // group often carry only `g:`, and gpsd's sample has a first fragment without the USCG station its
  // second fragment carries.
  if (s.group && slot.group_id && s.group->id != *slot.group_id) return false;
  return s.station.empty() || slot.station.empty() || s.station == slot.station;
}

Reassembler::Slot& Reassembler::free_slot(RejectCounts& rejects, std::optional<UnixMillis> now) {
  Slot* free = nullptr;
  Slot* oldest = nullptr;
  for (Slot& slot : slots_) {
    if (slot.used && now && slot.last_rx_time && *now - *slot.last_rx_time > limits_.max_age_ms) {
      slot.used = false;  // its remaining fragments are long overdue
      --pending_;
      rejects.add(Reject::incomplete_message);
    }
    if (!slot.used) {
      if (free == nullptr) free = &slot;
    } else if (oldest == nullptr || slot.started < oldest->started) {
      oldest = &slot;
    }
  }
  if (free != nullptr) return *free;
  // Every slot is in use, so `oldest` is set; the fallback only keeps the compiler's null analysis quiet.
  Slot& victim = oldest != nullptr ? *oldest : slots_.front();
  victim.used = false;
  --pending_;
  rejects.add(Reject::incomplete_message);
  return victim;
}

void Reassembler::append(Slot& slot, const Sentence& s) {
  if (slot.station.empty() && !s.station.empty()) slot.station.assign(s.station);
  if (!slot.group_id && s.group) slot.group_id = s.group->id;
  slot.payload.append(s.payload);
  slot.raw_text.append(s.line);
  slot.raw_end[slot.received] = static_cast<std::uint32_t>(slot.raw_text.size());
  slot.raw_time[slot.received] = s.rx_time;
  ++slot.received;
  if (s.rx_time) {
    if (!slot.rx_time) slot.rx_time = s.rx_time;
    slot.last_rx_time = s.rx_time;
  }
}

const AssembledSentence* Reassembler::complete(Slot& slot) {
  std::uint32_t begin = 0;
  for (std::size_t i = 0; i < slot.received; ++i) {
    raw_[i] = RawRef{std::string_view(slot.raw_text).substr(begin, slot.raw_end[i] - begin), slot.raw_time[i]};
    begin = slot.raw_end[i];
  }
  out_.payload = slot.payload;
  out_.rx_time = slot.rx_time;
  out_.station = slot.station;
  out_.channel = slot.channel;
  out_.own_ship = slot.own_ship;
  out_.talker = std::string_view(slot.talker.data(), slot.talker.size());
  out_.raw = std::span<const RawRef>(raw_.data(), slot.received);
  // The views stay valid after the slot is freed: its buffers are only reused by a later add().
  slot.used = false;
  --pending_;
  return &out_;
}

const AssembledSentence* Reassembler::add(const Sentence& s, RejectCounts& rejects) {
  if (s.fragment_count == 1) {
    raw_[0] = RawRef{s.line, s.rx_time};
    out_ = AssembledSentence{.payload = s.payload,
                             .fill_bits = s.fill_bits,
                             .rx_time = s.rx_time,
                             .station = s.station,
                             .channel = s.channel,
                             .own_ship = s.own_ship,
                             .talker = s.talker,
                             .raw = std::span<const RawRef>(raw_.data(), 1)};
    return &out_;
  }

  Slot* found = nullptr;
  for (Slot& slot : slots_) {
    if (slot.used && matches(slot, s)) {
      found = &slot;
      break;
    }
  }
  if (found != nullptr && s.rx_time && found->last_rx_time &&
      *s.rx_time - *found->last_rx_time > limits_.max_age_ms) {
    found->used = false;  // too old to be this fragment's message
    --pending_;
    rejects.add(Reject::incomplete_message);
    found = nullptr;
  }

  if (s.fragment_number == 1) {
    if (found != nullptr) {
      // The same id starts again: the pending message never got its remaining fragments.
      found->used = false;
      --pending_;
      rejects.add(Reject::incomplete_message);
    }
    Slot& slot = free_slot(rejects, s.rx_time);
    slot.used = true;
    slot.started = arrivals_++;
    slot.station.assign(s.station);
    slot.group_id = s.group ? std::optional<std::uint32_t>(s.group->id) : std::nullopt;
    slot.sequence_id = s.sequence_id;
    slot.channel = s.channel;
    slot.own_ship = s.own_ship;
    slot.talker = {s.talker.size() > 0 ? s.talker[0] : '\0', s.talker.size() > 1 ? s.talker[1] : '\0'};
    slot.fragment_count = s.fragment_count;
    slot.received = 0;
    slot.rx_time.reset();
    slot.last_rx_time.reset();
    slot.payload.clear();
    slot.raw_text.clear();
    ++pending_;
    append(slot, s);
    return nullptr;
  }

  if (found == nullptr) {
    rejects.add(Reject::orphan_fragment);
    return nullptr;
  }
  if (s.fragment_number != found->received + 1) {
    rejects.add(Reject::orphan_fragment);
    if (s.fragment_number > found->received + 1) {
      // A fragment in between was lost: the pending message can never be completed.
      found->used = false;
      --pending_;
      rejects.add(Reject::incomplete_message);
    }
    return nullptr;  // a repeated fragment is dropped; the pending message keeps waiting
  }
  append(*found, s);
  if (found->received < found->fragment_count) return nullptr;
  out_.fill_bits = s.fill_bits;
  return complete(*found);
}

void Reassembler::finish(RejectCounts& rejects) {
  for (Slot& slot : slots_) {
    if (!slot.used) continue;
    slot.used = false;
    rejects.add(Reject::incomplete_message);
  }
  pending_ = 0;
}

}  // namespace aiswatch::ais
