#!/usr/bin/env python3
"""The release's version lives in Cargo.toml; every other place that must name it is listed here.

  scripts/version.py            print the version (Cargo.toml's)
  scripts/version.py check      exit 1, naming each file, when a copy differs from Cargo.toml
  scripts/version.py set X.Y.Z  write X.Y.Z into Cargo.toml and every copy

The wheel takes the version from Cargo.toml itself (maturin, `dynamic = ["version"]`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARGO = ROOT / "Cargo.toml"
NPM_MAIN = ROOT / "packaging/npm/connlint/package.json"
VSCODE = ROOT / "editors/vscode/package.json"
PRE_COMMIT = ROOT / "packaging/pre-commit/pyproject.toml"
ACTION = ROOT / "action.yml"
GITLAB = ROOT / "packaging/gitlab/connlint.gitlab-ci.yml"
# Where users are shown a pinned release (`@v0.1.0`, `rev: v0.1.0`, `/v0.1.0/`).
DOCS = [ROOT / "README.md", ROOT / "packaging/pre-commit/README.md", ROOT / "examples/github-actions.yml",
        ROOT / "examples/gitlab-ci.yml", GITLAB, ROOT / "docs/src/installation.md",
        ROOT / "docs/src/integrations/ci.md", ROOT / "docs/src/integrations/pre-commit.md"]

CARGO_RE = re.compile(r'(?m)^(version\s*=\s*")([^"]+)(")', re.M)
PIN_RE = re.compile(r'("connlint==)([^"]+)(")')
ACTION_RE = re.compile(r"(?m)^(\s+(?:default|CONNLINT_VERSION):\s*\")([0-9][^\"]*)(\"\s*# connlint-version)")
TAG_RE = re.compile(r"((?:connlint@|connlint/v|rev: )v?)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)")


def cargo_version() -> str:
    text = CARGO.read_text()
    package = text.split("[package]", 1)[1].split("\n[", 1)[0]
    m = CARGO_RE.search(package)
    if not m:
        sys.exit("scripts/version.py: no version in Cargo.toml's [package]")
    return m.group(2)


def copies() -> list[tuple[Path, str, str]]:
    """(file, where, version found) for every copy of the version."""
    found = []
    main = json.loads(NPM_MAIN.read_text())
    found.append((NPM_MAIN, "version", main["version"]))
    for name, spec in sorted(main.get("optionalDependencies", {}).items()):
        found.append((NPM_MAIN, f"optionalDependencies.{name}", spec))
    found.append((VSCODE, "version", json.loads(VSCODE.read_text())["version"]))
    m = PIN_RE.search(PRE_COMMIT.read_text())
    found.append((PRE_COMMIT, "dependencies (connlint==)", m.group(2) if m else "<missing>"))
    m = ACTION_RE.search(ACTION.read_text())
    found.append((ACTION, "inputs.version.default", m.group(2) if m else "<missing>"))
    m = ACTION_RE.search(GITLAB.read_text())
    found.append((GITLAB, "variables.CONNLINT_VERSION", m.group(2) if m else "<missing>"))
    for doc in DOCS:
        for m in TAG_RE.finditer(doc.read_text()):
            found.append((doc, f"{m.group(1).strip()}{m.group(2)}", m.group(2)))
    return found


def check() -> int:
    want = cargo_version()
    bad = [(f, w, v) for f, w, v in copies() if v != want]
    for f, where, v in bad:
        print(f"{f.relative_to(ROOT)}: {where} is {v}, Cargo.toml says {want}", file=sys.stderr)
    return 1 if bad else 0


def set_version(new: str) -> int:
    if not re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?", new):
        print(f"scripts/version.py: {new!r} is not a version (X.Y.Z)", file=sys.stderr)
        return 2
    text = CARGO.read_text()
    head, rest = text.split("[package]", 1)
    CARGO.write_text(head + "[package]" + CARGO_RE.sub(lambda m: m.group(1) + new + m.group(3), rest, count=1))
    # JSON edited in place (its layout kept): the top-level "version" and the platform packages' pins.
    for path in (NPM_MAIN, VSCODE):
        text = re.sub(r'(?m)^(  "version": ")[^"]+(")', lambda m: m.group(1) + new + m.group(2), path.read_text(), count=1)
        text = re.sub(r'("@connlint/[^"]+": ")[^"]+(")', lambda m: m.group(1) + new + m.group(2), text)
        path.write_text(text)
    PRE_COMMIT.write_text(PIN_RE.sub(lambda m: m.group(1) + new + m.group(3), PRE_COMMIT.read_text()))
    for path in (ACTION, GITLAB):
        path.write_text(ACTION_RE.sub(lambda m: m.group(1) + new + m.group(3), path.read_text()))
    for doc in DOCS:
        doc.write_text(TAG_RE.sub(lambda m: m.group(1) + new, doc.read_text()))
    print(f"version {new}; run `cargo update -w` to record it in Cargo.lock")
    return check()


def main(argv: list[str]) -> int:
    if not argv:
        print(cargo_version())
        return 0
    if argv[0] == "check" and len(argv) == 1:
        return check()
    if argv[0] == "set" and len(argv) == 2:
        return set_version(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
