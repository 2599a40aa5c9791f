"""Build log (Postgres) action for SCons.

One connection per scons invocation: opened lazily by the first action that
needs it and closed when the scons process exits.
"""
import atexit
import hashlib
import os
import threading

import psycopg2

import publish

_conn = None
_conn_lock = threading.Lock()
_write_lock = threading.Lock()


def connection():
    global _conn
    with _conn_lock:
        if _conn is None:
            _conn = psycopg2.connect(
                os.environ.get("BUILDLOG_DSN", "host=buildlog.internal dbname=builds user=scons"),
                connect_timeout=5,
                application_name="scons-firmware",
            )
            atexit.register(_conn.close)
    return _conn


def _sha256(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def record_artifact(target, source, env):
    binary = str(source[0])
    row = (
        env["BOARD"],
        env["VERSION"],
        env["CHANNEL"],
        _sha256(binary),
        os.path.getsize(binary),
        publish.presigned_url(env, binary),
    )
    conn = connection()
    # psycopg2 connections may be shared by threads, but not concurrent transactions
    with _write_lock:
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO firmware_builds (board, version, channel, sha256, size_bytes, download_url) "
                    "VALUES (%s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (board, version, channel) DO UPDATE SET sha256 = EXCLUDED.sha256, "
                    "size_bytes = EXCLUDED.size_bytes, download_url = EXCLUDED.download_url, built_at = now()",
                    row,
                )
            conn.commit()
        except psycopg2.Error:
            conn.rollback()
            raise
    with open(str(target[0]), "w") as out:
        out.write(" ".join(str(v) for v in row) + "\n")
    return 0
