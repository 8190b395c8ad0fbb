#!/usr/bin/env bash
# Lecture-hall benchmark (issue 19): a release `moneyloop serve --follow`, a presenter
# (`moneyloop --share`) and N real OpenSSH viewers in pseudo-terminals (tools/bench_serve.py).
# Reports memory (server and everything under it), CPU while the clock runs, bytes per
# viewer per second, time to first screen, follow latency (median, p95), and the login and
# relay budgets the unit tests check only functionally. About 1 minute at 40 viewers.
#
#   Scripts/bench-serve.sh [--no-build] [--moneyloop BIN] [--viewers N] [--mix] [--rate PER_S]
#                          [--measure S] [--every S] [--only-room] [--json FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
given=""
args=()
prev=""
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; elif [ "$a" != "--moneyloop" ] && [ "$prev" != "--moneyloop" ]; then args+=("$a"); fi
  if [ "$prev" = "--moneyloop" ]; then given="$a"; build=0; fi
  prev="$a"
done

command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 \
  || { echo "bench-serve: the OpenSSH client is needed (ssh, ssh-keygen)" >&2; exit 2; }
python3 -c "import pyte" 2>/dev/null || { echo "bench-serve: pyte is needed (pip install pyte==0.8.2)" >&2; exit 2; }

if [ -n "$given" ]; then
  bin="$given"
elif [ "$build" = 1 ]; then
  bin=$(Scripts/build-release.sh)
else
  bin=$(ls .build-release/*/release/moneyloop 2>/dev/null | head -1)
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "bench-serve: no release binary (run Scripts/build-release.sh)" >&2; exit 2; }

export SWIFT_BACKTRACE=interactive=no
exec python3 tools/bench_serve.py --moneyloop "$(readlink -f "$bin")" ${args[@]+"${args[@]}"}
