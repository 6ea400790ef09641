#!/usr/bin/env bash
# Regenerates the bundled demo sample: samples/demo/demo.nmea.gz (AIS NMEA with tag blocks) and
# samples/demo/demo.truth.json (the events a detector should find; format in docs/simulator.md).
#   samples/make_demo.sh [AISWATCH_SIMULATE] [OUT_DIR]
# Defaults: the release build's aiswatch-simulate (scripts/build.sh release aiswatch-simulate) and
# samples/demo. The output is reproducible: the same binary writes the same lines and truth, and
# tests/simulator/demo_test.cpp regenerates it and compares.
#
# Settings: every scenario in samples/scenarios, 40 background vessels, seed 2024, 66 hours from
# 2024-03-10T00:00:00Z; underway reports every 2 min (ITU rates x12, at most 120 s), static data every
# 12 min (ITU: 6) — thinner than real traffic so the file stays about 3 MB.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/release/samples/simulator/aiswatch-simulate}
out=${2:-$here/demo}
if [ ! -x "$bin" ]; then
  echo "make_demo.sh: $bin not found; build it with: scripts/build.sh release aiswatch-simulate" >&2
  exit 1
fi
mkdir -p "$out"
"$bin" --scenario all --scenario-dir "$here/scenarios" --seed 2024 --background 40 \
  --thin 12 --max-interval 120 --static-minutes 12 --start 2024-03-10T00:00:00Z \
  --out "$out/demo.nmea.gz" --truth "$out/demo.truth.json" --quiet
