#!/usr/bin/env bash
# Pack the platform-independent npm package `connlint` (the launcher; its optionalDependencies
# name one package per platform, packaged by scripts/package-platform.sh) into OUT.
# Usage: scripts/package-npm.sh OUT
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
mkdir -p "$1"
OUT="$(cd "$1" && pwd)"
cd "$(dirname "$0")/.."
VERSION="$(python3 scripts/version.py)"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/connlint-npm.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
cp -r packaging/npm/connlint/. "$STAGE/"
cp packaging/platforms.json LICENSE "$STAGE/"
sed -e "s/{{VERSION}}/$VERSION/g" packaging/npm/README.md >"$STAGE/README.md"
(cd "$STAGE" && npm pack --silent --pack-destination "$OUT" >/dev/null)
echo "packed connlint-$VERSION.tgz into $OUT"
