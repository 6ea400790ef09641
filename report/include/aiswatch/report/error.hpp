// error.hpp — the one exception of the report layer: an output that cannot be written (directory not
// writable, unknown GIS driver, unusable case file) ends the run with a message naming the file.
//
//   try { aiswatch::report::write_report(model, options, "out/"); }
//   catch (const aiswatch::report::ReportError& e) { fmt::print(stderr, "aiswatch: {}\n", e.what()); }
#pragma once

#include <stdexcept>
#include <string>

namespace aiswatch::report {

class ReportError : public std::runtime_error {
 public:
  explicit ReportError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace aiswatch::report
