#!/usr/bin/env python3
"""The proof of issue 38: each rule's bug, and connlint's fix of it, measured in a real server's
connections. Run through `benches/proof/run` (which makes the venv this runs in); see README.md.

For every case: the bad app is copied to a temporary folder, connlint reports on it (JSON), a
second copy is fixed by the real `connlint check --fix --unsafe-fixes`, then the same bounded load
drives the bad copy and the fixed copy in turn while a sampler counts the server's connections
(PostgreSQL `pg_stat_activity`, Redis `CLIENT LIST`, the WebSocket server's open sockets).
Servers (PostgreSQL, Redis, PgBouncer, a WebSocket server) run on 127.0.0.1 from temporary
folders and are stopped, with every process this starts, on exit, failure or Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
APPS = HERE / "apps"
CACHE = Path(os.environ.get("CONNLINT_PROOF_CACHE") or Path.home() / ".cache" / "connlint-proof")
PG_MAX_CONNECTIONS = 30
PG_RESERVED = 3
PGBOUNCER_PORT = 6543  # the port connlint reads as a transaction-mode pooler (Supavisor / PgBouncer)
PGBOUNCER_POOL = 2
T0 = time.monotonic()


def log(msg: str) -> None:
    print(f"[{time.monotonic() - T0:6.1f}s] {msg}", flush=True)


# ---------------------------------------------------------------------------------------------
# Everything started here is registered and stopped on exit, whatever the exit.


class Reaper:
    def __init__(self) -> None:
        self.procs: list[tuple[subprocess.Popen, int, str]] = []
        self.dirs: list[Path] = []
        self.callbacks: list = []
        self.lock = threading.Lock()

    def spawn(self, cmd, *, cwd=None, env=None, logfile: Path | None = None,
              stop_signal=signal.SIGTERM, name="") -> subprocess.Popen:
        out = open(logfile, "ab") if logfile else subprocess.DEVNULL
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        with self.lock:
            self.procs.append((proc, stop_signal, name or str(cmd[0])))
        return proc

    def stop(self, proc: subprocess.Popen, timeout: float = 15) -> None:
        with self.lock:
            entry = next((e for e in self.procs if e[0] is proc), None)
            if entry:
                self.procs.remove(entry)
        sig = entry[1] if entry else signal.SIGTERM
        stop_group(proc, sig, timeout)

    def tempdir(self, prefix: str, parent: Path | None = None) -> Path:
        if parent:
            parent.mkdir(parents=True, exist_ok=True)
        d = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self.dirs.append(d)
        return d

    def cleanup(self) -> None:
        for cb in reversed(self.callbacks):
            try:
                cb()
            except Exception:
                pass
        self.callbacks.clear()
        with self.lock:
            procs, self.procs = self.procs[:], []
        for proc, sig, _name in reversed(procs):
            stop_group(proc, sig, 15)
        for d in reversed(self.dirs):
            shutil.rmtree(d, ignore_errors=True)
        self.dirs.clear()


def stop_group(proc: subprocess.Popen, sig: int, timeout: float) -> None:
    """Stops a process and its group (every child was started in a session of its own)."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    # Whatever is left of the group (a backend, a renderer, a worker) goes too.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


REAPER = Reaper()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    """Whether something listens there (connections in TIME_WAIT do not count, as for a server)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return False
        except OSError:
            return True


def wait_port(port: int, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------------------------------------
# Servers


def ensure_debian_packages(cases) -> None:
    """Installs the servers the cases need when they are missing (Debian packages)."""
    missing = []
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        missing.append("postgresql")
    if any(c.server == "redis" for c in cases) and not shutil.which("redis-server"):
        missing.append("redis-server")
    if (any(c.pooler for c in cases) and not shutil.which("pgbouncer")
            and not Path("/usr/sbin/pgbouncer").exists()):
        missing.append("pgbouncer")
    if (any(c.kind == "browser" for c in cases) and not Path("/usr/bin/chromium").exists()
            and not shutil.which("chromium")):
        missing.append("chromium")
    if not missing:
        return
    log(f"apt-get install {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    r = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if r.returncode != 0:
        run(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL)
        run(["apt-get", "install", "-y", "-qq", *missing], env=env, stdout=subprocess.DEVNULL)


def as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class Servers:
    def __init__(self, root: Path, need_pgbouncer: bool, need_redis: bool, need_ws: bool) -> None:
        self.root = root
        self.pg_port = 0
        self.redis_port = 0
        self.ws = None
        self.pgbouncer_ok = False
        self.pgbouncer_error = ""
        self.start_postgres()
        if need_redis:
            self.start_redis()
        if need_pgbouncer:
            self.start_pgbouncer()
        if need_ws:
            self.ws = WebSocketServer()

    # PostgreSQL: a throwaway cluster, max_connections 30, 3 of them reserved for superusers
    # (the sampler is one), so the apps' role `app` gets 27.
    def start_postgres(self) -> None:
        bindir = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1].parent
        pgdir = self.root / "pg"
        pgdir.mkdir()
        if os.geteuid() == 0:
            os.chmod(self.root, 0o755)
            shutil.chown(pgdir, "postgres", "postgres")
        run(as_postgres([str(bindir / "initdb"), "-D", str(pgdir / "data"), "-U", "proof",
                         "--auth=trust", "-E", "UTF8", "--no-sync"]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.pg_port = free_port()
        self.pg = REAPER.spawn(as_postgres([
            str(bindir / "postgres"), "-D", str(pgdir / "data"), "-h", "127.0.0.1",
            "-p", str(self.pg_port), "-k", str(pgdir),
            "-c", f"max_connections={PG_MAX_CONNECTIONS}",
            "-c", f"superuser_reserved_connections={PG_RESERVED}",
            "-c", "fsync=off", "-c", "log_min_messages=fatal"]),
            logfile=self.root / "postgres.log", stop_signal=signal.SIGINT, name="postgres")
        import psycopg2  # noqa: PLC0415 (the venv's)

        deadline = time.monotonic() + 60
        while True:
            try:
                admin = psycopg2.connect(host="127.0.0.1", port=self.pg_port, user="proof",
                                         dbname="postgres")
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline or self.pg.poll() is not None:
                    raise RuntimeError("PostgreSQL did not start; see postgres.log") from None
                time.sleep(0.2)
        admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute("create role app login")
            # PgBouncer's own server connections: counted apart from the apps' direct ones.
            cur.execute("create role pooled login")
            cur.execute("create database app owner app")
        admin.close()
        self.sampler = psycopg2.connect(host="127.0.0.1", port=self.pg_port, user="proof",
                                        dbname="app", application_name="proof-sampler")
        self.sampler.autocommit = True
        self.sampler_lock = threading.Lock()
        log(f"PostgreSQL on 127.0.0.1:{self.pg_port} (max_connections {PG_MAX_CONNECTIONS}, "
            f"{PG_RESERVED} reserved)")

    def pg_refusals(self) -> int:
        """Connections the server refused for want of slots, from its own log."""
        try:
            text = (self.root / "postgres.log").read_text(errors="replace")
        except OSError:
            return 0
        return (text.count("sorry, too many clients already")
                + text.count("remaining connection slots are reserved"))

    def pg_connections(self, role: str = "app") -> int:
        with self.sampler_lock, self.sampler.cursor() as cur:
            cur.execute("select count(*) from pg_stat_activity where usename = %s", (role,))
            return cur.fetchone()[0]

    def start_redis(self) -> None:
        self.redis_port = free_port()
        rdir = self.root / "redis"
        rdir.mkdir()
        self.redis = REAPER.spawn(["redis-server", "--port", str(self.redis_port), "--bind",
                                   "127.0.0.1", "--save", "", "--appendonly", "no", "--dir",
                                   str(rdir), "--daemonize", "no"],
                                  logfile=self.root / "redis.log", name="redis")
        if not wait_port(self.redis_port, 30, self.redis):
            raise RuntimeError("Redis did not start; see redis.log")
        import redis  # noqa: PLC0415

        self.redis_client = redis.Redis(port=self.redis_port, client_name="proof-sampler")
        self.redis_client.ping()
        log(f"Redis on 127.0.0.1:{self.redis_port}")

    def redis_connections(self) -> int:
        return sum(1 for c in self.redis_client.client_list() if c.get("name") != "proof-sampler")

    # PgBouncer in transaction mode on 6543, a pool of 2 server connections per database.
    def start_pgbouncer(self) -> None:
        if port_in_use(PGBOUNCER_PORT):
            self.pgbouncer_error = f"port {PGBOUNCER_PORT} is taken: the pooler cases are skipped"
            log(self.pgbouncer_error)
            return
        bdir = self.root / "pgbouncer"
        bdir.mkdir()
        (bdir / "userlist.txt").write_text('"app" ""\n"proof" ""\n')
        (bdir / "pgbouncer.ini").write_text(f"""[databases]
app = host=127.0.0.1 port={self.pg_port} dbname=app user=pooled

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {PGBOUNCER_PORT}
unix_socket_dir =
auth_type = trust
auth_file = {bdir / "userlist.txt"}
pool_mode = transaction
default_pool_size = {PGBOUNCER_POOL}
max_client_conn = 500
ignore_startup_parameters = extra_float_digits,options
admin_users = proof
logfile = {bdir / "pgbouncer.log"}
""")
        if os.geteuid() == 0:
            shutil.chown(bdir, "postgres", "postgres")
            for f in bdir.iterdir():
                shutil.chown(f, "postgres", "postgres")
        exe = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        self.pgbouncer = REAPER.spawn(as_postgres([exe, str(bdir / "pgbouncer.ini")]),
                                      logfile=self.root / "pgbouncer.out", name="pgbouncer")
        if not wait_port(PGBOUNCER_PORT, 30, self.pgbouncer):
            self.pgbouncer_error = "PgBouncer did not start"
            log(self.pgbouncer_error)
            return
        self.pgbouncer_ok = True
        log(f"PgBouncer (transaction mode, pool {PGBOUNCER_POOL}) on 127.0.0.1:{PGBOUNCER_PORT}")


class WebSocketServer:
    """A WebSocket server on 127.0.0.1 that counts the sockets open on it."""

    def __init__(self) -> None:
        self.open = 0
        self.total = 0
        self.peak = 0
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.ready.wait(10)
        REAPER.callbacks.append(self.close)
        log(f"WebSocket server on 127.0.0.1:{self.port}")

    def _run(self) -> None:
        from websockets.asyncio.server import serve  # noqa: PLC0415

        async def handler(ws):
            self.open += 1
            self.total += 1
            self.peak = max(self.peak, self.open)
            async def feed():
                n = 0
                while True:
                    await ws.send(f"message {n}")
                    n += 1
                    await asyncio.sleep(0.5)

            sender = asyncio.ensure_future(feed())
            try:
                await ws.wait_closed()  # counted open until the client's close arrives
            finally:
                self.open -= 1
                sender.cancel()

        async def main():
            self.stop_future = self.loop.create_future()
            async with serve(handler, "127.0.0.1", self.port):
                self.ready.set()
                await self.stop_future

        self.loop.run_until_complete(main())

    def reset(self) -> None:
        self.total = 0
        self.peak = self.open

    def close(self) -> None:
        if not self.stop_future.done():
            self.loop.call_soon_threadsafe(
                lambda: self.stop_future.done() or self.stop_future.set_result(None))
        self.thread.join(10)


# ---------------------------------------------------------------------------------------------
# Sampling and load


class Sampler:
    def __init__(self, count, interval: float = 0.1) -> None:
        self.count = count
        self.interval = interval
        self.series: list[tuple[float, int]] = []
        self.stop_event = threading.Event()
        self.t0 = time.monotonic()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop_event.is_set():
            try:
                self.series.append((round(time.monotonic() - self.t0, 2), self.count()))
            except Exception:
                pass
            self.stop_event.wait(self.interval)

    def now(self) -> int:
        return self.count()

    def stop(self) -> list[tuple[float, int]]:
        self.stop_event.set()
        self.thread.join(5)
        return self.series


def normalize_error(text: str) -> str:
    """One line per kind of error: the app's message, with ports, ids and names blurred."""
    prefix = ""
    m = re.match(r"(HTTP \d+: )(.*)", text, re.S)
    if m:
        prefix, text = m.group(1), m.group(2)
        try:
            text = str(json.loads(text).get("error", text))
        except Exception:
            pass
    text = " ".join(str(text).split())
    text = re.sub(re.escape(str(CACHE)) + r"/[\w-]+/work-[\w-]+/", "…/", text)
    text = re.sub(r"\(Background on this error at: [^)]*\)", "", text)
    text = re.sub(r"\[SQL: .*", "", text)
    text = re.sub(r'connection to server at "[^"]*", port \d+ failed: ', "", text)
    text = re.sub(r'prepared statement "[^"]*"', 'prepared statement "…"', text)
    text = re.sub(r" HINT: .*", "", text)
    # SQLAlchemy's wrappers: `DBAPIError: (sqlalchemy….Error) <class 'asyncpg.exceptions.X'>: m`
    text = re.sub(r"^\w+: \((?:sqlalchemy|psycopg2)[\w.]*\) (?:<class '[\w.]*?(\w+)'>: )?",
                  lambda m: f"{m.group(1)}: " if m.group(1) else "", text)
    text = re.sub(r"\b[0-9a-f]*\d[0-9a-f]*\b", lambda m: m.group(0) if len(m.group(0)) < 3 else "N",
                  text)
    return (prefix + text.strip())[:200]


@dataclass
class Load:
    requests: int = 0
    ok: int = 0
    errors: int = 0
    kinds: dict = field(default_factory=dict)
    seconds: float = 0.0

    def add_error(self, text: str) -> None:
        self.errors += 1
        k = normalize_error(text)
        self.kinds[k] = self.kinds.get(k, 0) + 1


def drive(port: int, path_of, n: int, concurrency: int, duration: float,
          timeout: float = 10) -> Load:
    """n requests to 127.0.0.1:port, `concurrency` at once, stopping at `duration` seconds."""
    load = Load()
    lock = threading.Lock()
    counter = iter(range(n))
    deadline = time.monotonic() + duration
    t0 = time.monotonic()

    def worker():
        while time.monotonic() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                conn.request("GET", path_of(i))
                resp = conn.getresponse()
                body = resp.read().decode("utf-8", "replace")
                conn.close()
                with lock:
                    load.requests += 1
                    if resp.status == 200:
                        load.ok += 1
                    else:
                        load.add_error(f"HTTP {resp.status}: {body}")
            except Exception as e:  # a timeout, a refused connection
                with lock:
                    load.requests += 1
                    load.add_error(f"{type(e).__name__}: {e}")

    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(worker)
    load.seconds = round(time.monotonic() - t0, 1)
    return load


# ---------------------------------------------------------------------------------------------
# connlint


def connlint_binary() -> Path:
    if os.environ.get("CONNLINT"):
        return Path(os.environ["CONNLINT"])
    log("cargo build --bin connlint (debug)")
    run(["cargo", "build", "--quiet", "--bin", "connlint"], cwd=REPO)
    return REPO / "target" / "debug" / "connlint"


def connlint_json(connlint: Path, app: Path) -> dict:
    r = subprocess.run([str(connlint), "check", "--format", "json", "--no-cache", "."], cwd=app,
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"connlint check failed ({r.returncode}): {r.stderr}")
    return json.loads(r.stdout)


def connlint_fix(connlint: Path, app: Path) -> str:
    r = subprocess.run([str(connlint), "check", "--fix", "--unsafe-fixes", "--no-cache", "."],
                       cwd=app, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"connlint --fix failed ({r.returncode}): {r.stderr}{r.stdout}")
    return r.stdout + r.stderr


def tree_diff(a: Path, b: Path) -> str:
    out = []
    for fa in sorted(a.rglob("*")):
        if not fa.is_file() or "node_modules" in fa.parts or ".next" in fa.parts:
            continue
        rel = fa.relative_to(a)
        fb = b / rel
        ta = fa.read_text(errors="replace").splitlines(keepends=True)
        tb = fb.read_text(errors="replace").splitlines(keepends=True) if fb.exists() else []
        out.extend(difflib.unified_diff(ta, tb, f"bad/{rel}", f"fixed/{rel}"))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Cases


@dataclass
class Case:
    id: str
    rule: str
    language: str
    app: str            # folder under apps/
    file: str           # the file whose finding is the case's
    kind: str           # uvicorn | node | rust | next | browser
    server: str         # postgres | redis | ws
    what: str
    path: str = "/"     # request path; "{i}" is the request's number; "|" separates paths taken in turn
    n: int = 200
    concurrency: int = 10
    duration: float = 20
    flat: int = 0       # the fixed app's ceiling: its pool size (or concurrency)
    pooler: bool = False
    binary: str = ""    # rust: the bin
    settle: float = 2.0
    quick: bool = False
    restarts: int = 0   # the app is stopped and started again (a deploy) this many times mid-load


CASES = [
    Case("py-per-request-client", "per-request-client", "python", "py-per-request-client",
         "main.py", "uvicorn", "postgres",
         "FastAPI route that calls create_engine() on every request",
         path="/users/{i}", n=400, concurrency=10, duration=20, flat=10),
    Case("py-unclosed-session", "unclosed-session", "python", "py-unclosed-session",
         "main.py", "uvicorn", "postgres",
         "FastAPI get_db() dependency that never closes its Session (pool 5 + overflow 10)",
         path="/users/{i}", n=300, concurrency=4, duration=20, flat=5),
    Case("py-oversized-pool", "oversized-pool", "python", "py-oversized-pool", "main.py",
         "uvicorn", "postgres",
         "SQLAlchemy pool_size=20, max_overflow=30 against max_connections 30, 40 requests at once",
         path="/report", n=200, concurrency=40, duration=25, flat=7, quick=True),
    Case("py-pooler-prepared-statements", "pooler-prepared-statements", "python",
         "py-pooler-prepared-statements", "main.py", "uvicorn", "postgres",
         "SQLAlchemy + asyncpg through PgBouncer (transaction mode, :6543) with prepared statements on",
         path="/items/{i}", n=400, concurrency=20, duration=20, flat=PGBOUNCER_POOL, pooler=True,
         restarts=1),
    Case("py-duplicate-client-module", "duplicate-client-module", "python",
         "py-duplicate-client-module", "reports.py", "uvicorn", "postgres",
         "FastAPI app whose reports module builds a second engine (pool 5) beside db.py's (pool 5)",
         path="/users/{i}|/reports/{i}", n=200, concurrency=20, duration=20, flat=5),
    Case("ts-per-request-client", "per-request-client", "typescript", "ts-per-request-client",
         "server.js", "node", "postgres",
         "Express route that builds a pg.Pool on every request",
         path="/users/{i}", n=400, concurrency=10, duration=20, flat=10, quick=True),
    Case("ts-unclosed-session", "unclosed-session", "typescript", "ts-unclosed-session",
         "server.js", "node", "postgres",
         "Express route that takes a client from pool.connect() and never releases it (pool max 10)",
         path="/users/{i}", n=200, concurrency=4, duration=20, flat=4),
    Case("ts-oversized-pool", "oversized-pool", "typescript", "ts-oversized-pool", "server.js",
         "node", "postgres",
         "pg.Pool max 50 against max_connections 30, 40 requests at once",
         path="/report", n=200, concurrency=40, duration=25, flat=7),
    Case("ts-pooler-prepared-statements", "pooler-prepared-statements", "typescript",
         "ts-pooler-prepared-statements", "server.js", "node", "postgres",
         "postgres.js through PgBouncer (transaction mode, :6543) with prepared statements on",
         path="/items/{i}", n=400, concurrency=20, duration=20, flat=PGBOUNCER_POOL, pooler=True,
         restarts=1),
    Case("ts-hot-reload-client", "hot-reload-client", "typescript", "ts-hot-reload-client",
         "lib/redis.js", "next", "redis",
         "Next.js (next dev) module-scope ioredis client; the module edited N times",
         n=6, flat=1),
    Case("ts-effect-missing-cleanup", "effect-missing-cleanup", "typescript",
         "ts-effect-missing-cleanup", "src/Feed.tsx", "browser", "ws",
         "React useEffect opening a WebSocket without cleanup; mounted and unmounted N times in "
         "headless Chromium", n=20, flat=1),
    Case("ts-duplicate-client-module", "duplicate-client-module", "typescript",
         "ts-duplicate-client-module", "routes/reports.js", "node", "postgres",
         "Express app whose reports module builds a second pg.Pool (max 10) beside db.js's (max 10)",
         path="/users/{i}|/reports/{i}", n=200, concurrency=20, duration=20, flat=10),
    Case("rs-per-request-client", "per-request-client", "rust", "rs-axum-sqlx",
         "src/bin/per_request.rs", "rust", "postgres",
         "axum handler that builds a sqlx PgPool on every request, beside the app's shared State pool",
         path="/users/{i}", n=400, concurrency=40, duration=20, flat=5, binary="per_request",
         quick=True),
    Case("rs-per-request-client-no-state", "per-request-client", "rust", "rs-axum-sqlx",
         "src/bin/per_request_no_state.rs", "rust", "postgres",
         "axum handler that builds a sqlx PgPool on every request, in an app with no State",
         path="/users/{i}", n=400, concurrency=40, duration=20, flat=5,
         binary="per_request_no_state"),
    Case("rs-duplicate-client-module", "duplicate-client-module", "rust",
         "rs-axum-sqlx-two-modules", "src/reports.rs", "rust", "postgres",
         "axum app whose reports module keeps a second LazyLock PgPool (max 5) beside db.rs's (max 5)",
         path="/users/{i}|/reports/{i}", n=200, concurrency=20, duration=20, flat=5,
         binary="two_modules"),
    Case("rs-duplicate-client-module-bin-dir", "duplicate-client-module", "rust", "rs-axum-sqlx",
         "src/bin/duplicate/reports.rs", "rust", "postgres",
         "the same two modules in a binary of its own folder (src/bin/duplicate/)",
         path="/users/{i}|/reports/{i}", n=200, concurrency=20, duration=20, flat=5,
         binary="duplicate"),
    Case("rs-oversized-pool", "oversized-pool", "rust", "rs-axum-sqlx", "src/bin/oversized.rs",
         "rust", "postgres",
         "sqlx max_connections(60) against max_connections 30, 40 requests at once",
         path="/report", n=200, concurrency=40, duration=25, flat=7, binary="oversized"),
]


class Env:
    """What the cases share: servers, the venv, the node dependencies, connlint."""

    def __init__(self, root: Path, connlint: Path, servers: Servers) -> None:
        self.root = root
        self.connlint = connlint
        self.servers = servers
        self.venv_python = Path(sys.executable)
        self.prepared: dict[str, tuple[Path, Path, dict, str, str]] = {}

    def node_dir(self, case: Case) -> Path:
        group = "node-web" if case.kind in ("next", "browser") else "node-server"
        d = CACHE / group
        if not (d / "node_modules" / ".package-lock.json").exists() or not same_file(
                HERE / "deps" / group / "package-lock.json", d / "package-lock.json"):
            log(f"npm ci ({group})")
            d.mkdir(parents=True, exist_ok=True)
            for f in ("package.json", "package-lock.json"):
                shutil.copy(HERE / "deps" / group / f, d / f)
            run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=d,
                stdout=subprocess.DEVNULL)
        return d

    def prepare(self, case: Case):
        """The bad copy, connlint's report on it, the fixed copy (connlint's fix), the diff."""
        if case.app in self.prepared:
            return self.prepared[case.app]
        if case.kind in ("node", "next", "browser"):
            # Under the cache's node folder, so that Node (and Next's webpack) resolve the
            # installed packages from the parent node_modules; removed at exit.
            parent = REAPER.tempdir(f"work-{os.getpid()}-", self.node_dir(case))
        else:
            parent = self.root
        bad = parent / f"{case.app}-bad"
        fixed = parent / f"{case.app}-fixed"
        shutil.copytree(APPS / case.app, bad)
        report = connlint_json(self.connlint, bad)
        shutil.copytree(bad, fixed)
        fix_out = connlint_fix(self.connlint, fixed)
        diff = tree_diff(bad, fixed)
        self.prepared[case.app] = (bad, fixed, report, fix_out, diff)
        return self.prepared[case.app]

    def counter(self, case: Case):
        if case.server == "postgres" and case.pooler:
            return lambda: self.servers.pg_connections("pooled")
        if case.server == "postgres":
            return self.servers.pg_connections
        if case.server == "redis":
            return self.servers.redis_connections
        return lambda: self.servers.ws.open

    def database_url(self, case: Case) -> str:
        if case.pooler:
            host = f"127.0.0.1:{PGBOUNCER_PORT}"
        else:
            host = f"127.0.0.1:{self.servers.pg_port}"
        if case.language == "python" and case.pooler:
            return f"postgresql+asyncpg://app@{host}/app"
        return f"postgresql://app@{host}/app"

    def app_env(self, case: Case, port: int) -> dict:
        env = dict(os.environ)
        env.update(PORT=str(port), DATABASE_URL=self.database_url(case),
                   NEXT_TELEMETRY_DISABLED="1")
        if self.servers.redis_port:
            env["REDIS_URL"] = f"redis://127.0.0.1:{self.servers.redis_port}"
        return env

    # One phase: start the app, drive its load while sampling, wait, stop it; with restarts, the
    # load is split between the runs (a deploy in the middle), and their results joined.
    def phase(self, case: Case, app: Path, label: str) -> dict:
        if not case.restarts:
            return self.phase_once(case, app, label)
        runs = case.restarts + 1
        part = Case(**{**case.__dict__, "n": case.n // runs, "duration": case.duration / runs})
        results = [self.phase_once(part, app, f"{label}-run{k + 1}") for k in range(runs)]
        per_run = [r["errors"] for r in results]
        joined = dict(results[0])
        for r in results[1:]:
            offset = (joined["series"][-1][0] + 0.5) if joined["series"] else 0
            joined["series"] = joined["series"] + [(round(t + offset, 2), n)
                                                   for t, n in r["series"]]
            joined["peak"] = max(joined["peak"], r["peak"])
            joined["final"] = r["final"]
            for k in ("requests", "ok", "errors", "seconds", "refused"):
                joined[k] += r[k]
            for k, v in r["error_kinds"].items():
                joined["error_kinds"][k] = joined["error_kinds"].get(k, 0) + v
        joined["errors_per_run"] = per_run
        return joined

    def phase_once(self, case: Case, app: Path, label: str) -> dict:
        refused = self.servers.pg_refusals()
        if self.servers.ws:
            self.servers.ws.reset()
        r = self.phase_run(case, app, label)
        r["refused"] = self.servers.pg_refusals() - refused
        if case.server == "ws":
            r["opened"] = self.servers.ws.total
            r["peak"] = max(r["peak"], self.servers.ws.peak)
        return r

    def phase_run(self, case: Case, app: Path, label: str) -> dict:
        count = self.counter(case)
        if not case.pooler:  # PgBouncer keeps its server connections; the others go to 0
            wait_zero(count, 20)
        logdir = self.root / "logs"
        logdir.mkdir(exist_ok=True)
        logfile = logdir / f"{case.id}-{label}.log"
        port = free_port()
        env = self.app_env(case, port)
        if case.kind == "rust":
            proc = self.rust_start(case, app, env, logfile, label)
            if proc is None:
                return did_not_start(count, logfile, "the app did not build")
            return self.phase_http(case, proc, port, count, label)
        if case.kind == "uvicorn":
            cmd = [str(self.venv_python), "-m", "uvicorn", "main:app", "--host", "127.0.0.1",
                   "--port", str(port), "--log-level", "warning"]
            proc = REAPER.spawn(cmd, cwd=app, env=env, logfile=logfile, name=case.id)
            return self.phase_http(case, proc, port, count, label)
        if case.kind == "node":
            proc = REAPER.spawn(["node", "server.js"], cwd=app, env=env, logfile=logfile,
                                name=case.id)
            return self.phase_http(case, proc, port, count, label)
        if case.kind == "next":
            return self.phase_next(case, app, env, port, count, logfile, label)
        if case.kind == "browser":
            return self.phase_browser(case, app, count, logfile, label)
        raise ValueError(case.kind)

    def rust_start(self, case, app, env, logfile, label):
        target = CACHE / "rust-target"
        # Cargo judges a path package fresh by mtimes: the bad copy's sources keep the repo's, older
        # than the last build of the fixed copy, so every copy's sources are touched first.
        now = time.time()
        for f in app.rglob("*.rs"):
            os.utime(f, (now, now))
        t = time.monotonic()
        with open(logfile, "ab") as out:
            built = subprocess.run(["cargo", "build", "--quiet", "--bin", case.binary], cwd=app,
                                   env=dict(env, CARGO_TARGET_DIR=str(target)), stdout=out,
                                   stderr=out)
        if built.returncode != 0:
            return None
        log(f"  cargo build --bin {case.binary} ({label}): {time.monotonic() - t:.0f}s")
        exe = self.root / f"{case.binary}-{label}"
        shutil.copy(target / "debug" / case.binary, exe)
        return REAPER.spawn([str(exe)], cwd=app, env=env, logfile=logfile, name=case.id)

    def phase_http(self, case, proc, port, count, label) -> dict:
        if not wait_port(port, 60, proc):
            REAPER.stop(proc)
            return did_not_start(count, self.root / "logs" / f"{case.id}-{label}.log")
        sampler = Sampler(count)
        paths = case.path.split("|")
        load = drive(port, lambda i: paths[i % len(paths)].format(i=i + 1), case.n,
                     case.concurrency, case.duration)
        time.sleep(case.settle)
        final = count()
        series = sampler.stop()
        REAPER.stop(proc)
        return phase_result(series, final, load)

    def phase_next(self, case, app, env, port, count, logfile, label) -> dict:
        nodedir = self.node_dir(case)
        cmd = ["node", str(nodedir / "node_modules" / "next" / "dist" / "bin" / "next"), "dev",
               "-p", str(port), "-H", "127.0.0.1"]
        proc = REAPER.spawn(cmd, cwd=app, env=env, logfile=logfile, name=case.id)
        load = Load()
        if not wait_port(port, 120, proc):
            REAPER.stop(proc)
            raise RuntimeError(f"next dev did not start; see logs/{case.id}-{label}.log")
        sampler = Sampler(count)
        module = app / case.file

        def hit():
            for _ in range(3):
                got = drive(port, lambda i: "/api/hits", 1, 1, 120, timeout=120)
                load.requests += got.requests
                load.ok += got.ok
                for k, v in got.kinds.items():
                    load.kinds[k] = load.kinds.get(k, 0) + v
                    load.errors += v
                if got.ok:
                    return

        t = time.monotonic()
        hit()  # the first compile
        for k in range(case.n):
            # An edit as a developer makes one: next dev recompiles and, on the next request,
            # evaluates the module again.
            with open(module, "a") as f:
                f.write(f"// edit {k + 1}\n")
            time.sleep(1.5)
            hit()
        load.seconds = round(time.monotonic() - t, 1)
        time.sleep(case.settle)
        final = count()
        series = sampler.stop()
        REAPER.stop(proc)
        return phase_result(series, final, load)

    def phase_browser(self, case, app, count, logfile, label) -> dict:
        nodedir = self.node_dir(case)
        dist = app / "dist"
        dist.mkdir(exist_ok=True)
        with open(logfile, "ab") as out:
            run([str(nodedir / "node_modules" / ".bin" / "esbuild"), "src/main.tsx", "--bundle",
                 "--outfile=dist/bundle.js", "--jsx=automatic",
                 "--define:process.env.NODE_ENV=\"production\""], cwd=app, stdout=out, stderr=out)
        shutil.copy(app / "index.html", dist / "index.html")
        done = threading.Event()

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(dist), **kw)

            def do_GET(self):
                if self.path == "/done":
                    done.set()
                    self.send_response(204)
                    self.end_headers()
                    return
                super().do_GET()

            def log_message(self, *a):
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        REAPER.callbacks.append(httpd.shutdown)
        url = (f"http://127.0.0.1:{httpd.server_address[1]}/index.html?"
               f"ws=ws://127.0.0.1:{self.servers.ws.port}/&mounts={case.n}")
        profile = REAPER.tempdir("chromium-", self.root)
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        sampler = Sampler(count)
        t = time.monotonic()
        proc = REAPER.spawn([chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                             "--disable-dev-shm-usage", "--no-first-run",
                             "--no-default-browser-check", "--disable-extensions",
                             "--remote-debugging-port=0", f"--user-data-dir={profile}", url],
                            logfile=logfile, name="chromium")
        load = Load()
        if done.wait(60):
            load.requests = load.ok = case.n
        else:
            load.add_error("the page did not finish its mounts in 60 s")
        load.seconds = round(time.monotonic() - t, 1)
        time.sleep(case.settle)
        final = count()  # the page is still open: sockets its unmounted feeds left behind
        series = sampler.stop()
        REAPER.stop(proc)
        httpd.shutdown()
        httpd.server_close()
        return phase_result(series, final, load)


def same_file(a: Path, b: Path) -> bool:
    return a.exists() and b.exists() and a.read_bytes() == b.read_bytes()


def wait_zero(count, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if count() == 0:
                return
        except Exception:
            pass
        time.sleep(0.3)


def did_not_start(count, logfile: Path, what: str = "the app did not start") -> dict:
    """The app exited (or never listened): its last lines are the error it saw."""
    lines = logfile.read_text(errors="replace").strip().splitlines() if logfile.exists() else []
    why = next((line for line in lines if re.search(r"\b(\w*Error\b|error(\[E\d+\])?:)", line)),
               lines[-1] if lines else "no output")
    load = Load()
    load.add_error(f"{what}: {why.strip()}")
    n = count()
    return phase_result([(0.0, n)], n, load)


def phase_result(series, final, load: Load) -> dict:
    return {
        "peak": max([n for _, n in series] + [final]),
        "final": final,
        "requests": load.requests,
        "ok": load.ok,
        "errors": load.errors,
        "error_kinds": dict(sorted(load.kinds.items(), key=lambda kv: -kv[1])),
        "seconds": load.seconds,
        "series": series,
    }


def run_case(env: Env, case: Case) -> dict:
    t = time.monotonic()
    log(f"== {case.id}: {case.what}")
    result = {"case": case.id, "rule": case.rule, "language": case.language, "app": case.what,
              "server": case.server, "load": load_text(case), "fixed_ceiling": case.flat}
    if case.pooler and not env.servers.pgbouncer_ok:
        result.update(status="skipped", problems=[env.servers.pgbouncer_error])
        return result
    bad, fixed, report, fix_out, diff = env.prepare(case)
    mine = [d for d in report["diagnostics"] if d["path"].endswith(case.file)]
    hits = [d for d in mine if d["rule"] == case.rule]
    result["finding"] = [{"location": f"{case.file}:{d['line']}:{d['column']}",
                          "severity": d["severity"], "message": d["message"],
                          "fix": (d["fix"] or {}).get("applicability")} for d in hits]
    result["other_findings"] = [f"{d['rule']} {d['path']}:{d['line']}" for d in mine
                                if d["rule"] != case.rule]
    file_diff = "".join(block for block in split_diff(diff) if block_is_for(block, case.file))
    result["fix_diff"] = file_diff
    result["fixed"] = bool(file_diff)
    fixed_report = connlint_json(env.connlint, fixed)
    result["after_fix"] = [f"{d['rule']} {case.file}:{d['line']}: {d['message']}"
                           for d in fixed_report["diagnostics"]
                           if d["path"].endswith(case.file) and d["rule"] == case.rule]
    b = env.phase(case, bad, "bad")
    log(f"  bad:   peak {b['peak']}, final {b['final']}, {b['errors']} errors of "
        f"{b['requests']}")
    f = env.phase(case, fixed, "fixed")
    log(f"  fixed: peak {f['peak']}, final {f['final']}, {f['errors']} errors of "
        f"{f['requests']}")
    for label, p in (("bad", b), ("fixed", f)):
        for k in ("peak", "final", "errors", "error_kinds", "requests", "seconds", "series",
                  "errors_per_run", "refused", "opened"):
            if k in p:
                result[f"{label}_{k}"] = p[k]
    problems = []
    if not hits:
        problems.append(f"connlint reported no {case.rule} in {case.file}")
    if not result["fixed"]:
        problems.append(f"connlint --fix --unsafe-fixes did not change {case.file}")
    if not (b["errors"] > 0 or b["refused"] > 0 or b["peak"] > case.flat):
        problems.append(f"the bad app did not show the bug (peak {b['peak']} <= {case.flat}, "
                        "no errors)")
    if f["refused"] > 0:
        problems.append(f"the server refused {f['refused']} connections of the fixed app")
    start = next((k for k in f["error_kinds"] if k.startswith("the app did not")), None)
    if start:
        problems.append(f"the fixed app: {start}")
    elif f["errors"] > 0:
        problems.append(f"the fixed app still saw {f['errors']} errors")
    if f["peak"] > case.flat or f["final"] > case.flat:
        problems.append(f"the fixed app went over {case.flat} connections "
                        f"(peak {f['peak']}, final {f['final']})")
    result["problems"] = problems
    result["status"] = "ok" if not problems else "FAIL"
    result["seconds"] = round(time.monotonic() - t, 1)
    log(f"  {result['status']} {'; '.join(problems)} ({result['seconds']}s)")
    return result


def split_diff(diff: str) -> list[str]:
    blocks, cur = [], []
    for line in diff.splitlines(keepends=True):
        if line.startswith("--- bad/") and cur:
            blocks.append("".join(cur))
            cur = []
        cur.append(line)
    if cur:
        blocks.append("".join(cur))
    return blocks


def block_is_for(block: str, file: str) -> bool:
    return block.startswith(f"--- bad/{file}\n") or block.startswith(f"--- bad/{file}\t")


def load_text(case: Case) -> str:
    if case.restarts:
        return (f"{case.n} requests, {case.concurrency} at once, the app restarted (a deploy) "
                f"after {case.n // (case.restarts + 1)}")
    if case.kind == "next":
        return f"{case.n} edits of {case.file} under next dev, one request after each"
    if case.kind == "browser":
        return f"{case.n} mounts and unmounts, 100 ms apart"
    return (f"{case.n} requests, {case.concurrency} at once, at most {case.duration:.0f} s")


# ---------------------------------------------------------------------------------------------
# Output


def error_text(kinds: dict) -> str:
    if not kinds:
        return "none"
    return "; ".join((f"{n}× `{k[:150]}`" if n else k) for k, n in list(kinds.items())[:3])


def markdown(results: list[dict], meta: dict) -> str:
    lines = [
        "# Proof: each rule's bug, and its fix, measured in a real server's connections",
        "",
        f"Generated by `benches/proof/run{meta['args']}` on {meta['date']} in {meta['seconds']:.0f} s "
        f"(PostgreSQL {meta['pg_version']} with max_connections {PG_MAX_CONNECTIONS}, "
        f"{PG_RESERVED} reserved: {PG_MAX_CONNECTIONS - PG_RESERVED} for the apps; Redis; "
        f"PgBouncer transaction mode, pool {PGBOUNCER_POOL}; connlint {meta['connlint']}).",
        "",
        "Peak and final are the server's connections (PostgreSQL `pg_stat_activity` of the apps' "
        "role, Redis `CLIENT LIST`, the WebSocket server's open sockets); final is counted "
        "2 s after the load ended, the app still running. \"fixed\" is the app after "
        "`connlint check --fix --unsafe-fixes`, never edited by hand.",
        "",
    ]
    by_rule: dict[str, list[dict]] = {}
    for r in results:
        by_rule.setdefault(r["rule"], []).append(r)
    for rule, rs in by_rule.items():
        lines += [f"## {rule}", "",
                  "| case | load | connlint on the bad app | server | peak bad → fixed | "
                  "final bad → fixed | refused by the server bad → fixed | errors bad | "
                  "errors fixed | result |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for r in rs:
            if r.get("status") == "skipped" or "bad_series" not in r:
                lines.append(f"| {r['case']}: {r['app']} | | | | | | | | | "
                             f"**{r['status']}: {'; '.join(r['problems'])}** |")
                continue
            finding = "<br>".join(f"`{f['location']}` {f['message'][:140]}"
                                  + ("" if f["fix"] in ("unsafe", "safe") else
                                     f" (fix: {f['fix']})")
                                  for f in r["finding"]) or "**not reported**"
            if not r["fixed"]:
                finding += "<br>**the fix changed nothing**"
            res = "ok" if r["status"] == "ok" else "**" + "; ".join(r["problems"]) + "**"
            refused = (f"{r['bad_refused']} → {r['fixed_refused']}" if r["server"] == "postgres"
                       else "n/a")
            if r.get("bad_opened") is not None:
                refused = (f"n/a (sockets opened: {r['bad_opened']} → {r['fixed_opened']})")
            for label in ("bad", "fixed"):
                if r.get(f"{label}_errors_per_run"):
                    r = {**r}
                    r[f"{label}_error_kinds"] = {
                        f"per run: {' then '.join(map(str, r[f'{label}_errors_per_run']))}": 0,
                        **r[f"{label}_error_kinds"]}
            lines.append(
                f"| {r['case']}: {r['app']} | {r['load']} | {finding} | {r['server']} | "
                f"{r['bad_peak']} → {r['fixed_peak']} | {r['bad_final']} → {r['fixed_final']} | "
                f"{refused} | "
                f"{r['bad_errors']}/{r['bad_requests']}: {error_text(r['bad_error_kinds'])} | "
                f"{r['fixed_errors']}/{r['fixed_requests']}: {error_text(r['fixed_error_kinds'])}"
                f" | {res} |")
        lines.append("")
    lines += ["## The fixes connlint wrote", ""]
    for r in results:
        if r.get("fix_diff"):
            lines += [f"### {r['case']}", "", "```diff", r["fix_diff"].rstrip(), "```", ""]
    lines += ["![Connections over time, bad vs fixed](chart.svg)", ""]
    return "\n".join(lines)


def chart(results: list[dict], path: Path) -> None:
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    rs = [r for r in results if r.get("bad_series") is not None]
    cols = 3
    rows = (len(rs) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.2 * rows), squeeze=False)
    for ax, r in zip(axes.flat, rs):
        for label, color in (("bad", "#c0392b"), ("fixed", "#27ae60")):
            s = r[f"{label}_series"]
            extra = (f", refused {r[f'{label}_refused']}" if r["server"] == "postgres" else "")
            ax.step([t for t, _ in s], [n for _, n in s], where="post", color=color,
                    label=f"{label} (errors {r[f'{label}_errors']}{extra})")
        if r["server"] == "postgres":
            ax.axhline(PG_MAX_CONNECTIONS - PG_RESERVED, color="#7f8c8d", ls="--", lw=0.8,
                       label="server limit")
        ax.set_title(f"{r['case']}", fontsize=10)
        ax.set_xlabel("seconds")
        ax.set_ylabel({"postgres": "PostgreSQL conns", "redis": "Redis clients",
                       "ws": "open WebSockets"}[r["server"]])
        ax.legend(fontsize=7, loc="upper left")
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(rs):]:
        ax.axis("off")
    fig.suptitle("Server connections over time: the bad app vs connlint's fix", fontsize=12)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None})
    plt.close(fig)


def print_table(results: list[dict]) -> None:
    print()
    print(f"{'case':36} {'found':6} {'fixed':6} {'peak bad→fixed':15} {'final bad→fixed':16} "
          f"{'refused bad/fixed':18} {'errors bad/fixed':17} result")
    for r in results:
        if r.get("status") == "skipped":
            print(f"{r['case']:36} skipped: {r['problems'][0]}")
            continue
        print(f"{r['case']:36} {('yes' if r['finding'] else 'NO'):6} "
              f"{('yes' if r['fixed'] else 'NO'):6} "
              f"{r['bad_peak']:>5} → {r['fixed_peak']:<7} {r['bad_final']:>5} → "
              f"{r['fixed_final']:<8} {r['bad_refused']:>7} / {r['fixed_refused']:<8} "
              f"{r['bad_errors']:>6} / {r['fixed_errors']:<8} "
              f"{r['status']}{': ' + '; '.join(r['problems']) if r['problems'] else ''}")
    print()


def main() -> int:
    ap = argparse.ArgumentParser(prog="benches/proof/run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="one case per language")
    ap.add_argument("--ci", action="store_true",
                    help="--quick, and exit 1 unless every case shows its bug and its fix holds")
    ap.add_argument("--case", action="append", default=[], help="only these cases (by id)")
    ap.add_argument("--out", type=Path, help="write the results as JSON")
    ap.add_argument("--write-results", action="store_true",
                    help="write RESULTS.md and chart.svg (the default for a full run)")
    ap.add_argument("--keep-logs", type=Path, help="copy the apps' and servers' logs here")
    args = ap.parse_args(sys.argv[1:])
    quick = args.quick or args.ci
    if args.case:
        cases = [c for c in CASES if c.id in args.case]
    else:
        cases = [c for c in CASES if not quick or c.quick]
    if not cases:
        print("no such case", file=sys.stderr)
        return 2
    t0 = time.monotonic()
    ensure_debian_packages(cases)
    connlint = connlint_binary()
    root = REAPER.tempdir("connlint-proof-")
    servers = Servers(root, need_pgbouncer=any(c.pooler for c in cases),
                      need_redis=any(c.server == "redis" for c in cases),
                      need_ws=any(c.server == "ws" for c in cases))
    env = Env(root, connlint, servers)
    results = []
    try:
        for case in cases:
            try:
                results.append(run_case(env, case))
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as e:
                log(f"  {case.id}: ERROR {e}")
                results.append({"case": case.id, "rule": case.rule, "language": case.language,
                                "app": case.what, "status": "FAIL", "problems": [f"error: {e}"],
                                "finding": [], "fixed": False, "server": case.server})
    finally:
        if args.keep_logs and (root / "logs").exists():
            shutil.copytree(root / "logs", args.keep_logs, dirs_exist_ok=True)
    seconds = time.monotonic() - t0
    for r in results:
        r.setdefault("bad_peak", None)
    print_table([r for r in results if "bad_series" in r or r.get("status") == "skipped"])
    for r in results:
        if r.get("status") == "FAIL" and "bad_series" not in r:
            print(f"{r['case']}: {r['problems'][0]}")
    log(f"done in {seconds:.0f}s")
    pg_version = subprocess.run(["sh", "-c", "ls /usr/lib/postgresql | sort -n | tail -1"],
                                capture_output=True, text=True).stdout.strip()
    connlint_version = subprocess.run([str(connlint), "--version"], capture_output=True,
                                      text=True).stdout.strip()
    mode = " --ci" if args.ci else " --quick" if args.quick else ""
    meta = {"args": mode + "".join(f" --case {c}" for c in args.case),
            "date": time.strftime("%Y-%m-%d"), "seconds": seconds, "pg_version": pg_version,
            "connlint": connlint_version}
    if args.out:
        args.out.write_text(json.dumps({"meta": meta, "cases": results}, indent=1) + "\n")
    if args.write_results or not (quick or args.case):
        ok = [r for r in results if "bad_series" in r]
        (HERE / "RESULTS.md").write_text(markdown(results, meta))
        if ok:
            chart(ok, HERE / "chart.svg")
        log("wrote benches/proof/RESULTS.md and benches/proof/chart.svg")
    if args.ci:
        failed = [r for r in results if r.get("status") != "ok"]
        if failed:
            for r in failed:
                print(f"proof: {r['case']}: {'; '.join(r['problems'])}", file=sys.stderr)
            return 1
    return 0


def on_signal(signum, _frame):
    raise KeyboardInterrupt(f"signal {signum}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        code = main()
    except KeyboardInterrupt as e:
        print(f"interrupted ({e}); cleaning up", file=sys.stderr)
        code = 130
    finally:
        REAPER.cleanup()
    sys.exit(code)
