// merged_input.cpp — k-way merge of the inputs by observation time.
#include "aiswatch/pipeline/merged_input.hpp"

#include <algorithm>
#include <cassert>

namespace aiswatch::pipeline {

namespace {

// std heap functions build a max-heap: "greater" puts the earliest record on top; the lower source index
// wins a tie, so equal times keep the order of the command line.
bool later(const auto& a, const auto& b) noexcept {
  return a.time != b.time ? a.time > b.time : a.source > b.source;
}

}  // namespace

std::vector<std::unique_ptr<InputSource>> open_inputs(std::span<const std::string> paths) {
  std::vector<std::unique_ptr<InputSource>> sources;
  sources.reserve(paths.size());
  for (const std::string& p : paths) sources.push_back(std::make_unique<InputSource>(p));
  return sources;
}

MergedInput::MergedInput(std::vector<std::unique_ptr<InputSource>> sources)
    : sources_(std::move(sources)), current_(sources_.size(), nullptr) {
  heap_.reserve(sources_.size());
}

void MergedInput::push(std::size_t source) {
  const Observation* o = sources_[source]->next();
  current_[source] = o;
  if (o == nullptr) return;
  heap_.push_back({o->time, source});
  std::push_heap(heap_.begin(), heap_.end(), [](const Head& a, const Head& b) { return later(a, b); });
}

const Observation* MergedInput::next() {
  if (sources_.size() == 1) return sources_.front()->next();  // nothing to merge
  if (!started_) {
    started_ = true;
    for (std::size_t i = 0; i < sources_.size(); ++i) push(i);
  } else if (delivered_) {
    // Only now may that source move on: its previous record was valid until this call.
    push(*delivered_);
  }
  delivered_.reset();
  if (heap_.empty()) return nullptr;
  std::pop_heap(heap_.begin(), heap_.end(), [](const Head& a, const Head& b) { return later(a, b); });
  const std::size_t source = heap_.back().source;
  heap_.pop_back();
  delivered_ = source;
  assert(current_[source] != nullptr);
  return current_[source];
}

void MergedInput::finish() {
  for (auto& s : sources_) s->finish();
}

std::uint64_t MergedInput::bytes_read() const noexcept {
  std::uint64_t total = 0;
  for (const auto& s : sources_) total += s->bytes_read();
  return total;
}

std::optional<std::uint64_t> MergedInput::size_bytes() const noexcept {
  std::uint64_t total = 0;
  for (const auto& s : sources_) {
    const auto size = s->size_bytes();
    if (!size) return std::nullopt;
    total += *size;
  }
  return total;
}

}  // namespace aiswatch::pipeline
