#!/usr/bin/env bash
# Builds moneyloop and the programs beside it (moneyloop-serve, moneyloop-filings) for
# release, the way docs/performance.md measures them, in .build-release/, and prints the
# dashboard's path on stdout (the build's own output goes to stderr).
#
# - The Swift standard library and Foundation are linked in (--static-swift-stdlib): no
#   shared Swift libraries to map, about 5 MiB less resident memory.
# - Where the C library can load it (glibc 2.36 or later) and the toolchain has lld, the
#   binary is linked with lld, packed relative relocations and no exported symbol table:
#   the loader then reads ~50 KB of relocations instead of ~2.4 MB, and that is about
#   5 MiB less resident memory again. Elsewhere the plain static build is made.
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release --static-swift-stdlib --scratch-path .build-release)
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
newer() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
swiftbin=$(dirname "$(readlink -f "$(command -v swift)")")
if [ -n "$glibc" ] && newer "$glibc" 2.36 && { [ -x "$swiftbin/ld.lld" ] || command -v ld.lld >/dev/null 2>&1; }; then
  flags+=(-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic)
else
  echo "build-release: glibc ${glibc:-unknown} or no lld: plain static build" >&2
fi
swift build "${flags[@]}" --product moneyloop >&2
swift build "${flags[@]}" --product moneyloop-serve >&2
swift build "${flags[@]}" --product moneyloop-filings >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/moneyloop"
