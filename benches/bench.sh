#!/usr/bin/env bash
# Benchmark connlint on a corpus: wall time (median of N runs), files/s and MB/s, with and
# without the prefilter. Usage:
#   benches/bench.sh            # a synthetic corpus generated under $TMPDIR/connlint-bench-corpus
#   benches/bench.sh DIR [N]    # any directory (e.g. a real repository), N runs (default 5)
#   GENERATE_ONLY=1 benches/bench.sh   # only generate the synthetic corpus
# Uses hyperfine when installed; otherwise times the runs itself.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
BIN="$PWD/target/release/connlint"
RUNS="${2:-5}"

if [ $# -ge 1 ]; then
  CORPUS="$1"
else
  CORPUS="${TMPDIR:-/tmp}/connlint-bench-corpus"
  if [ ! -d "$CORPUS" ]; then
    echo "generating $CORPUS ..."
    mkdir -p "$CORPUS"
    # 40 copies of every fixture project (realistic code with findings) ...
    for i in $(seq 1 40); do
      mkdir -p "$CORPUS/copy$i"
      cp -r fixtures/. "$CORPUS/copy$i/"
    done
    # ... and plain application code that mentions no client library (most of a real repo).
    for i in $(seq 1 3000); do
      d="$CORPUS/app/module$((i % 50))"
      mkdir -p "$d"
      cat > "$d/util$i.ts" <<TS
import { formatDate } from "../shared/format";
export interface Row$i { id: number; name: string; createdAt: Date }
export function summarize$i(rows: Row$i[]): string {
  const total = rows.reduce((n, r) => n + r.id, 0);
  return rows.map((r) => \`\${r.name} (\${formatDate(r.createdAt)})\`).join(", ") + " total " + total;
}
export const sorted$i = (rows: Row$i[]) => [...rows].sort((a, b) => a.id - b.id);
TS
      cat > "$d/helpers$i.py" <<PY
from dataclasses import dataclass
from typing import Iterable


@dataclass
class Row$i:
    id: int
    name: str


def summarize_$i(rows: Iterable[Row$i]) -> str:
    total = sum(r.id for r in rows)
    return ", ".join(r.name for r in rows) + f" total {total}"
PY
    done
  fi
fi
# `GENERATE_ONLY=1 benches/bench.sh`: make the corpus (benches/perf.sh uses it) and stop.
[ "${GENERATE_ONLY:-0}" = 1 ] && { echo "$CORPUS"; exit 0; }

files=$(find "$CORPUS" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' -o -name '*.py' -o -name '*.rs' -o -name '.env*' \) | wc -l)
bytes=$(find "$CORPUS" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' -o -name '*.py' -o -name '*.rs' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $CORPUS ($files files, $((bytes / 1024)) KiB), $(nproc) cores"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -w 1 -r "$RUNS" -i \
    "$BIN check --exit-zero -q --isolated $CORPUS" \
    "$BIN check --exit-zero -q --isolated --no-prefilter $CORPUS"
  exit 0
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {
  local label="$1"; shift
  "$@" >/dev/null 2>&1 || true # warm-up
  local t
  t=$(for _ in $(seq 1 "$RUNS"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median)
  printf '%-28s median %6.3f s   %8.0f files/s   %6.1f MB/s\n' "$label" "$t" \
    "$(echo "$files / $t" | bc -l)" "$(echo "$bytes / 1048576 / $t" | bc -l)"
}
run "connlint" "$BIN" check --exit-zero -q --isolated "$CORPUS"
run "connlint --no-prefilter" "$BIN" check --exit-zero -q --isolated --no-prefilter "$CORPUS"
