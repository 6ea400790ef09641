// error.hpp — the failure that ends a live run: an address that cannot be resolved or bound (port in use,
// no permission), a bad --connect/--listen option. The message names the option or endpoint.
//
//   try { service.start(); }
//   catch (const aiswatch::live::LiveError& e) { fmt::print(stderr, "aiswatch live: {}\n", e.what()); }
//
// Expected bad input from the network (garbage, over-long lines, peers that vanish) is never thrown: it
// is counted in SourceCounters.
#pragma once

#include <stdexcept>

namespace aiswatch::live {

class LiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace aiswatch::live
