#!/usr/bin/env bash
# Imports a synthetic feed of N episodes (default 2000; no audio copy) into a fresh in-memory local
# stack, twice, with the CLI's jar; prints each run's time and the CLI's peak RSS (/usr/bin/time on
# the CLI's own process), and the DynamoDB and S3 operations the stack's functions sent meanwhile,
# counted by the stack, per episode (bench/src/main/java/dev/castline/bench/ImportFeedBenchmark.java).
# Usage: [CLI_JAVA_OPTS=-Xmx64m] cli/bench/import-feed.sh [EPISODES]
#   (built first: mvn -B -Pbench -DskipTests package; writes bench/results/import-feed.txt)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bin/find-jdk.sh"
cd "$root"
for built in bench/target/benchmarks.jar cli/target/castline.jar; do
  [ -s "$built" ] || { echo "$built is missing: build first with mvn -B -Pbench -DskipTests package" >&2; exit 2; }
done
# DynamoDB Local loads SQLite's native library.
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
  dev.castline.bench.ImportFeedBenchmark "$@"
