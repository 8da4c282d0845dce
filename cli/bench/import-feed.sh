#!/usr/bin/env bash
# Imports a synthetic feed of N episodes (default 2000; no audio copy) into a fresh in-memory
# local stack started by this script, then imports it again; prints each run's time and the
# CLI's peak RSS (/usr/bin/time), and the admin API requests per episode (the CLI's --json
# counts). Usage: [CLI_JAVA_OPTS=-Xmx64m] cli/bench/import-feed.sh [EPISODES] [PORT]   (built first: mvn -pl cli -am verify)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bin/find-jdk.sh"
n=${1:-2000}
port=${2:-3470}
work=$(mktemp -d)
token="bench-$(date +%s)-token-0123456789abcdef"
stack_pid=""
cleanup() { [ -n "$stack_pid" ] && kill "$stack_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# A feed as big hosts write it: CDATA HTML show notes, HH:MM:SS durations, Podlove chapters, a guest.
python3 - "$work/feed.xml" "$n" <<'PY'
import sys, datetime
path, n = sys.argv[1], int(sys.argv[2])
start = datetime.datetime(2012, 1, 2, 6, 0, tzinfo=datetime.timezone.utc)
with open(path, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:psc="http://podlove.org/simple-chapters" '
            'xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Benchmark Show</title>'
            '<itunes:author>Bench Host</itunes:author><description>A synthetic show.</description><language>en</language>\n')
    for i in range(n, 0, -1):
        date = (start + datetime.timedelta(days=i)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        f.write(f'<item><title>Episode {i}: things worth saying</title><guid isPermaLink="false">bench-{i}</guid><pubDate>{date}</pubDate>'
                f'<description><![CDATA[<p>Episode {i}. ' + 'We talk about <b>many</b> things. ' * 20 + '</p><ul><li>One</li><li>Two</li></ul>]]></description>'
                f'<enclosure url="https://cdn.example.com/bench/{i}.mp3" length="{40000000 + i}" type="audio/mpeg"/>'
                f'<itunes:duration>01:{i % 60:02d}:{(i * 7) % 60:02d}</itunes:duration><itunes:episode>{i}</itunes:episode>'
                '<psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Intro"/><psc:chapter start="00:10:00" title="Main"/>'
                '<psc:chapter start="00:50:00" title="Outro"/></psc:chapters>'
                f'<podcast:person role="guest">Guest {i}</podcast:person></item>\n')
    f.write('</channel></rss>\n')
PY
"$JAVA_HOME/bin/java" -jar "$root/local/target/castline-local.jar" --in-memory --no-sample-data --port "$port" \
  --dynamodb-port $((port + 1)) --s3-port $((port + 2)) --admin-token "$token" >"$work/stack.log" 2>&1 &
stack_pid=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/show" && break; sleep 1; done
export CASTLINE_API="http://127.0.0.1:$port" CASTLINE_TOKEN="$token" HOME="$work"
castline() { "$JAVA_HOME/bin/java" -jar "$root/cli/target/castline.jar" "$@"; }
castline show set title=Bench author=Bench description=Bench language=en artworkUrl=https://example.com/a.png \
  appleCategory=Technology ownerName=Bench ownerEmail=bench@example.com siteBaseUrl="$CASTLINE_API" feedUrl="$CASTLINE_API/feed.xml" >/dev/null
echo "feed: $n items, $(stat -c %s "$work/feed.xml") bytes"
for run in first second; do
  /usr/bin/time -f '%e %M' -o "$work/time" "$JAVA_HOME/bin/java" ${CLI_JAVA_OPTS:-} -jar "$root/cli/target/castline.jar" import feed "$work/feed.xml" --json \
    >"$work/out.json" 2>"$work/err" || { tail "$work/err"; exit 1; }
  read -r seconds rss <"$work/time"
  summary=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print("created %d, already there %d" % (j["created"], j["alreadyThere"]))' "$work/out.json")
  echo "$run import: ${seconds} s, peak RSS $((rss / 1024)) MiB, $summary, $(python3 -c "print(f'{$n / $seconds:.0f}')") episodes/s"
done
items=$(curl -s "$CASTLINE_API/feed.xml" | grep -c '<item>')
echo "Castline's feed (page 1): $items items"
