"""Regression results store.

The simulator runs every cocotb test of a module in one process, so the
results DB connection is opened lazily on first use, reused by all tests
and monitors, and closed when the simulator exits.
"""
import atexit
import json
import os
import urllib.request

import psycopg

_conn = None


def get_conn() -> psycopg.Connection:
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg.connect(os.environ["REGRESSION_DB_URL"], autocommit=True,
                                application_name="cocotb-uart")
    return _conn


@atexit.register
def _close() -> None:
    if _conn is not None and not _conn.closed:
        _conn.close()


def start_run(test_name: str, seed: int) -> int:
    return get_conn().execute(
        "INSERT INTO sim_runs (test, seed, commit_sha, started_at) VALUES (%s, %s, %s, now()) RETURNING id",
        (test_name, seed, os.environ.get("CI_COMMIT_SHA", "local")),
    ).fetchone()[0]


def record_frame(run_id: int, sim_time_ns: int, sent: int, received: int) -> None:
    get_conn().execute(
        "INSERT INTO uart_frames (run_id, sim_time_ns, sent, received, ok) VALUES (%s, %s, %s, %s, %s)",
        (run_id, sim_time_ns, sent, received, sent == received),
    )


def finish_run(run_id: int, passed: bool, frames: int) -> None:
    get_conn().execute(
        "UPDATE sim_runs SET passed = %s, frames = %s, finished_at = now() WHERE id = %s",
        (passed, frames, run_id),
    )
    if not passed and os.environ.get("CHAT_WEBHOOK"):
        req = urllib.request.Request(
            os.environ["CHAT_WEBHOOK"],
            data=json.dumps({"text": f"UART regression run {run_id} failed"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        urllib.request.urlopen(req, timeout=5).close()
