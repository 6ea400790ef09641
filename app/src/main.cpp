// main.cpp — the aiswatch command line: registers one subcommand per app/src/cmd_<name>.cpp, parses,
// and turns failures into the exit statuses of ../shared/DESIGN.md:
//   0 success (rejected input lines are counted, not fatal)
//   1 unusable input file or option (the subcommand prints a message naming it, then throws
//     CLI::RuntimeError(1); CLI11's own option errors land here too)
//   2 internal failure (any other exception)
//
// Adding a subcommand: write app/src/cmd_<name>.cpp with `void register_<name>_command(CLI::App&)`,
// declare it below, call it in main(), and list the file in app/CMakeLists.txt.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <exception>

void register_decode_command(CLI::App& app);
void register_replay_command(CLI::App& app);
void register_zones_command(CLI::App& app);
void register_review_command(CLI::App& app);
void register_serve_command(CLI::App& app);
void register_live_command(CLI::App& app);

int main(int argc, char** argv) {
  CLI::App app{"aiswatch — AIS anomaly detection for sanctions work"};
  app.set_version_flag("--version", "aiswatch " AISWATCH_VERSION);
  app.require_subcommand(1);

  register_decode_command(app);
  register_replay_command(app);
  register_zones_command(app);
  register_review_command(app);
  register_serve_command(app);
  register_live_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help/--version exit 0; CLI11's error codes (100+) for bad options become 1.
    const int code = app.exit(e);
    return code == 0 ? 0 : (code == 2 ? 2 : 1);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "aiswatch: internal error: {}\n", e.what());
    return 2;
  }
  return 0;
}
