// background.hpp — ordinary traffic around the scripted vessels: cargo ships, tankers, ferries and
// fishing boats sailing between real ports along the sea lanes, berthing, loading and sailing on.
//
// None of it should ever be flagged: background vessels call only at ports marked "background" in the
// lanes file (no DPRK port), never stop at sea, never go silent, and keep a plausible identity (valid
// IMO, MID of their flag, name, call sign, destination = next port, draught changing only in port).
// Each vessel is present for the whole simulation: it starts berthed or part-way along a voyage.
//
//   std::vector<VesselSpec> bg = make_background(lanes, 300, 72 * 3'600'000, rng.derive("background"), {.mmsis = scripted});
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

#include "aiswatch/simulator/rng.hpp"
#include "aiswatch/simulator/scenario.hpp"
#include "aiswatch/simulator/sea_lanes.hpp"

namespace aiswatch::simulator {

// Identities already in use (the scripted vessels'): background ships never reuse them, nor each
// other's — one IMO under two MMSIs is exactly what identity-change detection looks for.
struct TakenIdentities {
  std::set<std::uint32_t> mmsis;
  std::set<std::uint32_t> imos;
};

// Throws ScenarioError when the lanes file has fewer than two background ports.
std::vector<VesselSpec> make_background(const SeaLanes& lanes, std::size_t count, DurationMs duration_ms, Rng rng,
                                        const TakenIdentities& taken);

// A random IMO number with a valid check digit from 3000000–3999999: below the 5–9 million of merchant
// ship numbers and a range no vessel on the bundled OFAC list uses (its few low numbers are yachts in
// the 1 millions and one navy ship at 4743313; a test checks the range stays empty), so background
// traffic cannot share an IMO with a listed vessel. Names avoid listed ones too (tested).
std::uint32_t random_imo(Rng& rng);

}  // namespace aiswatch::simulator
