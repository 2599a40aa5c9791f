#!/usr/bin/env bash
# How much `connlint check --fix --unsafe-fixes` fixes, and whether what it writes still parses.
#
#   benches/fix_coverage.sh DIR [DIR...]
#
# Each DIR (a project) is copied to a temporary folder, checked (findings before), fixed with
# `--fix --unsafe-fixes`, checked again (findings after; any (file, rule) pair with more findings
# than before counts as introduced, which must be 0), and fixed a second time (which must change
# nothing). Every file the fix changed is parsed again with the language's own tools when they are
# installed: Python's `ast` (python3), rustfmt's parser (`rustfmt --check`, parse errors only) and
# the TypeScript compiler's parser (node + a global `typescript` package). Tests never run this:
# it reads real projects you point it at.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath -m "${CONNLINT:-$root/target/release/connlint}")
[[ -x $bin ]] || (cd "$root" && cargo build --release --quiet)
[[ $# -gt 0 ]] || { echo "usage: $0 DIR [DIR...]" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count() { "$bin" check --isolated --exit-zero --no-cache --format json "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnostics"]))'; }
# Findings per (file, rule), one "path<TAB>rule<TAB>n" line each, paths relative to the project.
per_file() {
  (cd "$1" && "$bin" check --isolated --exit-zero --no-cache --format json .) | python3 -c '
import collections, json, sys
c = collections.Counter((d["path"], d["rule"]) for d in json.load(sys.stdin)["diagnostics"])
for (p, r), n in sorted(c.items()):
    print(f"{p}\t{r}\t{n}")'
}
# Findings of (file, rule) pairs that grew from the first list to the second.
new_findings() {
  python3 - "$1" "$2" <<'PY'
import sys
def load(f):
    return {tuple(l.split("\t")[:2]): int(l.split("\t")[2]) for l in open(f) if l.strip()}
a, b = load(sys.argv[1]), load(sys.argv[2])
grew = [(k, n - a.get(k, 0)) for k, n in b.items() if n > a.get(k, 0)]
for (p, r), d in grew:
    print(f"  new: {d} {r} in {p}", file=sys.stderr)
print(sum(d for _, d in grew))
PY
}

ts_parser=""
if command -v node >/dev/null; then
  ts_module=$(npm root -g 2>/dev/null)/typescript
  [[ -d $ts_module ]] && ts_parser=$ts_module
fi

total_before=0 total_after=0 broken=0 unstable=0 introduced=0
for dir in "$@"; do
  name=$(basename "$dir")
  copy=$work/$name
  cp -r "$dir" "$copy"
  before=$(count "$copy")
  per_file "$copy" >"$work/$name.before"
  "$bin" check --isolated --exit-zero --no-cache --fix --unsafe-fixes -q "$copy" >/dev/null 2>&1 || true
  after=$(count "$copy")
  per_file "$copy" >"$work/$name.after"
  added=$(new_findings "$work/$name.before" "$work/$name.after")
  introduced=$((introduced + added))
  if [[ -n $("$bin" check --isolated --exit-zero --no-cache --diff --unsafe-fixes "$copy" 2>/dev/null) ]]; then
    echo "  $name: a second --fix would change more" >&2
    unstable=$((unstable + 1))
  fi
  # Changed files, parsed again (only those that parsed before).
  while IFS= read -r rel; do
    old=$dir/$rel new=$copy/$rel
    case $rel in
      *.py)
        if python3 -c 'import ast,sys; ast.parse(open(sys.argv[1]).read())' "$old" 2>/dev/null &&
          ! python3 -c 'import ast,sys; ast.parse(open(sys.argv[1]).read())' "$new" 2>/dev/null; then
          echo "  broken: $name/$rel" >&2; broken=$((broken + 1))
        fi ;;
      *.rs)
        if command -v rustfmt >/dev/null &&
          ! rustfmt --edition 2021 --check "$old" 2>&1 | grep -q '^error' &&
          rustfmt --edition 2021 --check "$new" 2>&1 | grep -q '^error'; then
          echo "  broken: $name/$rel" >&2; broken=$((broken + 1))
        fi ;;
      *.ts|*.tsx|*.js|*.jsx|*.mjs|*.cjs)
        if [[ -n $ts_parser ]] && ! node -e '
          const ts = require(process.argv[1]); const fs = require("fs");
          const bad = (f) => ts.createSourceFile(f, fs.readFileSync(f, "utf8"), ts.ScriptTarget.Latest,
            true, /\.(tsx|jsx|js)$/.test(f) ? ts.ScriptKind.TSX : ts.ScriptKind.TS).parseDiagnostics.length > 0;
          process.exit(!bad(process.argv[2]) && bad(process.argv[3]) ? 1 : 0);' "$ts_parser" "$old" "$new"; then
          echo "  broken: $name/$rel" >&2; broken=$((broken + 1))
        fi ;;
    esac
  done < <(diff -rq "$dir" "$copy" 2>/dev/null | sed -n "s|^Files $dir/\(.*\) and .* differ$|\1|p")
  echo "$name: $before -> $after findings, $added introduced"
  total_before=$((total_before + before)) total_after=$((total_after + after))
done
removed=$((total_before - total_after))
pct=$((total_before > 0 ? 100 * removed / total_before : 0))
echo "total: $total_before -> $total_after findings ($pct% removed); findings introduced (per file and rule): $introduced; files broken: $broken; projects changed by a second run: $unstable"
[[ $broken -eq 0 && $unstable -eq 0 && $introduced -eq 0 ]]
