#!/usr/bin/env bash
# Builds moneyloop for release and measures it beside htop in pseudo-terminals
# (tools/bench_tty.py with tools/ttyprobe.py): CPU running and paused, bytes per frame
# and per second, key latency, first output, peak memory; prints the table with the
# ratios and PASS/FAIL per budget (DESIGN §6). About 3 minutes; exit status 1 on a FAIL.
#
#   Scripts/bench-tty.sh [--no-build] [--measure S] [--keys N] [--json FILE] [--size WxH]
#                        [--moneyloop BIN]  (another binary, e.g. a plain `swift build -c release`)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v htop >/dev/null 2>&1 || { echo "bench-tty: htop is needed (apt-get install htop)" >&2; exit 2; }
python3 -c "import pyte" 2>/dev/null || { echo "bench-tty: pyte is needed (pip install pyte==0.8.2)" >&2; exit 2; }

# The release build as shipped (Scripts/build-release.sh); --no-build measures the last one.
source Scripts/release-binary.sh
release_binary bench-tty "$@"

exec python3 tools/bench_tty.py --moneyloop "$bin" ${args[@]+"${args[@]}"}
