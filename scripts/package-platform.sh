#!/usr/bin/env bash
# Package one platform's connlint executable as the release ships it, into OUT:
#   connlint-<npm platform>-<version>.tgz          the npm package @connlint/<platform>
#   connlint-vscode-<vscode target>-<version>.vsix the VS Code extension with the binary inside
#   connlint-<rust target>.tar.gz|.zip (+ .sha256) the standalone archive
# Usage: scripts/package-platform.sh RUST_TARGET BINARY OUT
# Used by scripts/dist.sh (this machine) and .github/workflows/release.yml (every platform).
# Needs node and npm (vsce comes from editors/vscode's locked devDependencies).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 RUST_TARGET BINARY OUT" >&2; exit 2; }
TARGET="$1"
BINARY="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
mkdir -p "$3"
OUT="$(cd "$3" && pwd)"
cd "$(dirname "$0")/.."
ROOT="$PWD"
VERSION="$(python3 scripts/version.py)"
read -r NPM_PLATFORM VSCODE_TARGET OS <<<"$(node -e '
  const { platforms } = require(process.argv[1]);
  const p = platforms.find((p) => p.rust === process.argv[2]);
  if (!p) { console.error(`${process.argv[2]} is not in packaging/platforms.json`); process.exit(1); }
  console.log([p.npm, p.vscode, p.os].join(" "));
' "$ROOT/packaging/platforms.json" "$TARGET")"
EXE=""
[ "$OS" != win32 ] || EXE=".exe"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/connlint-package.XXXXXX")"
trap 'rm -rf "$STAGE"; rm -rf "$ROOT/editors/vscode/bundled"' EXIT

# 1. npm: @connlint/<platform>, the executable and a manifest whose os/cpu/libc let npm pick it.
mkdir -p "$STAGE/npm"
node -e '
  const fs = require("fs");
  const [platformsFile, target, version, out] = process.argv.slice(1);
  const p = require(platformsFile).platforms.find((p) => p.rust === target);
  const manifest = {
    name: p.npm,
    version,
    description: `The connlint executable for ${p.os} ${p.cpu}${p.libc ? ` (${p.libc})` : ""}; install \`connlint\`, which uses it.`,
    license: "MIT",
    homepage: "https://github.com/connlint/connlint#readme",
    repository: { type: "git", url: "git+https://github.com/connlint/connlint.git" },
    os: [p.os],
    cpu: [p.cpu],
    ...(p.libc ? { libc: [p.libc] } : {}),
    files: [p.os === "win32" ? "connlint.exe" : "connlint"],
    preferUnplugged: true,
  };
  fs.writeFileSync(`${out}/package.json`, JSON.stringify(manifest, null, 2) + "\n");
  fs.writeFileSync(`${out}/README.md`, `# ${p.npm}\n\nThe \`connlint\` executable for ${p.os} ${p.cpu}. Install [\`connlint\`](https://www.npmjs.com/package/connlint) instead: it depends on this package on this platform.\n`);
' "$ROOT/packaging/platforms.json" "$TARGET" "$VERSION" "$STAGE/npm"
cp "$BINARY" "$STAGE/npm/connlint$EXE"
chmod 755 "$STAGE/npm/connlint$EXE"
cp LICENSE "$STAGE/npm/"
(cd "$STAGE/npm" && npm pack --silent --pack-destination "$OUT" >/dev/null)

# 2. The VS Code extension for this platform: the binary in bundled/, `vsce package --target`.
rm -rf editors/vscode/bundled
mkdir -p editors/vscode/bundled
cp "$BINARY" "editors/vscode/bundled/connlint$EXE"
chmod 755 "editors/vscode/bundled/connlint$EXE"
bash editors/vscode/scripts/check.sh "$OUT/connlint-vscode-$VSCODE_TARGET-$VERSION.vsix" --target "$VSCODE_TARGET" >/dev/null
rm -rf editors/vscode/bundled

# 3. The standalone archive (the installer's download) and its checksum.
ARCHIVE="connlint-$TARGET"
mkdir -p "$STAGE/archive/$ARCHIVE"
cp "$BINARY" "$STAGE/archive/$ARCHIVE/connlint$EXE"
cp LICENSE README.md "$STAGE/archive/$ARCHIVE/"
if [ "$OS" = win32 ]; then
  (cd "$STAGE/archive" && 7z a -bd -tzip "$OUT/$ARCHIVE.zip" "$ARCHIVE" >/dev/null)
  FILE="$ARCHIVE.zip"
else
  tar -C "$STAGE/archive" --owner=0 --group=0 --numeric-owner -czf "$OUT/$ARCHIVE.tar.gz" "$ARCHIVE"
  FILE="$ARCHIVE.tar.gz"
fi
(cd "$OUT" && { sha256sum "$FILE" 2>/dev/null || shasum -a 256 "$FILE"; } >"$FILE.sha256")
echo "packaged $TARGET into $OUT"
