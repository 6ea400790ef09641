#!/usr/bin/env bash
# Installs the Debian 12 packages aiswatch needs, only when some are missing (idempotent).
#   scripts/setup.sh run    # build + run the CLI
#   scripts/setup.sh test   # + test peers (gpsdecode, libais), clang/libFuzzer, Chromium, GDAL tools
set -euo pipefail
profile=${1:-run}

run_pkgs=(g++ cmake ninja-build pkg-config
  libgdal-dev libgeos-dev libeigen3-dev libboost-dev libgeographiclib-dev libcli11-dev libfmt-dev
  zlib1g-dev libdeflate-dev nlohmann-json3-dev libsqlite3-dev catch2 libbenchmark-dev)
test_pkgs=(gdal-bin gpsd-clients python3 python3-ais clang-14 libclang-rt-14-dev llvm-14 chromium sqlite3 gzip time)  # time: /usr/bin/time -v peak RSS in bench/decode_vs_gpsdecode.sh

pkgs=("${run_pkgs[@]}")
case "$profile" in
  run) ;;
  test|all) pkgs+=("${test_pkgs[@]}") ;;
  *) echo "usage: $0 [run|test]" >&2; exit 1 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
