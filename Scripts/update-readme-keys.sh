#!/usr/bin/env bash
# Rewrites the generated key tables from the key table (`moneyloop keys`): the README's
# keys section and docs/analytics.md's overlay keys.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
bin="$(swift build --show-bin-path)/moneyloop"
replace() {  # FILE BEGIN-MARK END-MARK TEXT
    python3 - "$@" <<'PY'
import sys
path, begin_mark, end_mark, keys = sys.argv[1:5]
text = open(path).read()
begin = text.index(begin_mark)
begin = text.index("\n", begin) + 1
end = text.index(end_mark)
open(path, "w").write(text[:begin] + keys + "\n" + text[end:])
PY
}
replace README.md "<!-- keys:begin" "<!-- keys:end -->" "$("$bin" keys)"
replace docs/analytics.md "<!-- overlay-keys:begin" "<!-- overlay-keys:end -->" \
    "$("$bin" keys --context tornado --context picker --context comparison)"
