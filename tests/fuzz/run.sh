#!/usr/bin/env bash
# Runs the decoder fuzz target for SECONDS, seeded with the repo's real corpora, and fails on any crash,
# sanitizer report, leak, timeout or memory blow-up.
#   tests/fuzz/run.sh BUILD_DIR SECONDS      # e.g. tests/fuzz/run.sh build/fuzz 60
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:-60}
bin="$build/tests/fuzz/fuzz_decode"
[ -x "$bin" ] || { echo "run.sh: $bin not built (cmake --build --preset fuzz --target fuzz_decode)" >&2; exit 1; }

# Seeds: the first 8000 bytes of every corpus file (multi-line inputs exercise reassembly).
seeds="$build/fuzz-seeds"
work="$build/fuzz-corpus"
rm -rf "$seeds"
mkdir -p "$seeds" "$work"
i=0
for f in "$here"/../data/ais/*/*; do
  case "$f" in *.chk|*.json|*.md) continue ;; esac
  head -c 8000 "$f" > "$seeds/file_$i"
  i=$((i + 1))
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# -rss_limit_mb: the decoder's memory is bounded; beyond libFuzzer's corpus and ASan's quarantine
# (~0.5 GB in a minute) a run that grows past this is a bug.
"$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=8192 -timeout=10 -print_final_stats=1 \
  -dict="$here/nmea.dict" "$work" "$seeds"
echo "fuzz_decode: ${seconds}s without a failure"
