#!/bin/sh
# Install the connlint executable from a release archive, checking its SHA-256 sum.
#
#   curl -LsSf https://github.com/connlint/connlint/releases/latest/download/install.sh | sh
#   curl -LsSf .../install.sh | sh -s -- --version 0.1.0 --to ~/.local/bin
#
# Options (or environment):
#   --version V   (CONNLINT_VERSION)      a release, e.g. 0.1.0; default: the latest
#   --to DIR      (CONNLINT_INSTALL_DIR)  where to put `connlint`; default: ~/.local/bin
#   --from URL    (CONNLINT_DOWNLOAD_URL) where the archives are (a release's download URL, a
#                                         mirror, or file:///path/to/dist); default: GitHub
# Needs curl or wget, tar, and sha256sum or shasum. Windows: download the .zip from the release.
set -eu

REPO="https://github.com/connlint/connlint"
VERSION="${CONNLINT_VERSION:-latest}"
TO="${CONNLINT_INSTALL_DIR:-${HOME:-}/.local/bin}"
FROM="${CONNLINT_DOWNLOAD_URL:-}"

say() { printf 'connlint-install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --version) [ $# -ge 2 ] || die "--version needs a value"; VERSION="$2"; shift 2 ;;
    --to) [ $# -ge 2 ] || die "--to needs a value"; TO="$2"; shift 2 ;;
    --from) [ $# -ge 2 ] || die "--from needs a value"; FROM="$2"; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0" 2>/dev/null || true; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
VERSION="${VERSION#v}"

os="$(uname -s)"
arch="$(uname -m)"
case "$arch" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) die "no prebuilt connlint for the CPU $arch; build it with: cargo install connlint" ;;
esac
case "$os" in
  Linux)
    # The static musl build runs on any Linux; the gnu one where glibc is the C library.
    if ldd --version 2>&1 | grep -qi musl || [ -f /etc/alpine-release ]; then
      target="$arch-unknown-linux-musl"
    else
      target="$arch-unknown-linux-gnu"
    fi
    ;;
  Darwin) target="$arch-apple-darwin" ;;
  *) die "no prebuilt connlint for $os; build it with: cargo install connlint" ;;
esac

if [ -z "$FROM" ]; then
  if [ "$VERSION" = latest ]; then
    FROM="$REPO/releases/latest/download"
  else
    FROM="$REPO/releases/download/v$VERSION"
  fi
fi
archive="connlint-$target.tar.gz"

fetch() { # URL FILE
  case "$1" in
    file://*) cp "${1#file://}" "$2" ;;
    *)
      if command -v curl >/dev/null 2>&1; then
        curl --proto '=https' --tlsv1.2 -fsSL "$1" -o "$2"
      elif command -v wget >/dev/null 2>&1; then
        wget -q "$1" -O "$2"
      else
        die "needs curl or wget"
      fi
      ;;
  esac
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT INT TERM
say "downloading $FROM/$archive"
fetch "$FROM/$archive" "$tmp/$archive" || die "cannot download $FROM/$archive"
fetch "$FROM/$archive.sha256" "$tmp/$archive.sha256" || die "cannot download $FROM/$archive.sha256"

want="$(cut -d ' ' -f 1 <"$tmp/$archive.sha256")"
if command -v sha256sum >/dev/null 2>&1; then
  got="$(sha256sum "$tmp/$archive" | cut -d ' ' -f 1)"
elif command -v shasum >/dev/null 2>&1; then
  got="$(shasum -a 256 "$tmp/$archive" | cut -d ' ' -f 1)"
else
  die "needs sha256sum or shasum to check the download"
fi
[ -n "$want" ] && [ "$want" = "$got" ] || die "checksum mismatch for $archive: expected $want, got $got; nothing installed"

tar -xzf "$tmp/$archive" -C "$tmp"
[ -f "$tmp/connlint-$target/connlint" ] || die "$archive holds no connlint-$target/connlint"
mkdir -p "$TO"
# Into place by a rename on the same file system: a running connlint is never half overwritten.
cp "$tmp/connlint-$target/connlint" "$TO/.connlint.new.$$"
chmod 755 "$TO/.connlint.new.$$"
mv -f "$TO/.connlint.new.$$" "$TO/connlint"
say "installed $("$TO/connlint" --version) to $TO/connlint"
case ":${PATH:-}:" in
  *":$TO:"*) ;;
  *) say "$TO is not on PATH: add it, e.g. export PATH=\"$TO:\$PATH\"" ;;
esac
