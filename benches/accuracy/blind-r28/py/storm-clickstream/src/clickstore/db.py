"""Shared Postgres connection pool for the click store."""
import json
import os

from psycopg2.extras import Json, execute_values
from psycopg2.pool import ThreadedConnectionPool

CLICKS_DSN = os.environ.get("CLICKS_DSN", "dbname=clicks user=storm host=pg.internal")

pool = ThreadedConnectionPool(minconn=1, maxconn=4, dsn=CLICKS_DSN)

INSERT_CLICK = (
    "INSERT INTO clicks (session_id, customer_id, page, campaign, ab_bucket, occurred_at, raw) "
    "VALUES %s ON CONFLICT (session_id, occurred_at, page) DO NOTHING"
)


def click_row(session_id: str, event: dict) -> tuple:
    return (
        session_id,
        event.get("customer_id"),
        event.get("page"),
        event.get("campaign"),
        event.get("ab_bucket"),
        event.get("ts"),
        Json(event, dumps=json.dumps),
    )


def insert_clicks(rows: list[tuple]) -> int:
    """Bulk insert used by the nightly replay job; returns inserted row count."""
    conn = pool.getconn()
    try:
        with conn, conn.cursor() as cur:
            execute_values(cur, INSERT_CLICK, rows, page_size=500)
            return cur.rowcount
    finally:
        pool.putconn(conn)
