#!/usr/bin/env bash
# Regenerates the audio fixtures that AudioProbeTest reads. Run it from anywhere:
#   bash shared/src/test/resources/audio/make-fixtures.sh
# Needs Debian's packages: apt-get update && apt-get install -y lame ffmpeg
# Made with LAME 3.100 and FFmpeg 5.1.9 (Debian 12); the output is byte-for-byte repeatable with
# those. Other versions may produce other bytes: if you regenerate, re-run
#   ffprobe -v error -show_entries format=duration -of csv=p=0 FILE
# and update the expected durations (and the hand-worked figures) in AudioProbeTest.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

# Source material: 3 s of a 440 Hz tone, mono; one at 44.1 kHz (MPEG-1 frames), one at 22.05 kHz
# (MPEG-2 frames), so both frame layouts are covered.
ff -f lavfi -i "sine=frequency=440:duration=3:sample_rate=44100" -ac 1 "$work/tone44.wav"
ff -f lavfi -i "sine=frequency=440:duration=3:sample_rate=22050" -ac 1 "$work/tone22.wav"
# A small JPEG of a few KB for the cover art.
ff -f lavfi -i "testsrc=size=160x120:rate=1" -frames:v 1 -q:v 3 "$work/cover.jpg"

# CBR, MPEG-1 Layer III, 32 kbit/s, no tags at all; -t suppresses the Xing/Info frame.
lame --quiet --cbr -b 32 --resample 44.1 -m m -t "$work/tone44.wav" cbr.mp3

# VBR, MPEG-2 Layer III (22.05 kHz), with LAME's Xing header (written by default for VBR).
lame --quiet -V 9 --resample 22.05 -m m "$work/tone22.wav" vbr-xing.mp3

# CBR MPEG-2 with an ID3v2.3 tag holding the JPEG as an APIC frame (so the tag is a third of
# the file) and, from --add-id3v2, an ID3v1 tag in the last 128 bytes too; -t again, so the
# duration has to come from the bitrate and the ID3v1 tag has to be left out of the audio bytes.
lame --quiet --cbr -b 32 --resample 22.05 -m m -t --add-id3v2 \
  --tt "Castline test" --ta "Castline" --ty 2024 --ti "$work/cover.jpg" \
  "$work/tone22.wav" id3-cover.mp3

# AAC in MP4 (M4A): one with moov before mdat (faststart), one with moov after mdat (the default).
ff -i "$work/tone22.wav" -c:a aac -b:a 24k -fflags +bitexact -map_metadata -1 \
  -movflags +faststart moov-first.m4a
ff -i "$work/tone22.wav" -c:a aac -b:a 24k -fflags +bitexact -map_metadata -1 \
  moov-last.m4a

# Things that must be rejected.
printf 'This is not audio. It is a text file that someone named .mp3\n' > not-audio.mp3
: > empty.mp3
# An upload cut short: the first 60 bytes of cbr.mp3, half of its first frame (32 kbit/s
# MPEG-1 at 44.1 kHz: 104-byte frames), so there is not one complete frame in it.
head -c 60 cbr.mp3 > truncated.mp3

ls -l ./*.mp3 ./*.m4a
