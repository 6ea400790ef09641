#!/usr/bin/env bash
# The whole test suite: release build + tests, ASan+UBSan build + tests, libFuzzer decode run.
#   scripts/test.sh           # everything (what CI runs)
#   scripts/test.sh --quick   # release tests only
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
fuzz_seconds=${AISWATCH_FUZZ_SECONDS:-60}

scripts/setup.sh test
SECONDS=0
step() { printf '\n== %s (%s, %ds in)\n' "$1" "$(date -u +%H:%M:%S)" "$SECONDS"; }

step "release build"
scripts/build.sh release
step "release tests"
ctest --preset release
[ $quick = 1 ] && exit 0

step "ASan+UBSan build"
scripts/build.sh asan
step "ASan+UBSan tests"
ctest --preset asan

step "libFuzzer: decoder for ${fuzz_seconds}s"
scripts/build.sh fuzz fuzz_decode
tests/fuzz/run.sh build/fuzz "$fuzz_seconds"
step "all tests passed"
