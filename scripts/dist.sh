#!/usr/bin/env bash
# Build every artefact of a release for this platform into target/dist/:
#   connlint-<version>-py3-none-<platform>.whl   the Python wheel (maturin, bindings = "bin")
#   connlint-<version>.tar.gz                    the Python source distribution
#   connlint-<version>.tgz                       the npm package (launcher)
#   connlint-<platform>-<version>.tgz            the npm platform package (@connlint/<platform>)
#   connlint-vscode-<vscode-target>-<version>.vsix  the VS Code extension with the binary inside
#   connlint-<rust-target>.tar.gz (+ .sha256)    the standalone archive; SHA256SUMS for all
#   install.sh                                   the standalone installer
# Every artefact holds the same binary, built once with the release profile (LTO, one codegen
# unit, stripped). On x86_64/aarch64 Linux it is linked with zig against glibc 2.17, so the wheel
# is manylinux2014 (maturin checks the symbols as auditwheel does); DIST_ZIG=0 links with the
# system's cc instead (the wheel then gets the manylinux tag this glibc allows).
#
# Usage: scripts/dist.sh            (needs cargo, python3, node and npm; installs maturin and
#                                    ziglang into target/dist-tools on first use)
# The per-platform packaging is scripts/package-platform.sh, the npm launcher package
# scripts/package-npm.sh: the release workflow runs the same two on every platform.
# Env:   DIST_PROFILE=release       cargo profile (CI may pass another for speed)
#        DIST_ZIG=auto|0|1          link with zig for manylinux2014 (auto: on Linux gnu hosts)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DIST="$ROOT/target/dist"
TOOLS="$ROOT/target/dist-tools"
PROFILE="${DIST_PROFILE:-release}"

python3 scripts/version.py check
VERSION="$(python3 scripts/version.py)"
HOST="$(rustc -vV | sed -n 's/^host: //p')"

ZIG="${DIST_ZIG:-auto}"
if [ "$ZIG" = auto ]; then
  case "$HOST" in x86_64-unknown-linux-gnu | aarch64-unknown-linux-gnu) ZIG=1 ;; *) ZIG=0 ;; esac
fi

echo "== connlint $VERSION for $HOST, profile $PROFILE, zig=$ZIG"
[ -x "$TOOLS/venv/bin/python" ] || python3 -m venv "$TOOLS/venv"
PIP=("$TOOLS/venv/bin/python" -m pip install --quiet --disable-pip-version-check)
[ -x "$TOOLS/venv/bin/maturin" ] || "${PIP[@]}" "maturin>=1.9,<2"
if [ "$ZIG" = 1 ]; then
  "$TOOLS/venv/bin/python" -c 'import ziglang' 2>/dev/null || "${PIP[@]}" ziglang
fi

rm -rf "$DIST"
mkdir -p "$DIST"

# 1. The wheel (this builds the binary) and the source distribution.
MATURIN=(env "PATH=$TOOLS/venv/bin:$PATH" maturin)
if [ "$ZIG" = 1 ]; then
  "${MATURIN[@]}" build --profile "$PROFILE" --zig --compatibility manylinux2014 --target "$HOST" --out "$DIST"
  BINARY_DIR="$ROOT/target/$HOST"
else
  "${MATURIN[@]}" build --profile "$PROFILE" --out "$DIST"
  BINARY_DIR="$ROOT/target"
fi
"${MATURIN[@]}" sdist --out "$DIST"
case "$PROFILE" in dev | test) BINARY_DIR="$BINARY_DIR/debug" ;; *) BINARY_DIR="$BINARY_DIR/$PROFILE" ;; esac
EXE=""
case "$HOST" in *windows*) EXE=".exe" ;; esac
BINARY="$BINARY_DIR/connlint$EXE"
"$BINARY" --version

# 2. npm: the launcher package (platform-independent) ...
scripts/package-npm.sh "$DIST"

# 3. ... and this platform's npm package, .vsix and archive; the installer; the checksums.
scripts/package-platform.sh "$HOST" "$BINARY" "$DIST"
cp scripts/install.sh "$DIST/install.sh"
(cd "$DIST" && sha256sum -- * | grep -v -e ' SHA256SUMS$' -e '\.sha256$' >SHA256SUMS)

echo "== target/dist"
ls -l "$DIST"
echo "binary: $(wc -c <"$BINARY") bytes"
