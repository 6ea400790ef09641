// cmd_decode.cpp — `aiswatch decode [FILE...] [--stats]`: every decoded AIS message as one JSON object per
// line on stdout (gpsd AIVDM field names, + "rxtime" when the input carries a receive time), and a
// summary of what was read, decoded and rejected (by reason) on stderr at the end of every run.
//
//   aiswatch decode feed.nmea.gz > messages.jsonl
//   zcat feed.gz | aiswatch decode --stats        # stdin when no FILE (or FILE is "-")
//
// Exit status: 0 when the input was read (rejected lines are counted, not fatal); 1 when a file cannot
// be opened or read (the message names it). Each file is its own stream: multipart messages do not join
// across files.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "aiswatch/ais/line_reader.hpp"
#include "aiswatch/ais/stream_decoder.hpp"
#include "aiswatch/report/message_json.hpp"

namespace {

using aiswatch::ais::DecodeStats;

struct DecodeOptions {
  std::vector<std::string> files;
  bool stats = false;
};

// stdout through one large buffer and fwrite: formatting stays in memory, one syscall per ~1 MiB.
class BufferedStdout {
 public:
  static constexpr std::size_t kFlushBytes = 1 << 20;

  fmt::memory_buffer& buffer() noexcept { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= kFlushBytes) flush();
  }
  void flush() {
    if (buf_.size() == 0) return;
    if (std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) {
      throw std::runtime_error("cannot write to standard output");
    }
    buf_.clear();
  }

 private:
  fmt::memory_buffer buf_;
};

void print_stats(const DecodeStats& st, bool detailed) {
  const std::uint64_t rejected = st.rejects.total();
  fmt::print(stderr, "decode: {} lines, {} AIS sentences, {} messages decoded, {} rejected, {} other sentences skipped",
             st.lines, st.sentences, st.messages, rejected, st.non_ais_skipped);
  if (detailed) {
    fmt::print(stderr, ", {} blank/comment, {} $PGHP times, {} payloads assembled, {} bad tag blocks ignored",
               st.blank_or_comment, st.gatehouse_times, st.assembled, st.tag_blocks_discarded);
  }
  fmt::print(stderr, "\n");

  fmt::memory_buffer line;
  for (std::size_t type = 0; type < st.messages_by_type.size(); ++type) {
    if (st.messages_by_type[type] != 0) fmt::format_to(std::back_inserter(line), " {}:{}", type, st.messages_by_type[type]);
  }
  if (line.size() != 0) fmt::print(stderr, "  messages by type:{}\n", fmt::to_string(line));

  line.clear();
  for (std::size_t r = 0; r < aiswatch::ais::kRejectCount; ++r) {
    const auto reason = static_cast<aiswatch::ais::Reject>(r);
    if (detailed || st.rejects[reason] != 0)
      fmt::format_to(std::back_inserter(line), " {}:{}", aiswatch::ais::to_string(reason), st.rejects[reason]);
  }
  if (line.size() != 0) fmt::print(stderr, "  rejected by reason:{}\n", fmt::to_string(line));
}

void run_decode(const DecodeOptions& options) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files.emplace_back("-");

  // Open every input first, so that a missing file fails the run before any output.
  std::vector<std::unique_ptr<aiswatch::ais::LineReader>> readers;
  try {
    for (const std::string& file : files) readers.push_back(std::make_unique<aiswatch::ais::LineReader>(file));
  } catch (const aiswatch::ais::InputError& e) {
    fmt::print(stderr, "aiswatch decode: {}\n", e.what());
    throw CLI::RuntimeError(1);
  }

  BufferedStdout out;
  DecodeStats total;
  for (auto& reader : readers) {
    aiswatch::ais::StreamDecoder decoder;
    const auto on_message = [&](const aiswatch::ais::AisMessage& msg, const aiswatch::ais::AssembledSentence& s) {
      aiswatch::report::write_message_json(msg, s, out.buffer());  // one object and its '\n'
      out.maybe_flush();
    };
    try {
      while (auto line = reader->next_line()) decoder.feed_line(*line, on_message);
    } catch (const aiswatch::ais::InputError& e) {
      out.flush();
      decoder.finish();
      total += decoder.stats();
      print_stats(total, options.stats);
      fmt::print(stderr, "aiswatch decode: {}\n", e.what());
      throw CLI::RuntimeError(1);
    }
    decoder.finish();
    total += decoder.stats();
  }
  out.flush();
  std::fflush(stdout);
  print_stats(total, options.stats);
}

}  // namespace

void register_decode_command(CLI::App& app) {
  auto options = std::make_shared<DecodeOptions>();
  CLI::App* cmd = app.add_subcommand("decode", "Decode AIS NMEA (plain or gzip) to JSON lines, gpsd AIVDM field names");
  // No CLI11 ExistingFile check: the reader's message names the file and the exit status stays 1.
  cmd->add_option("files", options->files, "NMEA input files (gzip detected; \"-\" or none: stdin)");
  cmd->add_flag("--stats", options->stats, "Detailed statistics on stderr (every count, zero ones too)");
  cmd->callback([options] { run_decode(*options); });
}
