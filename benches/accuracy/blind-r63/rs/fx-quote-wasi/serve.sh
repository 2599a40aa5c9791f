#!/bin/sh
# wasmtime instantiates a fresh component instance for every incoming request.
set -eu
cargo build --release --target wasm32-wasip2
exec wasmtime serve -Scli -Shttp \
  --addr 0.0.0.0:8080 \
  --env RATES_URL="${RATES_URL:-https://rates.treasury.internal}" \
  --env LIMITS_URL="${LIMITS_URL:-https://limits.treasury.internal}" \
  target/wasm32-wasip2/release/fx-quote.wasm
