#!/usr/bin/env bash
# Live load: `aiswatch serve` plays the simulated fleet (bench/replay_bench.sh's build/bench/fleet.nmea,
# ~12.7 M lines of 20 h of data) over TCP on 127.0.0.1 at SPEED times real time (1200 ≈ 210 k lines/s),
# and `aiswatch live --connect` runs the whole pipeline on it (every detector, the OFAC list, --events to a
# file, --http), for at most SECONDS. The load generator runs on the same machine (2 cores: serve and
# live share them). Reported: lines and messages per second sustained, the live process's RSS sampled
# every 5 s (flat memory), and the event latency live measures itself — from the socket read that
# delivered the sentence completing an event's evidence to the event written to --events.
#   bench/live_load_bench.sh [BUILD_DIR] [SPEED] [SECONDS] [FILE]   # defaults: build/release 1200 60 build/bench/fleet.nmea
# A longer file shows memory levelling off once the track store is full (256 points per vessel): e.g.
#   aiswatch-simulate --scenario all --background 10000 --hours 48 --seed 5 --out build/bench/fleet48.nmea
#   bench/live_load_bench.sh build/release 1400 120 build/bench/fleet48.nmea
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
speed=${2:-1200}
seconds=${3:-60}
aiswatch="$build/app/aiswatch"
fleet=${4:-build/bench/fleet.nmea}
[ -x "$aiswatch" ] || { echo "no $aiswatch: build it first" >&2; exit 1; }
[ -f "$fleet" ] || { echo "no $fleet: run bench/replay_bench.sh once (it generates it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $serve_pid $live_pid 2>/dev/null || true; rm -rf "$work"' EXIT

"$aiswatch" serve "$fleet" --port 0 --speed "$speed" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.err" && break; sleep 0.1; done
port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$work/serve.err" | grep -o '[0-9]*$')

"$aiswatch" live --connect "127.0.0.1:$port" --once --report-every 0 --http 127.0.0.1:0 \
  --watchlist watchlists/data/ofac_sdn_vessels_20240503.csv --events "$work/events.jsonl" \
  > /dev/null 2> "$work/live.err" &
live_pid=$!
for _ in $(seq 100); do grep -q "status page on" "$work/live.err" && break; sleep 0.1; done
http=$(grep -o 'status page on http://[0-9.:]*' "$work/live.err" | sed 's|status page on ||')

echo "load: $fleet at ${speed}x over TCP 127.0.0.1 (serve and live on the same $(nproc)-core machine), ${seconds} s; $(date -u +%FT%TZ)"
printf '%6s %12s %12s %10s %12s\n' "t s" "lines" "lines/s" "RSS MiB" "/health"
start=$(date +%s.%N)
prev_lines=0
prev_t=$start
for i in $(seq $((seconds / 5))); do
  sleep 5
  kill -0 "$live_pid" 2>/dev/null || break
  now=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$live_pid/status")
  health=$(curl -s --max-time 2 "$http/health" || echo '{}')
  lines=$(printf '%s' "$health" | grep -o '"delivered_lines":[0-9]*' | head -1 | grep -o '[0-9]*$' || echo 0)
  rate=$(awk -v a="$lines" -v b="$prev_lines" -v t="$now" -v u="$prev_t" 'BEGIN {printf "%.0f", (a - b) / (t - u)}')
  printf '%6d %12s %12s %10.1f %12s\n' $((i * 5)) "$lines" "$rate" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
    "$( [ -n "$lines" ] && echo ok || echo '-')"
  prev_lines=$lines
  prev_t=$now
done
curl -s --max-time 2 "$http/metrics" | grep -E '^aiswatch_(event_latency|events_total|events_flagged_total|messages_decoded_total)' || true
peak=$(awk '/VmHWM/ {print $2}' "/proc/$live_pid/status" 2>/dev/null || echo 0)
[ -n "$peak" ] && [ "$peak" != 0 ] && echo "live peak RSS so far: $((peak / 1024)) MiB"
kill -TERM "$live_pid" 2>/dev/null || true  # it may have ended with the file (--once)
wait "$live_pid" || true
kill -TERM "$serve_pid" 2>/dev/null || true
end=$(date +%s.%N)
echo "--- live's final statistics"
grep -E 'stopped after|decode:|pipeline:|event latency' "$work/live.err"
total=$(grep -o 'stopped after [0-9.]* s: [0-9]* lines' "$work/live.err" | awk '{print $5}')
secs=$(grep -o 'stopped after [0-9.]*' "$work/live.err" | awk '{print $3}')
awk -v n="$total" -v s="$secs" 'BEGIN { if (s > 0) printf "sustained: %.0f lines/s over %.1f s\n", n / s, s }'
echo "events written: $(wc -l < "$work/events.jsonl")"
