#!/bin/sh
# Replaces count-downloads' user-agent lists with the Open Podcast Analytics Working Group's
# (https://github.com/opawg/user-agents-v2, MIT License), keeping its licence beside them.
# Usage: tools/update-user-agents.sh [git ref, default main]; then run the tests (a pattern Java
# cannot compile fails UserAgents' load, naming it) and commit the files with the ref in the message.
set -eu
ref="${1:-main}"
base="https://raw.githubusercontent.com/opawg/user-agents-v2/$ref"
dir="$(cd "$(dirname "$0")/.." && pwd)/functions/count-downloads/src/main/resources/dev/castline/functions/downloads/useragents"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for list in bots apps browsers; do
  curl -fsSL "$base/build/$list.runtime.json" -o "$tmp/$list.json"
  grep -q '"entries"' "$tmp/$list.json" || { echo "$list.runtime.json at $ref has no entries" >&2; exit 1; }
done
curl -fsSL "$base/LICENSE" -o "$tmp/LICENSE.opawg"
cp "$tmp"/bots.json "$tmp"/apps.json "$tmp"/browsers.json "$tmp"/LICENSE.opawg "$dir/"
echo "user-agent lists updated from opawg/user-agents-v2@$ref in $dir"
