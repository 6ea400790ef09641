#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, and runs aiswatch on samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
scripts/build.sh release aiswatch
mkdir -p out
build/release/app/aiswatch decode --stats samples/data/nmea_data_sample.txt > out/decoded.jsonl
echo "decoded messages written to out/decoded.jsonl ($(wc -l < out/decoded.jsonl) lines)"
