#!/usr/bin/env bash
# Build the VS Code extension as CI does: install the locked dependencies, compile, package.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
npm run --silent compile
OUT="${1:-${TMPDIR:-/tmp}/connlint.vsix}"
mkdir -p "$(dirname "$OUT")"
npx --no-install vsce package --out "$OUT"
ls -l "$OUT"
