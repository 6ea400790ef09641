// serve_test.cpp — the `serve` log player feeding a `--connect` client in-process: the exact lines of
// corpus files (plain and gzip) arrive in order; --speed honours tag-block times (loosely timed);
// several clients get the same feed; a client that stops reading is dropped, not buffered for ever.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "aiswatch/ais/nmea.hpp"
#include "aiswatch/live/feed_server.hpp"
#include "aiswatch/live/live_service.hpp"
#include "live_run.hpp"

using namespace aiswatch::live;
using namespace aiswatch::live::test;
using namespace std::chrono_literals;

namespace {

// A file under the system temp directory, removed at the end of the test.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name)
      : path((std::filesystem::temp_directory_path() / ("aiswatch_live_" + std::to_string(::getpid()) + "_" + name)).string()) {}
  ~TempFile() { std::remove(path.c_str()); }
  void write(const std::string& bytes) const {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    std::fclose(f);
  }
  void write_gzip(const std::string& bytes) const {
    gzFile f = gzopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    gzclose(f);
  }
};

// serve → live on one io_context: the served file's lines as the client received them.
struct Replay {
  RecordingConsumer consumer;
  ServeStats served;
  SourceSnapshot client;
  double seconds = 0;
  bool finished = false;

  Replay(const std::string& path, double speed) {
    boost::asio::io_context io;
    FeedServer server(io, ServeSettings{.path = path, .speed = speed});
    server.start();
    LiveSettings settings;
    settings.connect.push_back({"127.0.0.1", server.port()});
    settings.reconnect = false;  // the end of the log ends the run
    LiveService service(io, settings, consumer);
    service.start();
    const auto start = std::chrono::steady_clock::now();
    io.run_for(std::chrono::seconds(30));  // returns once the server finished and the client gave up
    finished = io.stopped();               // … not because the time ran out
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    served = server.stats();
    client = service.sources().at(0);
  }
};

}  // namespace

TEST_CASE("serve -> live: the exact lines of a corpus file, in order", "[live][serve]") {
  const std::string file = GENERATE(as<std::string>{}, "gpsd/sample.aivdm", "pyais/nmea_data_sample.txt",
                                    "libais/tagblock.nmea", "gpsd/ais-raw-messages.log");
  INFO(file);
  const std::string text = read_file(data_path(file));
  Replay replay(data_path(file), 0.0);
  REQUIRE(replay.finished);
  CHECK(replay.consumer.texts() == expected_lines(text));
  CHECK(replay.consumer.finished() == 1);
  CHECK(replay.served.passes == 1);
  CHECK(replay.served.clients_accepted == 1);
  CHECK(replay.client.lines == expected_lines(text).size());
  CHECK(replay.client.bytes == replay.served.bytes_written);
}

TEST_CASE("serve -> live: a gzip log is played decompressed", "[live][serve]") {
  const std::string text = read_file(data_path("gpsd/ais-nmea.log"));
  TempFile gz("ais-nmea.log.gz");
  gz.write_gzip(text);
  Replay replay(gz.path, 0.0);
  REQUIRE(replay.finished);
  CHECK(replay.consumer.texts() == expected_lines(text));
}

TEST_CASE("serve --speed: ten seconds of tag-block time at speed 10 take about a second", "[live][serve][pacing]") {
  // Real sentences with NMEA 4.0 tag blocks one second apart (c: in seconds, checksummed like libais's).
  const auto sentences = corpus_sentences("pyais/nmea_data_sample.txt");
  std::vector<std::string> lines;
  for (int i = 0; i <= 10; ++i) {
    const std::string tag = "s:rTEST,c:" + std::to_string(1'418'169'601 + i);
    char checksum[3];
    std::snprintf(checksum, sizeof checksum, "%02X", aiswatch::ais::nmea_checksum(tag));
    lines.push_back("\\" + tag + "*" + checksum + "\\" + sentences.at(static_cast<std::size_t>(i)));
    if (i % 3 == 0) lines.push_back("# no time: sent right after the previous line");
  }
  TempFile file("paced.nmea");
  file.write(joined(lines, "\r\n"));

  Replay replay(file.path, 10.0);
  REQUIRE(replay.finished);
  CHECK(replay.consumer.texts() == lines);
  CHECK(replay.seconds > 0.5);  // loose bounds: pacing happened, and nothing waited far too long
  CHECK(replay.seconds < 3.0);

  // The arrival times follow the data: the last timed line about 1 s after the first.
  const auto received = replay.consumer.lines();
  const double spread_s = static_cast<double>(received.back().received - received.front().received) / 1000.0;
  CHECK(spread_s > 0.5);
  CHECK(spread_s < 3.0);
}

TEST_CASE("serve: every client gets the same lines; a client that stops reading is dropped", "[live][serve]") {
  // Big enough that a client that never reads fills the socket buffers and the server's high-water mark.
  const auto sentences = corpus_sentences("gpsd/ais-nmea-type6-fid55.log");
  std::vector<std::string> lines;
  while (lines.size() < 200'000) lines.insert(lines.end(), sentences.begin(), sentences.end());
  TempFile file("big.nmea");
  file.write(joined(lines, "\n"));

  std::vector<std::string> log;
  boost::asio::io_context io;
  FeedServer server(io, ServeSettings{.path = file.path,
                                      .speed = 0,
                                      .wait_for_clients = 2,
                                      .client_high_water_bytes = 256 * 1024,
                                      .stall_timeout = 300ms},
                    [&](std::string_view l) { log.emplace_back(l); });
  server.start();
  RecordingConsumer consumer;
  LiveSettings settings;
  settings.connect.push_back({"127.0.0.1", server.port()});
  settings.reconnect = false;
  LiveService service(io, settings, consumer);
  service.start();

  // The second client connects and never reads. Its backlog ends up anywhere above the resume mark —
  // also between the resume mark and the high-water mark, where it holds playback paused without ever
  // being over the high-water mark: it must still be dropped.
  boost::asio::io_context test_io;
  auto stuck = connect_to(test_io, server.port());
  stuck.set_option(boost::asio::socket_base::receive_buffer_size(4096));

  io.run_for(std::chrono::seconds(30));
  REQUIRE(io.stopped());  // finished by itself, not by the time limit
  const ServeStats s = server.stats();
  CHECK(s.clients_accepted == 2);
  CHECK(s.clients_dropped_slow == 1);
  CHECK(consumer.texts().size() == lines.size());  // the reading client got everything
  CHECK(consumer.texts().back() == lines.back());
  CHECK(std::any_of(log.begin(), log.end(), [](const std::string& l) { return l.find("too slow") != std::string::npos; }));
}

TEST_CASE("serve: a missing file and a port in use are reported before anything runs", "[live][serve]") {
  boost::asio::io_context io;
  FeedServer missing(io, ServeSettings{.path = "/nonexistent/feed.nmea"});
  CHECK_THROWS_WITH(missing.start(), Catch::Contains("/nonexistent/feed.nmea"));

  TestServer taken;
  FeedServer clash(io, ServeSettings{.path = data_path("libais/tagblock.nmea"), .listen = {"127.0.0.1", taken.port()}});
  CHECK_THROWS_WITH(clash.start(), Catch::Contains("--port 127.0.0.1:" + std::to_string(taken.port())));
}
