#!/usr/bin/env python3
"""Corrupted copies of realistic projects: connlint must never crash, hang, exit outside 0/1/2,
print anything but a valid JSON report, or change a file without --fix; and --fix must never
leave a file that parsed before it unparsable.

    benches/corrupt.py                          # 2,000 copies of the fixture projects
    benches/corrupt.py -n 300 --seed 7          # fewer, another seed
    benches/corrupt.py --projects DIR [DIR...]  # also real projects (each a project root)
    benches/corrupt.py --bin PATH               # the binary (default: target/release/connlint)

Each copy takes one project and corrupts 1-3 of its source files (or its manifest, dotenv or
connlint.toml) with a random mix of: truncation, deleted ranges, duplicated ranges, random bytes
(NUL, invalid UTF-8, lone CR), unbalanced brackets, deep nesting, long lines, swapped lines.
Then: `connlint --format json .` (the files must be byte-identical after; a corrupted
configuration may instead end with exit 2 and its error on stderr), and on one copy in
four `connlint --fix --unsafe-fixes --format json .`, after which no file the fix wrote may
report a parse error it did not report before. A failing copy is kept under $TMPDIR/connlint-corrupt-failures.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

SOURCE_EXT = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".py", ".rs")
OTHER = ("package.json", "pyproject.toml", "Cargo.toml", "connlint.toml", ".env")


def projects_under(root):
    """Folders holding a manifest (fixture cases are projects)."""
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("node_modules", ".git", "target", "snapshots")]
        if any(m in files for m in ("package.json", "pyproject.toml", "Cargo.toml", "requirements.txt")):
            out.append(dirpath)
            dirs[:] = []
    return out


def files_of(root):
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("node_modules", ".git", "target")]
        for f in files:
            if f.endswith(SOURCE_EXT) or f in OTHER or f.startswith(".env"):
                out.append(os.path.join(dirpath, f))
    return out


def corrupt(data, rng):
    ops = rng.randint(1, 4)
    for _ in range(ops):
        n = len(data)
        op = rng.choice(["truncate", "delete", "duplicate", "bytes", "brackets", "nest", "longline", "swap", "cr"])
        i = rng.randint(0, n) if n else 0
        j = min(n, i + rng.randint(0, 200))
        if op == "truncate":
            data = data[:i]
        elif op == "delete":
            data = data[:i] + data[j:]
        elif op == "duplicate":
            data = data[:j] + data[i:j] * rng.randint(1, 50) + data[j:]
        elif op == "bytes":
            junk = bytes(rng.choice([0, 0xFF, 0xFE, 0xC3, 0x80, 0x0D, 0x22, 0x27, 0x60, 0x7B, 0x28, rng.randint(0, 255)]) for _ in range(rng.randint(1, 16)))
            data = data[:i] + junk + data[i:]
        elif op == "brackets":
            data = data[:i] + rng.choice([b"(", b")", b"{", b"}", b"[", b"]", b"\"", b"'''", b"`${", b"/*", b"r#\""]) * rng.randint(1, 300) + data[i:]
        elif op == "nest":
            k = rng.randint(50, 3000)
            o, c = rng.choice([(b"(", b")"), (b"[", b"]"), (b"{", b"}"), (b"if x:\n" + b" ", b""), (b"function f(){", b"}")])
            data = data[:i] + o * k + c * k + data[i:]
        elif op == "longline":
            data = data[:i] + b"x = 1; " * rng.randint(1000, 20000) + data[i:]
        elif op == "swap":
            lines = data.split(b"\n")
            if len(lines) > 2:
                a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[a], lines[b] = lines[b], lines[a]
            data = b"\n".join(lines)
        elif op == "cr":
            data = data.replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\r"]))
    return data


def digest(root):
    h = hashlib.sha256()
    for dirpath, dirs, names in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(names):
            p = os.path.join(dirpath, name)
            h.update(p.encode())
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def parse_errors(report):
    return {e["path"] for e in report.get("errors", []) if "cannot parse" in e.get("message", "")}


def run(bin_path, root, extra):
    p = subprocess.run([bin_path, "--no-cache", "--format", "json", *extra, "."], cwd=root, capture_output=True, timeout=120)
    return p


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "connlint"))
    ap.add_argument("--projects", nargs="*", default=[])
    ap.add_argument("--keep-slow", type=float, default=0, metavar="S", help="keep copies whose check took over S seconds")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = projects_under(os.path.join(here, "..", "fixtures")) + a.projects
    failures_dir = os.path.join(tempfile.gettempdir(), "connlint-corrupt-failures")
    failures = 0
    fixes = 0
    started = time.monotonic()
    worst = (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.n):
            src = rng.choice(pool)
            root = os.path.join(tmp, f"copy{k}")
            shutil.copytree(src, root, ignore=shutil.ignore_patterns("node_modules", ".git", "target", "snapshots"))
            files = files_of(root)
            for path in rng.sample(files, min(len(files), rng.randint(1, 3))):
                with open(path, "rb") as f:
                    data = f.read()
                with open(path, "wb") as f:
                    f.write(corrupt(data, rng))
            problems = []
            before = digest(root)
            t0 = time.monotonic()
            try:
                p = run(a.bin, root, [])
            except subprocess.TimeoutExpired:
                problems.append("hang (over 120 s)")
                p = None
            took = time.monotonic() - t0
            worst = max(worst, (took, src))
            if a.keep_slow and took > a.keep_slow:
                keep = os.path.join(failures_dir, f"slow{k}")
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(root, keep)
                print(f"slow copy{k}: {took:.1f} s (from {src}) [kept in {keep}]", flush=True)
            report = None
            if p is not None:
                if p.returncode not in (0, 1, 2):
                    problems.append(f"exit {p.returncode}: {p.stderr.decode(errors='replace')[-400:]}")
                if p.returncode == 2 and not p.stdout and b"invalid configuration" in p.stderr:
                    pass  # a corrupted connlint.toml / [tool.connlint]: a usage error, said on stderr
                else:
                    try:
                        report = json.loads(p.stdout)
                    except ValueError:
                        problems.append("stdout is not JSON")
                if digest(root) != before:
                    problems.append("a file changed without --fix")
            if report is not None and k % 4 == 0:
                fixes += 1
                shutil.copytree(root, root + ".before")
                try:
                    p2 = run(a.bin, root, ["--fix", "--unsafe-fixes"])
                    if p2.returncode not in (0, 1, 2):
                        problems.append(f"--fix exit {p2.returncode}: {p2.stderr.decode(errors='replace')[-400:]}")
                    after = run(a.bin, root, [])
                    # Only the files the fix wrote: another file's syntax error may show only now
                    # (the prefilter parses the files that mention what the fix added).
                    changed = {os.path.relpath(f, root) for f in files_of(root)
                               if not os.path.exists(f.replace(root, root + ".before", 1))
                               or open(f, "rb").read() != open(f.replace(root, root + ".before", 1), "rb").read()}
                    broken = (parse_errors(json.loads(after.stdout)) - parse_errors(report)) & changed
                    if broken:
                        problems.append(f"--fix left unparsable: {sorted(broken)}")
                except subprocess.TimeoutExpired:
                    problems.append("--fix hang")
                except ValueError:
                    problems.append("--fix: stdout is not JSON")
            if problems:
                failures += 1
                keep = os.path.join(failures_dir, f"copy{k}")
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(root, keep)
                if os.path.isdir(root + ".before"):
                    shutil.rmtree(keep + ".before", ignore_errors=True)
                    shutil.copytree(root + ".before", keep + ".before")
                print(f"FAIL copy{k} (from {src}): {'; '.join(problems)[:600]}  [kept in {keep}]", flush=True)
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(root + ".before", ignore_errors=True)
    total = time.monotonic() - started
    print(f"{a.n} corrupted copies ({fixes} also fixed) of {len(pool)} projects in {total:.0f} s; "
          f"slowest run {worst[0]:.2f} s ({worst[1]}); failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
