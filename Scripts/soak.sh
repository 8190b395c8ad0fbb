#!/usr/bin/env bash
# Soak: the release dashboard at its maximum speed (64 months/s, 60 fps) for 10 minutes in a
# pseudo-terminal: a key every 0.5 s (Home and Space when the clock stops at the horizon), a
# resize every 7 s; reports resident memory at the start and the end. Not part of `swift test`.
#   Scripts/soak.sh            # 10 minutes
#   Scripts/soak.sh 3          # 3 minutes
# Needs python3 with pyte (pip install pyte==0.8.2).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
swift build -c release --product moneyloop >&2
bin="$(swift build -c release --show-bin-path)/moneyloop"
exec python3 tools/soak.py --minutes "$minutes" -- "$bin" --speed 64 --fps 60
