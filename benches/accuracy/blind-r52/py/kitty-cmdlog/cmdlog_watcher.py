"""kitty global watcher that records shell commands and focus time.

kitty imports this file once and then calls the on_* functions for every
matching event in every window: on_cmd_startstop fires twice per shell
command (start and finish), on_focus_change on every focus switch.
"""
import os
import socket
import time
from typing import Any, Dict

import psycopg2
import requests
from psycopg2.pool import ThreadedConnectionPool

from kitty.boss import Boss
from kitty.window import Window

HOST = socket.gethostname()
DSN = os.environ.get("CMDLOG_DSN", "postgresql://cmdlog@localhost/cmdlog")
TIMETRACK_URL = os.environ.get("TIMETRACK_URL")

# Built once when kitty loads the watcher.
_POOL = ThreadedConnectionPool(1, 4, dsn=DSN, application_name="kitty-cmdlog")

_started: Dict[int, float] = {}


def on_load(boss: Boss, data: Dict[str, Any]) -> None:
    conn = _POOL.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute("INSERT INTO sessions (host, started_at) VALUES (%s, now())", (HOST,))
        conn.commit()
    finally:
        _POOL.putconn(conn)


def on_cmd_startstop(boss: Boss, window: Window, data: Dict[str, Any]) -> None:
    if data["is_start"]:
        _started[window.id] = time.time()
        return

    began = _started.pop(window.id, None)
    raw = data.get("cmdline") or ""
    cmdline = raw.strip()

    conn = _POOL.getconn()
    if not cmdline or raw.startswith(" "):
        # empty line or a command the user asked not to be recorded
        return
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO commands (host, window_id, cwd, cmdline, duration_s, finished_at) "
            "VALUES (%s, %s, %s, %s, %s, now())",
            (
                HOST,
                window.id,
                window.cwd_of_child,
                cmdline,
                time.time() - began if began else None,
            ),
        )
    conn.commit()
    _POOL.putconn(conn)


def on_focus_change(boss: Boss, window: Window, data: Dict[str, Any]) -> None:
    if not data["focused"] or not TIMETRACK_URL:
        return
    session = requests.Session()
    session.headers["X-Host"] = HOST
    try:
        session.post(
            TIMETRACK_URL,
            json={"title": window.title, "cwd": window.cwd_of_child, "at": time.time()},
            timeout=2,
        )
    except requests.RequestException:
        pass


def on_close(boss: Boss, window: Window, data: Dict[str, Any]) -> None:
    _started.pop(window.id, None)
    conn = _POOL.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "UPDATE commands SET window_closed = true WHERE host = %s AND window_id = %s",
                (HOST, window.id),
            )
        conn.commit()
    except psycopg2.Error:
        conn.rollback()
    finally:
        _POOL.putconn(conn)
