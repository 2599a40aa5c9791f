"""Downtime events (fault start / fault cleared) for OEE reporting."""
import os

from psycopg2.pool import ThreadedConnectionPool

_pool = ThreadedConnectionPool(1, 3, dsn=os.environ["MES_DSN"])


def open_event(press: str, fault_code: int) -> None:
    conn = _pool.getconn()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO downtime (press, fault_code, started_at) VALUES (%s, %s, now())",
                (press, fault_code),
            )
    finally:
        _pool.putconn(conn)


def close_event(press: str) -> None:
    conn = _pool.getconn()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "UPDATE downtime SET ended_at = now() WHERE press = %s AND ended_at IS NULL",
                (press,),
            )
    finally:
        _pool.putconn(conn)
