#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code workbench.
#
# @vscode/test-electron downloads VS Code from Microsoft's update server, which this project's
# machines cannot reach. code-server (npm package `code-server`) ships a VS Code build (4.96.4 is
# VS Code 1.96.4 and runs on Node 20): its server runs the extension host, and headless Chromium
# (Debian `chromium`, driven by `puppeteer-core`, which downloads no browser) runs the workbench.
# code-server's own install script fetches from GitHub, so it is installed with --ignore-scripts
# and finished here: one dependency pinned to a GitHub commit (@vscode/proxy-agent 0.27.0) is
# taken from the npm registry, native modules are built from source, ripgrep comes from Debian.
# The set-up is cached in $CONNLINT_E2E_DIR (default: $TMPDIR/connlint-vscode-e2e), about 2 minutes
# the first time on 2 cores.
#
# Needs: node 20, npm, a C++ compiler, make, python3, chromium, ripgrep (installed with apt-get
# when missing and running as root), and the extension with a bundled binary: $CONNLINT_VSIX (a
# platform .vsix from scripts/dist.sh), else one packaged here around $CONNLINT, else around
# target/release/connlint of this checkout.
#
# connlint is not on code-server's PATH and the workspace sets no connlint.path: the extension
# must start the binary bundled in the .vsix. It checks: the output channel names that binary
# and its version, diagnostics from `connlint lsp` in the Problems panel, the settings in
# initializationOptions, the quick fixes, applying "Ignore ... on this line", undo, fix on save
# (source.fixAll.connlint with connlint.unsafeFixes), "connlint: Restart Server", and the message
# for a connlint.path that is not an executable. Closes with "N passed, N failed".
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)" # editors/vscode
REPO="$(cd "$HERE/../.." && pwd)"
DIR="${CONNLINT_E2E_DIR:-${TMPDIR:-/tmp}/connlint-vscode-e2e}"
CODE_SERVER_VERSION=4.96.4
PUPPETEER_CORE_VERSION=23

CONNLINT_VSIX="${CONNLINT_VSIX:-}"
CONNLINT="${CONNLINT:-}"
if [ -z "$CONNLINT_VSIX" ]; then
  [ -n "$CONNLINT" ] || CONNLINT="$REPO/target/release/connlint"
  if [ ! -x "$CONNLINT" ]; then
    echo "no connlint binary: build it (cargo build --release), or set CONNLINT or CONNLINT_VSIX" >&2
    exit 2
  fi
  CONNLINT="$(cd "$(dirname "$CONNLINT")" && pwd)/$(basename "$CONNLINT")"
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing Debian packages: ${missing[*]}" >&2
    exit 2
  fi
fi
CHROMIUM="$(command -v chromium)"

NPM_FLAGS=(--no-audit --no-fund --loglevel=error)
if [ ! -f "$DIR/ready-$CODE_SERVER_VERSION" ]; then
  echo "== setting up code-server $CODE_SERVER_VERSION in $DIR"
  rm -rf "$DIR/npm"
  mkdir -p "$DIR/npm"
  cd "$DIR/npm"
  echo '{"name": "connlint-vscode-e2e", "private": true}' >package.json
  PUPPETEER_SKIP_DOWNLOAD=1 npm install "${NPM_FLAGS[@]}" --ignore-scripts \
    "code-server@$CODE_SERVER_VERSION" "puppeteer-core@$PUPPETEER_CORE_VERSION"
  npm_config_build_from_source=true npm rebuild "${NPM_FLAGS[@]}" argon2
  VS="$DIR/npm/node_modules/code-server/lib/vscode"
  PROXY_AGENT_VERSION="$(node -p 'require(process.argv[1]).packages["node_modules/@vscode/proxy-agent"].version' "$VS/npm-shrinkwrap.json")"
  PROXY_AGENT_TARBALL="$(npm view "${NPM_FLAGS[@]}" "@vscode/proxy-agent@$PROXY_AGENT_VERSION" dist.tarball)"
  node -e '
    const fs = require("fs");
    const [file, tarball] = process.argv.slice(1);
    const lock = JSON.parse(fs.readFileSync(file, "utf8"));
    const entry = lock.packages["node_modules/@vscode/proxy-agent"];
    entry.resolved = tarball; // the same version, from the registry instead of a GitHub commit
    delete entry.integrity;
    fs.writeFileSync(file, JSON.stringify(lock, null, 2));
  ' "$VS/npm-shrinkwrap.json" "$PROXY_AGENT_TARBALL"
  (cd "$VS" && npm install "${NPM_FLAGS[@]}" --omit=dev --ignore-scripts)
  (cd "$VS" && npm rebuild "${NPM_FLAGS[@]}" @parcel/watcher @vscode/spdlog native-watchdog node-pty @vscode/deviceid)
  mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
  ln -sfn node_modules "$VS/node_modules.asar"
  touch "$DIR/ready-$CODE_SERVER_VERSION"
fi

if [ -z "$CONNLINT_VSIX" ]; then
  # Packaged as a release packages it (the platform .vsix around this binary).
  echo "== packaging the .vsix for x86_64-unknown-linux-gnu around $CONNLINT"
  rm -rf "$DIR/package"
  bash "$REPO/scripts/package-platform.sh" x86_64-unknown-linux-gnu "$CONNLINT" "$DIR/package" >/dev/null
  CONNLINT_VSIX="$(ls "$DIR"/package/connlint-vscode-linux-x64-*.vsix)"
fi

RUN="$(mktemp -d "${TMPDIR:-/tmp}/connlint-vscode-e2e-run.XXXXXX")"
WS="$RUN/ws"
mkdir -p "$WS/.vscode"
cp -r "$REPO/fixtures/per-request-client/bad-ts-syntax-prisma-queryraw/." "$WS/"
cat >"$WS/.vscode/settings.json" <<EOF
{
  "connlint.unsafeFixes": true,
  "connlint.trace.server": "verbose",
  "editor.codeActionsOnSave": { "source.fixAll.connlint": "explicit" },
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "extensions.autoCheckUpdates": false
}
EOF

# code-server and VS Code write a device id and caches under XDG dirs: keep them in the run.
export XDG_CONFIG_HOME="$RUN/xdg-config" XDG_CACHE_HOME="$RUN/xdg-cache" XDG_DATA_HOME="$RUN/xdg-data"
CODE_SERVER=(node "$DIR/npm/node_modules/code-server/out/node/entry.js" --config "$RUN/config.yaml"
  --user-data-dir "$RUN/data" --extensions-dir "$RUN/extensions")
"${CODE_SERVER[@]}" --install-extension "$CONNLINT_VSIX" >/dev/null
# No connlint on code-server's PATH: what runs is what the .vsix bundles.
CLEAN_PATH=""
IFS=: read -r -a PATH_DIRS <<<"$PATH"
for d in "${PATH_DIRS[@]}"; do
  if [ -n "$d" ] && [ ! -e "$d/connlint" ]; then CLEAN_PATH="${CLEAN_PATH:+$CLEAN_PATH:}$d"; fi
done

PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
PATH="$CLEAN_PATH" setsid "${CODE_SERVER[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
  --disable-update-check --disable-workspace-trust "$WS" >"$RUN/code-server.log" 2>&1 &
SERVER=$!
trap 'kill -- -$SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  if node -e 'require("http").get(process.argv[1], () => process.exit(0)).on("error", () => process.exit(1))' \
    "http://127.0.0.1:$PORT/healthz"; then
    break
  fi
  sleep 1
done

echo "== code-server $CODE_SERVER_VERSION on 127.0.0.1:$PORT, workspace $WS, extension $CONNLINT_VSIX"
E2E_URL="http://127.0.0.1:$PORT/?folder=$WS" E2E_WORKSPACE="$WS" E2E_EXTENSIONS="$RUN/extensions" E2E_LOGS="$RUN/data/logs" E2E_OUT="$RUN" \
  CHROMIUM="$CHROMIUM" NODE_PATH="$DIR/npm/node_modules" node "$HERE/test/e2e/run.js"
echo "(screenshots and logs in $RUN)"
