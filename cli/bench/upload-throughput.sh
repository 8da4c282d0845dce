#!/usr/bin/env bash
# Upload throughput to a running local stack: curl -T of a file to a presigned URL, next to
# castline upload of the same file (single PUT, then multipart), in the same run; with the CLI's
# peak memory (RSS) from /usr/bin/time. Usage, with the stack running (bin/castline-local) and
# castline logged in to it (castline login --local):
#   cli/bench/upload-throughput.sh [MEGABYTES]   (default 500)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
castline="$root/bin/castline"
mb=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/bench.mp3"
# A real MP3 (silent CBR frames, 36 bytes each, an Info frame first), so processing accepts it.
python3 - "$file" "$((mb * 1000000))" <<'PY'
import sys
path, target = sys.argv[1], int(sys.argv[2])
frames = target // 36 - 1
size = (frames + 1) * 36
hdr = bytes([0xFF, 0xF3, 0x18, 0xC4])
info = bytearray(36); info[0:4] = hdr; info[13:17] = b"Info"
info[17:21] = (3).to_bytes(4, 'big'); info[21:25] = frames.to_bytes(4, 'big'); info[25:29] = size.to_bytes(4, 'big')
block = (hdr + bytes(32)) * 100000
with open(path, 'wb') as f:
    f.write(info)
    left = frames
    while left > 0:
        n = min(100000, left); f.write(block[:n * 36]); left -= n
PY
bytes=$(stat -c %s "$file")
api=$(python3 -c 'import json,os,sys; p=json.load(open(os.path.join(os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config")), "castline/profiles.json"))); print(p["profiles"][p["default"]]["api"])')
token=$(python3 -c 'import json,os,sys; p=json.load(open(os.path.join(os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config")), "castline/profiles.json"))); print(p["profiles"][p["default"]]["token"])')
stamp=$(date +%s)
for slug in "bench-curl-$stamp" "bench-single-$stamp" "bench-multi-$stamp"; do
  printf -- '---\ntitle: "%s"\n---\nBenchmark upload.\n' "$slug" > "$work/$slug.md"
  "$castline" push "$work/$slug.md" >/dev/null
done
rate() { python3 -c "print(f'{$1 / $2 / 1e6:.0f} MB/s')"; }
# 1. curl -T to a presigned URL the admin API signed (the upload alone: no hashing, no processing wait)
id=$("$castline" pull "bench-curl-$stamp" -o - >/dev/null; curl -s -H "Authorization: Bearer $token" "$api/api/v1/admin/slugs/bench-curl-$stamp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
signed=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"contentType\":\"audio/mpeg\",\"bytes\":$bytes}" "$api/api/v1/admin/episodes/$id/audio")
url=$(echo "$signed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["uploadUrl"])')
start=$(date +%s.%N)
curl -s -f -o /dev/null -T "$file" -H 'Content-Type: audio/mpeg' -H 'If-None-Match: *' "$url"
curl_s=$(python3 -c "print($(date +%s.%N) - $start)")
# 2. castline upload, one PUT (its MD5 computed first, then the upload, then waiting for processing)
run() {
  local label=$1; shift
  local start; start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$castline" upload "$@" "$file" --json >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  local seconds; seconds=$(python3 -c "print($(date +%s.%N) - $start)")
  local upload_rate; upload_rate=$(grep -o '[0-9.]* MiB/s' "$work/err" | tail -1)
  echo "$label: $(printf '%.1f' "$seconds") s for the whole command ($(rate "$bytes" "$seconds")), upload phase $upload_rate, peak RSS $(( $(cat "$work/rss") / 1024 )) MiB"
}
echo "file: $bytes bytes"
echo "curl -T (presigned PUT): $(printf '%.1f' "$curl_s") s ($(rate "$bytes" "$curl_s"))"
run "castline upload, single PUT" "bench-single-$stamp" --multipart-threshold 1GiB
run "castline upload, multipart (16 MiB parts, 4 at once)" "bench-multi-$stamp"
for slug in "bench-curl-$stamp" "bench-single-$stamp" "bench-multi-$stamp"; do
  "$castline" rm "$slug" --yes >/dev/null
done
