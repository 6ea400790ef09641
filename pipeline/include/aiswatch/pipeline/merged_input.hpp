// merged_input.hpp — several inputs read as one stream in time order: a k-way merge of the per-file
// streams by observation time (a binary heap over each file's next record; ties go to the file given
// first, so the order is deterministic). One input is read straight through, without the heap.
//
// The merge orders files against each other; inside a file, records come in file order. A file whose
// times step back a little (several receiving stations, daily exports) is fine: the tracker accepts fixes
// up to its reorder window late (docs/replay.md "Several files").
//
//   MergedInput in(open_inputs({"day1.nmea.gz", "day2.csv"}));
//   while (const Observation* o = in.next()) feed(*o);       // valid until the next call
//   in.finish();
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "aiswatch/pipeline/input_source.hpp"

namespace aiswatch::pipeline {

// Opens every file first (so a missing one fails the run before any work); throws ais::InputError.
std::vector<std::unique_ptr<InputSource>> open_inputs(std::span<const std::string> paths);

class MergedInput {
 public:
  explicit MergedInput(std::vector<std::unique_ptr<InputSource>> sources);

  // The earliest next record over all inputs, or nullptr when all are exhausted.
  const Observation* next();
  void finish();

  [[nodiscard]] std::span<const std::unique_ptr<InputSource>> sources() const noexcept { return sources_; }
  [[nodiscard]] std::uint64_t bytes_read() const noexcept;
  // Sum of the inputs' sizes; nullopt when any size is unknown (stdin).
  [[nodiscard]] std::optional<std::uint64_t> size_bytes() const noexcept;

 private:
  struct Head {
    UnixMillis time;
    std::size_t source;
  };
  void push(std::size_t source);

  std::vector<std::unique_ptr<InputSource>> sources_;
  std::vector<const Observation*> current_;  // each source's record waiting in the heap
  std::vector<Head> heap_;                   // min-heap by (time, source)
  std::optional<std::size_t> delivered_;     // the source whose record was handed out last
  bool started_ = false;
};

}  // namespace aiswatch::pipeline
