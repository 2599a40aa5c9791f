#!/usr/bin/env bash
# Seed corpora from the fixture projects: fuzz/seeds/<target>/ (committed), by file kind.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf seeds && mkdir -p seeds/{ts,tsx,python,rust,dotenv,config,url,fix_apply}
copy() { # target, find expression...
  local t=$1; shift
  find ../fixtures "$@" -type f -size -8k -print0 | while IFS= read -r -d '' f; do
    cp "$f" "seeds/$t/$(sha1sum "$f" | cut -c1-16)"
  done
}
copy ts \( -name '*.ts' -o -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.mts' \) -not -path '*/snapshots/*'
copy tsx \( -name '*.tsx' -o -name '*.jsx' \) -not -path '*/snapshots/*'
copy python -name '*.py' -not -path '*/snapshots/*'
copy rust -name '*.rs' -not -path '*/snapshots/*'
copy dotenv -name '.env*'
copy config \( -name 'connlint.toml' -o -name 'pyproject.toml' \)
grep -rhoE "(postgres|postgresql|mysql|mongodb(\+srv)?|redis|rediss|prisma)(\+[a-z]+)?://[^\"' ]+" ../fixtures | sort -u | head -200 |
  while IFS= read -r u; do printf '%s' "$u" > "seeds/url/$(printf '%s' "$u" | sha1sum | cut -c1-16)"; done
# fix_apply: a header byte then a route with a fix (bad cases only).
find ../fixtures -path '*bad-*' -type f \( -name 'route.ts' -o -name 'main.py' -o -name 'main.rs' \) -size -6k -print0 |
  while IFS= read -r -d '' f; do { printf '\x05\x01\x02\x03\x04\x05'; cat "$f"; } > "seeds/fix_apply/$(sha1sum "$f" | cut -c1-16)"; done
du -sh seeds; for d in seeds/*; do echo "$d $(ls "$d" | wc -l)"; done
