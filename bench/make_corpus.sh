#!/usr/bin/env bash
# Builds the decode benchmark input: every AIVDM/AIVDO line of the repo's real corpora (tests/data/ais:
# gpsd, libais, pyais; .chk/.json expectations left out), CR stripped (awk also ends files that lack a final newline), repeated until the file has at
# least 1.5 M lines. Written under build/ (never committed).
#   bench/make_corpus.sh [OUT]        # default build/bench/big.nmea; prints its line and byte counts
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/bench/big.nmea}
min_lines=${AISWATCH_BENCH_LINES:-1500000}
mkdir -p "$(dirname "$out")"

one=$(mktemp)
trap 'rm -f "$one"' EXIT
find tests/data/ais -type f ! -name '*.chk' ! -name '*.json' ! -name '*.md' -print0 | sort -z |
  xargs -0 awk '{ gsub(/\r/, ""); print }' | grep -a -E '^[!\\].*VD[MO],' > "$one"
n=$(wc -l < "$one")
repeat=$(( (min_lines + n - 1) / n ))
: > "$out"
for _ in $(seq "$repeat"); do cat "$one"; done > "$out"
echo "$out $(wc -l < "$out") lines $(stat -c %s "$out") bytes ($n corpus lines x $repeat)"
