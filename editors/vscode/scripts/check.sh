#!/usr/bin/env bash
# Build the VS Code extension as CI does: install the locked dependencies, compile, package.
#   check.sh [OUT.vsix] [vsce package options, e.g. --target linux-x64]
# A platform-specific package (--target) bundles what bundled/ holds (scripts/dist.sh puts the
# connlint executable there); without --target the package has no binary and starts the
# connlint of the workspace or of PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
npm run --silent compile
OUT="${1:-${TMPDIR:-/tmp}/connlint.vsix}"
shift || true
mkdir -p "$(dirname "$OUT")"
npx --no-install vsce package --out "$OUT" "$@"
ls -l "$OUT"
