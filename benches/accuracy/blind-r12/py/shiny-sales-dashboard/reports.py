"""Canned report queries (shared with the nightly PDF job)."""
import os

import pandas as pd
from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("WAREHOUSE_URL", "postgresql+psycopg2://analyst@warehouse.internal:5432/sales"),
    pool_pre_ping=True,
)

REGION_SQL = text(
    """
    SELECT region, date_trunc('week', ordered_at) AS week, SUM(total) AS revenue
    FROM orders
    WHERE ordered_at >= :since
    GROUP BY region, week
    ORDER BY week
    """
)


def revenue_by_region(since) -> pd.DataFrame:
    with _engine.connect() as conn:
        return pd.read_sql(REGION_SQL, conn, params={"since": since})


def last_refresh():
    """Timestamp of the most recent ETL load into the warehouse."""
    conn = _engine.connect()
    return conn.execute(text("SELECT max(loaded_at) FROM etl_runs WHERE status = 'ok'")).scalar()
