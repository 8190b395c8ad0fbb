# Sourced by the benchmark scripts: reads their command line into `bin` (the release
# moneyloop to measure) and `args` (the rest, for the Python tool). `--moneyloop BIN`
# measures that binary; `--no-build` the last release build; otherwise
# Scripts/build-release.sh builds one first. $1 names the script in messages.
release_binary() {
  local name="$1"; shift
  local build=1 given="" prev=""
  args=()
  for a in "$@"; do
    if [ "$a" = "--no-build" ]; then build=0; elif [ "$a" != "--moneyloop" ] && [ "$prev" != "--moneyloop" ]; then args+=("$a"); fi
    if [ "$prev" = "--moneyloop" ]; then given="$a"; build=0; fi
    prev="$a"
  done
  if [ -n "$given" ]; then
    bin="$given"
  elif [ "$build" = 1 ]; then
    bin=$(Scripts/build-release.sh)
  else
    bin=$(ls .build-release/*/release/moneyloop 2>/dev/null | head -1)
  fi
  [ -n "$bin" ] && [ -x "$bin" ] || { echo "$name: no release binary (run Scripts/build-release.sh)" >&2; exit 2; }
  bin=$(readlink -f "$bin")
}
