#!/usr/bin/env bash
# Whole-process decode speed and peak memory: `aiswatch decode` beside `gpsdecode -j -s` (gpsd 3.22) on
# the same ≥1.5 M-line file in the same run. Single thread each, output to /dev/null, median of RUNS.
#   bench/decode_vs_gpsdecode.sh [BUILD_DIR] [RUNS]     # defaults: build/release 5
# Needs: bench/make_corpus.sh output (made when missing), gpsdecode (gpsd-clients) and /usr/bin/time
# (scripts/setup.sh test installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
runs=${2:-5}
big=build/bench/big.nmea
aiswatch="$build/app/aiswatch"
[ -x "$aiswatch" ] || { echo "no $aiswatch: build it first (cmake --build $build --target aiswatch)" >&2; exit 1; }
command -v gpsdecode >/dev/null || { echo "gpsdecode missing: scripts/setup.sh test" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: scripts/setup.sh test" >&2; exit 1; }
[ -f "$big" ] || bench/make_corpus.sh "$big" >/dev/null
[ -f "$big.gz" ] && [ "$big.gz" -nt "$big" ] || gzip -1 -c "$big" > "$big.gz"

lines=$(wc -l < "$big")
ours=$("$aiswatch" decode "$big" 2>/dev/null | wc -l)
theirs=$(gpsdecode -j -s < "$big" 2>/dev/null | wc -l)

# median of the RUNS wall times and the largest peak RSS, for one shell command
measure() {
  local label=$1 cmd=$2 out
  out=$(mktemp)
  local walls=() rss=0
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

echo "input: $big — $lines lines, $(stat -c %s "$big") bytes; $runs runs each; $(nproc) cores; $(date -u +%FT%TZ)"
echo "messages out: aiswatch $ours, gpsdecode $theirs"
printf '%-44s %10s %14s %10s\n' "what" "wall s" "msgs/s" "peak MiB"
{
  measure "aiswatch decode FILE > /dev/null" "'$aiswatch' decode '$big' > /dev/null 2>&1"
  measure "aiswatch decode FILE.gz > /dev/null" "'$aiswatch' decode '$big.gz' > /dev/null 2>&1"
  measure "aiswatch decode < FILE (stdin)" "'$aiswatch' decode < '$big' > /dev/null 2>&1"
  measure "gpsdecode -j -s < FILE > /dev/null" "gpsdecode -j -s < '$big' > /dev/null 2>&1"
} | while IFS=$'\t' read -r label wall kib; do
  case "$label" in gpsdecode*) n=$theirs ;; *) n=$ours ;; esac
  awk -v l="$label" -v w="$wall" -v n="$n" -v k="$kib" \
    'BEGIN { printf "%-44s %10.3f %14.0f %10.1f\n", l, w, (w > 0 ? n / w : 0), k / 1024 }'
done
