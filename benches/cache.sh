#!/usr/bin/env bash
# Cold vs warm runs of the facts cache on a directory. Usage: benches/cache.sh DIR [RUNS]
# Prints wall and CPU seconds of: runs without the cache, one cold run (cache emptied), and RUNS
# warm runs; and checks that all give the same findings.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
BIN="$PWD/target/release/connlint"
DIR="$1"
RUNS="${2:-3}"
CACHE="$(mktemp -d)"
trap 'rm -rf "$CACHE"' EXIT
cd "$DIR"
# connlint exits 1 when it has findings: that is not the bench failing.
t() { { /usr/bin/time -f "%e s wall, %U+%S s CPU" "$@" 2>&1 >/dev/null || true; } | tail -1; }
echo "no cache:"
for _ in $(seq "$RUNS"); do t "$BIN" --quiet --no-cache .; done
"$BIN" --quiet --no-cache . > "$CACHE/none.txt" || true
echo "cold (empty cache):"
t "$BIN" --quiet --cache-dir "$CACHE/c" .
echo "warm:"
for _ in $(seq "$RUNS"); do t "$BIN" --quiet --cache-dir "$CACHE/c" .; done
"$BIN" --quiet --cache-dir "$CACHE/c" -v . > "$CACHE/warm.txt" || true
if cmp -s "$CACHE/none.txt" "$CACHE/warm.txt"; then echo "same findings"; else echo "FINDINGS DIFFER"; exit 1; fi
du -sh "$CACHE/c" | cut -f1 | sed 's/^/cache size: /'
