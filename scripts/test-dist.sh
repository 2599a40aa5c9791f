#!/usr/bin/env bash
# Install what scripts/dist.sh built (target/dist) the way users install it, on a PATH with no
# cargo, rustc or C compiler, and check that each route reaches the same first finding:
#   pip (a fresh venv), `python -m connlint`, uv tool install, pipx run;
#   npm (the tarballs in a fresh Node project, offline), npx, the launcher's platform choice and
#   its message when no platform package fits;
#   pre-commit (the mirror in packaging/pre-commit, pip pointed at target/dist);
#   the standalone installer (checksum checked, a tampered archive refused);
#   the GitHub Action's steps (packaging/action/run.sh) against a fixture project.
# Prints one line per check, the times from nothing to the first finding, and exits 1 on a failure.
#
# Usage: scripts/test-dist.sh [DIST]   (default target/dist)
# The tools it drives (pre-commit, uv, pipx, auditwheel, and the wheels of setuptools and pip
# that the pre-commit mirror's build and pipx's shared environment need) are installed from PyPI into target/dist-tools once; the checks themselves use
# no network: pip and uv get --no-index, npm --offline with a dead registry.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DIST="$(cd "${1:-target/dist}" && pwd)"
TOOLS="$ROOT/target/dist-tools"
VERSION="$(python3 scripts/version.py)"
HOST="$(rustc -vV 2>/dev/null | sed -n 's/^host: //p')"
HOST="${HOST:-x86_64-unknown-linux-gnu}"
NPM_PLATFORM="$(node -p 'require(process.argv[1]).platforms.find((p) => p.rust === process.argv[2]).npm' "$ROOT/packaging/platforms.json" "$HOST")"

# --- tools, once ----------------------------------------------------------------------------
VENV="$TOOLS/test-venv"
if [ ! -x "$VENV/bin/pre-commit" ] || [ ! -x "$VENV/bin/uv" ] || [ ! -x "$VENV/bin/pipx" ] || [ ! -x "$VENV/bin/auditwheel" ]; then
  echo "== installing pre-commit, uv, pipx, auditwheel into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pre-commit>=3,<5" uv pipx auditwheel
fi
WHEELHOUSE="$TOOLS/wheelhouse"
if ! ls "$WHEELHOUSE"/setuptools-*.whl "$WHEELHOUSE"/pip-*.whl >/dev/null 2>&1; then
  # What the checks would otherwise take from PyPI: the pre-commit mirror's build backend, and
  # the pip that pipx puts in its shared environment.
  "$VENV/bin/pip" download --quiet --disable-pip-version-check --only-binary :all: -d "$WHEELHOUSE" setuptools wheel pip
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/connlint-test-dist.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
# expect NAME WANT_CODE PATTERN -- CMD...: CMD exits WANT_CODE and its output matches PATTERN.
expect() {
  local name="$1" want="$2" pattern="$3"
  shift 4
  local out code
  set +e
  out="$("$@" 2>&1)"
  code=$?
  set -e
  if [ "$code" = "$want" ] && grep -Eq -- "$pattern" <<<"$out"; then
    pass "$name"
  else
    fail "$name (exit $code, wanted $want and /$pattern/):"
    sed 's/^/     | /' <<<"$out" | tail -15
  fi
}
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

# --- a PATH without Rust or a C compiler ------------------------------------------------------
NOBIN="$WORK/nobin"
mkdir -p "$NOBIN"
ln -s "$(python3 -c 'import sys; print(sys.executable)')" "$NOBIN/python3"
ln -s "$NOBIN/python3" "$NOBIN/python"
for tool in pre-commit uv pipx auditwheel; do ln -s "$VENV/bin/$tool" "$NOBIN/$tool"; done
IFS=: read -r -a DIRS <<<"$PATH"
for d in "${DIRS[@]}"; do
  case "$d" in */.cargo/* | */.rustup/* | */.pyenv/*) continue ;; esac
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    name="${f##*/}"
    case "$name" in
      cargo* | rustc* | rustup | rustdoc | rust-* | cc | c++ | cpp | gcc* | g++* | *-gcc* | *-g++* | clang* | tcc | zig | python | python3) continue ;;
    esac
    [ -e "$NOBIN/$name" ] || ln -s "$f" "$NOBIN/$name"
  done
done
NOPATH="$NOBIN"
missing=""
for t in cargo rustc cc gcc clang; do
  if PATH="$NOPATH" command -v "$t" >/dev/null 2>&1; then missing="$missing $t"; fi
done
if [ -z "$missing" ]; then pass "no cargo, rustc or C compiler on the test PATH"; else fail "the test PATH still has:$missing"; fi
run() { env PATH="$NOPATH" HOME="$WORK/home" "$@"; }
mkdir -p "$WORK/home"

# The project every route checks: a Next.js route building a PrismaClient per request.
PROJECT="$WORK/project"
cp -r "$ROOT/fixtures/per-request-client/bad-ts-syntax-prisma-queryraw/." "$PROJECT/"
FINDING='app/api/reports/route.ts.*per-request-client|per-request-client.*app/api/reports/route.ts'

# --- the files themselves ---------------------------------------------------------------------
WHEEL="$(ls "$DIST"/connlint-"$VERSION"-*.whl)"
case "$(basename "$WHEEL")" in
  *manylinux*) pass "the wheel is tagged manylinux: $(basename "$WHEEL")" ;;
  *) fail "the wheel is not tagged manylinux: $(basename "$WHEEL")" ;;
esac
expect "auditwheel agrees the wheel is manylinux" 0 'consistent with +the +following +platform +tag: +"manylinux_' -- \
  bash -c "'$VENV/bin/auditwheel' show '$WHEEL' | tr '\n' ' '"
expect "SHA256SUMS checks out" 0 'OK' -- bash -c "cd '$DIST' && sha256sum -c SHA256SUMS"
expect "the archive holds connlint-$HOST/connlint, LICENSE and README.md" 0 "connlint-$HOST/connlint\$" -- \
  bash -c "tar -tzf '$DIST/connlint-$HOST.tar.gz' | sort | tee /dev/stderr | grep -c -e /LICENSE -e /README.md | grep -qx 2 && tar -tzf '$DIST/connlint-$HOST.tar.gz'"
expect "the sdist holds the crate and the Python shim" 0 'packaging/python/connlint/__main__.py' -- \
  bash -c "tar -tzf '$DIST/connlint-$VERSION.tar.gz' | tee /dev/stderr | grep -q 'connlint-$VERSION/Cargo.toml' && tar -tzf '$DIST/connlint-$VERSION.tar.gz'"

# --- pip, python -m, uv, pipx ---------------------------------------------------------------
t0="$(now)"
run python3 -m venv "$WORK/venv"
run "$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --find-links "$DIST" connlint
expect "pip: connlint check finds the per-request client (exit 1)" 1 "$FINDING" -- \
  run "$WORK/venv/bin/connlint" check --format github "$PROJECT"
PIP_SECONDS="$(secs "$t0" "$(now)")"
expect "connlint --version names the version and the commit" 0 "^connlint $VERSION \([0-9a-f]{7,} [0-9]{4}-[0-9]{2}-[0-9]{2}\)" -- \
  run "$WORK/venv/bin/connlint" --version
expect "python -m connlint runs the same executable" 1 "$FINDING" -- \
  run "$WORK/venv/bin/python" -m connlint check --format github "$PROJECT"
expect "python -m connlint --version" 0 "^connlint $VERSION" -- run "$WORK/venv/bin/python" -m connlint --version

t0="$(now)"
expect "uv tool install connlint, then connlint check" 1 "$FINDING" -- run env \
  UV_TOOL_DIR="$WORK/uv/tools" UV_TOOL_BIN_DIR="$WORK/uv/bin" UV_CACHE_DIR="$WORK/uv/cache" UV_PYTHON_DOWNLOADS=never \
  bash -c "uv tool install --quiet --no-index --find-links '$DIST' connlint && '$WORK/uv/bin/connlint' check --format github '$PROJECT'"
UV_SECONDS="$(secs "$t0" "$(now)")"
expect "pipx run connlint check" 1 "$FINDING" -- run env PIPX_HOME="$WORK/pipx" PIPX_BIN_DIR="$WORK/pipx/bin" \
  pipx run --backend pip --pip-args="--no-index --find-links $DIST --find-links $WHEELHOUSE" connlint check --format github "$PROJECT"

# --- npm ------------------------------------------------------------------------------------
NPM_ENV=(npm_config_registry=http://127.0.0.1:9/ npm_config_offline=true npm_config_audit=false
  npm_config_fund=false npm_config_update_notifier=false npm_config_cache="$WORK/npm-cache")
# inside DIR CMD...: CMD in DIR, with no Rust on PATH and npm offline.
inside() { local dir="$1"; shift; (cd "$dir" && run env "${NPM_ENV[@]}" "$@"); }
APP="$WORK/node-app"
mkdir -p "$APP"
cp -r "$PROJECT/app" "$APP/"
t0="$(now)"
inside "$APP" npm init -y >/dev/null
inside "$APP" npm install --save-dev --loglevel=error "$DIST/connlint-$VERSION.tgz" \
  "$DIST/connlint-${NPM_PLATFORM#@connlint/}-$VERSION.tgz" >"$WORK/npm-install.log" 2>&1 || cat "$WORK/npm-install.log"
# The app's own dependencies, declared (not installed: the test is offline): connlint reads them.
inside "$APP" npm pkg set 'dependencies.@prisma/client=^5.22.0' 'dependencies.next=15.1.3'
expect "npx connlint check finds the per-request client (exit 1)" 1 "$FINDING" -- \
  inside "$APP" npx --no-install connlint check --format github .
NPM_SECONDS="$(secs "$t0" "$(now)")"
expect "npm installed connlint and only this platform's package ($NPM_PLATFORM)" 0 "^$NPM_PLATFORM connlint\$" -- \
  bash -c "cd '$APP/node_modules' && echo \$(ls -d connlint @connlint/*)"
expect "the launcher passes exit codes and messages through (a bad flag: exit 2)" 2 'unexpected argument' -- \
  inside "$APP" npx --no-install connlint check --no-such-flag
cat >"$WORK/freebsd.js" <<'EOF'
Object.defineProperty(process, "platform", { value: "freebsd" });
EOF
expect "on a platform with no build, the launcher names it (exit 2)" 2 'no prebuilt binary for freebsd x64' -- \
  run node -r "$WORK/freebsd.js" "$APP/node_modules/connlint/bin/connlint.js" --version
BARE="$WORK/node-bare"
mkdir -p "$BARE"
inside "$BARE" npm init -y >/dev/null
inside "$BARE" npm install --save-dev --loglevel=error "$DIST/connlint-$VERSION.tgz" >/dev/null 2>&1 || true
expect "without the platform package, the launcher names the platform and the package (exit 2)" 2 \
  "for linux x64 \(glibc\) is not installed: $NPM_PLATFORM" -- inside "$BARE" npx --no-install connlint --version
expect "CONNLINT_BINARY overrides the platform package" 0 "^connlint $VERSION" -- \
  inside "$BARE" env CONNLINT_BINARY="$WORK/venv/bin/connlint" npx --no-install connlint --version

# --- pre-commit, from the mirror, with pip pointed at target/dist -----------------------------
MIRROR="$WORK/connlint-pre-commit"
cp -r "$ROOT/packaging/pre-commit" "$MIRROR"
git -C "$MIRROR" init -q
git -C "$MIRROR" add -A
git -C "$MIRROR" -c user.name=t -c user.email=t@example.com commit -qm mirror
REV="$(git -C "$MIRROR" rev-parse HEAD)"
REPO="$WORK/repo"
mkdir -p "$REPO"
cp "$PROJECT/package.json" "$REPO/"
cat >"$REPO/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $MIRROR
    rev: $REV
    hooks:
      - id: connlint
EOF
PC_ENV=(PRE_COMMIT_HOME="$WORK/pre-commit-home" PIP_NO_INDEX=1 PIP_FIND_LINKS="$DIST $WHEELHOUSE"
  GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com)
pc() { (cd "$REPO" && run env "${PC_ENV[@]}" "$@"); }
pc git init -q
pc git add -A
pc git commit -qm init
pc pre-commit install >/dev/null
mkdir -p "$REPO/app/api/reports"
cp "$PROJECT/app/api/reports/route.ts" "$REPO/app/api/reports/"
pc git add -A
t0="$(now)"
expect "pre-commit (first run: installs the wheel) refuses the commit, naming the rule" 1 "per-request-client" -- pc git commit -qm route
PC_FIRST="$(secs "$t0" "$(now)")"
t0="$(now)"
expect "pre-commit (second run) refuses it again" 1 "per-request-client" -- pc git commit -qm route
PC_SECOND="$(secs "$t0" "$(now)")"
pc git rm -q --cached app/api/reports/route.ts
mkdir -p "$REPO/lib"
printf 'export const answer = 42;\n' >"$REPO/lib/answer.ts"
pc git add lib/answer.ts
expect "pre-commit lets a clean commit through" 0 "connlint.*Passed" -- pc git commit -m clean

# --- the standalone installer -------------------------------------------------------------------
expect "install.sh installs the archive after checking its sum" 0 "installed connlint $VERSION" -- \
  run sh "$DIST/install.sh" --from "file://$DIST" --to "$WORK/standalone/bin"
expect "the installed executable runs" 1 "$FINDING" -- run "$WORK/standalone/bin/connlint" check --format github "$PROJECT"
mkdir -p "$WORK/tampered"
cp "$DIST/connlint-$HOST.tar.gz" "$DIST/connlint-$HOST.tar.gz.sha256" "$WORK/tampered/"
printf 'x' >>"$WORK/tampered/connlint-$HOST.tar.gz"
expect "install.sh refuses a tampered archive" 1 "checksum mismatch" -- \
  run sh "$DIST/install.sh" --from "file://$WORK/tampered" --to "$WORK/tampered-bin"
if [ -e "$WORK/tampered-bin/connlint" ]; then fail "a tampered archive left a binary"; else pass "a tampered archive installs nothing"; fi

# --- the GitHub Action's steps ------------------------------------------------------------------
ACT="$WORK/action"
mkdir -p "$ACT/runner"
cp -r "$PROJECT" "$ACT/src"
(cd "$ACT/src" && run env RUNNER_TEMP="$ACT/runner" GITHUB_OUTPUT="$ACT/output" GITHUB_STEP_SUMMARY="$ACT/summary.md" \
  GITHUB_ACTION_PATH="$ROOT" CONNLINT_VERSION="$VERSION" CONNLINT_PATHS=. CONNLINT_ARGS= CONNLINT_SARIF=true \
  CONNLINT_BUDGET=true PIP_NO_INDEX=1 PIP_FIND_LINKS="$DIST" bash "$ROOT/packaging/action/run.sh" >"$ACT/log" 2>&1) &&
  pass "the Action's step exits 0 (the job fails in its last step, after the SARIF upload)" ||
  { fail "the Action's step failed"; tail -20 "$ACT/log"; }
expect "the Action annotates the route with the rule" 0 '^::error file=app/api/reports/route.ts,line=5.*per-request-client' -- cat "$ACT/log"
expect "the Action records exit-code=1 for its last step" 0 '^exit-code=1$' -- cat "$ACT/output"
expect "the Action writes SARIF with the finding" 0 '"ruleId": ?"per-request-client"' -- \
  bash -c "f=\$(sed -n 's/^sarif-file=//p' '$ACT/output'); python3 -m json.tool \"\$f\""
expect "the Action writes the budget to the job summary" 0 '^## connlint: connection budget' -- cat "$ACT/summary.md"

echo
echo "from nothing to the first finding, no Rust on PATH: pip ${PIP_SECONDS}s, uv ${UV_SECONDS}s, npm ${NPM_SECONDS}s;" \
  "pre-commit first commit ${PC_FIRST}s, second ${PC_SECOND}s"
for s in "$PIP_SECONDS" "$UV_SECONDS" "$NPM_SECONDS" "$PC_FIRST"; do
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 30 else 1)" "$s"; then :; else fail "a route took ${s}s (over 30 s)"; fi
done
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
