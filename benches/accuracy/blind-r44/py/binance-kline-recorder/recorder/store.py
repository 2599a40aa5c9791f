"""Postgres helpers for the kline recorder."""
import os

import psycopg2

PG_DSN = os.environ.get("PG_DSN", "postgresql://recorder@localhost:5432/markets")

SCHEMA = """
CREATE TABLE IF NOT EXISTS klines (
    symbol      text        NOT NULL,
    interval    text        NOT NULL,
    open_time   timestamptz NOT NULL,
    close_time  timestamptz NOT NULL,
    open        numeric     NOT NULL,
    high        numeric     NOT NULL,
    low         numeric     NOT NULL,
    close       numeric     NOT NULL,
    volume      numeric     NOT NULL,
    trades      integer     NOT NULL,
    PRIMARY KEY (symbol, interval, open_time)
)
"""

INSERT_KLINE = """
INSERT INTO klines (symbol, interval, open_time, close_time, open, high, low, close, volume, trades)
VALUES (%s, %s, to_timestamp(%s / 1000.0), to_timestamp(%s / 1000.0), %s, %s, %s, %s, %s, %s)
ON CONFLICT (symbol, interval, open_time) DO UPDATE
SET high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
    volume = EXCLUDED.volume, trades = EXCLUDED.trades
"""


def open_connection():
    """Return a new connection to the markets database."""
    conn = psycopg2.connect(PG_DSN, application_name="kline-recorder", connect_timeout=5)
    conn.autocommit = False
    return conn


def ensure_schema():
    conn = open_connection()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(SCHEMA)
    finally:
        conn.close()


def kline_row(k):
    return (
        k["s"], k["i"], k["t"], k["T"],
        k["o"], k["h"], k["l"], k["c"], k["v"], k["n"],
    )
