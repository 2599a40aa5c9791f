#!/usr/bin/env python3
"""Hostile inputs for connlint, and the bounds every run over them must keep.

Each case is a small project (manifest + one or a few generated files) built to hit a known
weak spot: deep nesting for each parser (syn, tree-sitter's Python scanner, the walks), long
call chains (the call graph), a minified bundle dense with constructions (per-site scans), huge
strings and lines, many effects in one component, thousands of modules, a dotenv file of
30,000 lines with values that overflow, a file that is not UTF-8, and one over the size limit.

    benches/hostile.py                      # generate at full scale, check, print a table
    benches/hostile.py --scale 0.1          # smaller inputs (the test suite uses this)
    benches/hostile.py --generate DIR       # only write the cases under DIR
    benches/hostile.py --bin PATH           # the connlint binary (default: target/release)

For every case: exit code 0, 1 or 2; stdout a valid JSON report; no file of the project changed;
and (unless --no-time) CPU time at most max(1 s, 2 s per MB of the case's source) on one worker
thread (`--threads 1`). The default human output is rendered too (it used to panic on long
lines). Exits 1 if any case breaks a bound.
"""

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

PKG = '{"name":"web","private":true,"dependencies":{"next":"15.0.0","pg":"8.0.0","react":"19.0.0","mongodb":"6.0.0","stream-chat":"8.0.0"}}'
PYPROJECT = '[project]\nname = "api"\ndependencies = ["fastapi", "sqlalchemy", "redis"]\n'
CARGO = '[package]\nname = "api"\nversion = "0.1.0"\n[dependencies]\naxum = "0.7"\nsqlx = "0.7"\ntokio = "1"\n'


def cases(scale):
    """(name, {relative path: bytes}) for every case."""
    n = lambda k: max(2, int(k * scale))  # noqa: E731
    out = []

    def ts(name, files):
        out.append((name, {"package.json": PKG.encode(), **files}))

    def py(name, files):
        out.append((name, {"pyproject.toml": PYPROJECT.encode(), **files}))

    def rs(name, files):
        out.append((name, {"Cargo.toml": CARGO.encode(), **files}))

    # --- TypeScript / JavaScript
    k = n(3000)
    ts("ts-deep-parens", {"src/a.ts": ("import { Pool } from 'pg';\nconst x = " + "(" * k + "new Pool()" + ")" * k + ";\n").encode()})
    k = n(5000)
    ts("ts-nested-functions", {"src/a.ts": ("import { Pool } from 'pg';\n" + "function f() {\n" * k + "new Pool();\n" + "}\n" * k).encode()})
    k = n(8000)
    body = ["import { Pool } from 'pg';", "export function f0() { return new Pool(); }"]
    body += [f"export function f{i}() {{ return f{i - 1}(); }}" for i in range(1, k)]
    body.append(f"export async function GET() {{ return f{k - 1}(); }}")
    ts("ts-call-chain", {"app/api/route.ts": "\n".join(body).encode()})
    k = n(16000)
    parts = ['import {Pool as M} from "pg";']
    parts += [f"var a{i}=new M({{max:5}});function f{i}(x){{var c=new M();return a{i}.query(x)}}" for i in range(k)]
    ts("js-minified-dense", {"src/bundle.js": ";".join(parts).encode()})
    k = n(3000)
    filler = "function u{i}(a,b){{return a&&b?a.map(function(c){{return c+b}}).filter(Boolean):[]}}"
    parts = ['import {MongoClient as C} from "mongodb";']
    for i in range(k):
        parts.append(filler.format(i=i) * 3)
        parts.append(f"async function h{i}(r){{var c=new C(process.env.MONGODB_URI);await c.connect();return c.db().collection('x').find(r)}}")
    ts("js-minified-bundle", {"public/app.min.js": ";".join(parts).encode()})
    k = n(1_500_000)
    ts("ts-huge-string", {"src/s.ts": ("import { Pool } from 'pg';\nexport const s = \"" + "x" * k + "\";\nexport const p = new Pool();\n").encode()})
    k = n(2000)
    effects = "\n".join(
        f"  useEffect(() => {{ const h{i} = () => {{}}; window.addEventListener('resize', h{i}); const t{i} = setInterval(() => {{}}, 1000); client.on('message.new', h{i}); }}, []);"
        for i in range(k)
    )
    ts("tsx-many-effects", {"src/App.tsx": ("import { useEffect } from 'react';\nimport { StreamChat } from 'stream-chat';\nexport function App({ client }) {\n" + effects + "\n  return null;\n}\n").encode()})
    k = n(4000)
    files = {f"src/lib/db{i}.ts": f"import {{ MongoClient }} from 'mongodb';\nexport const client{i} = new MongoClient(process.env.MONGODB_URI!);\n".encode() for i in range(k)}
    ts("ts-many-modules", files)
    # --- Python
    k = n(600)
    deep = "import sqlalchemy\n\ndef f():\n" + "".join("    " * (i + 1) + "if x:\n" for i in range(k)) + "    " * (k + 1) + "e = sqlalchemy.create_engine('x')\n"
    py("py-deep-indent", {"app/deep.py": deep.encode()})
    k = n(3000)
    py("py-deep-parens", {"app/p.py": ("import sqlalchemy\nx = " + "(" * k + "sqlalchemy.create_engine('x')" + ")" * k + "\n").encode()})
    k = n(8000)
    body = ["from fastapi import FastAPI", "import sqlalchemy", "app = FastAPI()", "def f0():\n    return sqlalchemy.create_engine('postgresql://x')"]
    body += [f"def f{i}():\n    return f{i - 1}()" for i in range(1, k)]
    body.append(f"@app.get('/')\ndef index():\n    return f{k - 1}()")
    py("py-call-chain", {"app/main.py": "\n".join(body).encode()})
    k = n(3000)
    body = ["from fastapi import FastAPI", "from sqlalchemy.orm import Session", "app = FastAPI()", "@app.get('/')", "def index():"]
    body += [f"    s{i} = Session(engine)\n    s{i}.execute(q)" for i in range(k)]
    py("py-many-sessions", {"app/main.py": "\n".join(body).encode() + b"\n"})
    k = n(1_000_000)
    py("py-long-line", {"app/long.py": ("import redis\nr = redis.Redis()\nx = [" + "1," * (k // 2) + "]\n").encode()})
    # --- Rust
    k = n(3000)
    rs("rs-deep-parens", {"src/main.rs": ("use sqlx::PgPool;\nfn main() { let x = " + "(" * k + "1" + ")" * k + "; }\n").encode()})
    k = n(400_000)
    rs("rs-too-deep-parens", {"src/main.rs": ("use sqlx::PgPool;\nfn main() { let x = " + "(" * k + "1" + ")" * k + "; }\n").encode()})
    rs("rs-too-deep-generics", {"src/main.rs": ("type T = " + "Vec<" * (k // 2) + "u8" + ">" * (k // 2) + ";\nfn main() {}\n").encode()})
    k = n(10000)
    rs("rs-long-sum", {"src/main.rs": ("use sqlx::PgPool;\nfn main() { let x = " + " + ".join(["1"] * k) + "; }\n").encode()})
    k = n(500)
    rs("rs-nested-blocks", {"src/main.rs": ("use sqlx::PgPool;\nfn main() " + "{ " * k + "let p = PgPool::connect_lazy(\"x\"); " + "} " * k + "\n").encode()})
    k = n(3000)
    rs("rs-deep-generics", {"src/main.rs": ("type T = " + "Vec<" * k + "u8" + ">" * k + ";\nfn main() {}\n").encode()})
    k = n(8000)
    body = ["use sqlx::PgPool;", "async fn f0() -> PgPool { PgPool::connect(\"postgres://x\").await.unwrap() }"]
    body += [f"async fn f{i}() -> PgPool {{ f{i - 1}().await }}" for i in range(1, k)]
    body.append(f"async fn handler() -> String {{ let _p = f{k - 1}().await; String::new() }}")
    body.append("fn app() -> axum::Router { axum::Router::new().route(\"/\", axum::routing::get(handler)) }")
    rs("rs-call-chain", {"src/main.rs": "\n".join(body).encode()})
    # Nesting and chains of every syntactic kind, at 100k (scaled): each must end with a report
    # (the file checked, or listed under `errors` as too deep), never an abort.
    k = n(100_000)
    rs_shapes = {
        "closures": ("|| " * k) + "1",
        "move-closures": ("move || " * k) + "1",
        "breaks": "loop { " + ("break " * k) + "}",
        "returns": ("return " * k) + "1",
        "unary": ("!" * k) + "true",
        "refs": ("&" * k) + "1",
        "if-else-chain": "if a { 1 }" + (" else if a { 1 }" * k) + " else { 2 }",
        "method-chain": "x" + (".a()" * k),
        "try-chain": "x" + ("?" * k),
        "field-chain": "x" + (".f" * k),
        "blocks": ("{ " * (k // 10)) + "1" + (" }" * (k // 10)),
        "binary": " + ".join(["1"] * k),
        "ranges": "1" + (" .. 1" * (k // 10)),
        "index": "x" + ("[0]" * k),
        "macro": ("vec![" * (k // 10)) + "1" + ("]" * (k // 10)),
        "match-nest": ("match x { _ => " * (k // 10)) + "1" + (" }" * (k // 10)),
    }
    for shape, expr in rs_shapes.items():
        rs(f"rs-{shape}", {"src/main.rs": ("use sqlx::PgPool;\nfn main() { let _p = PgPool::connect_lazy(\"x\"); let _x = " + expr + "; }\n").encode()})
    rs("rs-ref-types", {"src/main.rs": ("type T = " + "&" * k + "u8;\nfn main() {}\n").encode()})
    rs("rs-attributes", {"src/main.rs": ("use sqlx::PgPool;\nfn main() { let _x = " + "#[a] " * (k // 10) + "1; }\n").encode()})
    k = n(10_000)
    rs("rs-blocks-10k", {"src/main.rs": ("use sqlx::PgPool;\nfn main() " + "{ " * k + "let p = PgPool::connect_lazy(\"x\"); " + "} " * k + "\n").encode()})
    rs("rs-if-else-10k", {"src/main.rs": ("use sqlx::PgPool;\nfn main() { let p = PgPool::connect_lazy(\"x\"); let _x = if a { 1 }" + " else if a { 1 }" * k + " else { 2 }; }\n").encode()})
    k = n(100_000)
    ts_shapes = {
        "arrows": ("() => " * k) + "1",
        "unary": ("!" * k) + "true",
        "binary": " + ".join(["1"] * k),
        "ternary": ("a ? 1 : " * k) + "2",
        "method-chain": "x" + (".a()" * k),
        "arrays": ("[" * k) + "1" + ("]" * k),
        "objects": ("{a:" * k) + "1" + ("}" * k),
        "calls": ("f(" * k) + "1" + (")" * k),
        "awaits": ("await " * k) + "1",
    }
    for shape, expr in ts_shapes.items():
        ts(f"ts-{shape}", {"src/a.ts": ("import { Pool } from 'pg';\nexport async function GET() { const p = new Pool(); const x = " + expr + "; }\n").encode()})
    # Two constructs nesting each other in turn: each level is a call, a callback or an effect
    # that some analysis reads all of (the options of a library's factory, the listeners of an
    # effect, the closures a function returns), so any one that reads its whole subtree per
    # level goes quadratic.
    k = n(4000)
    ts_pairs = {
        "option-calls": ("f(-f({a: -[...", "]})})"),
        "effect-listeners": ("useEffect(() => { x.on('e', () => ", "); }, [])"),
        "effect-chains": ("useEffect(() => { ", " }, []).a()"),
        "listener-closures": ("x.on('e', () => () => ", ")"),
        "returned-functions": ("function () { return () => ", "; }"),
    }
    for shape, (pre, post) in ts_pairs.items():
        ts(f"ts-nested-{shape}", {"app/api/route.tsx": ("import { Pool } from 'pg';\nimport { useEffect } from 'react';\nimport { f } from 'lib';\nexport async function GET() {\n  const p = new Pool();\n  const x = " + pre * k + "1" + post * k + ";\n  return p;\n}\n").encode()})
    k = n(20_000)
    ts("tsx-nested-jsx", {"src/App.tsx": ("import { useEffect } from 'react';\nexport function App() { return " + "<div>" * k + "x" + "</div>" * k + "; }\n").encode()})
    k = n(30_000)
    ts("ts-if-else-chain", {"src/a.ts": ("import { Pool } from 'pg';\nexport async function GET() { const p = new Pool(); if (a) {}" + " else if (a) {}" * k + " }\n").encode()})
    k = n(100_000)
    py_shapes = {
        "lambdas": ("lambda: " * k) + "1",
        "unary": ("not " * k) + "1",
        "binary": " + ".join(["1"] * k),
        "method-chain": "x" + (".a()" * k),
        "subscripts": "x" + ("[0]" * k),
        "lists": ("[" * (k // 10)) + "1" + ("]" * (k // 10)),
        "ternary": ("1 if a else " * k) + "2",
        "comprehensions": ("[" + "x for x in " * (k // 10)) + "y" + "]",
        # tree-sitter-python's error recovery goes quadratic on this one (a minute at 16,000):
        # the parse is given up after its budget and the file listed as not parsed.
        "await-lambdas": ("lambda: await " * (k // 2)) + "1",
    }
    for shape, expr in py_shapes.items():
        py(f"py-{shape}", {"app/main.py": ("from fastapi import FastAPI\nimport sqlalchemy\napp = FastAPI()\n@app.get('/')\ndef index():\n    e = sqlalchemy.create_engine('x')\n    x = " + expr + "\n").encode()})
    k = n(30_000)
    py("py-elif-chain", {"app/main.py": ("import sqlalchemy\ndef f():\n    e = sqlalchemy.create_engine('x')\n    if a:\n        pass\n" + "    elif a:\n        pass\n" * k).encode()})
    # Constructions inside nested functions of a handler, at growing sizes (time must stay
    # linear in the size).
    for size, k in (("s", n(2000)), ("m", n(4000)), ("l", n(10000))):
        inner = "".join(f"function g{i}() {{ const c{i} = new Pool(); return c{i}; }}\n" for i in range(k))
        ts(f"ts-nested-handler-{size}", {"app/api/route.ts": ("import { Pool } from 'pg';\nexport async function GET() {\n" + inner + "}\n").encode()})
    # The project pass: many handlers across many files.
    k = n(50_000)
    files = {}
    for i in range(k):
        if i % 10 == 0:
            files[f"app/api/r{i}/route.ts"] = f"import {{ Pool }} from 'pg';\nimport {{ h{i + 1} }} from '../../../lib/m{i + 1}';\nexport async function GET() {{ return h{i + 1}(); }}\n".encode()
        else:
            files[f"lib/m{i}.ts"] = f"import {{ Pool }} from 'pg';\nexport function h{i}() {{ return new Pool(); }}\n".encode()
    ts("ts-many-handlers", files)
    # --- dotenv, bytes, sizes
    k = n(30_000)
    env = "".join(
        f"DB{i}_URL=postgresql://u:p@h:5432/d?connection_limit={'9' * (i % 40 + 1)}\n" if i % 3 else f"K{i}=\"postgres://unterminated\n"
        for i in range(k)
    )
    ts("env-huge", {".env": env.encode(), "lib/db.ts": b"import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DB1_URL });\n"})
    ts("bytes-not-utf8", {"src/bad.ts": b"import { Pool } from 'pg';\nconst s = '\xff\xfe\xc3\x28';\nexport const p = new Pool();\n", "src/ok.ts": b"import { Pool } from 'pg';\nexport async function GET() { const p = new Pool(); return p; }\n"})
    ts("bytes-binary", {"src/blob.ts": bytes(range(256)) * 64})
    ts("size-over-limit", {"src/big.ts": b"// " + b"x" * (3 * 1024 * 1024) + b"\n"})
    return out


def write_case(root, files):
    for rel, data in files.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)


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


def run(bin_path, root, fmt):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    args = [bin_path, "--no-cache", "--no-skip-generated", "--threads", "1"] + (["--format", fmt] if fmt else []) + ["."]
    p = subprocess.run(args, cwd=root, capture_output=True, timeout=600)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p, cpu, wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "connlint"))
    ap.add_argument("--generate", metavar="DIR")
    ap.add_argument("--no-time", action="store_true", help="check exits and JSON, not time")
    ap.add_argument("--only", help="run the cases whose name contains this")
    a = ap.parse_args()
    all_cases = [c for c in cases(a.scale) if not a.only or a.only in c[0]]
    if a.generate:
        for name, files in all_cases:
            write_case(os.path.join(a.generate, name), files)
        return 0
    bad = 0
    print(f"{'case':24} {'MB':>6} {'CPU s':>7} {'bound':>6} {'exit':>4} {'findings':>8} {'errors':>6}  verdict")
    with tempfile.TemporaryDirectory() as tmp:
        for name, files in all_cases:
            root = os.path.join(tmp, name)
            write_case(root, files)
            mb = sum(len(d) for d in files.values()) / 1e6
            before = digest(root)
            p, cpu, _ = run(a.bin, root, "json")
            problems = []
            if p.returncode not in (0, 1, 2):
                problems.append(f"exit {p.returncode}: {p.stderr.decode(errors='replace')[-300:]}")
            try:
                report = json.loads(p.stdout)
                findings, errors = len(report["diagnostics"]), len(report["errors"])
            except (ValueError, KeyError) as e:
                problems.append(f"not a JSON report ({e})")
                findings = errors = -1
            bound = max(1.0, 2.0 * mb)
            if not a.no_time and cpu > bound:
                problems.append(f"CPU {cpu:.2f} s over {bound:.1f} s")
            h, _, _ = run(a.bin, root, None)
            if h.returncode not in (0, 1, 2):
                problems.append(f"human output: exit {h.returncode}: {h.stderr.decode(errors='replace')[-300:]}")
            if digest(root) != before:
                problems.append("a file changed")
            bad += bool(problems)
            verdict = "ok" if not problems else "FAIL " + "; ".join(problems)
            print(f"{name:24} {mb:6.2f} {cpu:7.2f} {bound:6.1f} {p.returncode:4} {findings:8} {errors:6}  {verdict}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
