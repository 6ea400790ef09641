#!/usr/bin/env bash
# Full replay speed and memory: `aiswatch replay` with every detector on, the OFAC list loaded and the
# bundled zones and land, over a simulated fleet (≥ 5 M messages from ≥ 10 k vessels, all scenarios
# scripted in), one thread, whole process, median of RUNS. Beside it in the same run: `aiswatch decode`
# of the same file (decode + JSON only) and the start-up cost alone (replay of an empty file).
#   bench/replay_bench.sh [BUILD_DIR] [RUNS]     # defaults: build/release 3
# The input is generated once into build/bench/fleet.nmea (about 12.7 M lines, 1 GB; ~2 min).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${2:-3}
aiswatch="$build/app/aiswatch"
simulate="$build/samples/simulator/aiswatch-simulate"
fleet=build/bench/fleet.nmea
for b in "$aiswatch" "$simulate"; do
  [ -x "$b" ] || { echo "no $b: build it first (cmake --build $build --target aiswatch aiswatch-simulate)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: scripts/setup.sh test" >&2; exit 1; }
mkdir -p build/bench
if [ ! -f "$fleet" ]; then
  echo "generating $fleet (10,000 background vessels + every scenario, 20 h)…" >&2
  "$simulate" --scenario all --background 10000 --hours 20 --seed 5 --out "$fleet" --quiet
fi
empty=build/bench/empty.nmea
: > "$empty"
list=watchlists/data/ofac_sdn_vessels_20240503.csv

lines=$(wc -l < "$fleet")
stats=$("$aiswatch" replay "$fleet" --watchlist "$list" --stats 2>&1 >/dev/null)
messages=$(printf '%s\n' "$stats" | awk -F': ' '/^  AIS messages decoded:/ {print $2}')
vessels=$(printf '%s\n' "$stats" | awk -F': ' '/^  vessels:/ {print $2}')
events=$(printf '%s\n' "$stats" | awk -F': ' '/^  events: [0-9]/ {print $2}')

measure() {
  local label=$1 cmd=$2 out walls=() rss=0
  out=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$out" bash -c "$cmd"
    read -r wall kib < "$out"
    walls+=("$wall")
    [ "$kib" -gt "$rss" ] && rss=$kib
  done
  rm -f "$out"
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  printf '%s\t%s\t%s\n' "$label" "$median" "$rss"
}

echo "input: $fleet — $lines lines, $messages AIS messages, $vessels vessels; $events events; $runs runs each; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
printf '%-58s %9s %14s %10s\n' "what" "wall s" "msgs/s" "peak MiB"
{
  measure "replay, all detectors, OFAC list (start-up included)" "'$aiswatch' replay '$fleet' --watchlist '$list' --quiet --events /dev/null"
  measure "replay of an empty file (start-up: zones, land, list)" "'$aiswatch' replay '$empty' --watchlist '$list' --quiet"
  measure "decode to JSON lines > /dev/null (reference)" "'$aiswatch' decode '$fleet' > /dev/null 2>&1"
} | while IFS=$'\t' read -r label wall kib; do
  awk -v l="$label" -v w="$wall" -v n="$messages" -v k="$kib" \
    'BEGIN { printf "%-58s %9.2f %14.0f %10.1f\n", l, w, (w > 0 && l !~ /empty/ ? n / w : 0), k / 1024 }'
done
