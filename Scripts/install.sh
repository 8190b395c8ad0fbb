#!/usr/bin/env bash
# Installs moneyloop: a release build (Scripts/build-release.sh) into PREFIX/bin, with
# moneyloop-serve and moneyloop-filings beside it (`moneyloop serve`, `moneyloop filings`
# and `moneyloop scenario update` run them from there), its man
# page (generated from the command definitions by swift-argument-parser's generate-manual)
# into PREFIX/share/man/man1, and completion scripts for bash, zsh and fish. Themes,
# scenarios and demo scripts are compiled into the binary: nothing else is needed.
#
#   Scripts/install.sh [--prefix DIR]              install (default prefix: ~/.local)
#   Scripts/install.sh --uninstall [--prefix DIR]  remove what install put there
#
# --binary FILE installs FILE (and the two programs beside it) instead of building (tests);
# --manual-tool FILE uses that generate-manual instead of building it.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${HOME}/.local"
uninstall=0
binary=""
manual_tool=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
    --manual-tool) manual_tool="${2:?--manual-tool needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
prefix="${prefix%/}"

files=(
  "bin/moneyloop"
  "bin/moneyloop-serve"
  "bin/moneyloop-filings"
  "share/man/man1/moneyloop.1"
  "share/bash-completion/completions/moneyloop"
  "share/zsh/site-functions/_moneyloop"
  "share/fish/vendor_completions.d/moneyloop.fish"
)

if [ "$uninstall" = 1 ]; then
  for f in "${files[@]}"; do
    if [ -e "$prefix/$f" ]; then rm -f "$prefix/$f" && echo "removed $prefix/$f"; fi
  done
  exit 0
fi

if [ -z "$binary" ]; then
  binary=$(Scripts/build-release.sh)
fi
[ -x "$binary" ] || { echo "install: no executable at $binary" >&2; exit 2; }
for helper in moneyloop-serve moneyloop-filings; do
  [ -x "$(dirname "$binary")/$helper" ] || { echo "install: no $helper beside $binary (swift build --product $helper)" >&2; exit 2; }
done
if [ -z "$manual_tool" ]; then
  swift build --product generate-manual >&2
  manual_tool="$(swift build --show-bin-path)/generate-manual"
fi

mkdir -p "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
for helper in moneyloop-serve moneyloop-filings; do
  install -m 0755 "$(dirname "$binary")/$helper" "$prefix/bin/$helper.new"
  mv -f "$prefix/bin/$helper.new" "$prefix/bin/$helper"
done
install -m 0755 "$binary" "$prefix/bin/moneyloop.new"
mv -f "$prefix/bin/moneyloop.new" "$prefix/bin/moneyloop"
installed="$prefix/bin/moneyloop"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$manual_tool" "$installed" --output-directory "$tmp" >&2
install -m 0644 "$tmp/moneyloop.1" "$prefix/share/man/man1/moneyloop.1"
"$installed" --generate-completion-script bash > "$prefix/share/bash-completion/completions/moneyloop"
"$installed" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_moneyloop"
"$installed" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/moneyloop.fish"

for f in "${files[@]}"; do echo "installed $prefix/$f"; done
"$installed" --version
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
