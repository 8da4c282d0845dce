#!/usr/bin/env bash
# Measures how long the local stack takes from `java -jar` to its ready line, in memory with the
# sample show, over N cold starts (default 5), and prints each time and the median.
# Usage: bench/local-startup.sh [runs]    (writes bench/results/local-startup.txt)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bin/find-jdk.sh"
runs=${1:-5}
jar="$root/local/target/castline-local.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B package -DskipTests)
mkdir -p "$root/bench/results"
out="$root/bench/results/local-startup.txt"
port=$((20000 + RANDOM % 20000))
times=()
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$jar" --in-memory --port "$port" >"$log" 2>&1 &
  pid=$!
  until grep -q "ready at" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "the stack exited before it was ready" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
{
  echo "local stack start to ready (in memory, sample show loaded)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "runs (ms): ${times[*]}"
  echo "median: ${median} ms"
} | tee "$out"
