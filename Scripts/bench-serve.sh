#!/usr/bin/env bash
# Lecture-hall benchmark (issue 19): a release `moneyloop serve --follow`, a presenter
# (`moneyloop --share`) and N real OpenSSH viewers in pseudo-terminals (tools/bench_serve.py).
# Reports memory (server and everything under it), CPU while the clock runs, bytes per
# viewer per second, time to first screen, follow latency (median, p95), whether each
# viewer's screen is its own (size, colour tier, theme; --mix varies them), and the login and
# relay budgets the unit tests check only functionally. About 40 s at 10 viewers, 1 minute at 40.
#
#   Scripts/bench-serve.sh [--no-build] [--moneyloop BIN] [--viewers N] [--mix] [--rate PER_S] [--watch N]
#                          [--measure S] [--every S] [--only-room] [--server-args "..."] [--nice N] [--json FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 \
  || { echo "bench-serve: the OpenSSH client is needed (ssh, ssh-keygen)" >&2; exit 2; }
python3 -c "import pyte" 2>/dev/null || { echo "bench-serve: pyte is needed (pip install pyte==0.8.2)" >&2; exit 2; }

# The release build as shipped (Scripts/build-release.sh); --no-build measures the last one.
source Scripts/release-binary.sh
release_binary bench-serve "$@"

export SWIFT_BACKTRACE=interactive=no
exec python3 tools/bench_serve.py --moneyloop "$bin" ${args[@]+"${args[@]}"}
