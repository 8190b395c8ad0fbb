#!/usr/bin/env bash
# Rewrites the README's keys section from the key table (`moneyloop keys`).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
keys=$("$(swift build --show-bin-path)/moneyloop" keys)
python3 - "$keys" <<'PY'
import re, sys
keys = sys.argv[1]
text = open("README.md").read()
begin = text.index("<!-- keys:begin")
begin = text.index("\n", begin) + 1
end = text.index("<!-- keys:end -->")
open("README.md", "w").write(text[:begin] + keys + "\n" + text[end:])
PY
