#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, and replays samples/demo (every
# simulator scenario amid background traffic) against the bundled OFAC vessel list and a watch zone,
# writing the events and the watchlist report into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
scripts/build.sh release aiswatch
mkdir -p out
build/release/app/aiswatch replay samples/demo/demo.nmea.gz \
  --watchlist watchlists/data/ofac_sdn_vessels_20240503.csv \
  --zones samples/scenarios/zones/yeosu_watch_area.geojson \
  --events out/events.jsonl --report out/report --cases out/cases.sqlite
echo "watchlist report: out/report/index.html (events: out/events.jsonl; review with: build/release/app/aiswatch review --list --cases out/cases.sqlite)"
