#!/usr/bin/env bash
# Smoke for the fuzz targets: every target for a few seconds from its seeds plus
# fuzz/regressions/<target>/ (a crashing input there fails it). Without a nightly toolchain or
# cargo-fuzz, or with FUZZ_SMOKE_MODE=replay (what .ci/run does), the seeds and regressions are
# replayed through a connlint binary instead (each as a file of a project: exit 0/1/2 and a JSON
# report).
set -uo pipefail
cd "$(dirname "$0")"
SECS="${FUZZ_SMOKE_SECONDS:-4}"
targets=(ts tsx python rust dotenv config url fix_apply lsp)
# FUZZ_SMOKE_MODE=replay: replay the seeds and regressions only, through FUZZ_SMOKE_BIN if given
# (`.ci/run` passes the debug binary its tests just built: seconds, where a nightly fuzz build of
# the library takes minutes).
if [ "${FUZZ_SMOKE_MODE:-}" = replay ]; then
  mode=replay
elif ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz smoke: no nightly toolchain; replaying seeds and regressions on stable instead"
  mode=replay
elif ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz smoke: installing cargo-fuzz"
  cargo install cargo-fuzz --locked -q && mode=fuzz || mode=replay
else
  mode=fuzz
fi
fail=0
if [ "$mode" = fuzz ]; then
  cargo +nightly fuzz build -O -s none --no-cfg-fuzzing >/dev/null 2>&1 || { cargo +nightly fuzz build -O -s none --no-cfg-fuzzing; exit 1; }
  host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
  for t in "${targets[@]}"; do
    dir=$(mktemp -d)
    cp seeds/"$t"/* "$dir"/ 2>/dev/null
    [ -d "regressions/$t" ] && cp regressions/"$t"/* "$dir"/
    # The binaries `cargo fuzz build` just made, run directly: `cargo fuzz run` would build the
    # library again for every target (minutes each on two cores).
    if "target/$host/release/$t" "$dir" -max_total_time="$SECS" -max_len=2048 \
         -rss_limit_mb=4096 -timeout=20 -artifact_prefix="$dir/" > "$dir.log" 2>&1; then
      echo "fuzz smoke: $t ok ($(grep -E '^#[0-9]+' "$dir.log" | tail -1 | awk '{print $1, $3, $4}'))"
    else
      echo "fuzz smoke: $t FAILED"; tail -40 "$dir.log"; fail=1
    fi
    rm -rf "$dir" "$dir.log"
  done
else
  if [ -n "${FUZZ_SMOKE_BIN:-}" ]; then
    bin="$(cd "$(dirname "$FUZZ_SMOKE_BIN")" && pwd)/$(basename "$FUZZ_SMOKE_BIN")"
  else
    (cd .. && cargo build --release -q) || exit 1
    bin="$PWD/../target/release/connlint"
  fi
  declare -A name=([ts]=a.ts [tsx]=app/page.tsx [python]=app/main.py [rust]=src/main.rs [dotenv]=.env [config]=connlint.toml [url]=.env [fix_apply]=a.ts)
  for t in "${targets[@]}"; do
    for f in seeds/"$t"/* regressions/"$t"/*; do
      [ -f "$f" ] || continue
      if [ "$t" = lsp ]; then
        # initialize, initialized, the seed, shutdown, exit: into `connlint lsp`, which must end
        # (0 or 1).
        python3 - "$f" <<'PY' | timeout 60 "$bin" lsp > /dev/null 2>&1; rc=$?
import sys
def frame(b): return b"Content-Length: %d\r\n\r\n" % len(b) + b
out = frame(b'{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}')
out += frame(b'{"jsonrpc":"2.0","method":"initialized","params":{}}')
out += open(sys.argv[1], "rb").read()
out += frame(b'{"jsonrpc":"2.0","id":"end","method":"shutdown"}') + frame(b'{"jsonrpc":"2.0","method":"exit"}')
sys.stdout.buffer.write(out)
PY
        if [ $rc -gt 1 ]; then echo "fuzz smoke (replay): lsp $f: exit $rc"; fail=1; fi
        continue
      fi
      p=$(mktemp -d)
      mkdir -p "$p/$(dirname "${name[$t]}")"
      echo '{"dependencies":{"next":"15.0.0","pg":"8.0.0"}}' > "$p/package.json"
      if [ "$t" = url ]; then { printf 'DATABASE_URL='; cat "$f"; echo; } > "$p/.env"; else cp "$f" "$p/${name[$t]}"; fi
      (cd "$p" && "$bin" --no-cache --format json . > out.json 2> err.txt); rc=$?
      if [ $rc -gt 2 ] || { [ $rc -ne 2 ] && ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$p/out.json" 2>/dev/null; }; then
        echo "fuzz smoke (replay): $t $f: exit $rc"; fail=1
      fi
      rm -rf "$p"
    done
    echo "fuzz smoke (replay): $t done"
  done
fi
exit $fail
