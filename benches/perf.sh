#!/usr/bin/env bash
# connlint side by side with its parse floor and with ast-grep, on one directory.
#
#   benches/perf.sh [DIR] [RUNS]     (DIR: a corpus; default: the generated corpus of bench.sh)
#
# Per round (RUNS rounds, default 5, after one warm-up), in this order, each timed with GNU time
# (user+sys CPU seconds, wall seconds, peak RSS):
#   connlint   `connlint check DIR --no-cache -q`
#   parse-hit  `connlint parse --files-from LIST`: reading and parsing just the files the check
#              parsed (the prefilter's trigger-word hits and the files importing a module through
#              which a client is reached), nothing else: the floor the check is measured against
#   walk-hit   `connlint parse --walk --files-from LIST`: parse-hit, plus one walk of each tree
#              into the node array every extraction starts from (what reading each parsed node
#              once costs, before any analysis)
#   parse-all  `connlint parse DIR`: reading and parsing every file the walk finds
#   ast-grep   `ast-grep scan` with benches/peer-rules/ast-grep (the rule set of the perf research),
#              2 threads; pip `ast-grep-cli` installed into $PEERS (default /tmp/connlint-bench-venv)
#              when missing; SKIP_ASTGREP=1 leaves it out
# and prints medians, files/s, MB/s and the per-round CPU ratios (medians of the ratios of each
# round, so that a drift in machine speed cancels out), plus what the check read and parsed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
cargo build --release -q
BIN="$ROOT/target/release/connlint"
RUNS="${2:-5}"
if [ $# -ge 1 ]; then
  CORPUS="$(cd "$1" && pwd)"
else
  CORPUS="${TMPDIR:-/tmp}/connlint-bench-corpus"
  [ -d "$CORPUS" ] || GENERATE_ONLY=1 benches/bench.sh >/dev/null
fi
PEERS="${PEERS:-/tmp/connlint-bench-venv}"
if [ "${SKIP_ASTGREP:-0}" != 1 ] && [ ! -x "$PEERS/bin/ast-grep" ]; then
  python3 -m venv "$PEERS"
  "$PEERS/bin/pip" install -q ast-grep-cli
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
LIST="$WORK/parsed.txt"

cd "$CORPUS"
"$BIN" check . --no-cache -q -v --list-parsed "$LIST" 2>"$WORK/verbose.txt" >/dev/null || true
grep '^connlint: ' "$WORK/verbose.txt" | grep -v 'done in' || true

declare -A CMD
CMD[connlint]="$BIN check . --no-cache -q"
CMD[parse-hit]="$BIN parse --files-from $LIST"
CMD[walk-hit]="$BIN parse --walk --files-from $LIST"
CMD[parse-all]="$BIN parse ."
TOOLS=(connlint parse-hit walk-hit parse-all)
if [ "${SKIP_ASTGREP:-0}" != 1 ]; then
  CMD[ast-grep]="$PEERS/bin/ast-grep scan --config $ROOT/benches/peer-rules/ast-grep/sgconfig.yml --threads 2 --json=stream ."
  TOOLS+=(ast-grep)
fi

for round in $(seq 0 "$RUNS"); do
  for t in "${TOOLS[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "$round $t %U %S %e %M" -o "$WORK/t" ${CMD[$t]} >/dev/null 2>&1 || true
    tail -1 "$WORK/t" >>"$WORK/times.txt"
  done
done

FILES=$("$BIN" parse . | awk '{print $1}')
BYTES=$(find . -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' -o -name '*.jsx' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.py' -o -name '*.rs' \) -not -path '*/node_modules/*' -printf '%s\n' | awk '{s+=$1} END {print s}')
python3 - "$WORK/times.txt" "$FILES" "$BYTES" "${TOOLS[@]}" <<'PY'
import statistics, sys
path, files, nbytes, tools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
rows = {}
for line in open(path):
    r, t, u, s, e, m = line.split()
    if r == "0":  # warm-up
        continue
    rows.setdefault(t, {})[int(r)] = (float(u) + float(s), float(e), int(m) / 1024)
med = lambda xs: statistics.median(xs)
def ratio(a, b):
    rs = [rows[a][r][0] / rows[b][r][0] for r in rows[a] if r in rows[b] and rows[b][r][0] > 0]
    return f"{med(rs):.2f}" if rs else "-"
print(f"\ncorpus: {files} files, {nbytes / 1e6:.1f} MB; {len(rows.get('connlint', {}))} rounds\n")
print("| tool | CPU s | wall s | peak MiB | files/s | MB/s | CPU / parse-hit | CPU / walk-hit | CPU / connlint |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for t in tools:
    if t not in rows:
        continue
    cpu = med([v[0] for v in rows[t].values()])
    wall = med([v[1] for v in rows[t].values()])
    mem = max(v[2] for v in rows[t].values())
    print(f"| {t} | {cpu:.2f} | {wall:.2f} | {mem:.0f} | {files / wall:,.0f} | {nbytes / 1e6 / wall:.1f} "
          f"| {ratio(t, 'parse-hit')} | {ratio(t, 'walk-hit')} | {ratio(t, 'connlint')} |")
PY

# IR=1: also count instructions (valgrind's cachegrind, one run each, one thread): the same on
# every run, where CPU seconds on a shared 2-core VM wander by 10-20 %.
if [ "${IR:-0}" = 1 ] && command -v valgrind >/dev/null; then
  echo
  echo "| tool | instructions (G) | / parse-hit |"
  echo "|---|---:|---:|"
  declare -A IRS
  for t in connlint parse-hit walk-hit; do
    cmd="${CMD[$t]}"
    [ "$t" = connlint ] && cmd="$cmd -j1"
    # shellcheck disable=SC2086
    IRS[$t]=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null $cmd 2>&1 >/dev/null \
      | awk '/I *refs/ {gsub(",", "", $4); print $4}' || true)
  done
  for t in connlint parse-hit walk-hit; do
    python3 -c "import sys; a, b = int(sys.argv[2]), int(sys.argv[3]); print(f'| {sys.argv[1]} | {a / 1e9:.2f} | {a / b:.2f} |')" \
      "$t" "${IRS[$t]}" "${IRS[parse-hit]}"
  done
fi
