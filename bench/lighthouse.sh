#!/usr/bin/env bash
# Lighthouse 12 scores (performance, accessibility, best practices, SEO) of the listener site's home
# page and one episode page, served by the local stack, in headless Chromium, with Lighthouse's
# mobile (its default: a mid-range phone, simulated slow 4G and 4x CPU slowdown) and desktop presets.
#
# Usage, from anywhere in the repository:
#   bench/lighthouse.sh [--url http://127.0.0.1:8080] [--runs 3] [--presets mobile,desktop]
# Without --url it starts the local stack itself (local/target/castline-local.jar --in-memory on a
# free port; build it first: mvn -B -o package -DskipTests -pl local -am), and stops it at the end.
# Each page and preset runs --runs times; the score printed is the median of those runs. Reports go
# to bench/results/lighthouse/ (JSON per run) and bench/results/lighthouse.txt.
#
# Lighthouse is installed on first use into bench/.lighthouse/ (npm, exact version, not committed:
# see bench/.gitignore). Chromium: $CHROME_PATH, by default /usr/bin/chromium (apt-get install -y
# chromium as root if it is missing). Scores depend on the machine: measure on a quiet one.
set -euo pipefail

LIGHTHOUSE_VERSION=12.2.3
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

url=""
runs=3
presets="mobile,desktop"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="${2%/}"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --presets) presets="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "lighthouse.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

log() { printf '[lighthouse] %s\n' "$*" >&2; }

# Lighthouse, pinned, in a folder of its own.
lh_dir="$root/bench/.lighthouse"
lh="$lh_dir/node_modules/.bin/lighthouse"
installed=$(node -p "require('$lh_dir/node_modules/lighthouse/package.json').version" 2>/dev/null || true)
if [ ! -x "$lh" ] || [ "$installed" != "$LIGHTHOUSE_VERSION" ]; then
  command -v npm >/dev/null || { echo "lighthouse.sh needs Node.js and npm (Lighthouse 12 wants Node 18.20 or newer)" >&2; exit 1; }
  log "installing lighthouse@$LIGHTHOUSE_VERSION into $lh_dir"
  mkdir -p "$lh_dir"
  npm i -E "lighthouse@$LIGHTHOUSE_VERSION" --prefix "$lh_dir" --no-audit --no-fund --loglevel=error >&2
fi

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROME_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "no Chromium at $CHROME_PATH: installing Debian's"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
  [ -x "$CHROME_PATH" ] || { echo "lighthouse.sh: no Chromium at $CHROME_PATH (set CHROME_PATH)" >&2; exit 1; }
fi

# The stack: the one at --url, or one of our own.
stack_pid=""
stack_log=""
stop_stack() {
  if [ -n "$stack_pid" ]; then
    kill "$stack_pid" 2>/dev/null || true
    wait "$stack_pid" 2>/dev/null || true
  fi
  [ -z "$stack_log" ] || rm -f "$stack_log"
}
trap stop_stack EXIT
if [ -z "$url" ]; then
  . bin/find-jdk.sh
  jar="$root/local/target/castline-local.jar"
  [ -f "$jar" ] || { echo "lighthouse.sh: $jar is missing: mvn -B -o package -DskipTests -pl local -am, or pass --url" >&2; exit 1; }
  # A port P with P+1 and P+2 free: the stack takes three (site and APIs, DynamoDB Local, S3).
  port=""
  for _ in $(seq 50); do
    p=$(( (RANDOM % 20000) + 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null \
        && ! (exec 3<>"/dev/tcp/127.0.0.1/$((p + 2))") 2>/dev/null; then
      port=$p; break
    fi
  done
  [ -n "$port" ] || { echo "lighthouse.sh: no free ports found" >&2; exit 1; }
  stack_log=$(mktemp)
  log "starting the local stack on port $port"
  "$JAVA_HOME/bin/java" -jar "$jar" --in-memory --port "$port" >"$stack_log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 120); do
    grep -q '^Press Ctrl-C' "$stack_log" && break
    kill -0 "$stack_pid" 2>/dev/null || { cat "$stack_log" >&2; echo "lighthouse.sh: the stack did not start" >&2; exit 1; }
    sleep 1
  done
  grep -q '^Press Ctrl-C' "$stack_log" || { cat "$stack_log" >&2; echo "lighthouse.sh: the stack did not start in 120 s" >&2; exit 1; }
  url="http://127.0.0.1:$port"
fi

# The pages: the home page and the first episode page it links.
episode=$(curl -fsS "$url/" | grep -o 'href="/episodes/[^"?#]*"' | head -1 | sed 's/^href="//; s/"$//')
[ -n "$episode" ] || { echo "lighthouse.sh: $url/ links no episode page" >&2; exit 1; }
pages=("/" "$episode")

out_dir="$root/bench/results/lighthouse"
mkdir -p "$out_dir"
summary="$root/bench/results/lighthouse.txt"
# Scores of one report, as "performance accessibility best-practices seo", each 0-100.
scores() {
  node -e '
    const r = require(require("path").resolve(process.argv[1]));
    const c = r.categories;
    const s = k => c[k] && c[k].score !== null ? Math.round(c[k].score * 100) : "n/a";
    const a = r.audits;
    const ms = k => a[k] && a[k].numericValue !== undefined ? Math.round(a[k].numericValue) : "n/a";
    console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo"),
      ms("first-contentful-paint"), ms("largest-contentful-paint"), ms("total-blocking-time"),
      a["cumulative-layout-shift"] ? a["cumulative-layout-shift"].numericValue.toFixed(3) : "n/a"].join(" "));
  ' "$1"
}
# What kept a report below 100 in accessibility, best practices and SEO: each failing audit, with
# what it found (a 404 in the console, a link's text), so a score comes with its reason.
failing() {
  node -e '
    const r = require(require("path").resolve(process.argv[1]));
    const out = [];
    for (const k of ["accessibility", "best-practices", "seo"]) {
      for (const ref of r.categories[k].auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) {
          const items = (a.details && a.details.items || []).slice(0, 3).map(i =>
            (i.description || i.text || (i.node && i.node.snippet) || i.url || i.href || "")
            + (i.sourceLocation && i.sourceLocation.url ? " (" + i.sourceLocation.url + ")" : "")).filter(Boolean);
          out.push(k + ": " + ref.id + (items.length ? " [" + items.join(" | ") + "]" : ""));
        }
      }
    }
    console.log(out.length ? out.join("\n") : "(none)");
  ' "$1"
}
# Median of the numbers given (the middle one; for an even count the lower middle).
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

{
  echo "Lighthouse $LIGHTHOUSE_VERSION on $url, $(date -u +%Y-%m-%dT%H:%M:%SZ); $("$CHROME_PATH" --version 2>/dev/null | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "median of $runs runs per page and preset; metrics: FCP, LCP, TBT in ms, CLS"
  printf '%-64s %-8s %5s %5s %5s %5s %7s %7s %5s %6s\n' page preset perf a11y bp seo FCP LCP TBT CLS
} | tee "$summary"

IFS=',' read -r -a preset_list <<<"$presets"
for page in "${pages[@]}"; do
  for preset in "${preset_list[@]}"; do
    case "$preset" in
      mobile) preset_flag=() ;;
      desktop) preset_flag=(--preset=desktop) ;;
      *) echo "lighthouse.sh: unknown preset $preset (mobile, desktop)" >&2; exit 2 ;;
    esac
    perf=() a11y=() bp=() seo=() fcp=() lcp=() tbt=() cls=()
    for run in $(seq "$runs"); do
      name=$(printf '%s' "$page" | sed 's#^/$#home#; s#^/##; s#[^A-Za-z0-9._-]#_#g')
      report="$out_dir/$name-$preset-$run.json"
      "$lh" "$url$page" "${preset_flag[@]}" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox" \
        --output=json --output-path="$report" --quiet
      read -r s1 s2 s3 s4 m1 m2 m3 m4 < <(scores "$report")
      perf+=("$s1"); a11y+=("$s2"); bp+=("$s3"); seo+=("$s4"); fcp+=("$m1"); lcp+=("$m2"); tbt+=("$m3"); cls+=("$m4")
    done
    printf '%-64s %-8s %5s %5s %5s %5s %7s %7s %5s %6s   (perf per run: %s)\n' "$page" "$preset" \
      "$(median "${perf[@]}")" "$(median "${a11y[@]}")" "$(median "${bp[@]}")" "$(median "${seo[@]}")" \
      "$(median "${fcp[@]}")" "$(median "${lcp[@]}")" "$(median "${tbt[@]}")" "$(median "${cls[@]}")" "${perf[*]}" | tee -a "$summary"
    failing "$report" | sed 's/^/    failing in the last run: /' | tee -a "$summary"
  done
done
