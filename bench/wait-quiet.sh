#!/usr/bin/env bash
# Waits until the machine is quiet enough to benchmark on: the 1-minute load average below
# $QUIET_LOAD (0.7) and no Maven running, continuously for $QUIET_SECONDS (60). Checks every 5 s;
# gives up after $QUIET_TIMEOUT seconds (3600) with exit status 1. Prints what it waits on.
# Usage: bench/wait-quiet.sh && java -cp bench/target/benchmarks.jar dev.castline.bench.ColdStart 9
set -uo pipefail
limit=${QUIET_LOAD:-0.7}
need=${QUIET_SECONDS:-60}
timeout=${QUIET_TIMEOUT:-3600}
started=$(date +%s)
quiet_since=""
last_note=0
while :; do
  now=$(date +%s)
  load=$(cut -d' ' -f1 /proc/loadavg)
  maven=$(pgrep -f maven | tr '\n' ' ')
  if [ -z "$maven" ] && awk -v l="$load" -v m="$limit" 'BEGIN { exit !(l < m) }'; then
    quiet_since=${quiet_since:-$now}
    if [ $((now - quiet_since)) -ge "$need" ]; then
      echo "[wait-quiet] quiet for ${need}s (load $(cut -d' ' -f1-3 /proc/loadavg)) after $((now - started))s"
      exit 0
    fi
  else
    quiet_since=""
  fi
  if [ $((now - started)) -ge "$timeout" ]; then
    echo "[wait-quiet] not quiet after ${timeout}s (load $(cut -d' ' -f1-3 /proc/loadavg); maven: ${maven:-none})" >&2
    exit 1
  fi
  if [ $((now - last_note)) -ge 300 ]; then
    echo "[wait-quiet] waiting: load $load (need < $limit), maven: ${maven:-none}" >&2
    last_note=$now
  fi
  sleep 5
done
