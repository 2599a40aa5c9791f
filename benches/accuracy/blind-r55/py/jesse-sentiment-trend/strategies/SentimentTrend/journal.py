"""Trade journal in the desk's shared Postgres (separate from Jesse's own DB)."""
import os
from datetime import datetime, timezone

import psycopg2

JOURNAL_DSN = os.getenv(
    "JOURNAL_DSN", "host=journal.desk.internal dbname=journal user=jesse password=jesse"
)


def connect():
    return psycopg2.connect(JOURNAL_DSN, application_name="jesse-sentiment-trend", connect_timeout=5)


def record_open(conn, *, exchange, symbol, timeframe, side, qty, price, sentiment, mode):
    with conn.cursor() as cur:
        cur.execute(
            """
            INSERT INTO positions_opened
                (opened_at, exchange, symbol, timeframe, side, qty, price, sentiment, mode)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
            """,
            (
                datetime.now(timezone.utc),
                exchange,
                symbol,
                timeframe,
                side,
                qty,
                price,
                sentiment,
                mode,
            ),
        )
    conn.commit()


def format_close_message(*, symbol, side, pnl, pnl_pct, sentiment):
    arrow = "🟢" if pnl >= 0 else "🔴"
    return (
        f"{arrow} {symbol} {side} closed: {pnl:+.2f} USDT ({pnl_pct:+.2f}%), "
        f"sentiment at entry {sentiment:+.2f}"
    )
