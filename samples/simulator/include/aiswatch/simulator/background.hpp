// background.hpp — ordinary traffic around the scripted vessels: cargo ships, tankers, ferries and
// fishing boats sailing between real ports along the sea lanes, berthing, loading and sailing on.
//
// None of it should ever be flagged: background vessels call only at ports marked "background" in the
// lanes file (no DPRK port), never stop at sea, never go silent, and keep a plausible identity (valid
// IMO, MID of their flag, name, call sign, destination = next port, draught changing only in port).
// Each vessel is present for the whole simulation: it starts berthed or part-way along a voyage.
//
//   std::vector<VesselSpec> bg = make_background(lanes, 300, 72 * 3'600'000, rng.derive("background"), taken);
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

#include "aiswatch/simulator/rng.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/sea_lanes.hpp"

namespace aiswatch::simulator {

// `taken_mmsis`: MMSIs of scripted vessels, never reused. Throws ScenarioError when the lanes file has
// fewer than two background ports.
std::vector<VesselSpec> make_background(const SeaLanes& lanes, std::size_t count, DurationMs duration_ms, Rng rng,
                                        const std::set<std::uint32_t>& taken_mmsis);

// A random IMO number with a valid check digit from 4000000–4999999: a range never given to ships
// (ship numbers began at 5000000 as Lloyd's Register numbers), so background traffic can never share
// an IMO with a real vessel on a sanctions list. Names avoid listed ones the same way (a test checks
// both against the bundled OFAC list).
std::uint32_t random_imo(Rng& rng);

}  // namespace aiswatch::simulator
