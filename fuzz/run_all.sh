#!/usr/bin/env bash
# Run fuzz targets for RUNS executions each (or at most SECONDS), one after the other, from the
# seeds plus the regressions; log libFuzzer's last line per target to fuzz/results/<target>.log.
# Usage: fuzz/run_all.sh RUNS SECONDS TARGET...
set -uo pipefail
cd "$(dirname "$0")"
runs=$1; secs=$2; shift 2
mkdir -p results
for t in "$@"; do
  mkdir -p "corpus/$t"
  cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null
  [ -d "regressions/$t" ] && cp -n regressions/"$t"/* "corpus/$t/" 2>/dev/null
  dict=(); [ -f "dict/$t.dict" ] && dict=(-dict="dict/$t.dict")
  start=$(date +%s)
  cargo +nightly fuzz run -O -s none --no-cfg-fuzzing "$t" "corpus/$t" -- -runs="$runs" -max_total_time="$secs" \
    -max_len=2048 -rss_limit_mb=4096 -timeout=20 "${dict[@]}" > "results/$t.log" 2>&1
  rc=$?
  echo "$t rc=$rc seconds=$(( $(date +%s) - start )) $(grep -E '^#[0-9]+' "results/$t.log" | tail -1)" | tee -a results/summary.txt
done
