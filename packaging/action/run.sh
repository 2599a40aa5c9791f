#!/usr/bin/env bash
# The GitHub Action's work (action.yml): install connlint, annotate, SARIF, budget summary.
# Runs outside GitHub too (tests/packaging.rs runs it against a fixture project): every GitHub
# file it writes has a default under $RUNNER_TEMP.
#
# Environment:
#   CONNLINT_VERSION  version to install from PyPI, or `latest` (pip honours PIP_INDEX_URL,
#                     PIP_FIND_LINKS and PIP_NO_INDEX, so a mirror or a local wheel works too)
#   CONNLINT_PATHS    paths to check (default .);  CONNLINT_ARGS  more `connlint check` arguments
#   CONNLINT_SARIF    true: write SARIF for code scanning;  CONNLINT_BUDGET  true: budget summary
# Outputs (to $GITHUB_OUTPUT): exit-code, sarif-file. Exits 0 unless installing fails: the
# action's last step fails the job from exit-code, after the SARIF upload.
set -euo pipefail

RUNNER_TEMP="${RUNNER_TEMP:-$(mktemp -d)}"
GITHUB_OUTPUT="${GITHUB_OUTPUT:-$RUNNER_TEMP/github-output}"
GITHUB_STEP_SUMMARY="${GITHUB_STEP_SUMMARY:-$RUNNER_TEMP/step-summary.md}"
VERSION="${CONNLINT_VERSION:-latest}"
read -r -a PATHS <<<"${CONNLINT_PATHS:-.}"
read -r -a ARGS <<<"${CONNLINT_ARGS:-}"

echo "::group::Install connlint $VERSION"
PYTHON="$(command -v python3 || command -v python)"
VENV="$RUNNER_TEMP/connlint-venv"
"$PYTHON" -m venv "$VENV"
if [ -x "$VENV/bin/python" ]; then BIN="$VENV/bin"; else BIN="$VENV/Scripts"; fi
SPEC="connlint"
[ "$VERSION" = latest ] || SPEC="connlint==$VERSION"
"$BIN/python" -m pip install --quiet --disable-pip-version-check "$SPEC"
CONNLINT="$BIN/connlint"
"$CONNLINT" --version
echo "::endgroup::"

# 1. Annotations on the pull request: one workflow command per finding.
set +e
"$CONNLINT" check --format github "${ARGS[@]}" "${PATHS[@]}"
code=$?
set -e
echo "exit-code=$code" >>"$GITHUB_OUTPUT"

# 2. SARIF for code scanning (the same findings, tracked over time).
if [ "${CONNLINT_SARIF:-true}" = true ]; then
  SARIF="$RUNNER_TEMP/connlint.sarif"
  "$CONNLINT" check --format sarif --exit-zero "${ARGS[@]}" "${PATHS[@]}" >"$SARIF" || true
  echo "sarif-file=$SARIF" >>"$GITHUB_OUTPUT"
else
  echo "sarif-file=" >>"$GITHUB_OUTPUT"
fi

# 3. The connection budget in the job summary.
if [ "${CONNLINT_BUDGET:-true}" = true ]; then
  {
    echo "## connlint: connection budget"
    echo
    "$CONNLINT" budget --format markdown --exit-zero "${PATHS[@]}" || echo "(connlint budget failed: see the log)"
  } >>"$GITHUB_STEP_SUMMARY"
fi
echo "connlint check exited with $code"
